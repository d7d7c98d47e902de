"""The round and the team apart: term (届), round (轮), round_year, the inspecting committee and
the team's number, each with the span it was read from.

Expects simplified text (the parser simplifies a traditional repost first; script.to_simplified
keeps every offset). Numerals are read with cn2an. A 第三轮 counts only when 巡视/巡察 follows it
closely, so 第三轮土地承包 is no round.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

import cn2an

from pipelines.common.evidence import Elsewhere, Evidence, Span
from pipelines.parsing import regions
from pipelines.parsing.units_vocab import (
    COMMITTEE_LONG,
    COMMITTEE_WORDS,
    INSPECTION_OFFICES,
    NUMERAL_CHARS,
    ROUND_TO_INSPECTION,
    TEAM_KINDS,
    YEAR_CHARS,
)
from pipelines.parsing.vocab import alternation

T = TypeVar("T")
N = rf"[{NUMERAL_CHARS}]{{1,4}}"
_COMMITTEE = rf"(?P<committee>{alternation(COMMITTEE_WORDS)})(?:{COMMITTEE_LONG})?"
# A term may name the committee's place between: 七届桂林市委 (a division, checked in _take).
_PREFIX = (
    rf"(?:(?P<year>[{YEAR_CHARS}]{{4}})\s*年度?\s*)?"
    rf"(?:第?\s*(?P<term>{N})\s*届\s*"
    rf"(?:(?P<place>[\u4e00-\u9fa5]{{2,8}}?)(?={alternation(COMMITTEE_WORDS)}))?)?"
    rf"(?:{_COMMITTEE}\s*)?"
)
_ROUND = rf"第\s*(?P<round>{N})\s*轮"
_OFFICE = alternation(INSPECTION_OFFICES)
_KINDS = alternation(TEAM_KINDS)
_TEAM_RE = re.compile(
    rf"{_PREFIX}(?:{_OFFICE}\s*)?(?:{_ROUND}\s*)?"
    rf"(?:第\s*(?P<team>{N})\s*{_KINDS}*\s*巡[视察]\s*组|{_KINDS}*巡[视察]\s*(?P<team2>{N})\s*组)"
)
_ROUND_RE = re.compile(
    rf"{_PREFIX}(?:巡[视察](?:工作)?\s*)?{_ROUND}(?=[^。；;，,\n]{{0,{ROUND_TO_INSPECTION}}}?巡[视察])"
)
# A committee named as the one that sent the inspection: 省委第九巡视组 (its team aside),
# 根据市委巡察工作统一部署, 中央巡视.
_COMMITTEE_RE = re.compile(rf"{_COMMITTEE}[^，,。；;\n]{{0,12}}?巡[视察]")
# The patterns above open with optional parts, so the regex engine would try them at every
# character (slow on a long opening): each runs only in a short window that ends with a hit of
# its anchor, the part it must end with.
_ANCHORS = {
    _TEAM_RE: (re.compile(rf"巡[视察]\s*(?:{N}\s*)?组"), 0),
    _ROUND_RE: (re.compile(rf"第\s*{N}\s*轮"), ROUND_TO_INSPECTION + 3),
    _COMMITTEE_RE: (re.compile("巡[视察]"), 0),
}
_WINDOW = 40  # characters before an anchor a match may start
_NUMERAL_RE = re.compile(N)


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    value: T
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Rounds:
    term: Found[int] | None = None
    round: Found[int] | None = None
    round_year: Found[int] | None = None
    inspecting_committee: Found[str] | None = None
    team_number: Found[int] | None = None


@lru_cache(maxsize=1024)  # cn2an takes ~9 us a numeral; the same few recur in every notice
def number(text: str) -> int | None:
    """A 届/轮/组 numeral as an int: 十九 -> 19, 5 -> 5, 二〇二三 -> 2023; None if unreadable."""
    text = re.sub(r"\s", "", text)
    if text.isdecimal():
        return int(text)
    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return int(value) if float(value).is_integer() else None


def find_rounds(text: str, title: str | None = None) -> Rounds:
    """Every part of the round and team that the text (an opening) or the title names. A team
    is read from the text first, a round from the title first; each value keeps its own source
    (a Span into `text`, or Elsewhere("title"))."""
    sources: list[tuple[str, int]] = [(text, 0)]
    if title:
        sources.append((title, -1))
    parts: dict[str, Found[int]] = {}
    for source, kind in sources:
        team = next(_matches(_TEAM_RE, source), None)
        if team:
            _take(parts, team, source, kind, ("team", "team2", "term", "round", "year"))
    for source, kind in reversed(sources):
        found = next(_matches(_ROUND_RE, source), None)
        if found:
            _take(parts, found, source, kind, ("term", "round", "year"))
    committee = _committee(sources)
    return Rounds(
        term=parts.get("term"),
        round=parts.get("round"),
        round_year=parts.get("year"),
        inspecting_committee=committee,
        team_number=parts.get("team"),
    )


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in `text`, left to right: each found in a window of _WINDOW
    characters before a hit of its anchor and ending with it (a window never starts inside a
    numeral, so 十九届 is not read as 九届)."""
    anchors, after = _ANCHORS[pattern]
    done = 0
    for anchor in anchors.finditer(text):
        start = max(done, anchor.start() - _WINDOW)
        while start > done and _NUMERAL_RE.match(text, start - 1):
            start -= 1
        end = min(len(text), anchor.end() + after)
        match = pattern.search(text, start, end)
        if match is not None and match.end() >= anchor.end():
            yield match
            done = match.end()


def _take(
    parts: dict[str, Found[int]],
    match: re.Match[str],
    source: str,
    kind: int,
    groups: tuple[str, ...],
) -> None:
    for group in groups:
        raw = match.group(group)
        key = "team" if group == "team2" else group
        if raw is None or key in parts or (group == "term" and not _place_known(match)):
            continue
        value = number(raw)
        if value is None:
            continue
        parts[key] = Found(value, _evidence(match, group, kind))


def _place_known(match: re.Match[str]) -> bool:
    """No place between the term and the committee, or one the division table knows."""
    place, word = match.group("place"), match.group("committee")
    if place is None:
        return True
    return word is not None and place + COMMITTEE_WORDS[word] in regions.divisions().full


def _evidence(match: re.Match[str], group: str, kind: int) -> Evidence:
    """The span of the phrase the value sits in (十九届, 第三轮, 第九巡视组): the group with the
    word after it, in the text; the title as a place."""
    if kind < 0:
        return Elsewhere("title")
    return Span(match.start(group), min(match.end(), match.end(group) + 1))


def _committee(sources: list[tuple[str, int]]) -> Found[str] | None:
    """The committee of the first team or round named (the text first), else one named beside
    巡视/巡察; with the place written before it (湖南省委, 怀化市委, 中共鹤城区委)."""
    for pattern in (_TEAM_RE, _ROUND_RE, _COMMITTEE_RE):
        for source, kind in sources:
            for match in _matches(pattern, source):
                if match.group("committee"):
                    return _with_place(source, match, kind)
    return None


def _with_place(source: str, match: re.Match[str], kind: int) -> Found[str]:
    word = match.group("committee")
    start, end = match.start("committee"), match.end("committee")
    suffix = COMMITTEE_WORDS[word]
    table = regions.divisions()
    if suffix:
        for size in range(min(start, 12), 1, -1):
            place = source[start - size : start]
            if place + suffix in table.full:
                evidence = Elsewhere("title") if kind < 0 else Span(start - size, end)
                return Found(place + word, evidence)
    return Found(word, Elsewhere("title") if kind < 0 else Span(start, end))
