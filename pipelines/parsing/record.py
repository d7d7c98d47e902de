"""The notice record (contract version 1) as frozen dataclasses; `to_dict()` is the JSON shape."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

STATUSES = ("done", "in_progress", "not_started")


@dataclass(frozen=True, slots=True)
class Problem:
    seq: int
    aspect: str | None
    title: str
    description: str | None = None
    rectification: str | None = None
    status: str | None = None  # one of STATUSES or None


@dataclass(frozen=True, slots=True)
class Counts:
    aspects: int | None = None
    items: int | None = None
    problems: int | None = None
    measures: int | None = None


@dataclass(frozen=True, slots=True)
class StatusCounts:
    done: int | None = None
    in_progress: int | None = None
    not_started: int | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    address: str | None = None
    postcode: str | None = None


@dataclass(frozen=True, slots=True)
class Attachment:
    name: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class NoticeRecord:
    is_notice: bool
    parser_version: str
    body_text: str = ""
    title: str | None = None
    published_date: str | None = None  # ISO dates as strings: the contract's wire form
    source: str | None = None
    author: str | None = None
    publisher: str | None = None
    inspected_unit: str | None = None
    inspection_body: str | None = None
    inspection_level: str | None = None
    inspection_kinds: tuple[str, ...] = ()
    inspection_topic: str | None = None
    inspection_round: str | None = None
    inspection_start: str | None = None
    inspection_end: str | None = None
    feedback_date: str | None = None
    counts: Counts = field(default_factory=Counts)
    status_counts: StatusCounts | None = None
    problems: tuple[Problem, ...] = ()
    contact: Contact = field(default_factory=Contact)
    signed_by: str | None = None
    signed_date: str | None = None
    attachments: tuple[Attachment, ...] = ()
    source_path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract JSON: every field, lists for sequences, nested objects as dicts."""
        data = asdict(self)
        data["inspection_kinds"] = list(self.inspection_kinds)
        data["problems"] = [asdict(p) for p in self.problems]
        data["contact"]["phones"] = list(self.contact.phones)
        data["contact"]["emails"] = list(self.contact.emails)
        data["attachments"] = [asdict(a) for a in self.attachments]
        return data
