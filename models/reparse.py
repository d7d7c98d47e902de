"""The archive as `notices reparse` reads and rewrites it: stored notices (the raw bytes of their
current version and the texts of their attachment files) and stored non-notice pages, in batches
by id; and the in-place writes of a record whose re-parse changed it.

Batches are read by id ranges (keyset), each in its own short connection, so memory stays bounded
by the batch size and every batch's writes can commit on their own on SQLite and PostgreSQL alike
(a server-side cursor would not survive the commits).
"""

from __future__ import annotations

import zlib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, delete, func, insert, or_, select, update

from models.attachment_file import AttachmentFile
from models.export import RECORD_FIELDS
from models.notice import Attachment, Notice, NoticeVersion, Problem
from models.raw_page import RawPage
from pipelines.common.record import Problem as RecordProblem
from pipelines.common.record import names

NOTICES = cast(Table, Notice.__table__)
PROBLEMS = cast(Table, Problem.__table__)
VERSIONS = cast(Table, NoticeVersion.__table__)
ATTACHMENTS = cast(Table, Attachment.__table__)
FILES = cast(Table, AttachmentFile.__table__)
RAW_PAGES = cast(Table, RawPage.__table__)
PROBLEM_FIELDS = names(RecordProblem)
# What identifies a notice and when it was seen: a re-parse never rewrites these.
KEPT = frozenset({"id", "site_id", "region", "url", "canonical_url", "first_seen_at"})


@dataclass(frozen=True, slots=True)
class StoredAttachment:
    name: str
    url: str
    sha256: str | None
    status: int | None
    error: str | None
    content_type: str | None
    text: str | None


@dataclass(slots=True)
class StoredNoticePage:
    """A notice with what its current record was made from."""

    id: int
    site_id: str
    region: str | None
    url: str
    canonical_url: str
    record_sha256: str
    record: dict[str, Any]  # the stored record, as stored: columns, `problems` rows, `extra`
    body: bytes  # raw bytes of the current version
    http_status: int | None
    fetched_at: datetime
    attachments: list[StoredAttachment] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StoredRawPage:
    id: int
    site_id: str
    region: str | None
    url: str
    canonical_url: str
    body: bytes
    http_status: int | None
    reason: str
    title: str | None  # from the list page
    first_seen_at: datetime
    last_seen_at: datetime


def parser_versions(conn: Connection) -> set[str | None]:
    """The parser versions the stored notices were made by (None: not recorded)."""
    return set(conn.execute(select(NOTICES.c.parser_version).distinct()).scalars())


def _notice_filter(regions: Collection[str] | None, versions: Collection[str | None] | None) -> Any:
    where: list[Any] = []
    if regions is not None:
        where.append(NOTICES.c.region.in_(list(regions)))
    if versions is not None:
        known = [v for v in versions if v is not None]
        where.append(
            or_(NOTICES.c.parser_version.in_(known), NOTICES.c.parser_version.is_(None))
            if None in versions
            else NOTICES.c.parser_version.in_(known)
        )
    return where


def count_notices(
    conn: Connection, regions: Collection[str] | None, versions: Collection[str | None] | None
) -> int:
    return conn.execute(
        select(func.count()).select_from(NOTICES).where(*_notice_filter(regions, versions))
    ).scalar_one()


def notice_batches(
    engine: Engine,
    regions: Collection[str] | None,
    versions: Collection[str | None] | None,
    size: int,
) -> Iterator[list[StoredNoticePage]]:
    """Stored notices in id order, `size` at a time; `versions`: only those made by one of them."""
    last = 0
    while True:
        with engine.connect() as conn:
            rows = conn.execute(
                select(NOTICES)
                .where(NOTICES.c.id > last, *_notice_filter(regions, versions))
                .order_by(NOTICES.c.id)
                .limit(size)
            ).all()
            if not rows:
                return
            batch = _notice_pages(conn, rows)
        last = rows[-1].id
        yield batch


