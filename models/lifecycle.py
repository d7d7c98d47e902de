"""A stored notice's standing, kept by the store: which notice a page belongs to (its key, an
alias, a redirect source), moves and merges, removals, restorations, delistings, and their events.

The words (removal reasons, event kinds) are declared in pipelines/common/lifecycle.py; the
spider decides from the page's answer, this module only records it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import Connection, Engine, Table, case, delete, func, select, update

from models.native_upsert import chunks, dialect_insert, on_conflict_nothing
from models.notice import Notice, NoticeEvent, NoticeUrl, NoticeVersion
from models.page_validator import PageValidator
from pipelines.common.fetched import FetchedPage
from pipelines.common.lifecycle import EventKind, StoredNotice

NOTICES = cast(Table, Notice.__table__)
URLS = cast(Table, NoticeUrl.__table__)
EVENTS = cast(Table, NoticeEvent.__table__)
VERSIONS = cast(Table, NoticeVersion.__table__)
VALIDATORS = cast(Table, PageValidator.__table__)
LOOKUP_CHUNK = 500


class Stored(NamedTuple):
    """What the store compares a fetched page with."""

    id: int
    key: str  # its own canonical_url (a page may have found it by an alias)
    url: str
    fetch_sha256: str | None
    record_sha256: str
    removed: bool
    delisted: bool


_STORED_COLUMNS = (
    NOTICES.c.id,
    NOTICES.c.canonical_url,
    NOTICES.c.url,
    NOTICES.c.fetch_sha256,
    NOTICES.c.record_sha256,
    NOTICES.c.removed_at.is_not(None),
    NOTICES.c.delisted_at.is_not(None),
)


def stored(conn: Connection, keys: Iterable[str]) -> dict[str, Stored]:
    """The stored notices of these keys: by their own key, else by a URL they were seen at."""
    found: dict[str, Stored] = {}
    wanted = sorted(set(keys))
    for chunk in chunks(wanted, LOOKUP_CHUNK):
        query = select(*_STORED_COLUMNS).where(NOTICES.c.canonical_url.in_(chunk))
        for row in conn.execute(query):
            found[row.canonical_url] = Stored(*row)
    missing = [k for k in wanted if k not in found]
    for chunk in chunks(missing, LOOKUP_CHUNK):
        query = select(URLS.c.canonical_url, *_STORED_COLUMNS).join(
            NOTICES, NOTICES.c.id == URLS.c.notice_id
        )
        for key, *rest in conn.execute(query.where(URLS.c.canonical_url.in_(chunk))):
            found.setdefault(key, Stored(*rest))
    return found


def current_keys(conn: Connection, ids: Iterable[int]) -> dict[int, str]:
    keys: dict[int, str] = {}
    for chunk in chunks(sorted(set(ids)), LOOKUP_CHUNK):
        query = select(NOTICES.c.id, NOTICES.c.canonical_url).where(NOTICES.c.id.in_(chunk))
        keys.update((nid, key) for nid, key in conn.execute(query))
    return keys


@dataclass
class Changes:
    """Lifecycle writes collected over a batch and written together."""

    now: datetime
    events: list[dict[str, Any]] = field(default_factory=list)
    urls: dict[str, dict[str, Any]] = field(default_factory=dict)

    def event(self, notice_id: int, kind: EventKind, detail: str, at: datetime) -> None:
        self.events.append({"notice_id": notice_id, "at": at, "kind": kind.value, "detail": detail})

    def seen_at(self, notice_id: int, page: FetchedPage) -> None:
        """Every URL the page was requested or found at belongs to its notice."""
        pairs = [
            (page.url, page.canonical_url),
            *zip(page.redirect_urls, page.redirect_keys, strict=True),
        ]
        for url, key in pairs:
            self.urls.setdefault(
                url,
                {
                    "url": url,
                    "notice_id": notice_id,
                    "canonical_url": key,
                    "first_seen_at": self.now,
                },
            )

    def write(self, conn: Connection) -> None:
        if self.urls:
            stmt = on_conflict_nothing(dialect_insert(conn, URLS), ["url"])
            conn.execute(stmt, list(self.urls.values()))
        if self.events:
            conn.execute(EVENTS.insert(), self.events)


def follow_moves(conn: Connection, pages: Sequence[FetchedPage], changes: Changes) -> None:
    """A page that arrived through a redirect is the notice stored under its source: the notice
    takes the new key (one row, `url` the current URL); a row stored meanwhile under the new key
    is merged into it."""
    for page in pages:
        if not page.redirect_keys:
            continue
        sources = stored(conn, page.redirect_keys)
        old = next((sources[k] for k in page.redirect_keys if k in sources), None)
        if old is None:
            continue
        here = stored(conn, [page.canonical_url]).get(page.canonical_url)
        if here is not None and here.id == old.id:
            continue
        old_key = current_keys(conn, [old.id])[old.id]
        if here is not None:
            merge(conn, keep=old.id, dupe=here.id)
        conn.execute(
            update(NOTICES)
            .where(NOTICES.c.id == old.id)
            .values(canonical_url=page.canonical_url, url=page.url)
        )
        changes.event(
            old.id, EventKind.MOVED, f"{old_key} -> {page.canonical_url}", page.fetched_at
        )


def merge(conn: Connection, *, keep: int, dupe: int) -> None:
    """Fold notice `dupe` into `keep`: its distinct versions, its URLs and events move; the row
    goes (problems and attachments with it: `keep` gets the current record when written)."""
    kept = {
        (raw, files)
        for raw, files in conn.execute(
            select(VERSIONS.c.raw_sha256, VERSIONS.c.files_sha256).where(
                VERSIONS.c.notice_id == keep
            )
        )
    }
    query = select(VERSIONS.c.id, VERSIONS.c.raw_sha256, VERSIONS.c.files_sha256)
    for vid, raw, files in conn.execute(query.where(VERSIONS.c.notice_id == dupe)).all():
        if (raw, files) not in kept:
            conn.execute(update(VERSIONS).where(VERSIONS.c.id == vid).values(notice_id=keep))
            kept.add((raw, files))
    for table in (URLS, EVENTS):
        conn.execute(update(table).where(table.c.notice_id == dupe).values(notice_id=keep))
    first = conn.execute(select(NOTICES.c.first_seen_at).where(NOTICES.c.id == dupe)).scalar()
    conn.execute(delete(NOTICES).where(NOTICES.c.id == dupe))  # versions left: cascade
    conn.execute(
        update(NOTICES)
        .where(NOTICES.c.id == keep, NOTICES.c.first_seen_at > first)
        .values(first_seen_at=first)
    )


def answered(
    changes: Changes, notice_id: int, was: Stored | None, page: FetchedPage
) -> dict[str, Any]:
    """The lifecycle columns to set on a notice whose page answered (with content or a 304),
    with their events: a removed notice is live again; a listing decides its delisting."""
    values: dict[str, Any] = {}
    at = page.fetched_at
    if was is not None and was.removed:
        values.update(removed_at=None, removed_reason=None)
        changes.event(notice_id, EventKind.RESTORED, f"HTTP {page.status} at {page.url}", at)
    delisted = was is not None and was.delisted
    if page.listed is True and delisted:
        values["delisted_at"] = None
        changes.event(notice_id, EventKind.RELISTED, "listed again", at)
    elif page.listed is False and not delisted:
        values["delisted_at"] = at
        changes.event(notice_id, EventKind.DELISTED, "missing from every walked list", at)
    return values


def removed(conn: Connection, changes: Changes, was: Stored, page: FetchedPage) -> None:
    """A stored notice's page answered gone: first time, it is marked removed at that moment."""
    values: dict[str, Any] = {"last_checked_at": changes.now}
    if not was.removed:
        values.update(removed_at=page.fetched_at, removed_reason=page.removed_reason)
        detail = f"{page.removed_reason}: HTTP {page.status} at {page.url}"
        changes.event(was.id, EventKind.REMOVED, detail, page.fetched_at)
    conn.execute(update(NOTICES).where(NOTICES.c.id == was.id).values(**values))


