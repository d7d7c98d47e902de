"""What the store tells its callers about each page it was handed (the page type itself is
`pipelines.common.fetched.FetchedPage`, shared with the spider and the pipelines)."""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    INSERTED = "inserted"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    NON_NOTICE = "non_notice"
    REMOVED = "removed"  # the page answered gone for a stored notice (marked removed if live)
    NOT_STORED = "not_stored"  # it answered gone or 304 for a notice the archive does not hold
