"""What the store tells its callers about each page it was handed (the page type itself is
`pipelines.common.fetched.FetchedPage`, shared with the spider and the pipelines)."""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    INSERTED = "inserted"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    NON_NOTICE = "non_notice"
