"""Which stored notices a walk of a site's lists makes suspect (crawler/walks.py)."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.walks import SiteWalk
from pipelines.common.lifecycle import StoredNotice


def stored(key: str, day: int, *, removed: bool = False, delisted: bool = False) -> StoredNotice:
    return StoredNotice(
        "s", key, key, date(2023, 1, day), removed=removed, delisted=delisted, etag=None
    )


STORED = [
    stored("listed", 10),
    stored("between", 12),  # newer than the oldest row walked, older than the newest
    stored("older", 2),  # below the walked range: on a page not walked
    stored("gone", 12, removed=True),
    stored("off", 12, delisted=True),
]


def walk(*ends: str, failed: bool = False, sources: int = 1) -> SiteWalk:
    w = SiteWalk(sources)
    w.saw(["listed", "other"], ["2023-01-10", "2023-01-20", None])
    for end in ends:
        w.ended(end)
    w.failed = failed
    return w


@pytest.mark.parametrize(
    ("w", "suspects"),
    [
        (walk("last_page"), ["between", "older"]),  # walked to the end: all not listed
        (walk("max_pages"), ["between"]),  # a range: only inside it
        (walk("since"), ["between"]),
        (walk("last_page", failed=True), []),  # a failed list page decides nothing
        (walk("last_page", sources=2), []),  # a source not walked yet
        (walk("last_page", "empty_page", sources=2), ["between", "older"]),
    ],
)
def test_suspects_are_what_the_walk_should_have_seen(w: SiteWalk, suspects: list[str]) -> None:
    assert [s.canonical_url for s in w.suspects(STORED)] == suspects


def test_a_walk_without_dated_rows_decides_nothing_short_of_the_end() -> None:
    w = SiteWalk(1)
    w.saw(["listed"], [None])
    w.ended("max_pages")
    assert w.suspects(STORED) == []
