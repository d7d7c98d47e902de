"""Dates as notices write them: 2022年7月8日, 2022 年 7 月 8 日, 二〇一九年四月十七日, 2019年4月17,
2024-06-24, 8月下旬 (month precision), X月 (redacted), and ranges 2018年11月9日至12月24日.
The date parts and their reading are the shared ones of `pipelines.common.dates`."""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
from datetime import date

from pipelines.common.dates import DAY, FIRST_YEAR, LAST_YEAR, MONTH, YEAR, date_number

_REDACTED = r"[Xx×*＊]{1,2}"
_Y = rf"(?P<y>{YEAR})"
_M = rf"(?P<m>{MONTH}|{_REDACTED})"
_D = rf"(?P<d>{DAY}|{_REDACTED})"
_PART = r"(?P<part>上旬|中旬|下旬|初|底|末|中下旬|上中旬)"
DATE_RE = re.compile(
    rf"(?:{_Y}\s*年\s*)?{_M}\s*月\s*(?:份\s*)?(?:{_D}(?!\d)\s*(?:日|号)?|{_PART})?"
    rf"|(?P<iy>\d{{4}})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})(?!\d)"
)
# Possessive spaces: two optional runs side by side split a long run every way (quadratic).
RANGE_SEP_RE = re.compile(r"\s*+(?:(?:起|开始)\s*+)?(?:至|到|—+|-|~|～|–|－)\s*")
_DAY_ONLY_RE = re.compile(r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:日|号)")


@dataclass(frozen=True, slots=True)
class DateHit:
    start: int
    end: int
    year: int | None
    month: int | None  # None when redacted (X月)
    day: int | None
    redacted: bool = False

    def iso(self, year: int | None = None) -> str | None:
        """'YYYY-MM-DD' or 'YYYY-MM' (month precision); None when redacted or invalid."""
        y = self.year or year
        if self.redacted or y is None or self.month is None:
            return None
        if self.day is None:
            return f"{y:04d}-{self.month:02d}" if 1 <= self.month <= 12 else None
        try:
            return date(y, self.month, self.day).isoformat()
        except ValueError:
            return None


def _num(text: str | None) -> int | None:
    if text is None:
        return None
    return date_number(text)


def _is_redacted(text: str | None) -> bool:
    return bool(text) and text[0] in "Xx×*＊"  # type: ignore[index]


def find_dates(text: str) -> list[DateHit]:
    """Every date mention with its span; a day-only end of a range (6月3日至25日) included."""
    hits: list[DateHit] = []
    for match in DATE_RE.finditer(text):
        hit = hit_from_match(match)
        if hit is None:
            continue
        hits.append(hit)
        if hit.month is not None or hit.redacted:
            tail = _day_only_end(text, hit)
            if tail:
                hits.append(tail)
    hits.sort(key=lambda h: h.start)
    return hits


def hit_from_match(match: re.Match[str]) -> DateHit | None:
    if match.group("iy"):
        iso = [int(match.group(k)) for k in ("iy", "im", "id")]
        return DateHit(match.start(), match.end(), iso[0], iso[1], iso[2])
    m_text, d_text = match.group("m"), match.group("d")
    redacted = _is_redacted(m_text) or _is_redacted(d_text)
    year = _num(match.group("y"))
    month = None if _is_redacted(m_text) else _num(m_text)
    day = None if _is_redacted(d_text) else _num(d_text)
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return DateHit(match.start(), match.end(), year, month, day, redacted)


def _day_only_end(text: str, hit: DateHit) -> DateHit | None:
    sep = RANGE_SEP_RE.match(text, hit.end)
    if not sep:
        return None
    day = _DAY_ONLY_RE.match(text, sep.end())
    if not day:
        return None
    value = _num(day.group("d"))
    if value is None or not 1 <= value <= 31:
        return None
    return DateHit(day.start(), day.end(), None, hit.month, value, hit.redacted)


def find_range(text: str, hits: list[DateHit]) -> tuple[DateHit, DateHit] | None:
    """The first pair of mentions joined only by a range separator (至, 到, -, —); a start
    without a year takes it from the nearest dated mention before it in its paragraph or the
    one before."""
    for i, (first, second) in enumerate(itertools.pairwise(hits)):
        between = text[first.end : second.start]
        if RANGE_SEP_RE.fullmatch(between):
            if first.year is None:
                first = _with_year_before(text, hits[:i], first)
            return first, second
    return None


def _with_year_before(text: str, before: list[DateHit], hit: DateHit) -> DateHit:
    for previous in reversed(before):
        if text.count("\n", previous.end, hit.start) > 1:
            break  # not beyond the paragraph before
        if previous.year is not None:
            return dataclasses.replace(hit, year=year_after(hit, previous))
    return hit


def resolve_range(first: DateHit, second: DateHit) -> tuple[str | None, str | None]:
    """ISO start/end; the end takes the start's year, or the next one when its month is earlier."""
    start = first.iso()
    year = second.year
    if year is None and first.year is not None and second.month is not None:
        year = first.year + 1 if first.month and second.month < first.month else first.year
    end = None if first.redacted and second.month is None else second.iso(year)
    return start, end


def year_after(hit: DateHit, previous: DateHit | None) -> int | None:
    """Year of a mention without one: the previous mention's, +1 when its month-day is earlier
    (the day compared only when both state one)."""
    if hit.year is not None:
        return hit.year
    if previous is None or previous.year is None:
        return None
    if hit.month is None or previous.month is None:
        return previous.year
    days = (hit.day, previous.day) if hit.day and previous.day else (0, 0)
    return previous.year + 1 if (hit.month, days[0]) < (previous.month, days[1]) else previous.year
