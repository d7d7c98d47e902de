"""Dates as pages and list rows write them, to ISO: 2024年3月5日, 2024 年 3 月 5 日, 二〇二四年三月五日,
2024-03-05, 2024/3/5, 2024.03.05 (a time after it is ignored), and epoch seconds or milliseconds
from JSON list APIs. The parser's date mentions (ranges, month precision) build on the parts here.
"""

from __future__ import annotations

import datetime as dt
import re

from pipelines.common.numerals import DIGITS

# Date parts as regex text: years digit by digit (二〇二四), months and days with 十 (二十五).
YEAR = r"\d{4}|[〇○零一二三四五六七八九O]{4}"
MONTH = r"\d{1,2}|[一二三四五六七八九十]{1,2}"
DAY = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
# A whole year-month-day in Arabic digits with any separators, as regex text, for callers that
# find (not read) dates in a line: 2024-03-05, 2024/3/5, 2024.03.05, 2024年3月5日.
NUMERIC_DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
# Years a notice can bear; anything else is a misread number.
FIRST_YEAR, LAST_YEAR = 1949, 2100

_DATE_RE = re.compile(rf"(?P<y>{YEAR})\s*[-/.年]\s*(?P<m>{MONTH})\s*[-/.月]\s*(?P<d>{DAY})(?!\d)")
_SHANGHAI = dt.timezone(dt.timedelta(hours=8))
# Epoch seconds from 2001-09-09 on: a smaller number (a count, 20230619) is no timestamp.
_EPOCH_RANGE = (1e9, 5e9)
_EPOCH_MS = 1e11


def date_number(text: str) -> int | None:
    """A date part as a number: '05' -> 5, '０５' -> 5, '二〇二一' -> 2021, '十七' -> 17."""
    if text.isdecimal():  # Arabic digits, full-width ones included
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        if "十" in units or (tens and tens not in DIGITS) or (units and units not in DIGITS):
            return None
        return DIGITS.get(tens, 1) * 10 + DIGITS.get(units, 0)
    if all(ch in DIGITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text))
    return None


def valid_date(year: int | None, month: int | None, day: int | None) -> str | None:
    """'YYYY-MM-DD' when the parts make a date of a notice's years, else None."""
    if year is None or month is None or day is None or not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_date(value: object) -> str | None:
    """The first complete date in a value as 'YYYY-MM-DD': a page's or list row's date text
    (`发布时间：2023年6月9日 10:00`), or an epoch number in seconds or milliseconds (UTC+8)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float) or (isinstance(value, str) and value.strip().isdigit()):
        return _epoch_date(float(value))
    for match in _DATE_RE.finditer(str(value)):
        found = valid_date(*(date_number(match.group(k)) for k in "ymd"))
        if found:
            return found
    return None


def _epoch_date(n: float) -> str | None:
    if n > _EPOCH_MS:
        n /= 1000
    if not _EPOCH_RANGE[0] <= n < _EPOCH_RANGE[1]:
        return None
    return dt.datetime.fromtimestamp(n, tz=_SHANGHAI).date().isoformat()
