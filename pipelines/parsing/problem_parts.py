"""One problem's parts: its short title, its description (问题表现) and rectification (整改情况)
texts, and the status it states itself (整改进展：已完成, （已完成）)."""

from __future__ import annotations

import re

from pipelines.parsing.counts import is_closing_tally
from pipelines.parsing.outline import DESC_LABEL, LABEL_END, Node, title_part
from pipelines.parsing.signature import block_start
from pipelines.parsing.statuses import STATUS_WORD, classify
from pipelines.parsing.text import in_table
from pipelines.parsing.vocab import (
    CLOSING_OPENINGS,
    DEFICIENCY_STEMS,
    LEDGER_FIELD_LABELS,
    MEASURE_OPENINGS,
    MEASURE_VERBS,
    MEASURES_LABELS,
    STATUS_INLINE_LABELS,
    STATUS_LINE_LABELS,
    TITLE_PREFIXES,
    alternation,
)

TITLE_MAX = 80
_RECT_NAMES = rf"[【\[]?{alternation(MEASURES_LABELS)}(?:及(?:其)?成效|及进展)?"  # 整改措施及成效：
_RECT_LABEL = re.compile(rf"^{_RECT_NAMES}{LABEL_END}")
# '问题表现：…。整改情况：…' on one line: the measures' label after a sentence starts their text.
_INLINE_RECT = re.compile(rf"(?<=[。；;])\s*(?={_RECT_NAMES}{LABEL_END})")
# A pattern opening with a look-behind is tried at every position: it runs only on a paragraph
# holding one of the labels it needs (looked for by their first characters).
_RECT_WORD = re.compile(alternation(MEASURES_LABELS, bare=True))
# '整改进展：已完成' on its own line, or '（已完成）' after a problem's title.
_STATUS_LINE = re.compile(rf"^{alternation(STATUS_LINE_LABELS)}\s*[:]\s*({STATUS_WORD})[。.]?$")
# '整改时限：…', '责任人：…': the ledger's fields beside the measures, not the measures.
_FIELD_LINE = re.compile(rf"^[【\[]?{alternation(LEDGER_FIELD_LABELS)}(?:\s*:|[】\]])")
_STATUS_TAG = re.compile(rf"[(【\[]({STATUS_WORD})[)】\]]")
# '…建立台账。(已完成)' / '…持续推进(长期坚持)。': a marker that ends one of the problem's paragraphs.
_END_TAG = re.compile(rf"[(（【\[]({STATUS_WORD})(?:整改)?[)）】\]][。.]?$")
# '整改措施：…。整改进展：已完成。': the status label inside a line.
_STATUS_INLINE = re.compile(rf"{alternation(STATUS_INLINE_LABELS)}\s*:\s*({STATUS_WORD})")
# '1.理论学习不够。制定学习计划…': what follows the title on its line is already the measures.
_VERB = alternation(MEASURE_VERBS)
_OPENING = alternation((*MEASURE_OPENINGS, *MEASURE_VERBS), bare=True)
_MEASURES_OPEN = re.compile(rf"^(?:{_OPENING}|已(?:经)?{_VERB})")
# …unless its first sentence still describes a deficiency: 开展谈心谈话不经常。
_STILL_DEFICIENT = re.compile(alternation(DEFICIENCY_STEMS))
# '目前该问题已整改完成' / '该问题正在整改中': a sentence about this problem's own state.
_STATUS_SENTENCE = [
    re.compile(r"(?:该|此|本)项?问题((?:已|已经)(?:整改完成|完成整改|整改到位|办结|销号))"),
    re.compile(r"(?:该|此|本)项?问题((?:正在持续|正在|仍在|持续|需长期)(?:整改|推进|坚持))"),
]
_CLOSING = re.compile(rf"^{alternation(CLOSING_OPENINGS)}")
_TITLE_PREFIX = re.compile(rf"^{alternation(TITLE_PREFIXES)}\s*")
# 存在 goes only before 问题/整改 (…方面存在的问题): in '…问题仍然存在' it is the verb.
_TITLE_SUFFIX = re.compile(
    r"(?:方面)?(?:存在(?=的?问题|整改))?(?:的)?(?:问题)?(?:的)?(?:整改(?:落实)?(?:情况|进展)?)?$|(?:等)?问题$"
)
_QUOTED = re.compile(r"^[“\"]([^“”\"]+)[”\"]$")
_CLAUSE_END = re.compile(r"[，,]")
_SENTENCE_END = re.compile(r"[。；;]")


