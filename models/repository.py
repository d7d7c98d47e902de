"""Batched writes of fetched pages: notices are upserted by canonical URL, other pages kept raw.

One call of `write_pages` is one transaction. It looks up the stored record hashes of the whole
batch at once, touches `last_seen_at` of unchanged notices with one UPDATE, and upserts the new or
changed ones with the dialect's native `INSERT ... ON CONFLICT`, so a re-crawl of unchanged pages
costs one SELECT and one UPDATE per batch.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert

from models.crawl_run import CrawlRun, CrawlSiteOutcome
from models.notice import Attachment, Notice, NoticeVersion, Problem
from models.raw_page import RawPage
from models.site import Site

NOTICES = cast(Table, Notice.__table__)
PROBLEMS = cast(Table, Problem.__table__)
VERSIONS = cast(Table, NoticeVersion.__table__)
ATTACHMENTS = cast(Table, Attachment.__table__)
RAW_PAGES = cast(Table, RawPage.__table__)
SITES = cast(Table, Site.__table__)
CRAWL_RUNS = cast(Table, CrawlRun.__table__)
SITE_OUTCOMES = cast(Table, CrawlSiteOutcome.__table__)

# Large IN lists are split so that SQLite's bound-parameter limit is never reached.
LOOKUP_CHUNK = 500

# Record fields stored in their own columns (problems and attachments go to their own tables).
_TEXT_FIELDS = (
    "title",
    "source",
    "author",
    "publisher",
    "inspected_unit",
    "inspection_body",
    "inspection_topic",
    "inspection_round",
    "signed_by",
)
_DATE_FIELDS = ("published_date", "signed_date")
_PARTIAL_DATE_FIELDS = ("inspection_start", "inspection_end", "feedback_date")
_LEVELS = frozenset({"central", "provincial", "city", "county", "other"})
_KNOWN_FIELDS = frozenset(
    {
        *_TEXT_FIELDS,
        *_DATE_FIELDS,
        *_PARTIAL_DATE_FIELDS,
        "is_notice",
        "inspection_level",
        "inspection_kinds",
        "counts",
        "status_counts",
        "contact",
        "attachments",
        "problems",
        "body_text",
        "parser_version",
    }
)
_PARTIAL_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")


class Outcome(StrEnum):
    INSERTED = "inserted"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    NON_NOTICE = "non_notice"


class UnsupportedDatabase(RuntimeError):
    """The database has no native upsert this module knows how to use."""


@dataclass(slots=True)
class AttachmentWrite:
    name: str
    url: str
    status: int | None = None
    content_type: str | None = None
    body: bytes | None = None
    sha256: str | None = None
    text: str | None = None
    error: str | None = None


@dataclass(slots=True)
class PageWrite:
    """A fetched detail page with its parsed record (None when no record could be made)."""

    url: str
    canonical_url: str
    site_id: str
    region: str | None
    status: int | None
    fetched_at: datetime
    body: bytes
    record: dict[str, Any] | None
    attachments: list[AttachmentWrite] = field(default_factory=list)
    list_title: str | None = None

    @property
    def is_notice(self) -> bool:
        return bool(self.record and self.record.get("is_notice"))

    @property
    def non_notice_reason(self) -> str:
        if self.record is None:
            return "no parsed record"
        return "not a rectification notice"


def write_pages(
    engine: Engine, pages: Sequence[PageWrite], *, now: datetime | None = None
) -> list[Outcome]:
    """Store a batch in one transaction; the outcomes are in the order of `pages`."""
    now = now or datetime.now(UTC)
    with engine.begin() as conn:
        return write_pages_in(conn, pages, now=now)


def write_pages_in(conn: Connection, pages: Sequence[PageWrite], *, now: datetime) -> list[Outcome]:
    ensure_sites(conn, {p.site_id: p.region for p in pages}, now=now)
    outcomes: list[Outcome] = [Outcome.NON_NOTICE] * len(pages)
    raw = [p for p in pages if not p.is_notice]
    if raw:
        _upsert_raw_pages(conn, raw, now)
    notices = [(i, p, fetch_digest(p)) for i, p in enumerate(pages) if p.is_notice]
    if not notices:
        return outcomes

    known = _stored_hashes(conn, {p.canonical_url for _, p, _ in notices})
    state = {url: (fetch, record) for url, (_, fetch, record) in known.items()}
    changed: dict[str, tuple[PageWrite, str, str, bool]] = {}
    for i, p, fetch in notices:
        url = p.canonical_url
        stored = state.get(url)
        # Same bytes, parser and files cannot give another record: skip hashing the record,
        # which is most of the cost of an unchanged re-crawl.
        if stored is not None and stored[0] == fetch:
            outcomes[i] = Outcome.UNCHANGED
            continue
        digest, has_nul = _record_digest(p)
        if stored is None:
            outcomes[i] = Outcome.INSERTED
        elif stored[1] == digest:
            outcomes[i] = Outcome.UNCHANGED
            continue
        else:
            outcomes[i] = Outcome.UPDATED
        state[url] = (fetch, digest)
        changed[url] = (p, fetch, digest, has_nul)  # a later fetch of the URL in the batch wins

    unchanged_ids = [nid for url, (nid, _, _) in known.items() if url not in changed]
    for chunk in _chunks(unchanged_ids, LOOKUP_CHUNK):
        conn.execute(update(NOTICES).where(NOTICES.c.id.in_(chunk)).values(last_seen_at=now))
    if changed:
        preps = [_Prepared.of(*values) for values in changed.values()]
        _upsert_notices(conn, preps, {u for u in changed if u in known}, now)
    return outcomes


def fetch_digest(page: PageWrite) -> str:
    """A cheap hash of what the record is made from: raw bytes, parser version, files."""
    parser = (page.record or {}).get("parser_version")
    return _sha256_json([_sha256_bytes(page.body), parser, _file_hashes(page)])


def _record_digest(page: PageWrite) -> tuple[str, bool]:
    """The hash that decides unchanged vs updated: the record (which carries the cleaned body,
    so page chrome such as visitor counters does not count) plus the attachment files; and
    whether the record holds a NUL character (JSON writes it as \\u0000), which is rare."""
    data = json.dumps(
        {"record": page.record or {}, "files": _file_hashes(page)},
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(data.encode()).hexdigest(), "\\u0000" in data


def _file_hashes(page: PageWrite) -> list[tuple[str, str | None]]:
    return sorted((a.url, a.sha256 or _sha256_bytes(a.body)) for a in page.attachments)


@dataclass(slots=True)
class _Prepared:
    """A notice page turned into rows, with the hash that decides unchanged vs updated."""

    page: PageWrite
    row: dict[str, Any]
    record_sha256: str
    problems: list[dict[str, Any]]
    version: dict[str, Any]
    attachments: list[dict[str, Any]]

    @classmethod
    def of(cls, page: PageWrite, fetch: str, digest: str, has_nul: bool) -> _Prepared:
        record = page.record or {}
        attachments = _attachment_rows(page.attachments)
        raw_sha = hashlib.sha256(page.body).hexdigest()
        row = _notice_row(page, record)
        row.update(content_sha256=raw_sha, fetch_sha256=fetch, record_sha256=digest)
        body_sha = hashlib.sha256(_normalise(row["body_text"]).encode()).hexdigest()
        version = {
            "raw_sha256": raw_sha,
            "body_sha256": body_sha,
            "raw_zlib": zlib.compress(page.body),
            "http_status": page.status,
            "fetched_at": page.fetched_at,
            "parser_version": row["parser_version"],
        }
        problems = _problem_rows(record)
        if has_nul:
            row = _no_nul(row)
            problems = [_no_nul(r) for r in problems]
        return cls(page, row, digest, problems, version, [_no_nul(r) for r in attachments])


def _notice_row(page: PageWrite, record: Mapping[str, Any]) -> dict[str, Any]:
    # Values that do not fit their typed column are kept in `extra`, never dropped or guessed.
    extra: dict[str, Any] = {k: v for k, v in record.items() if k not in _KNOWN_FIELDS}

    def keep(name: str, fits: Callable[[Any], bool], default: Any = None) -> Any:
        value = record.get(name)
        if value is None:
            return default
        if fits(value):
            return value
        extra[name] = value
        return default

    def is_text(v: Any) -> bool:
        return isinstance(v, str)

    def is_list(v: Any) -> bool:
        return isinstance(v, list)

    def is_dict(v: Any) -> bool:
        return isinstance(v, dict)

    row: dict[str, Any] = {name: keep(name, is_text) for name in _TEXT_FIELDS}
    row.update(
        site_id=page.site_id,
        region=page.region,
        url=page.url,
        canonical_url=page.canonical_url,
        is_notice=True,
        inspection_kinds=keep("inspection_kinds", is_list, []),
        counts=keep("counts", is_dict, {}),
        status_counts=keep("status_counts", is_dict),
        contact=keep("contact", is_dict, {}),
        attachments=keep("attachments", is_list, []),
        body_text=keep("body_text", is_text, ""),
        inspection_level=keep("inspection_level", lambda v: v in _LEVELS),
        parser_version=keep("parser_version", lambda v: is_text(v) and len(v) <= 40),
    )
    for name in _DATE_FIELDS:
        row[name] = _iso_date(keep(name, lambda v: _iso_date(v) is not None))
    for name in _PARTIAL_DATE_FIELDS:
        row[name] = keep(name, lambda v: is_text(v) and _PARTIAL_DATE.fullmatch(v) is not None)
    problems = record.get("problems")
    if isinstance(problems, list):
        unreadable = [p for p in problems if not isinstance(p, Mapping)]
        if unreadable:  # entries that are not {seq, aspect, title, ...}
            extra["problems"] = unreadable
    elif problems is not None:
        extra["problems"] = problems
    row["extra"] = extra
    return row


def _problem_rows(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    # seq is the position in the document, which the contract defines it to be; using the
    # position keeps (notice_id, seq) unique even if a parser repeats a number.
    problems = record.get("problems")
    return [
        {
            "seq": n,
            "aspect": _text(p.get("aspect")),
            "title": _text(p.get("title")),
            "description": _text(p.get("description")),
            "rectification": _text(p.get("rectification")),
            "status": _text(p.get("status")),
        }
        for n, p in enumerate(problems if isinstance(problems, list) else [], start=1)
        if isinstance(p, Mapping)
    ]


def _text(value: Any) -> str | None:
    """A text column's value: a non-string the parser should not have given is kept as JSON."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _attachment_rows(attachments: Iterable[AttachmentWrite]) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for a in attachments:
        rows[a.url] = {  # one row per URL: a page linking a file twice stores it once
            "name": a.name,
            "url": a.url,
            "sha256": a.sha256 or _sha256_bytes(a.body),
            "content_type": a.content_type,
            "size": len(a.body) if a.body is not None else None,
            "http_status": a.status,
            "body_zlib": zlib.compress(a.body) if a.body is not None else None,
            "text": a.text,
            "error": a.error,
        }
    return list(rows.values())


