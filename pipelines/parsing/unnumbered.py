"""Problems that carry no number: paragraphs led by a label (问题：…), by 针对“…”问题，… or by a
lead 关于“…”的问题 over labelled parts (on the lines below, or after it on its own line). Each
starts a problem; the paragraphs after it, up to the next one, are its text."""

from __future__ import annotations

import re

from pipelines.parsing.outline import Node
from pipelines.parsing.problem_parts import is_part_label
from pipelines.parsing.vocab import PROBLEM_LEAD_LABELS, alternation

_PROBLEM_LABEL = re.compile(
    rf"^[【\[]?{alternation(PROBLEM_LEAD_LABELS)}(?:\s*:|[】\]]\s*:?)\s*(?=\S)"  # 问题：, 【问题】
)
# 针对“财务管理不规范”问题，… / 针对违规发放福利费的问题，…
_AIMED_AT = re.compile(r"^针对\s*[“\"]?([^，,。；”\"]{2,40}?)[”\"]?\s*(?:的)?\s*问题")
_ABOUT = (
    r"^关于\s*[“\"]?([^，,。；“”\"]{2,40}?)[”\"]?\s*(?:的)?\s*问题"
    r"(?:的?整改(?:落实)?(?:情况)?)?\s*"
)
# A heading line naming one problem, with its labelled parts below: 关于“食堂管理混乱”的问题
_ABOUT_PROBLEM = re.compile(_ABOUT + r"[:。]?$")
# …or a lead sentence with its labelled parts after it: 关于…的问题。问题表现：…整改情况：…
_ABOUT_LEAD = re.compile(_ABOUT + r"[:。]\s*")
_REFERS_BACK = re.compile(r"巡[视察]|反馈|指出|以上|上述|这些")


def labelled_problems(region: Node) -> list[Node]:
    """Unnumbered problems: '问题：…' / '整改情况：…' pairs, or paragraphs that open with
    '针对“…”问题，' — each starts a problem, the paragraphs after it are its text."""
    found: list[Node] = []
    for owner in [region, *region.descendants()]:
        following = [*owner.body[1:], ""]
        heads = [_unnumbered_head(p, nxt) for p, nxt in zip(owner.body, following, strict=False)]
        starts = [i for i, head in enumerate(heads) if head]
        for k, i in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(owner.body)
            index = owner.index + 1 + i  # body paragraphs follow their owner's own paragraph
            head = heads[i] or ""
            found.append(Node("label", k + 1, head, index, owner.body[i + 1 : end], parent=owner))
    found.sort(key=lambda n: n.index)
    return found if len(found) >= 2 else []


def _unnumbered_head(para: str, following: str) -> str | None:
    if _PROBLEM_LABEL.match(para):
        return _PROBLEM_LABEL.sub("", para)
    about = _ABOUT_PROBLEM.match(para)
    if about and is_part_label(following) and not _REFERS_BACK.search(about.group(1)):
        return para  # 关于“…”的问题 / 问题表现：… / 整改情况：…
    lead = _ABOUT_LEAD.match(para)
    if lead and is_part_label(para[lead.end() :]) and not _REFERS_BACK.search(lead.group(1)):
        return para  # the lead ends the title; parts() splits the labelled text after it
    aimed = _AIMED_AT.match(para)
    if aimed and not _REFERS_BACK.search(aimed.group(1)):
        # end the title where the problem is named: 针对“…”问题。<what was done>
        return para[: aimed.end()] + "。" + para[aimed.end() :].lstrip("，,。 ")
    return None
