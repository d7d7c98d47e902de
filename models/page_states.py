"""Reading and writing the page validators (models/page_validator.py) as the leaf's `PageState`.

`load_state` is what the store hands the spider at the start of a crawl; `write_states` upserts
what a crawl saw; `detail_states` turns stored detail pages into states inside the same
transaction as the pages, so a page's validators are never recorded without the page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, func, select, update

from models.native_upsert import chunks, dialect_insert, on_conflict_update
from models.notice import Notice
from models.page_validator import PageValidator
from models.raw_page import RawPage
from pipelines.common.fetched import FetchedPage
from pipelines.common.page_state import DETAIL, ArchiveState, ListRow, PageState

VALIDATORS = cast(Table, PageValidator.__table__)
NOTICES = cast(Table, Notice.__table__)
RAW_PAGES = cast(Table, RawPage.__table__)
CHUNK = 500  # below SQLite's bound-parameter limit


def load_state(engine: Engine, site_ids: Iterable[str]) -> ArchiveState:
    """The stored page states and stored page URLs of these sites, and when each stored notice
    was first seen."""
    ids = sorted(set(site_ids))
    pages: dict[str, PageState] = {}
    stored: set[str] = set()
    first_seen: dict[str, datetime] = {}  # of stored notices, for the fresh window
    sites: set[str] = set()
    with engine.connect() as conn:
        for chunk in chunks(ids, CHUNK):
            for row in conn.execute(select(VALIDATORS).where(VALIDATORS.c.site_id.in_(chunk))):
                pages[row.page_key] = _state(row)
                sites.add(row.site_id)
            query = select(NOTICES.c.canonical_url, NOTICES.c.site_id, NOTICES.c.first_seen_at)
            for url, site_id, seen in conn.execute(query.where(NOTICES.c.site_id.in_(chunk))):
                first_seen[url] = seen
                sites.add(site_id)
            query = select(RAW_PAGES.c.canonical_url, RAW_PAGES.c.site_id)
            for url, site_id in conn.execute(query.where(RAW_PAGES.c.site_id.in_(chunk))):
                stored.add(url)
                sites.add(site_id)
    stored.update(first_seen)
    return ArchiveState(
        pages=pages, stored=frozenset(stored), sites=frozenset(sites), first_seen=first_seen
    )


def write_states(engine: Engine, states: Sequence[PageState]) -> int:
    """Upsert states in one transaction; returns how many were written."""
    if not states:
        return 0
    with engine.begin() as conn:
        write_states_in(conn, states)
    return len(states)


def write_states_in(conn: Connection, states: Sequence[PageState]) -> None:
    rows = {s.key: _row(s) for s in states}  # the last state of a key in the batch wins
    stmt = dialect_insert(conn, VALIDATORS)
    values = {c.name: stmt.excluded[c.name] for c in VALIDATORS.columns if c.name != "page_key"}
    # A 304 downloads no bytes: the digest of the bytes last downloaded stays.
    values["sha256"] = func.coalesce(stmt.excluded.sha256, VALIDATORS.c.sha256)
    for chunk in chunks(list(rows.values()), CHUNK):
        conn.execute(on_conflict_update(stmt, ["page_key"], values), list(chunk))


def detail_states(pages: Sequence[FetchedPage], now: datetime) -> list[PageState]:
    return [
        PageState(
            key=p.canonical_url,
            site_id=p.site_id,
            kind=DETAIL,
            etag=p.etag,
            last_modified=p.last_modified,
            sha256=None if p.not_modified else hashlib.sha256(p.body).hexdigest(),
            status=p.status,
            checked_at=now,
        )
        for p in pages
    ]


def touch_not_modified(conn: Connection, pages: Sequence[FetchedPage], now: datetime) -> None:
    """A 304 detail page was seen unchanged: its stored notice or raw page is seen now."""
    urls = sorted({p.canonical_url for p in pages})
    for table in (NOTICES, RAW_PAGES):
        for chunk in chunks(urls, CHUNK):
            touch = update(table).where(table.c.canonical_url.in_(chunk))
            conn.execute(touch.values(last_seen_at=now))


def _row(state: PageState) -> dict[str, Any]:
    return {
        "page_key": state.key,
        "site_id": state.site_id,
        "kind": state.kind,
        "etag": state.etag,
        "last_modified": state.last_modified,
        "sha256": state.sha256,
        "status": state.status,
        "checked_at": state.checked_at,
        "rows": [{"url": r.url, "title": r.title, "date": r.date} for r in state.rows],
    }


def _state(row: Any) -> PageState:
    return PageState(
        key=row.page_key,
        site_id=row.site_id,
        kind=row.kind,
        etag=row.etag,
        last_modified=row.last_modified,
        sha256=row.sha256,
        status=row.status,
        checked_at=row.checked_at,
        rows=tuple(
            ListRow(str(r["url"]), r.get("title"), r.get("date"))
            for r in row.rows or []
            if isinstance(r, dict) and r.get("url")
        ),
    )
