"""Incremental crawling: what a night may skip because the archive already has it.

The store loads the archive's state (pipelines/common/page_state.py) into the run's `Incremental`
at the start of a crawl; the spider asks it which validators to send, which rows of a list page
are known, and whether a list page holds only known rows, which ends the paging of its list. A
row is known when its detail page is stored (as a notice or a raw page) and its list title and
date are those it was listed with before; a row the crawler would not fetch (a title that is no
notice's, another host) is known when it was listed before. The list pages the spider read are
handed back to the store at the end (`lists_seen`). Known rows in the fresh window (among a list's
first rows, notices first seen within a few days) are fetched again all the same, conditionally:
edits cluster in the days after publication and leave the list row as it was. With `full`, nothing is skipped and nothing is
asked conditionally: every page is walked and downloaded, so what a 304 would hide (an attachment
replaced behind an unchanged page, say) is seen weekly. The decisions are pure functions of their
arguments; docs/incremental.md tells the whole story.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from crawler.listing import ListEntry, canonical_url
from pipelines.common.page_state import LIST, ArchiveState, ListRow, PageState

CONDITIONAL_HEADERS = ("If-None-Match", "If-Modified-Since")


def page_key(url: str, method: str = "GET", body: bytes | None = None) -> str:
    """The key of a page's state: its canonical URL; POST pages differ by body only."""
    key = canonical_url(url)
    if method.upper() == "GET":
        return key
    return f"{method.upper()} {key} {(body or b'').decode('utf-8', 'replace')}"


def conditional_headers(state: PageState | None) -> dict[str, str]:
    """The validators of a page's last answer, as the headers of a conditional GET."""
    if state is None:
        return {}
    values = zip(CONDITIONAL_HEADERS, (state.etag, state.last_modified), strict=True)
    return {name: value for name, value in values if value}


def listed_rows(pages: Iterable[PageState], hosts: Collection[str] = ()) -> dict[str, ListRow]:
    """Each row's last listing by canonical URL, over every list page; the latest check wins (new
    rows push old ones to later pages, so a row may have been on two pages)."""
    rows: dict[str, tuple[datetime, ListRow]] = {}
    for page in pages:
        if page.kind != LIST:
            continue
        for row in page.rows:
            url = canonical_url(row.url, hosts)
            if url not in rows or rows[url][0] <= page.checked_at:
                rows[url] = (page.checked_at, row)
    return {url: row for url, (_, row) in rows.items()}


def is_known(
    entry: ListEntry,
    *,
    relevant: bool,
    stored: frozenset[str],
    listed: Mapping[str, ListRow],
    hosts: Collection[str] = (),
) -> bool:
    """Whether a row is in the archive as listed: stored (if the crawler would fetch it, i.e. it is
    `relevant`) or listed before (if not), with the title and date it was listed with. `hosts`:
    the crawled sites' own hosts, on which a key has no port (crawler/listing.py)."""
    url = canonical_url(entry.url, hosts)
    before = listed.get(url)
    same = before is None or (before.title, before.date) == (entry.title, entry.date)
    if relevant:
        return url in stored and same
    return before is not None and same


def fresh_keys(
    entries: Sequence[ListEntry],
    *,
    first_seen: Mapping[str, datetime],
    now: datetime,
    days: int,
    rows: int,
    hosts: Collection[str] = (),
) -> frozenset[str]:
    """The canonical URLs, among the first `rows` of these rows, of the stored notices first seen
    less than `days` days before `now`: the fresh window (0 days or 0 rows: none)."""
    if days <= 0 or rows <= 0:
        return frozenset()
    since = now - timedelta(days=days)
    keys = (canonical_url(e.url, hosts) for e in entries[:rows])
    return frozenset(k for k in keys if k in first_seen and first_seen[k] > since)


def stops_paging(rows: Sequence[bool], *, site_known: bool, full: bool) -> bool:
    """Whether a list page whose rows are known (True) or not ends the paging of its list: when
    every row is known, unless the walk is full or nothing of the site is known yet (its first
    crawl walks everything)."""
    return not full and site_known and bool(rows) and all(rows)


def list_state(
    site_id: str,
    key: str,
    *,
    etag: str | None,
    last_modified: str | None,
    sha256: str | None,
    status: int,
    rows: Sequence[ListEntry],
    now: datetime,
) -> PageState:
    return PageState(
        key=key,
        site_id=site_id,
        kind=LIST,
        etag=etag,
        last_modified=last_modified,
        sha256=sha256,
        status=status,
        checked_at=now,
        rows=tuple(ListRow(e.url, e.title, e.date) for e in rows),
    )


def not_modified_state(
    state: PageState, *, etag: str | None, last_modified: str | None, now: datetime
) -> PageState:
    """A list page's state after a 304: the same rows and digest, validators as re-sent."""
    return replace(
        state,
        etag=etag or state.etag,
        last_modified=last_modified or state.last_modified,
        status=304,
        checked_at=now,
    )


def stored_rows(state: PageState | None) -> list[ListEntry]:
    """The rows a list page held when last read: what a 304 says it still holds."""
    return [ListEntry(r.url, r.title, r.date) for r in state.rows] if state else []


class Incremental:
    """The run's incremental state: the archive as loaded at the start, and the list pages read."""

    def __init__(self, *, full: bool = False, hosts: Collection[str] = ()) -> None:
        self.full = full
        # The selected sites' hosts: stored notices are keyed without their port or www.
        # (crawler/listing.py), so the rows are compared in the same keys.
        self.hosts = frozenset(hosts)
        self._archive = ArchiveState()
        self._listed: dict[str, ListRow] = {}
        self._seen: dict[str, PageState] = {}

    def load(self, archive: ArchiveState) -> None:
        """The store's view of the archive for the crawled sites (before the first request)."""
        self._archive = archive
        self._listed = listed_rows(archive.pages.values(), self.hosts)

    def state(self, key: str) -> PageState | None:
        return self._archive.pages.get(key)

    def site_known(self, site_id: str) -> bool:
        return site_id in self._archive.sites

    def list_headers(self, key: str) -> dict[str, str]:
        return {} if self.full else conditional_headers(self.state(key))

    def detail_headers(self, url: str) -> dict[str, str]:
        return {} if self.full else conditional_headers(self.state(canonical_url(url, self.hosts)))

    def known(self, entry: ListEntry, *, relevant: bool) -> bool:
        """Whether the row may be skipped tonight; never on a full walk."""
        if self.full:
            return False
        return is_known(
            entry,
            relevant=relevant,
            stored=self._archive.stored,
            listed=self._listed,
            hosts=self.hosts,
        )

    def fresh(
        self, entries: Sequence[ListEntry], *, before: int, now: datetime, days: int, rows: int
    ) -> frozenset[str]:
        """The rows of this list page in the fresh window: the list's first `rows` rows, of which
        `before` were on the pages read before this one (a full walk fetches every row anyway)."""
        if self.full:
            return frozenset()
        return fresh_keys(
            entries,
            first_seen=self._archive.first_seen,
            now=now,
            days=days,
            rows=rows - before,
            hosts=self.hosts,
        )

    def stops_paging(self, site_id: str, rows: Sequence[bool]) -> bool:
        return stops_paging(rows, site_known=self.site_known(site_id), full=self.full)

    def saw_list(self, state: PageState) -> None:
        self._seen[state.key] = state

    def lists_seen(self) -> list[PageState]:
        """The list pages read in this run, for the store to keep."""
        return list(self._seen.values())
