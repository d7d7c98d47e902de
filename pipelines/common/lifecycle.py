"""A stored notice's life in the archive, declared once: why it counts as removed, the events of
its history, and the archive fields every export carries besides the record.

The spider decides a removal from what a page answered; the store keeps it (`notices` columns and
the `notice_events` table, models/notice.py); the exports and the data dictionary describe the
fields with the words below.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class RemovedReason(StrEnum):
    """Why a stored notice counts as removed. Blocks, rate limits, timeouts and 5xx never do."""

    NOT_FOUND = "not_found"  # HTTP 404
    GONE = "gone"  # HTTP 410
    SOFT_NOT_FOUND = "soft_not_found"  # a 200 page saying the article was deleted or never was


class EventKind(StrEnum):
    """What happened to a stored notice, one row of `notice_events` each."""

    REMOVED = "removed"  # first found gone (detail: the reason and what was seen)
    RESTORED = "restored"  # a removed notice answered again
    DELISTED = "delisted"  # dropped from every list of its site while its page still answers
    RELISTED = "relisted"  # a delisted notice is listed again
    MOVED = "moved"  # its page is now at another URL (detail: old -> new)


# The archive fields of an exported notice (besides the record's own), in the export's order,
# with their meaning: the export columns and the column comments use these words.
ARCHIVE_FIELDS: dict[str, str] = {
    "url": "URL as last fetched",
    "urls": "every URL the notice was seen at (redirect sources, aliases), oldest first",
    "first_seen_at": "first fetched (UTC)",
    "last_seen_at": "last fetched (UTC)",
    "last_checked_at": "last time its page was requested and answered (UTC)",
    "removed_at": "when its page was first found gone (UTC); null while it is live",
    "removed_reason": "why it counts as removed: "
    + ", ".join(r.value for r in RemovedReason)
    + "; null while live",
    "delisted_at": "when it was first found missing from every list of its site while its page "
    "still answered (UTC); null while listed",
    "versions": "count of distinct fetched contents",
}


@dataclass(frozen=True, slots=True)
class StoredNotice:
    """What a crawl needs to know of a stored notice to re-check it: where, and its validators."""

    site_id: str
    url: str  # as last fetched
    canonical_url: str
    published: date | None  # places it in a walked list range
    removed: bool
    delisted: bool
    etag: str | None = None
    last_modified: str | None = None


# The stat a `notices recheck` run carries: it revalidates stored notices and walks no list, so
# health (models/health.py) does not count it as a night of its sites' crawl.
RECHECK_STAT = "notices/recheck/targets"
