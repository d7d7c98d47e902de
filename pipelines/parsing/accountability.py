"""Accountability figures a notice states: sanctions (给予党纪处分37人), their breakdown
(（党内警告18人、严重警告11人…）), 问责 of persons and organisations, cases filed and closed,
transfers to the judiciary or the discipline organs, problem leads received and disposed, and
the "four forms" (运用“四种形态”处理56人次，其中第一种形态42人次).

API (pure; spans are offsets into the text given):
- `extract_accountability(text) -> tuple[Found[Accountability], ...]` in document order. A figure
  needs its kind's words right before it (one filler word between: 问责相关责任人12人) or right
  after it with a verb (3人受到党纪处分), and a unit that fits the kind (问责 12人 persons, 3个党组织
  organisations); anything else gives nothing. Zeros are figures (组织处理0人).
"""

from __future__ import annotations

import bisect
import re

from pipelines.common.evidence import Span
from pipelines.common.numerals import cn_to_int
from pipelines.parsing.figures_vocab import (
    ACCOUNTABILITY_WORDS,
    CASE_UNITS,
    DETAIL_GROUP_ENDS,
    DETAIL_LABELS,
    FIGURE_FILLERS,
    FIGURE_FIRST_VERBS,
    FOLLOW_UP_WORDS,
    LEADS_DISPOSED_AFTER,
    LEADS_DISPOSED_BEFORE,
    ORGANISATION_UNITS,
    ORGANISATION_WORDS,
    PERSON_UNITS,
    PERSONS_OBJECT,
    STATUS_ADVERBS,
)
from pipelines.parsing.found import Found, lines_with
from pipelines.parsing.record import Accountability
from pipelines.parsing.vocab import alternation

_KIND_OF = {word: kind for kind, words in ACCOUNTABILITY_WORDS.items() for word in words}
_NUM = r"(\d{1,5}|[零〇一二三四五六七八九十百千两]{1,6})"
_UNITS = (*ORGANISATION_UNITS, *PERSON_UNITS, *CASE_UNITS, "个")
_UNIT = alternation(_UNITS)
_FILL = alternation(FIGURE_FILLERS)
_WORDS = alternation(_KIND_OF)
# The words first: 给予党纪处分37人, 运用“四种形态”处理56人次.
_WORDS_FIRST = re.compile(rf"({_WORDS})[”\"]?({_FILL})?{_NUM}({_UNIT})")
# The figure first: 12人被问责, 对3名干部进行诫勉谈话, 移交的1件问题线索 (no verb: leads only);
# not when the kind names whom (2名受到党纪处分的干部).
_FIGURE_FIRST = re.compile(
    rf"{_NUM}({_UNIT})(?:{_FILL})?的?({alternation(FIGURE_FIRST_VERBS)})?({_WORDS})(?!的)"
)
# 对N名 and a noun phrase before the kind: 对5名处级干部作出组织处理, 对2名违纪人员移送司法机关;
# not a kind that names the persons (对2名受到党纪处分的干部进行回访).
_OBJECT_FIRST = re.compile(
    rf"(?<={PERSONS_OBJECT}){_NUM}({alternation(PERSON_UNITS)})[^\d，,。；;:、“”\n]{{0,12}}?"
    rf"({_WORDS})(?!的)"
)
# 移交的6件问题线索已全部办结: the leads figure is of leads disposed.
_DISPOSED_AFTER = re.compile(
    rf"(?:{alternation(STATUS_ADVERBS)}){{0,3}}{alternation(LEADS_DISPOSED_AFTER)}"
)
# 问责3个党组织、12人: more figures of the same words.
_MORE = re.compile(rf"^[、，,和及]({_FILL})?{_NUM}({_UNIT})")
# A sanction-type label, or a group of persons after 其中 or a 、: 其中村(社区)干部52人.
_GROUP = rf"(?:(?<=[(、，,])|(?<=其中))(?!其中)[\u4e00-\u9fff()]{{0,10}}?{alternation(DETAIL_GROUP_ENDS)}"
_DETAIL = re.compile(rf"({alternation(DETAIL_LABELS)}|{_GROUP}){_NUM}({_UNIT})")
_FOLLOW = {
    kind: re.compile(rf"({alternation(words)})({_FILL})?{_NUM}({_UNIT})")
    for after in FOLLOW_UP_WORDS.values()
    for kind, words in after.items()
}
_FOLLOWED_BY = {before: tuple(after) for before, after in FOLLOW_UP_WORDS.items()}
_KEY = re.compile(alternation(_KIND_OF, bare=True))
_SENTENCE_END = re.compile(r"[。；;\n]")
_PERSONS = frozenset(PERSON_UNITS)
_CASES = frozenset((*CASE_UNITS, *PERSON_UNITS))
_ORGANISATIONS = frozenset(ORGANISATION_UNITS)
_ORGANISATION_WORD = re.compile(alternation(ORGANISATION_WORDS))