def _notice_pages(conn: Connection, rows: Sequence[Any]) -> list[StoredNoticePage]:
    ids = [r.id for r in rows]
    problems: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    for p in conn.execute(
        select(PROBLEMS).where(PROBLEMS.c.notice_id.in_(ids)).order_by(PROBLEMS.c.seq)
    ):
        problems[p.notice_id].append({k: getattr(p, k) for k in PROBLEM_FIELDS})
    attachments: dict[int, list[StoredAttachment]] = {i: [] for i in ids}
    for a in conn.execute(
        select(ATTACHMENTS, FILES.c.content_type, FILES.c.text)
        .outerjoin(FILES, FILES.c.sha256 == ATTACHMENTS.c.sha256)
        .where(ATTACHMENTS.c.notice_id.in_(ids))
        .order_by(ATTACHMENTS.c.id)
    ):
        attachments[a.notice_id].append(
            StoredAttachment(
                a.name, a.url, a.sha256, a.http_status, a.error, a.content_type, a.text
            )
        )
    # The current version: the newest with the notice's current raw bytes.
    current = (
        select(VERSIONS.c.notice_id, VERSIONS.c.raw_zlib, VERSIONS.c.http_status)
        .add_columns(VERSIONS.c.fetched_at)
        .join(NOTICES, NOTICES.c.id == VERSIONS.c.notice_id)
        .where(VERSIONS.c.notice_id.in_(ids), VERSIONS.c.raw_sha256 == NOTICES.c.content_sha256)
        .order_by(VERSIONS.c.fetched_at)
    )
    raw = {nid: (data, status, at) for nid, data, status, at in conn.execute(current)}
    pages = []
    for r in rows:
        if r.id not in raw:  # no version holds its bytes: nothing to re-parse it from
            continue
        data, status, at = raw[r.id]
        record = {name: getattr(r, name) for name in (*RECORD_FIELDS, "attachments", "extra")}
        record["problems"] = problems[r.id]
        pages.append(
            StoredNoticePage(
                id=r.id,
                site_id=r.site_id,
                region=r.region,
                url=r.url,
                canonical_url=r.canonical_url,
                record_sha256=r.record_sha256,
                record=record,
                body=zlib.decompress(data),
                http_status=status,
                fetched_at=at,
                attachments=attachments[r.id],
            )
        )
    return pages


def raw_page_batches(
    engine: Engine, regions: Collection[str] | None, size: int
) -> Iterator[list[StoredRawPage]]:
    """Stored non-notice pages in id order, `size` at a time."""
    last = 0
    where = [RAW_PAGES.c.region.in_(list(regions))] if regions is not None else []
    while True:
        with engine.connect() as conn:
            rows = conn.execute(
                select(RAW_PAGES)
                .where(RAW_PAGES.c.id > last, *where)
                .order_by(RAW_PAGES.c.id)
                .limit(size)
            ).all()
        if not rows:
            return
        last = rows[-1].id
        yield [
            StoredRawPage(
                id=r.id,
                site_id=r.site_id,
                region=r.region,
                url=r.url,
                canonical_url=r.canonical_url,
                body=zlib.decompress(r.body_zlib),
                http_status=r.http_status,
                reason=r.reason,
                title=r.title,
                first_seen_at=r.first_seen_at,
                last_seen_at=r.last_seen_at,
            )
            for r in rows
        ]


def count_raw_pages(conn: Connection, regions: Collection[str] | None) -> int:
    where = [RAW_PAGES.c.region.in_(list(regions))] if regions is not None else []
    return conn.execute(select(func.count()).select_from(RAW_PAGES).where(*where)).scalar_one()


def update_notice(
    conn: Connection, notice_id: int, row: dict[str, Any], problems: list[dict[str, Any]]
) -> None:
    """Rewrite a notice's record in place (its versions, files and dates stay as they are)."""
    values = {k: v for k, v in row.items() if k not in KEPT and k != "last_seen_at"}
    conn.execute(update(NOTICES).where(NOTICES.c.id == notice_id).values(**values))
    conn.execute(delete(PROBLEMS).where(PROBLEMS.c.notice_id == notice_id))
    if problems:
        conn.execute(insert(PROBLEMS), [{**p, "notice_id": notice_id} for p in problems])


def promote_raw_page(
    conn: Connection,
    page: StoredRawPage,
    row: dict[str, Any],
    problems: list[dict[str, Any]],
    version: dict[str, Any],
) -> int:
    """A stored non-notice that is now a notice: its notice row, first version and problems;
    the raw page row goes, since its bytes now live in the version."""
    values = {**row, "first_seen_at": page.first_seen_at, "last_seen_at": page.last_seen_at}
    notice_id: int = conn.execute(insert(NOTICES).returning(NOTICES.c.id), values).scalar_one()
    conn.execute(insert(VERSIONS), {**version, "notice_id": notice_id})
    if problems:
        conn.execute(insert(PROBLEMS), [{**p, "notice_id": notice_id} for p in problems])
    conn.execute(delete(RAW_PAGES).where(RAW_PAGES.c.id == page.id))
    return notice_id


def notice_exists(conn: Connection, canonical_url: str) -> bool:
    return (
        conn.execute(select(NOTICES.c.id).where(NOTICES.c.canonical_url == canonical_url)).first()
        is not None
    )


def update_raw_reason(conn: Connection, page_id: int, reason: str) -> None:
    conn.execute(update(RAW_PAGES).where(RAW_PAGES.c.id == page_id).values(reason=reason))
