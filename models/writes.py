"""What callers hand the store (fetched pages with their records) and what they get back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    INSERTED = "inserted"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    NON_NOTICE = "non_notice"


@dataclass(slots=True)
class AttachmentWrite:
    name: str
    url: str
    status: int | None = None
    content_type: str | None = None
    body: bytes | None = None
    sha256: str | None = None
    text: str | None = None
    error: str | None = None


@dataclass(slots=True)
class PageWrite:
    """A fetched detail page with its parsed record (None when no record could be made)."""

    url: str
    canonical_url: str
    site_id: str
    region: str | None
    status: int | None
    fetched_at: datetime
    body: bytes
    record: dict[str, Any] | None
    attachments: list[AttachmentWrite] = field(default_factory=list)
    list_title: str | None = None
    rule: str | None = None  # the parser's rule that decided is_notice

    @property
    def is_notice(self) -> bool:
        return bool(self.record and self.record.get("is_notice"))

    @property
    def non_notice_reason(self) -> str:
        if self.record is None:
            return "no parsed record"
        return self.rule or "not a rectification notice"  # no rule: written before rules were kept