def _stored_notice(row: Any) -> StoredNotice:
    return StoredNotice(
        site_id=row.site_id,
        url=row.url,
        canonical_url=row.canonical_url,
        published=row.published_date,
        removed=row.removed_at is not None,
        delisted=row.delisted_at is not None,
        etag=row.etag,
        last_modified=row.last_modified,
    )


# A notice's validators are those of its page's last answer, kept once, in page_validators.
_NOTICE_COLUMNS = (
    NOTICES.c.site_id,
    NOTICES.c.url,
    NOTICES.c.canonical_url,
    NOTICES.c.published_date,
    NOTICES.c.removed_at,
    NOTICES.c.delisted_at,
    VALIDATORS.c.etag,
    VALIDATORS.c.last_modified,
)
_WITH_VALIDATORS = NOTICES.outerjoin(VALIDATORS, VALIDATORS.c.page_key == NOTICES.c.canonical_url)


def stored_notices(engine: Engine, site_ids: Sequence[str]) -> dict[str, list[StoredNotice]]:
    """Every stored notice of these sites, by site id."""
    found: dict[str, list[StoredNotice]] = {sid: [] for sid in site_ids}
    with engine.connect() as conn:
        for chunk in chunks(sorted(site_ids), LOOKUP_CHUNK):
            query = (
                select(*_NOTICE_COLUMNS)
                .select_from(_WITH_VALIDATORS)
                .where(NOTICES.c.site_id.in_(chunk))
            )
            for row in conn.execute(query.order_by(NOTICES.c.id)):
                found[row.site_id].append(_stored_notice(row))
    return found


