"""Which branch of the outline holds the problems (their parts: problem_parts.py).

Opening sections (how the work was organised) and closing ones (next steps) are numbered like
the problems section, so the section is chosen by its heading and by how problem-like its
items are. Inside it, levels of status groups (已整改完成的问题) and aspects (聚焦…方面) are passed
through to the first level whose items read as problems (deficiencies: 不到位, 不够, 缺失 …).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar, cast

from pipelines.common.record import STATUSES
from pipelines.parsing.outline import Node
from pipelines.parsing.problem_parts import (
    clean_title,
    closing_tally,
    has_part_labels,
    last_node,
    own_status,
    parts,
    status_of,
)
from pipelines.parsing.record import Problem
from pipelines.parsing.statuses import group_label
from pipelines.parsing.unnumbered import labelled_problems
from pipelines.parsing.vocab import (
    ASPECT_WORDS,
    DEFICIENCY_WORDS,
    OTHER_SECTION_WORDS,
    PROBLEM_SECTION_WORDS,
    PROBLEMS_LISTED_WORDS,
    WORK_VERBS,
    alternation,
)

# A heading aimed at a problem (针对…) or about its rectification (…问题的整改) names one too.
_DEFICIENCY = re.compile(rf"{alternation(DEFICIENCY_WORDS, bare=True)}|针对|问题(?:的)?整改|问题$")
# A work heading that sets about the problems (二、推动问题整改, 全力推动巡视反馈问题整改落实) names
# no problem; neither does an aspect heading over its measures (关于…方面问题的整改).
_WORK_ON_PROBLEMS = re.compile(
    rf"{alternation(WORK_VERBS)}[^，,。；]{{0,8}}问题(?:的)?整改|(?:方面|领域)的?问题的?整改"
)
_INLINE_SHI = re.compile(r"(?<![^。；;:\s])[一二三四五六七八九十]{1,2}是(?=[^，,、。])")
_ASPECT = re.compile(rf"{alternation(ASPECT_WORDS, bare=True)}|^关于.{{0,30}}(?:情况|建设|工作)$")
_SECTION_GOOD = re.compile(alternation(PROBLEM_SECTION_WORDS))
_PROBLEM_SECTION = re.compile(alternation(PROBLEMS_LISTED_WORDS))
# A section named for the problems in general (问题整改情况), not a problem: it names no subject.
_GENERIC_SECTION = re.compile(
    r"^(?:关于)?(?:对)?(?:巡[视察](?:组)?)?(?:反馈)?(?:的)?(?:意见|问题)(?:的)?整改(?:落实|工作)?"
    r"(?:情况|进展|进展情况)?$"
)
_SECTION_BAD = re.compile(alternation(OTHER_SECTION_WORDS))
_PROBLEM_WORD = re.compile(r"问题(?:的)?(?:整改)?")
_SENTENCE_CUT = re.compile(r"[。:]")
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class ProblemsResult:
    problems: tuple[Problem, ...]
    first_index: int | None  # paragraph index of the first problem (counts come from before it)
    grouped_status: dict[str, int] | None  # problems per status group, when the text groups them
    spans: tuple[tuple[int, int], ...] = ()  # paragraph index ranges [start, end) of each problem


def _read(node: Node, reading: Callable[[str], _T]) -> _T:
    """`reading(node.title)`, read once per node (node.readings)."""
    key = reading.__name__
    if key not in node.readings:
        node.readings[key] = reading(node.title)
    return cast(_T, node.readings[key])


def _status_group(title: str) -> str | None:
    label = group_label(title)
    return status_of(label) if label else None


def _aspect(title: str) -> bool:
    return _ASPECT.search(title) is not None


def _problem_like(title: str) -> bool:
    if _DEFICIENCY.search(title) is None or _GENERIC_SECTION.match(title):
        return False
    return _problem_like_strict(title) or not _WORK_ON_PROBLEMS.search(title)


def _problem_like_strict(title: str) -> bool:
    return _DEFICIENCY.search(_PROBLEM_WORD.sub("", title)) is not None


def status_group(node: Node) -> str | None:
    """The status class of a heading that groups problems by status (已整改完成的问题)."""
    return _read(node, _status_group)


def is_aspect(node: Node) -> bool:
    return _read(node, _aspect)


def is_problem_like(node: Node) -> bool:
    return _read(node, _problem_like)


def _real_children(node: Node) -> list[Node]:
    return [c for c in node.children if c.style != "shi"]


def section_score(node: Node) -> float:
    head = node.title
    score = 0.0
    score += 3 if _SECTION_GOOD.search(head) else 0
    score -= 3 if _SECTION_BAD.search(head) and not _SECTION_GOOD.search(head) else 0
    score += sum(1 for d in node.descendants() if d.style != "shi" and is_problem_like(d))
    return score


def choose_problem_nodes(root: Node, expected: int | None = None) -> tuple[Node, list[Node]]:
    """The region (a section or the root) and the nodes in it that are the problems.

    `expected` is the number of problems the text states: when the first problem-like level
    has another count and the level below it has exactly that many problem-like items (问题
    under 项), the level below is taken."""
    sections = _real_children(root)
    if not sections:
        return root, labelled_problems(root)
    grouping = [n for n in sections if _groups_problems(n)]
    # 一、党的领导弱化方面 over （一）（二） problems is an aspect, though it names a deficiency
    aspects = set(map(id, grouping))
    top = [n for n in sections if is_problem_like_strict(n) and id(n) not in aspects]
    if len(top) >= 2 and len(top) >= len(sections) / 2:
        return root, sections  # the numbered sections are the problems themselves
    if len(grouping) >= 2:
        # Top-level aspect sections (一、关于…方面) each holding problems: they are the region.
        region = Node("root", 0, "", -1, children=grouping)
        chosen = _choose_level(region, expected)
        if chosen:
            return region, chosen
    scores = [section_score(n) for n in sections]
    best = max(scores)
    regions = [sections[scores.index(best)], root] if best > 0 else [root]
    for region in regions:
        chosen = _choose_level(region, expected)
        if chosen:
            return region, chosen
    return root, []


def _choose_level(region: Node, expected: int | None = None) -> list[Node]:
    level = _real_children(region)
    plain: list[Node] = []  # the first level that is neither status groups nor aspects
    while level:
        deeper = [c for n in level for c in _real_children(n)]
        half = len(level) / 2
        statuses = sum(1 for n in level if status_group(n))
        aspects = sum(1 for n in level if _groups_problems(n))
        problems = sum(1 for n in level if _reads_as_problem(n))
        if deeper and (statuses >= half or aspects >= half):
            level = deeper
            continue
        plain = plain or level
        if problems >= half and len(level) >= 1 and problems > statuses:
            stated = expected and len(level) != expected and len(deeper) == expected
            if stated and sum(1 for n in deeper if is_problem_like(n)) >= len(deeper) / 2:
                return deeper
            return level
        if not deeper:
            break
        level = deeper
    unnumbered = _shi_problems(region) or labelled_problems(region)
    if unnumbered:
        return unnumbered
    # Items under a heading that says it lists the problems, even if they name no deficiency.
    named = _PROBLEM_SECTION.search(region.title) is not None
    if named and len(plain) >= 2 and expected in (None, len(plain)):
        return plain
    return []


def _reads_as_problem(node: Node) -> bool:
    """Names a deficiency, or is followed by its 问题表现：/整改情况： parts."""
    return is_problem_like(node) or (has_part_labels(node) and not is_aspect(node))


def _groups_problems(node: Node) -> bool:
    """An aspect heading over problems: 聚焦…方面; also 党的领导弱化方面的问题 when the items
    under it read as problems themselves or are labelled so (问题1：…)."""
    if not is_aspect(node):
        return False
    if not is_problem_like_strict(node):
        return True
    children = _real_children(node)
    named = sum(1 for c in children if c.style == "q" or is_problem_like(c))  # 问题1：… says so
    return bool(children) and named > len(children) / 2


def is_problem_like_strict(node: Node) -> bool:
    """Problem-like for a reason other than merely naming 问题 (aspects often say 问题 too)."""
    return _read(node, _problem_like_strict)


def _shi_problems(region: Node) -> list[Node]:
    """一是…二是… runs directly under aspect headings, when they read as problems."""
    runs = [
        d
        for d in region.descendants()
        if d.style == "shi" and d.parent is not None and is_aspect(d.parent)
    ]
    runs = runs or [n for d in region.descendants() if is_aspect(d) for n in _inline_run(d)]
    if len(runs) >= 2 and sum(1 for n in runs if is_problem_like(n)) > len(runs) / 2:
        return runs
    return []


def _inline_run(aspect: Node) -> list[Node]:
    """'（一）关于…方面。一是…；二是…': the run after the aspect's own sentence, one node each."""
    if aspect.children or aspect.body:
        return []
    head = aspect.head
    cut = _SENTENCE_CUT.search(head)
    if cut is None:
        return []
    starts = [m.start() for m in _INLINE_SHI.finditer(head, cut.end())]
    if not starts or starts[0] != cut.end():
        return []
    ends = [*starts[1:], len(head)]
    return [
        Node("shi", k, _clause_head(head[a:b]), aspect.index, parent=aspect)
        for k, (a, b) in enumerate(zip(starts, ends, strict=True), start=1)
    ]


