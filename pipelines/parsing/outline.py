"""Outline of a notice: classify each paragraph's numbering, then fold them into a tree.

Styles, in the usual order of Chinese official documents: `一、` (cn) > `（一）` (pcn) > `1.` (num) >
`（1）` (pnum) > `①` (circ); also `问题1`/`反馈问题一：` (q) and inline `一是…二是…` runs (shi).
Nesting is decided by the order in which styles first appear, so a notice that starts at `（一）` or
uses `1.` above `（一）` still folds right. A top-level heading that lost its number is recovered
from the gap it leaves in the top-level sequence.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from pipelines.common.numerals import cn_to_int
from pipelines.parsing.vocab import DESCRIPTION_LABELS, LINE_START_LABELS, alternation

CN = "一二三四五六七八九十百"
_ENCLOSED_CN = {chr(0x3220 + i): i + 1 for i in range(10)}  # ㈠..㈩
_PAREN_NUM = {chr(0x2474 + i): i + 1 for i in range(20)}  # ⑴..⒇
_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}  # ①..⑳
_CIRCLED |= {chr(0x2776 + i): i + 1 for i in range(10)}  # ❶..❿
_DOTTED = {chr(0x2488 + i): i + 1 for i in range(20)}  # ⒈..⒛

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("pcn", re.compile(rf"^\(\s*([{CN}]{{1,3}})\s*\)\s*")),
    ("pcn", re.compile(rf"^([{CN}]{{1,3}})\)\s*")),  # damaged: the opening bracket was lost
    (
        "cn",
        re.compile(rf"^([{CN}]{{1,3}})\s*[、,，.]\s*(?![{CN}](?:季|、|个|月|年|是|批|类|项|级))"),
    ),
    ("pnum", re.compile(r"^\(\s*(\d{1,2})\s*\)\s*")),
    ("pnum", re.compile(r"^(\d{1,2})\)\s*")),
    ("num", re.compile(r"^(\d{1,2})\s*(?:[、,，]|\.(?!\d))\s*(?!%|\d{1,2}[年月日、])")),
    (
        "q",
        re.compile(
            rf"^[【\[(]?(?:反馈)?问题\s*\(?([{CN}\d]{{1,3}})\)?\s*[】\])]?\s*[:、.,，]?\s*(?=\S)"
        ),
    ),
    ("q", re.compile(rf"^第([{CN}\d]{{1,3}})个?问题\s*:\s*(?=\S)")),  # 第一个问题：
    ("shi", re.compile(rf"^([{CN}]{{1,3}})是(?=[^，,、。])")),
]
# The first characters any of _PATTERNS can start with: most paragraphs start with none of them
# and are told apart with one match instead of one per pattern.
_MARKER_START = frozenset(f"([【反问第{CN}")  # or a digit
# A field label: '整改情况：' or in brackets '【整改情况】'.
_LABEL_RE = re.compile(rf"^[【\[]?{alternation(LINE_START_LABELS)}(?:\s*:|[】\]])")
_HEADING_MAX = 30
_SENTENCE_PUNCT = re.compile(r"[。，,；;:！？!?]")
_DIGIT = re.compile(r"\d")
LABEL_END = r"(?:\s*:|[】\]]\s*:?)\s*"  # '整改情况：' or '【整改情况】'
DESC_LABEL = re.compile(rf"^[【\[]?{alternation(DESCRIPTION_LABELS)}{LABEL_END}")
_TITLE_END = re.compile(r"[。；;:]")


@dataclass(frozen=True, slots=True)
class Marker:
    style: str
    ordinal: int
    rest: str  # the paragraph without its number


@dataclass(slots=True)
class Node:
    style: str
    ordinal: int
    head: str  # the numbered paragraph without its number
    index: int  # paragraph index
    body: list[str] = field(default_factory=list)  # unnumbered paragraphs directly after it
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    # title_part(head), read many times while the problems are chosen: computed once.
    title: str = field(init=False, repr=False, compare=False)
    # What the problems extractor reads of the title (problem-like, an aspect, a status group),
    # each asked several times while the problems are chosen: kept once read.
    readings: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.title = title_part(self.head)

    def descendants(self) -> list[Node]:
        out: list[Node] = []
        for child in self.children:
            out.append(child)
            out.extend(child.descendants())
        return out

    def full_text(self) -> list[str]:
        """Body paragraphs of this node and, in order, of all its descendants (with numbers)."""
        parts = list(self.body)
        for child in self.children:
            parts.append(child.head)
            parts.extend(child.full_text())
        return parts


def title_part(head: str) -> str:
    """The short statement of a numbered paragraph: up to the first 。 ； or colon, after a
    label such as '问题：'."""
    label = DESC_LABEL.match(head)
    text = head[label.end() :] if label else head
    end = _TITLE_END.search(text)
    return (text[: end.start()] if end else text).strip()


def classify_marker(line: str) -> Marker | None:
    """The numbering at the start of a paragraph, or None (also for `1.5万元`, `一、二季度`)."""
    if not line:
        return None
    first = line[0]
    for table, style in ((_ENCLOSED_CN, "pcn"), (_PAREN_NUM, "pnum"), (_CIRCLED, "circ")):
        if first in table:
            return Marker(style, table[first], line[1:].strip())
    if first in _DOTTED:
        return Marker("num", _DOTTED[first], line[1:].strip())
    if first not in _MARKER_START and not first.isdecimal():  # isdecimal: what \d matches
        return None
    for style, pattern in _PATTERNS:
        match = pattern.match(line)
        if match:
            ordinal = cn_to_int(match.group(1))
            if ordinal:
                rest = line[match.end() :].strip() if style != "shi" else line
                return Marker(style, ordinal, rest)
    return None


def starts_paragraph(line: str) -> bool:
    """Whether a line starts a new paragraph by its form (numbering or a field label)."""
    return classify_marker(line) is not None or _LABEL_RE.match(line) is not None


def is_label_line(line: str) -> bool:
    return _LABEL_RE.match(line) is not None


def build_outline(paras: list[str]) -> Node:
    """Fold paragraphs into a tree under a root node whose body is the preamble."""
    markers = [classify_marker(p) for p in paras]
    _recover_lost_headings(paras, markers)
    root = Node("root", 0, "", -1)
    stack: list[Node] = [root]
    for index, (para, marker) in enumerate(zip(paras, markers, strict=True)):
        if marker is None:
            stack[-1].body.append(para)
            continue
        styles = [n.style for n in stack]
        if marker.style in styles:
            del stack[styles.index(marker.style) :]
        elif marker.style != "shi" and "shi" in styles:
            del stack[styles.index("shi") :]  # an inline 一是… run holds no numbered headings
        parent = stack[-1]
        node = Node(marker.style, marker.ordinal, marker.rest, index, parent=parent)
        parent.children.append(node)
        stack.append(node)
    return root


def _recover_lost_headings(paras: list[str], markers: list[Marker | None]) -> None:
    """一、 … 三、 with no 二、: the first heading-like unnumbered line in between is 二、."""
    top = next((m.style for m in markers if m and m.style != "shi"), None)
    if top is None:
        return
    tops = [i for i, m in enumerate(markers) if m and m.style == top]
    for before, after in itertools.pairwise(tops):
        prev, nxt = markers[before], markers[after]
        assert prev is not None and nxt is not None
        if nxt.ordinal != prev.ordinal + 2:
            continue
        for i in range(before + 1, after):
            if markers[i] is None and _looks_like_heading(paras[i]):
                markers[i] = Marker(top, prev.ordinal + 1, paras[i])
                break


def _looks_like_heading(line: str) -> bool:
    return (
        4 <= len(line) <= _HEADING_MAX
        and not _SENTENCE_PUNCT.search(line)
        and not is_label_line(line)
        and not _DIGIT.search(line)
    )