def clean_title(head: str) -> str:
    """'针对“政治理论学习不到位”问题' -> '政治理论学习不到位'; at most TITLE_MAX characters; a
    status marker after it (已完成) is no part of it."""
    title = title_part(head)
    untagged = _END_TAG.sub("", title).rstrip()
    title = untagged if len(untagged) >= 2 else title
    title = _TITLE_PREFIX.sub("", title)
    stripped = _TITLE_SUFFIX.sub("", title).rstrip("，,、 ")
    title = stripped if len(stripped) >= 2 else title
    quoted = _QUOTED.match(title)
    if quoted:
        title = quoted.group(1)
    if len(title) > TITLE_MAX:
        title = _CLAUSE_END.split(title, maxsplit=1)[0][:TITLE_MAX]
    return title


def parts(node: Node, tail: int = 0) -> tuple[str | None, str | None]:
    """Description and rectification; `tail`: paragraphs at the end that are not the problem's."""
    head = DESC_LABEL.sub("", node.head, count=1)
    short = title_part(head)
    remainder = head[len(short) :].lstrip("。；;: ").strip()
    text = node.full_text()
    paras = ([remainder] if remainder else []) + text[: len(text) - tail]
    paras = [p for p in paras if not (_STATUS_LINE.match(p) or _FIELD_LINE.match(p))]
    paras = paras[: block_start(paras)]  # no closing paragraph: the signature follows
    for i, para in enumerate(paras):
        if _CLOSING.match(para) or in_table(paras, i):  # a ledger table (整改台账如下：) after it
            paras = paras[:i]
            break
    if paras and _introduces(paras[-1]):
        paras = paras[:-1]  # '整改台账如下：' before a table (or where a table was)
    labelled = any(DESC_LABEL.match(p) or _RECT_LABEL.match(p) for p in paras)
    # '1.采购不规范。部分项目规避招标。整改情况：修订办法。': the label inside the paragraph
    # parts the description from the measures (unless the text after the title is measures).
    measures_first = _TITLE_PREFIX.match(short) or _opens_measures(remainder)
    inline = not measures_first and any(
        _RECT_WORD.search(p) and _INLINE_RECT.search(p) for p in paras
    )
    if labelled or inline:
        paras = [part for para in paras for part in _INLINE_RECT.split(para)]
        desc: list[str] = []
        rect: list[str] = []
        current = desc
        for para in paras:
            if DESC_LABEL.match(para):
                current, para = desc, DESC_LABEL.sub("", para)
            elif _RECT_LABEL.match(para):
                current, para = rect, _RECT_LABEL.sub("", para)
            current.append(para)
        return "\n".join(desc) or None, "\n".join(rect) or None
    if measures_first or not remainder:
        return None, "\n".join(paras) or None
    return remainder, "\n".join(paras[1:]) or None


def _opens_measures(text: str) -> bool:
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    return _MEASURES_OPEN.match(text) is not None and not _STILL_DEFICIENT.search(first)


def _introduces(para: str) -> bool:
    return para.rstrip().endswith(("如下:", "如下"))


def own_status(node: Node) -> str | None:
    """The words of a status the problem states itself: a '整改进展：已完成' line, a '（已完成）'
    tag, or a sentence about it ('该问题已整改完成'); `status_of` gives their class."""
    paras = [node.head, *node.full_text()]
    for para in paras:
        match = _STATUS_LINE.match(para) or _STATUS_TAG.search(title_part(para))
        if match:
            return match.group(1)
    ends = [m.group(1) for p in _untabled(paras) if (m := _END_TAG.search(p))]
    if ends:  # markers that disagree say nothing
        return ends[0] if len({status_of(e) for e in ends}) == 1 else None
    for i, para in enumerate(paras):
        if in_table(paras, i):
            break
        inline = _STATUS_INLINE.search(para)
        if inline:
            return inline.group(1)
        stated = next((m.group(1) for rx in _STATUS_SENTENCE if (m := rx.search(para))), None)
        if stated:
            return stated
    return None


def _untabled(paras: list[str]) -> list[str]:
    """The paragraphs before a ledger table."""
    end = next((i for i in range(len(paras)) if in_table(paras, i)), len(paras))
    return paras[:end]


def status_of(words: str) -> str | None:
    """The status class of the words a problem or a ledger cell states (statuses.py)."""
    return classify(words)


def last_node(node: Node) -> Node:
    """The node (itself or a descendant) whose paragraphs end the problem."""
    return max([node, *node.descendants()], key=lambda n: n.index)


def closing_tally(node: Node) -> int:
    """How many paragraphs at the end of the last problem are the document's closing tally
    (截至目前，8个问题已整改完成6个…) and what follows it, not the problem's own text."""
    body = last_node(node).body
    start = next((i for i, para in enumerate(body) if is_closing_tally(para)), None)
    return len(body) - start if start is not None else 0


def is_part_label(para: str) -> bool:
    """The paragraph opens with a part's label: 问题表现： or 整改情况：."""
    return DESC_LABEL.match(para) is not None or _RECT_LABEL.match(para) is not None


def has_part_labels(node: Node) -> bool:
    return is_part_label(node.body[0]) if node.body else False