def _upsert_notices(
    conn: Connection, preps: list[_Prepared], updated_urls: set[str], now: datetime
) -> None:
    rows = [{**p.row, "first_seen_at": now, "last_seen_at": now} for p in preps]
    stmt = _insert(conn, NOTICES)
    keep = {"id", "canonical_url", "first_seen_at"}
    stmt = _on_conflict_update(
        stmt,
        ["canonical_url"],
        {c.name: stmt.excluded[c.name] for c in NOTICES.columns if c.name not in keep},
    ).returning(NOTICES.c.id, NOTICES.c.canonical_url)
    ids = {url: nid for nid, url in conn.execute(stmt, rows)}

    updated_ids = [ids[u] for u in updated_urls]
    for chunk in _chunks(updated_ids, LOOKUP_CHUNK):
        conn.execute(delete(PROBLEMS).where(PROBLEMS.c.notice_id.in_(chunk)))
        conn.execute(delete(ATTACHMENTS).where(ATTACHMENTS.c.notice_id.in_(chunk)))

    problems = [{**r, "notice_id": ids[p.page.canonical_url]} for p in preps for r in p.problems]
    if problems:
        conn.execute(_insert(conn, PROBLEMS), problems)
    files = [{**r, "notice_id": ids[p.page.canonical_url]} for p in preps for r in p.attachments]
    if files:
        conn.execute(_insert(conn, ATTACHMENTS), files)
    versions = [{**p.version, "notice_id": ids[p.page.canonical_url]} for p in preps]
    # Re-parsing the same bytes with a newer parser updates the record, not the raw archive.
    conn.execute(
        _on_conflict_nothing(_insert(conn, VERSIONS), ["notice_id", "raw_sha256"]), versions
    )