def extract_accountability(text: str) -> tuple[Found[Accountability], ...]:
    found: list[Found[Accountability]] = []
    # Figures read already (a breakdown, a follow-up, more figures), sorted: their starts, ends.
    starts: list[int] = []
    ends: list[int] = []
    for start, kind, count, unit, filler, end in _figures(text):
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and start < ends[i]:
            continue
        fitting = _fitting(kind, unit, filler, text[max(0, start - 2) : start])
        if fitting is None:
            continue
        figure = [_found(text, fitting, count, unit, start, end)]
        for more_count, more_filler, more_unit, more_start, more_end in _more(text, end):
            more_kind = _fitting(kind, more_unit, more_filler, "")
            if more_kind is not None:
                figure.append(_found(text, more_kind, more_count, more_unit, more_start, more_end))
        figure += _details(text, figure[-1].span.end, fitting)
        figure += _follow_ups(text, figure[-1].span.end, fitting)
        found += figure
        for f in figure:
            at = bisect.bisect_left(starts, f.span.start)
            starts.insert(at, f.span.start)
            ends.insert(at, f.span.end)
    return tuple(sorted(found, key=lambda f: f.span.start))


def _figures(text: str) -> list[tuple[int, str, int, str, str, int]]:
    """(start, kind, count, unit, filler, end) of every candidate figure, in text order."""
    out = []
    lines = list(lines_with(text, _KEY))
    for m in (m for a, b in lines for m in _WORDS_FIRST.finditer(text, a, b)):
        count = cn_to_int(m.group(3))
        if count is not None:
            out.append(
                (m.start(), _KIND_OF[m.group(1)], count, m.group(4), m.group(2) or "", m.end())
            )
    for m in (m for a, b in lines for m in _FIGURE_FIRST.finditer(text, a, b)):
        count, kind = cn_to_int(m.group(1)), _KIND_OF[m.group(4)]
        if count is None or (m.group(3) is None and kind != "leads_received"):
            continue
        if kind == "leads_received" and _DISPOSED_AFTER.match(text, m.end()):
            kind = "leads_disposed"
        out.append((m.start(), kind, count, m.group(2), "", m.end()))
    for m in (m for a, b in lines for m in _OBJECT_FIRST.finditer(text, a, b)):
        count = cn_to_int(m.group(1))
        if count is not None:
            out.append((m.start(), _KIND_OF[m.group(3)], count, m.group(2), "", m.end()))
    return sorted(out)


def _fitting(kind: str, unit: str, filler: str, before: str) -> str | None:
    """The kind a figure is of with this unit, or None when the unit does not fit the kind."""
    organisation = unit in _ORGANISATIONS or (unit == "个" and _ORGANISATION_WORD.search(filler))
    if kind == "accountability_persons":
        if organisation:
            return "accountability_organisations"
        return kind if unit in _PERSONS else None
    if kind in ("leads_received", "leads_disposed"):
        if unit not in CASE_UNITS and unit != "个":
            return None
        return "leads_disposed" if before.endswith(LEADS_DISPOSED_BEFORE) else kind
    if kind in ("case_filed", "case_closed"):
        return kind if unit in _CASES else None
    if kind == "criticism" and organisation:
        return kind
    return kind if unit in _PERSONS else None


def _found(
    text: str, kind: str, count: int, unit: str, start: int, end: int
) -> Found[Accountability]:
    return Found(Accountability(kind, count, unit, text[start:end]), Span(start, end))


def _more(text: str, end: int) -> list[tuple[int, str, str, int, int]]:
    """(count, filler, unit, start, end) of the figures that go on after one: 、12人."""
    out = []
    while (m := _MORE.match(text[end : end + 40])) and (count := cn_to_int(m.group(2))) is not None:
        out.append((count, m.group(1) or "", m.group(3), end + 1, end + m.end()))
        end += m.end()
    return out


def _details(text: str, end: int, kind: str) -> list[Found[Accountability]]:
    """The breakdown right after a figure: （党内警告18人、严重警告11人） or ，其中警告8人…"""
    rest = text[end : end + 300]
    if rest.startswith("("):
        close = rest.find(")")
        region = rest[: close if close != -1 else len(rest)]
    elif rest.startswith(("，其中", ",其中")):
        stop = _SENTENCE_END.search(rest)
        region = rest[: stop.start() if stop else len(rest)]
    else:
        return []
    out = []
    for m in _DETAIL.finditer(region):
        count = cn_to_int(m.group(2))
        if count is None or m.group(3) not in _PERSONS or _KEY.search(m.group(1)):
            continue  # 其中问责领导干部5人 is a figure of its own, no group
        span = Span(end + m.start(), end + m.end())
        out.append(Found(Accountability(kind, count, m.group(3), m.group(0), m.group(1)), span))
    return out


def _follow_ups(text: str, end: int, kind: str) -> list[Found[Accountability]]:
    """Figures of the same subject later in the sentence: 立案40件，了结39件."""
    if kind not in _FOLLOWED_BY:
        return []
    stop = _SENTENCE_END.search(text, end)
    sentence_end = stop.start() if stop else len(text)
    out = []
    for follow_kind in _FOLLOWED_BY[kind]:
        m = _FOLLOW[follow_kind].search(text, end, sentence_end)
        count = cn_to_int(m.group(3)) if m else None
        if m is None or count is None or (m.group(4) not in _CASES and m.group(4) != "个"):
            continue
        out.append(_found(text, follow_kind, count, m.group(4), m.start(), m.end()))
    return out