def recheck_targets(engine: Engine, site_ids: Sequence[str], limit: int) -> list[StoredNotice]:
    """The `limit` notices of these sites checked longest ago (never checked first), removed ones
    included: a removed notice that answers again is live. The budget is shared among the sites:
    none gets more than its share (`limit` over the sites with notices, rounded up) while another
    site's share is unused, so a night's re-checks cost every site about the same."""
    where = NOTICES.c.site_id.in_(list(site_ids))
    never_first = case((NOTICES.c.last_checked_at.is_(None), 0), else_=1)
    oldest = (never_first, NOTICES.c.last_checked_at, NOTICES.c.id)
    ranked = (
        select(
            *_NOTICE_COLUMNS,
            func.row_number().over(partition_by=NOTICES.c.site_id, order_by=oldest).label("nth"),
            func.row_number().over(order_by=oldest).label("overall"),
        )
        .select_from(_WITH_VALIDATORS)
        .where(where)
        .subquery()
    )
    with engine.connect() as conn:
        sites = conn.execute(select(func.count(NOTICES.c.site_id.distinct())).where(where))
        share = -(-limit // max(sites.scalar_one(), 1))
        query = (
            select(ranked)
            .order_by(case((ranked.c.nth <= share, 0), else_=1), ranked.c.overall)
            .limit(limit)
        )
        return [_stored_notice(row) for row in conn.execute(query)]


def events_since(engine: Engine, since: datetime) -> dict[str, int]:
    """How many events of each kind were recorded at or after `since`."""
    query = select(EVENTS.c.kind, func.count()).where(EVENTS.c.at >= since).group_by(EVENTS.c.kind)
    with engine.connect() as conn:
        return {str(row[0]): int(row[1]) for row in conn.execute(query)}


def not_checked_since(engine: Engine, keys: Sequence[str], since: datetime) -> int:
    """How many of the notices with these keys got no answer (last checked before `since`)."""
    n = 0
    with engine.connect() as conn:
        for chunk in chunks(sorted(set(keys)), LOOKUP_CHUNK):
            query = select(func.count()).where(
                NOTICES.c.canonical_url.in_(chunk),
                (NOTICES.c.last_checked_at.is_(None)) | (NOTICES.c.last_checked_at < since),
            )
            n += conn.execute(query).scalar_one()
    return n
