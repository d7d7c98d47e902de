"""Reading one notice's past back: the notice, each stored version (raw bytes and the attachment
files it had) oldest first, and its lifecycle events when the archive keeps them."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Connection, MetaData, Table, inspect, or_, select

from models.attachment_file import AttachmentFile
from models.notice import Attachment, Notice, NoticeVersion, NoticeVersionFile
from models.raw_page import RawPage

NOTICES = cast(Table, Notice.__table__)
VERSIONS = cast(Table, NoticeVersion.__table__)
VERSION_FILES = cast(Table, NoticeVersionFile.__table__)
ATTACHMENTS = cast(Table, Attachment.__table__)
FILES = cast(Table, AttachmentFile.__table__)
RAW_PAGES = cast(Table, RawPage.__table__)
# Written by the removals work (removed, restored, delisted, relisted, moved); read only where
# the table exists, so the history works on archives without it.
EVENTS_TABLE = "notice_events"


@dataclass(frozen=True, slots=True)
class StoredNotice:
    id: int
    site_id: str
    region: str | None
    url: str
    canonical_url: str
    title: str | None
    published_date: str | None  # ISO
    first_seen_at: datetime
    last_seen_at: datetime
    parser_version: str | None


@dataclass(frozen=True, slots=True)
class StoredFile:
    """An attachment file a version had, with its extracted text."""

    url: str
    name: str  # the current link's name, else the last segment of its URL
    sha256: str
    content_type: str | None
    text: str | None


@dataclass(frozen=True, slots=True)
class StoredVersion:
    id: int
    fetched_at: datetime
    http_status: int | None
    parser_version: str | None  # the parser that read it when it was fetched
    raw_sha256: str
    body: bytes
    files: tuple[StoredFile, ...]


@dataclass(frozen=True, slots=True)
class Event:
    at: datetime
    kind: str
    detail: str | None


def find_notice(conn: Connection, key: str, canonical: str | None = None) -> StoredNotice | None:
    """The notice of a numeric id, or of a URL (as fetched, or its canonical form)."""
    if key.isdigit():
        where = NOTICES.c.id == int(key)
    else:
        urls = {key, canonical or key}
        where = or_(NOTICES.c.canonical_url.in_(urls), NOTICES.c.url.in_(urls))
    row = conn.execute(select(NOTICES).where(where).order_by(NOTICES.c.id).limit(1)).first()
    if row is None:
        return None
    return StoredNotice(
        id=row.id,
        site_id=row.site_id,
        region=row.region,
        url=row.url,
        canonical_url=row.canonical_url,
        title=row.title,
        published_date=row.published_date.isoformat() if row.published_date else None,
        first_seen_at=row.first_seen_at,
        last_seen_at=row.last_seen_at,
        parser_version=row.parser_version,
    )


def raw_page_reason(conn: Connection, urls: set[str]) -> str | None:
    """Why a fetched page of one of these URLs is not a notice; None when there is none."""
    where = or_(RAW_PAGES.c.canonical_url.in_(urls), RAW_PAGES.c.url.in_(urls))
    return conn.execute(select(RAW_PAGES.c.reason).where(where).limit(1)).scalar()


def iter_versions(conn: Connection, notice_id: int) -> Iterator[StoredVersion]:
    """The notice's versions oldest first, one at a time (each holds its raw page)."""
    links = select(ATTACHMENTS.c.url, ATTACHMENTS.c.name).where(
        ATTACHMENTS.c.notice_id == notice_id
    )
    # not dict(result): a result has keys(), so dict() would read it as a mapping
    names: dict[str, str] = {url: name for url, name in conn.execute(links)}  # noqa: C416
    ids = conn.execute(
        select(VERSIONS.c.id)
        .where(VERSIONS.c.notice_id == notice_id)
        .order_by(VERSIONS.c.fetched_at, VERSIONS.c.id)
    ).scalars()
    for vid in list(ids):
        v = conn.execute(select(VERSIONS).where(VERSIONS.c.id == vid)).one()
        files = conn.execute(
            select(VERSION_FILES.c.url, FILES.c.sha256, FILES.c.content_type, FILES.c.text)
            .join(FILES, FILES.c.sha256 == VERSION_FILES.c.sha256)
            .where(VERSION_FILES.c.version_id == vid)
            .order_by(VERSION_FILES.c.url)
        )
        yield StoredVersion(
            id=v.id,
            fetched_at=v.fetched_at,
            http_status=v.http_status,
            parser_version=v.parser_version,
            raw_sha256=v.raw_sha256,
            body=zlib.decompress(v.raw_zlib),
            files=tuple(
                StoredFile(url, names.get(url) or _file_name(url), sha, ctype, text)
                for url, sha, ctype, text in files
            ),
        )


def events(conn: Connection, notice_id: int) -> list[Event]:
    """The notice's lifecycle events, oldest first; none where the archive has no such table."""
    if not inspect(conn).has_table(EVENTS_TABLE):
        return []
    table = Table(EVENTS_TABLE, MetaData(), autoload_with=conn)
    detail: Any = table.c.detail if "detail" in table.c else None
    cols = [table.c.at, table.c.kind, *([detail] if detail is not None else [])]
    rows = conn.execute(
        select(*cols).where(table.c.notice_id == notice_id).order_by(table.c.at)
    ).all()
    return [Event(_at(r[0]), str(r[1]), _detail(r[2]) if len(r) > 2 else None) for r in rows]


def _at(value: Any) -> datetime:
    # A reflected table reads SQLite's stored text as text, not through our UTC column type.
    at = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _detail(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return str(value)


def _file_name(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1] or url
