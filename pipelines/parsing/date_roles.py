"""The dates apart: written_date (成文日期, else the signature date), published_date (发布时间 at
the source), updated_date (更新时间), each with where it was read.

Record v1's published_date falls back on the signature date when the page states no date, and the
dev gold labels it so: `published_date` keeps that fallback (through the written date), and its
evidence tells which it is (Elsewhere("page meta", "发布时间") or the written date's own)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.common.cleaned import PageMeta
from pipelines.common.dates import DAY, MONTH, YEAR, date_number, iso_date, valid_date
from pipelines.common.evidence import Elsewhere, Span
from pipelines.parsing.rounds import Found
from pipelines.parsing.units_vocab import PUBLISHED_KEY, UPDATED_KEY, WRITTEN_KEY

_DATE_RE = re.compile(rf"(?P<y>{YEAR})\s*[-/.年]\s*(?P<m>{MONTH})\s*[-/.月]\s*(?P<d>{DAY})\s*日?")
_SIGNATURE_TAIL = 400  # the signature block sits in the last lines


@dataclass(frozen=True, slots=True)
class DateRoles:
    written: Found[str] | None = None
    published: Found[str] | None = None  # the page's own publication date only
    updated: Found[str] | None = None

    @property
    def published_or_written(self) -> Found[str] | None:
        """Record v1's published_date: the page's date, else the written date."""
        return self.published or self.written


def date_roles(meta: PageMeta, body: str, signed_date: str | None = None) -> DateRoles:
    """The three dates from the page metadata (the caller's merged with the cleaner's), the
    written date falling back on the signature date, found in the last lines of `body`."""
    written = _from_meta(meta.written, WRITTEN_KEY)
    if written is None and signed_date:
        span = signature_span(body, signed_date)
        written = Found(signed_date, span) if span else None
    return DateRoles(
        written=written,
        published=_from_meta(meta.published, PUBLISHED_KEY),
        updated=_from_meta(meta.updated, UPDATED_KEY),
    )


def _from_meta(value: str | None, key: str) -> Found[str] | None:
    found = iso_date(value) if value else None
    return Found(found, Elsewhere("page meta", key)) if found else None


def signature_span(body: str, iso: str) -> Span | None:
    """Where the signature's date (`iso`) is written among the last lines of `body`."""
    start = max(0, len(body) - _SIGNATURE_TAIL)
    last = None
    for match in _DATE_RE.finditer(body, start):
        parts = (date_number(match.group(k)) for k in "ymd")
        if valid_date(*parts) == iso:
            last = match
    return Span(last.start(), last.end()) if last else None
