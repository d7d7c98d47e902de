"""What the archive knows of a fetched page between crawls: its HTTP validators, a digest of its
bytes, and for a list page the rows it held. The store loads it (models/page_states.py), the
spider decides with it (crawler/incremental.py); both sides share these types."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

LIST = "list"
DETAIL = "detail"


@dataclass(frozen=True, slots=True)
class ListRow:
    """One row of a list page as it was listed: the link (absolute, as on the page), title, date."""

    url: str
    title: str | None
    date: str | None  # ISO YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class PageState:
    """One page as last fetched. `key` is the canonical URL (a POST list page adds its body)."""

    key: str
    site_id: str
    kind: str  # LIST or DETAIL
    etag: str | None
    last_modified: str | None
    sha256: str | None  # of the bytes last downloaded; None when never downloaded (a 304)
    status: int | None
    checked_at: datetime  # UTC
    rows: tuple[ListRow, ...] = ()  # list pages only


@dataclass(frozen=True, slots=True)
class ArchiveState:
    """What the archive held for the crawled sites when the crawl started."""

    pages: Mapping[str, PageState] = field(default_factory=dict)  # by key
    stored: frozenset[str] = frozenset()  # canonical URLs stored as notices or raw pages
    sites: frozenset[str] = frozenset()  # sites with any stored page or list state
    first_seen: Mapping[str, datetime] = field(default_factory=dict)  # stored notices' by URL