def _clause_head(clause: str) -> str:
    """'二是林长制落实不到位，部分记录缺失；' -> '林长制落实不到位。部分记录缺失': the number
    goes, and a first phrase that names the deficiency is the title."""
    text = _INLINE_SHI.sub("", clause, count=1).rstrip("；;。 ")
    first, comma, rest = text.partition("，")
    return f"{first}。{rest}" if comma and rest and _DEFICIENCY.search(first) else text


def extract_problems(root: Node, expected: int | None = None) -> ProblemsResult:
    region, nodes = choose_problem_nodes(root, expected)
    if not nodes:
        return ProblemsResult((), None, None)
    tail = closing_tally(nodes[-1])
    problems = tuple(
        _problem(seq, node, region, tail if node is nodes[-1] else 0)
        for seq, node in enumerate(nodes, start=1)
    )
    spans = tuple(_span(node, tail if node is nodes[-1] else 0) for node in nodes)
    return ProblemsResult(problems, nodes[0].index, _grouped_status(region, nodes), spans)


def _span(node: Node, tail: int = 0) -> tuple[int, int]:
    last = last_node(node)
    return node.index, last.index + 1 + len(last.body) - tail


def _ancestors(node: Node, region: Node) -> list[Node]:
    out: list[Node] = []
    current = node.parent
    while current is not None and current is not region and current.style != "root":
        out.append(current)
        current = current.parent
    return out


def _problem(seq: int, node: Node, region: Node, tail: int = 0) -> Problem:
    ancestors = _ancestors(node, region)
    groups = [a for a in ancestors if not status_group(a)]
    aspect = next((a for a in groups if is_aspect(a)), groups[0] if groups else None)
    group = next((s for a in ancestors if (s := group_label(a.title))), None)
    label = group or own_status(node)
    description, rectification = parts(node, tail)
    return Problem(
        seq=seq,
        aspect=aspect.title.rstrip("。") if aspect else None,
        title=clean_title(node.head),
        description=description,
        rectification=rectification,
        status=status_of(label) if label else None,
        status_label=label,
    )


def _grouped_status(region: Node, nodes: list[Node]) -> dict[str, int] | None:
    groups = [d for d in region.descendants() if d.style != "shi" and status_group(d)]
    if not groups:
        return None
    counts = dict.fromkeys(STATUSES, 0)
    for group in groups:
        status = status_group(group)
        assert status is not None
        inside = set(map(id, group.descendants()))
        counts[status] += sum(1 for n in nodes if id(n) in inside)
    return counts
