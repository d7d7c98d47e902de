"""Tallies a notice states about its rectification: problems per status in the six classes of
record v2 (已完成19个，基本完成2个), the completion rate as reported (整改完成率96.5%) and the
date the tally is as of (截至2023年9月21日).

API (pure; spans are offsets into the text given):
- `extract_status_counts(text) -> dict[str, Found[int]]`: explicit tallies by status class;
  zeros are data (共计0个问题正在推进整改).
- `status_counts(explicit, grouped) -> StatusCounts | None`: the explicit figures over the
  numbers of problems listed under status group headings.
- `extract_completion_rate(text) -> Found[float] | None`: the percentage, as reported.
- `extract_tally_date(text) -> Found[str] | None`: 'YYYY-MM-DD' or 'YYYY-MM' (截至…底: the
  month); a 截至 without a year (截至目前, 截至6月底) gives nothing.
- `masked(paras, inside)`: the paragraphs joined as body_text is, those at the indexes in
  `inside` blanked, so spans found in it are offsets into body_text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from pipelines.common.dates import MONTH, YEAR, date_number, valid_date
from pipelines.common.evidence import Span
from pipelines.common.numerals import cn_to_int
from pipelines.common.record import STATUSES
from pipelines.parsing.figures_vocab import (
    AS_OF_WORDS,
    BARE_RATE,
    COMPLETION_RATE_WORDS,
    DONE_NEGATIONS,
    RATE_VERBS,
    STATUS_ADVERBS,
    STATUS_WORDS,
)
from pipelines.parsing.found import Found, lines_with
from pipelines.parsing.record import StatusCounts
from pipelines.parsing.statuses import NOT_AFTER, STATUS_WORD, classify
from pipelines.parsing.vocab import COUNTERS, alternation, opens_with

_STATUS_WORDS = [word for words in STATUS_WORDS.values() for word in words]
_NUM = r"(\d{1,4}|[一二三四五六七八九十百零〇两]{1,5})"
_COUNTER = alternation(COUNTERS)
# '已完成整改18个', '正在推进整改的问题(2个)' (the words first), and '18个问题已整改完成'.
_WORDS_FIRST = re.compile(
    rf"{opens_with((*STATUS_ADVERBS, *DONE_NEGATIONS, *_STATUS_WORDS))}{NOT_AFTER}({STATUS_WORD})(?:整改)?的?(?:问题)?[(:]? ?(?:共)?(?:计)? ?{_NUM} ?{_COUNTER}"
)
_FIGURE_FIRST = re.compile(rf"{_NUM} ?{_COUNTER}(?:具体)?(?:问题)?{NOT_AFTER}({STATUS_WORD})")
_RATE = re.compile(
    rf"({alternation(COMPLETION_RATE_WORDS)}|{BARE_RATE}){alternation(RATE_VERBS)}? ?"
    r"(\d{1,3}(?:\.\d{1,3})?) ?%"
)
# A bare 完成率 after a noun names the rate of something else (任务完成率, 处置完成率).
_BARE_AFTER = re.compile(r"(?:^|[，,。；;:\s(、]|总体|整体|总)$")
_AS_OF = re.compile(
    rf"{alternation(AS_OF_WORDS)} ?(?:({YEAR}) ?年) ?(?:({MONTH}) ?月 ?(?:(\d{{1,2}}|[一二三四五六七八九十]{{1,3}}) ?日|底|末|份)?|(底|末))?"
)
_STATUS_KEY = re.compile(alternation(_STATUS_WORDS, bare=True))
_RATE_KEY = re.compile("率")
# A tally's words: a status phrase or the bare rate; both hold a status word (完成率 holds 完成),
# and any status word is a status phrase, so their words are looked for (scanned for).
_TALLY_WORDS = _STATUS_KEY


def masked(paras: Sequence[str], inside: Collection[int]) -> str:
    """body_text with the paragraphs at `inside` blanked (same length: offsets hold)."""
    return "\n".join(" " * len(p) if i in inside else p for i, p in enumerate(paras))


def extract_status_counts(text: str) -> dict[str, Found[int]]:
    """The first explicit tally of each status class (the words-first form before the other:
    '3个问题已整改完成2个' says 2 done)."""
    found: dict[str, Found[int]] = {}
    lines = list(lines_with(text, _STATUS_KEY))
    for pattern, word, number in ((_WORDS_FIRST, 1, 2), (_FIGURE_FIRST, 2, 1)):
        for match in (m for a, b in lines for m in pattern.finditer(text, a, b)):
            status = classify(match.group(word))
            value = cn_to_int(match.group(number))
            if status is None or value is None or status in found:
                continue
            found[status] = Found(value, Span(match.start(), match.end()))
    return found


def status_counts(
    explicit: dict[str, Found[int]], grouped: dict[str, int] | None
) -> StatusCounts | None:
    """Explicit figures first, else the number of problems listed under each status group."""
    if not explicit and not grouped:
        return None
    merged = dict(grouped or {})
    merged.update({status: found.value for status, found in explicit.items()})
    return StatusCounts(**{status: merged.get(status) for status in STATUSES})


def extract_completion_rate(text: str) -> Found[float] | None:
    """The first rectification completion rate: 整改完成率96.5%, ，完成率达99%."""
    for match in (m for a, b in lines_with(text, _RATE_KEY) for m in _RATE.finditer(text, a, b)):
        if match.group(1) == BARE_RATE and not _BARE_AFTER.search(text[: match.start()]):
            continue
        return Found(float(match.group(2)), Span(match.start(), match.end()))
    return None


def extract_tally_date(text: str) -> Found[str] | None:
    """The 截至 date of the sentence holding a tally, else the first 截至 date."""
    first: Found[str] | None = None
    for match in _AS_OF.finditer(text):
        value = _partial_date(match)
        if value is None:
            continue
        found = Found(value, Span(match.start(), match.end()))
        end = _sentence_end(text, match.end())
        if _TALLY_WORDS.search(text, match.end(), end):
            return found
        first = first or found
    return first


def _partial_date(match: re.Match[str]) -> str | None:
    year = date_number(match.group(1))
    if year is None:
        return None
    month: int | None
    day: int | None = None
    if match.group(4):  # 截至2023年底
        month = 12
    elif match.group(2):
        month = date_number(match.group(2))
        day = date_number(match.group(3)) if match.group(3) else None
    else:
        return None  # a year alone is no date the record can hold
    if month is None:
        return None
    if day is not None:
        return valid_date(year, month, day)
    checked = valid_date(year, month, 1)
    return checked[:7] if checked else None


def _sentence_end(text: str, start: int) -> int:
    ends = [i for i in (text.find(c, start) for c in "。；;\n") if i != -1]
    return min(ends) if ends else len(text)