def _upsert_raw_pages(conn: Connection, pages: list[PageWrite], now: datetime) -> None:
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
    stmt = _insert(conn, RAW_PAGES)
    keep = {"id", "canonical_url", "first_seen_at"}
    # As for notices, a page fetched again unchanged only gets its last_seen_at touched.
    changed = (RAW_PAGES.c.sha256 != stmt.excluded.sha256) | (
        RAW_PAGES.c.reason != stmt.excluded.reason
    )
    stmt = _on_conflict_update(
        stmt,
        ["canonical_url"],
        {c.name: stmt.excluded[c.name] for c in RAW_PAGES.columns if c.name not in keep},
        where=changed,
    )
    conn.execute(stmt, [_no_nul(r) for r in rows.values()])
    for chunk in _chunks(list(rows), LOOKUP_CHUNK):
        touch = update(RAW_PAGES).where(RAW_PAGES.c.canonical_url.in_(chunk))
        conn.execute(touch.values(last_seen_at=now))


def ensure_sites(conn: Connection, regions: Mapping[str, str | None], *, now: datetime) -> None:
    """Create a minimal row for each unknown site id, so that pages can reference it."""
    if not regions:
        return
    rows: list[dict[str, Any]] = [
        {"id": sid, "region": region, "list_urls": [], "first_seen_at": now, "last_seen_at": now}
        for sid, region in regions.items()
    ]
    conn.execute(_on_conflict_nothing(_insert(conn, SITES), ["id"]), rows)


