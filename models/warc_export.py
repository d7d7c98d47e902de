"""The raw archive as WARC (ISO 28500), so web archivists' tools (pywb, ReplayWeb.page, warcio)
can replay and check it: every stored version of every exported notice as a `response` record
at its URL, dated when it was fetched and with the HTTP status it was served with, followed by
the attachment files that version linked. Written with warcio, gzip per record.

We store the page bytes and status but not the response headers, so each record's HTTP header
block holds the status line, a Content-Type (as the file was first served, else sniffed from the
bytes) and the length; the WARC-Payload-Digest lets a reader verify the bytes.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import IO, Any, cast

from sqlalchemy import Connection, Table, select
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from models.attachment_file import AttachmentFile
from models.export import ExportFilters, notice_query
from models.notice import Notice, NoticeVersion, NoticeVersionFile

NOTICES = cast(Table, Notice.__table__)
VERSIONS = cast(Table, NoticeVersion.__table__)
VERSION_FILES = cast(Table, NoticeVersionFile.__table__)
FILES = cast(Table, AttachmentFile.__table__)
CHUNK = 200
SOFTWARE = "notices archive, written with warcio"

# Leading bytes of the formats a notice page can be, for a Content-Type we did not store.
_MAGIC = (
    (b"%PDF", "application/pdf"),
    (b"PK\x03\x04", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (b"\xd0\xcf\x11\xe0", "application/msword"),
)


def sniff(body: bytes) -> str:
    for magic, kind in _MAGIC:
        if body.startswith(magic):
            return kind
    return "text/html"


def _status_line(status: int | None) -> str:
    code = status or 200
    try:
        phrase = HTTPStatus(code).phrase
    except ValueError:
        phrase = "Unknown"
    return f"{code} {phrase}"


def _warc_date(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _response(
    writer: WARCWriter, url: str, body: bytes, status: int | None, at: datetime, kind: str
) -> Any:
    http = StatusAndHeaders(
        _status_line(status),
        [("Content-Type", kind), ("Content-Length", str(len(body)))],
        protocol="HTTP/1.1",
    )
    return writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": _warc_date(at)},
    )


def _versions(conn: Connection, filters: ExportFilters) -> Iterator[Any]:
    ids = notice_query(filters).with_only_columns(NOTICES.c.id).order_by(None)
    query = (
        select(
            VERSIONS.c.id,
            NOTICES.c.url,
            VERSIONS.c.raw_zlib,
            VERSIONS.c.http_status,
            VERSIONS.c.fetched_at,
        )
        .join(NOTICES, NOTICES.c.id == VERSIONS.c.notice_id)
        .where(VERSIONS.c.notice_id.in_(ids))
        .order_by(VERSIONS.c.notice_id, VERSIONS.c.fetched_at, VERSIONS.c.id)
        .execution_options(yield_per=CHUNK)
    )
    for rows in conn.execute(query).partitions():
        yield from rows


def _files(conn: Connection, version_id: int) -> list[Any]:
    query = (
        select(VERSION_FILES.c.url, FILES.c.body_zlib, FILES.c.content_type)
        .join(FILES, FILES.c.sha256 == VERSION_FILES.c.sha256)
        .where(VERSION_FILES.c.version_id == version_id)
        .order_by(VERSION_FILES.c.url)
    )
    return list(conn.execute(query))


def write_warc(conn: Connection, f: IO[bytes], filters: ExportFilters) -> tuple[int, int]:
    """Write the WARC to the binary stream `f`; returns (page versions, attachment files)."""
    writer = WARCWriter(f, gzip=True)
    writer.write_record(
        writer.create_warcinfo_record(
            "notices.warc.gz", {"software": SOFTWARE, "format": "WARC File Format 1.1"}
        )
    )
    pages = files = 0
    for version in _versions(conn, filters):
        body = zlib.decompress(version.raw_zlib)
        writer.write_record(
            _response(
                writer, version.url, body, version.http_status, version.fetched_at, sniff(body)
            )
        )
        pages += 1
        for link in _files(conn, version.id):
            data = zlib.decompress(link.body_zlib)
            kind = link.content_type or sniff(data)
            writer.write_record(_response(writer, link.url, data, 200, version.fetched_at, kind))
            files += 1
    return pages, files


def write_warc_file(conn: Connection, path: Path, filters: ExportFilters) -> tuple[int, int]:
    """Write `path` whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    with part.open("wb") as f:
        counts = write_warc(conn, f, filters)
    part.replace(path)
    return counts
