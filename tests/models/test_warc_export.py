"""WARC export: every stored version and its files, dated and with status, readable by warcio."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from warcio.archiveiterator import ArchiveIterator

from models.export import ExportFilters
from models.upsert import write_pages
from models.warc_export import write_warc_file
from tests.db.test_upsert import PDF_URL, T0, T1, page, pdf, record


def _records(path: Path) -> list[tuple[str, str | None, str | None, str | None, bytes]]:
    out = []
    with path.open("rb") as f:
        for rec in ArchiveIterator(f):
            if rec.rec_type != "response":
                continue
            out.append(
                (
                    rec.rec_headers.get_header("WARC-Target-URI"),
                    rec.rec_headers.get_header("WARC-Date"),
                    rec.http_headers.get_statuscode(),
                    rec.http_headers.get_header("Content-Type"),
                    rec.content_stream().read(),
                )
            )
    return out


def test_every_version_and_file_is_a_response_record(engine: Engine, tmp_path: Path) -> None:
    write_pages(engine, [page(1, attachments=[pdf(b"%PDF-1")])], now=T0)
    v2 = page(1, record(1, body="改过"), body=b"<html>v2</html>", fetched_at=T1)
    write_pages(engine, [v2], now=T1)
    write_pages(engine, [page(2, record(2, published_date="2020-01-01"))], now=T0)
    out = tmp_path / "archive.warc.gz"
    with engine.connect() as conn:
        assert write_warc_file(conn, out, ExportFilters()) == (3, 1)
    url1 = "http://127.0.0.1/notice/1.html"
    assert _records(out) == [
        (url1, "2025-03-01T08:00:00Z", "200", "text/html", b"<html>notice 1</html>"),
        (PDF_URL, "2025-03-01T08:00:00Z", "200", "application/pdf", b"%PDF-1"),
        (url1, "2025-03-02T08:00:00Z", "200", "text/html", b"<html>v2</html>"),
        (
            "http://127.0.0.1/notice/2.html",
            "2025-03-01T08:00:00Z",
            "200",
            "text/html",
            b"<html>notice 2</html>",
        ),
    ]
    with engine.connect() as conn:
        write_warc_file(conn, out, ExportFilters(until=date(2021, 1, 1)))
    assert [r[0] for r in _records(out)] == ["http://127.0.0.1/notice/2.html"]