def upsert_sites(
    engine: Engine, sites: Iterable[Mapping[str, Any]], *, now: datetime | None = None
) -> int:
    """Store the registry's sites (dicts with id, name, region, region_code, publisher, platform,
    list_urls); existing rows take the new values. Returns the number of sites written."""
    now = now or datetime.now(UTC)
    rows = [
        {
            "id": str(s["id"]),
            "name": s.get("name"),
            "region": s.get("region"),
            "region_code": s.get("region_code"),
            "publisher": s.get("publisher"),
            "platform": s.get("platform"),
            "list_urls": list(s.get("list_urls") or []),
            "first_seen_at": now,
            "last_seen_at": now,
        }
        for s in sites
    ]
    if not rows:
        return 0
    with engine.begin() as conn:
        stmt = _insert(conn, SITES)
        keep = {"id", "first_seen_at"}
        stmt = _on_conflict_update(
            stmt,
            ["id"],
            {c.name: stmt.excluded[c.name] for c in SITES.columns if c.name not in keep},
        )
        conn.execute(stmt, rows)
    return len(rows)


def record_crawl_run(
    engine: Engine,
    *,
    region: str | None,
    started_at: datetime,
    finished_at: datetime | None,
    outcome: str | None,
    stats: Mapping[str, Any],
    site_outcomes: Mapping[str, Mapping[str, Any]] | None = None,
) -> int:
    """Write one crawl run and its per-site outcomes; returns the run id."""
    site_outcomes = site_outcomes or {}
    with engine.begin() as conn:
        run_id = conn.execute(
            CRAWL_RUNS.insert().returning(CRAWL_RUNS.c.id),
            {
                "region": region,
                "started_at": started_at,
                "finished_at": finished_at,
                "outcome": outcome,
                "stats": json_safe(stats),
            },
        ).scalar_one()
        if site_outcomes:
            now = finished_at or datetime.now(UTC)
            ensure_sites(conn, dict.fromkeys(site_outcomes, region), now=now)
            rows = [
                {
                    "run_id": run_id,
                    "site_id": sid,
                    "outcome": str(details.get("outcome", "unknown")),
                    "details": json_safe(details),
                }
                for sid, details in site_outcomes.items()
            ]
            conn.execute(SITE_OUTCOMES.insert(), rows)
    return int(run_id)


def json_safe(value: Any) -> Any:
    """`value` with datetimes, dates and other non-JSON leaves turned into strings."""
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_safe(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _stored_hashes(conn: Connection, urls: set[str]) -> dict[str, tuple[int, str | None, str]]:
    found: dict[str, tuple[int, str | None, str]] = {}
    cols = (NOTICES.c.canonical_url, NOTICES.c.id, NOTICES.c.fetch_sha256, NOTICES.c.record_sha256)
    for chunk in _chunks(sorted(urls), LOOKUP_CHUNK):
        for url, nid, fetch, record in conn.execute(
            select(*cols).where(NOTICES.c.canonical_url.in_(chunk))
        ):
            found[url] = (nid, fetch, record)
    return found


def _insert(conn: Connection, table: Table) -> Any:
    """The dialect's own INSERT, which knows ON CONFLICT; both APIs are parallel."""
    name = conn.dialect.name
    if name == "sqlite":
        return sqlite.insert(table)
    if name == "postgresql":
        return postgresql.insert(table)
    raise UnsupportedDatabase(f"no native upsert for {name!r}: use SQLite or PostgreSQL")


def _on_conflict_update(
    stmt: Any, keys: list[str], set_: dict[str, Any], where: Any = None
) -> Insert:
    return cast(Insert, stmt.on_conflict_do_update(index_elements=keys, set_=set_, where=where))


def _on_conflict_nothing(stmt: Any, keys: list[str]) -> Insert:
    return cast(Insert, stmt.on_conflict_do_nothing(index_elements=keys))


def _iso_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _normalise(text: str) -> str:
    # Whitespace only: the cleaner already fixed the text, and NFKC would cost a fifth of a write.
    return " ".join(text.split())


def _sha256_json(value: Any) -> str:
    data = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode()).hexdigest()


def _no_nul(row: dict[str, Any]) -> dict[str, Any]:
    # PostgreSQL text cannot hold NUL; a NUL in scraped text is an artefact, not content.
    return {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in row.items()}


def _sha256_bytes(data: bytes | None) -> str | None:
    return hashlib.sha256(data).hexdigest() if data is not None else None


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
