"""Batched writes of fetched pages: notices are upserted by canonical URL, other pages kept raw.

One call of `write_pages` is one transaction. It looks up the stored record hashes of the whole
batch at once, touches `last_seen_at` of unchanged notices with one UPDATE, and upserts the new or
changed ones with the dialect's native `INSERT ... ON CONFLICT`, so a re-crawl of unchanged pages
costs one SELECT, one UPDATE and one INSERT of seen URLs (conflicts ignored) per batch.

A page found through a redirect keeps its notice (models/lifecycle.py); a page that answered
gone marks its notice removed, a 304 confirms it; a removed notice that answers is live again.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, delete, select, update

from models import lifecycle, search
from models.attachment_file import AttachmentFile
from models.hashing import fetch_digest, record_digest
from models.lifecycle import Changes
from models.native_upsert import chunks, dialect_insert, on_conflict_nothing, on_conflict_update
from models.notice import Attachment, Notice, NoticeVersion, NoticeVersionFile, Problem
from models.notice_rows import Prepared, no_nul
from models.page_states import detail_states, touch_not_modified, write_states_in
from models.raw_page import RawPage
from models.runs import ensure_sites
from models.search import Indexed
from models.writes import Outcome
from pipelines.common.fetched import FetchedPage

NOTICES = cast(Table, Notice.__table__)
PROBLEMS = cast(Table, Problem.__table__)
VERSIONS = cast(Table, NoticeVersion.__table__)
ATTACHMENTS = cast(Table, Attachment.__table__)
FILES = cast(Table, AttachmentFile.__table__)
VERSION_FILES = cast(Table, NoticeVersionFile.__table__)
RAW_PAGES = cast(Table, RawPage.__table__)

# Large IN lists are split so that SQLite's bound-parameter limit is never reached.
LOOKUP_CHUNK = 500


def write_pages(
    engine: Engine, pages: Sequence[FetchedPage], *, now: datetime | None = None
) -> list[Outcome]:
    """Store a batch in one transaction; the outcomes are in the order of `pages`."""
    now = now or datetime.now(UTC)
    with engine.begin() as conn:
        return write_pages_in(conn, pages, now=now)


def write_pages_in(
    conn: Connection, pages: Sequence[FetchedPage], *, now: datetime
) -> list[Outcome]:
    ensure_sites(conn, {p.site_id: p.region for p in pages}, now=now)
    outcomes: list[Outcome] = [Outcome.NON_NOTICE] * len(pages)
    write_states_in(conn, detail_states(pages, now))  # validators go with their pages
    changes = Changes(now)
    lifecycle.follow_moves(conn, pages, changes)
    answers = [(i, p) for i, p in enumerate(pages) if p.removed_reason or p.not_modified]
    if answers:
        _write_answers(conn, answers, outcomes, changes)
    raw = [p for p in pages if not p.is_notice and not (p.removed_reason or p.not_modified)]
    if raw:
        _upsert_raw_pages(conn, raw, now)
    notices = [
        (i, p, fetch_digest(p))
        for i, p in enumerate(pages)
        if p.is_notice and not (p.removed_reason or p.not_modified)
    ]
    if notices:
        _write_notices(conn, notices, outcomes, changes)
    changes.write(conn)
    return outcomes


def _write_notices(
    conn: Connection,
    notices: list[tuple[int, FetchedPage, str]],
    outcomes: list[Outcome],
    changes: Changes,
) -> None:
    now = changes.now
    known = lifecycle.stored(conn, {p.canonical_url for _, p, _ in notices})
    for _, p, _ in notices:
        was = known.get(p.canonical_url)
        if was is not None and was.key != p.canonical_url:  # found by a URL it was seen at
            changes.seen_at(was.id, p)  # that URL keeps its own key
            p.canonical_url = was.key  # the page is that notice's: one row
            known.setdefault(was.key, was)
    state = {url: (was.fetch_sha256, was.record_sha256) for url, was in known.items()}
    changed: dict[str, tuple[FetchedPage, str, str, bool]] = {}
    last: dict[str, FetchedPage] = {}  # the batch's last fetch of each key decides its standing
    for i, p, fetch in notices:
        url = p.canonical_url
        last[url] = p
        stored = state.get(url)
        # Same bytes, parser and files cannot give another record: skip hashing the record,
        # which is most of the cost of an unchanged re-crawl.
        if stored is not None and stored[0] == fetch:
            outcomes[i] = Outcome.UNCHANGED
            continue
        digest, has_nul = record_digest(p)
        if stored is None:
            outcomes[i] = Outcome.INSERTED
        elif stored[1] == digest:
            outcomes[i] = Outcome.UNCHANGED
            continue
        else:
            outcomes[i] = Outcome.UPDATED
        state[url] = (fetch, digest)
        changed[url] = (p, fetch, digest, has_nul)  # a later fetch of the URL in the batch wins

    unchanged_ids = [was.id for url, was in known.items() if url not in changed and url in last]
    for chunk in chunks(unchanged_ids, LOOKUP_CHUNK):
        conn.execute(
            update(NOTICES)
            .where(NOTICES.c.id.in_(chunk))
            .values(last_seen_at=now, last_checked_at=now)
        )
    ids = {url: was.id for url, was in known.items()}
    if changed:
        preps = [Prepared.of(*values) for values in changed.values()]
        updated = {u for u in changed if u in known}
        ids.update(_upsert_notices(conn, preps, updated, ids, now))
    for url, page in last.items():
        was = known.get(url)
        values = lifecycle.answered(changes, ids[url], was, page)
        # the same page on another port, scheme or www.
        if was is not None and url not in changed and was.url != page.url:
            values["url"] = page.url
        if values:
            conn.execute(update(NOTICES).where(NOTICES.c.id == ids[url]).values(**values))
    for _, p, _ in notices:  # every fetch of the batch, not only the last of its key
        was = known.get(p.canonical_url)
        # a notice fetched again at its last URL has it kept already: no write for a re-crawl
        if was is None or was.url != p.url or p.redirect_urls:
            changes.seen_at(ids[p.canonical_url], p)


def _write_answers(
    conn: Connection,
    answers: list[tuple[int, FetchedPage]],
    outcomes: list[Outcome],
    changes: Changes,
) -> None:
    """Pages that answered without content: gone (the notice is removed) or 304 (unchanged)."""
    known = lifecycle.stored(conn, {p.canonical_url for _, p in answers})
    # a 304 of a page kept as a non-notice: it is seen again, as a notice's would be
    raw_seen = [p for _, p in answers if p.canonical_url not in known and p.not_modified]
    raw_kept: set[str] = set()
    if raw_seen:
        touch_not_modified(conn, raw_seen, changes.now)
        urls = sorted({p.canonical_url for p in raw_seen})
        for chunk in chunks(urls, LOOKUP_CHUNK):
            found = select(RAW_PAGES.c.canonical_url).where(RAW_PAGES.c.canonical_url.in_(chunk))
            raw_kept.update(conn.execute(found).scalars())
    for i, page in answers:
        was = known.get(page.canonical_url)
        if was is None:
            kept = page.not_modified and page.canonical_url in raw_kept
            outcomes[i] = Outcome.UNCHANGED if kept else Outcome.NOT_STORED
        elif page.removed_reason:
            lifecycle.removed(conn, changes, was, page)
            outcomes[i] = Outcome.REMOVED
        else:
            values: dict[str, Any] = {"last_seen_at": changes.now, "last_checked_at": changes.now}
            values.update(lifecycle.answered(changes, was.id, was, page))
            if was.url != page.url or page.redirect_urls:  # a 304 after a redirect, say
                values["url"] = page.url
                changes.seen_at(was.id, page)
            conn.execute(update(NOTICES).where(NOTICES.c.id == was.id).values(**values))
            outcomes[i] = Outcome.UNCHANGED


def _upsert_notices(
    conn: Connection,
    preps: list[Prepared],
    updated_urls: set[str],
    known_ids: dict[str, int],
    now: datetime,
) -> dict[str, int]:
    rows = [
        {**p.row, "first_seen_at": now, "last_seen_at": now, "last_checked_at": now} for p in preps
    ]
    old = search.old_texts(conn, [nid for url, nid in known_ids.items() if url in updated_urls])
    stmt = dialect_insert(conn, NOTICES)
    # The standing of a stored notice changes only through models/lifecycle.py.
    keep = {"id", "canonical_url", "first_seen_at", "removed_at", "removed_reason", "delisted_at"}
    stmt = on_conflict_update(
        stmt,
        ["canonical_url"],
        {c.name: stmt.excluded[c.name] for c in NOTICES.columns if c.name not in keep},
    ).returning(NOTICES.c.id, NOTICES.c.canonical_url)
    ids = {url: nid for nid, url in conn.execute(stmt, rows)}
    search.index_notices(
        conn,
        [Indexed(ids[r["canonical_url"]], r.get("title"), r.get("body_text")) for r in rows],
        old,
    )

    updated_ids = [ids[u] for u in updated_urls]
    for chunk in chunks(updated_ids, LOOKUP_CHUNK):
        conn.execute(delete(PROBLEMS).where(PROBLEMS.c.notice_id.in_(chunk)))
        conn.execute(delete(ATTACHMENTS).where(ATTACHMENTS.c.notice_id.in_(chunk)))

    problems = [{**r, "notice_id": ids[p.page.canonical_url]} for p in preps for r in p.problems]
    if problems:
        conn.execute(dialect_insert(conn, PROBLEMS), problems)
    # Files are content-addressed and never replaced: a file seen before is already kept.
    files = {f["sha256"]: {**f, "first_seen_at": now} for p in preps for f in p.files}
    if files:
        conn.execute(
            on_conflict_nothing(dialect_insert(conn, FILES), ["sha256"]), list(files.values())
        )
    links = [{**r, "notice_id": ids[p.page.canonical_url]} for p in preps for r in p.attachments]
    if links:
        conn.execute(dialect_insert(conn, ATTACHMENTS), links)
    _insert_versions(conn, preps, ids)
    return ids


def _insert_versions(conn: Connection, preps: list[Prepared], ids: dict[str, int]) -> None:
    # Re-parsing the same bytes with a newer parser updates the record, not the raw archive; the
    # same page with other files is a new version.
    key = ["notice_id", "raw_sha256", "files_sha256"]
    versions = [{**p.version, "notice_id": ids[p.page.canonical_url]} for p in preps]
    stmt = on_conflict_nothing(dialect_insert(conn, VERSIONS), key)
    if not any(p.version_files for p in preps):  # most notices have no files: no RETURNING
        conn.execute(stmt, versions)
        return
    new = {
        (nid, raw, files): vid
        for vid, nid, raw, files in conn.execute(
            stmt.returning(VERSIONS.c.id, *(VERSIONS.c[k] for k in key)), versions
        )
    }
    rows = [
        {"version_id": vid, "url": url, "sha256": sha}
        for p, v in zip(preps, versions, strict=True)
        if (vid := new.get((v["notice_id"], v["raw_sha256"], v["files_sha256"]))) is not None
        for url, sha in p.version_files
    ]
    if rows:
        conn.execute(dialect_insert(conn, VERSION_FILES), rows)


def _upsert_raw_pages(conn: Connection, pages: list[FetchedPage], now: datetime) -> None:
    rows: dict[str, dict[str, Any]] = {}
    for p in pages:
        rows[p.canonical_url] = {
            "site_id": p.site_id,
            "region": p.region,
            "url": p.url,
            "canonical_url": p.canonical_url,
            "sha256": hashlib.sha256(p.body).hexdigest(),
            "body_zlib": zlib.compress(p.body),
            "http_status": p.status,
            "reason": p.non_notice_reason,
            "title": p.list_title,
            "first_seen_at": now,
            "last_seen_at": now,
        }
    stmt = dialect_insert(conn, RAW_PAGES)
    keep = {"id", "canonical_url", "first_seen_at"}
    # As for notices, a page fetched again unchanged only gets its last_seen_at touched.
    changed = (RAW_PAGES.c.sha256 != stmt.excluded.sha256) | (
        RAW_PAGES.c.reason != stmt.excluded.reason
    )
    stmt = on_conflict_update(
        stmt,
        ["canonical_url"],
        {c.name: stmt.excluded[c.name] for c in RAW_PAGES.columns if c.name not in keep},
        where=changed,
    )
    conn.execute(stmt, [no_nul(r) for r in rows.values()])
    for chunk in chunks(list(rows), LOOKUP_CHUNK):
        touch = update(RAW_PAGES).where(RAW_PAGES.c.canonical_url.in_(chunk))
        conn.execute(touch.values(last_seen_at=now))
