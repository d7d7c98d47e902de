"""Attachment text read within bounds (crawler/attachment_text.py): good files give their text,
broken and hostile ones an error within the limits, never an exception or a stalled crawl."""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import Callable

import pytest

from crawler import attachment_text
from crawler.attachment_text import Limits
from tests.crawler.test_attachments import OLE2, _docx, _pdf, _zip
from tests.farm.hostile import long_pdf, xml_bomb_docx, zip_bomb_docx

MIB = 1024 * 1024


def test_text_of_pdf_and_docx() -> None:
    text, error = attachment_text.extract_text("pdf", _pdf("Rectification notice 2023"))
    assert error is None and text is not None and "Rectification notice 2023" in text
    text, error = attachment_text.extract_text("docx", _docx("关于巡察整改情况的通报"))
    assert error is None and text is not None
    assert "关于巡察整改情况的通报" in text and "序号\t整改措施" in text


def test_the_crawl_reads_the_same_text_without_blocking() -> None:
    text, error = asyncio.run(attachment_text.extract_text_async("docx", _docx("整改通报")))
    assert (error, text is not None and "整改通报" in text) == (None, True)


@pytest.mark.parametrize(
    ("ext", "body", "error"),
    [
        ("pdf", b"%PDF-1.4 garbage", "pdf text extraction failed"),
        ("docx", b"PK\x03\x04broken", "docx text extraction failed"),
        ("ofd", _zip("OFD.xml"), "no text extractor for .ofd"),
        (None, b"\x00\x01", "unknown file type"),
    ],
)
def test_broken_files_give_a_reason_not_an_exception(
    ext: str | None, body: bytes, error: str
) -> None:
    text, got = attachment_text.extract_text(ext, body)
    assert text is None and got is not None and got.startswith(error)


@pytest.mark.skipif(not shutil.which("antiword"), reason="antiword not installed (.ci/system-deps)")
def test_ole_stub_reports_the_tools_that_failed() -> None:
    text, error = attachment_text.extract_text("wps", OLE2)
    assert text is None and error is not None and "antiword" in error


@pytest.mark.parametrize(
    ("ext", "build", "limits", "error"),
    [
        # declared 256 MiB: refused before python-docx inflates anything
        ("docx", zip_bomb_docx, Limits(), "extraction_limit: docx unzips to 256 MiB"),
        ("pdf", lambda: long_pdf(30), Limits(pages=20), "extraction_limit: pdf has 30 pages"),
        # under the unzipped limit, but its XML tree does not fit the memory limit
        (
            "docx",
            xml_bomb_docx,
            Limits(memory=256 * MIB),
            "extraction_limit: docx text needs over 256 MiB",
        ),
        # a child process cannot even start in 10 ms
        ("pdf", lambda: _pdf("x"), Limits(seconds=0.01), "extraction_limit: pdf text not read"),
    ],
    ids=["zip-bomb", "page-limit", "memory-limit", "time-limit"],
)
def test_hostile_files_end_in_a_bounded_error(
    ext: str, build: Callable[[], bytes], limits: Limits, error: str
) -> None:
    body = build()  # built here, not while collecting
    started = time.monotonic()
    text, got = attachment_text.extract_text(ext, body, limits)
    assert text is None and got is not None and got.startswith(error), got
    assert time.monotonic() - started < 30  # a bound, not a speed target: bench/ measures


def test_the_time_limit_kills_the_reader_in_the_crawl_too() -> None:
    limits = Limits(seconds=0.01)
    text, error = asyncio.run(attachment_text.extract_text_async("pdf", _pdf("x"), limits))
    assert text is None and error is not None and "not read within" in error


def test_the_zip_check_reads_declared_sizes_only() -> None:
    attachment_text.check_zip(_docx("x"), Limits())
    with pytest.raises(attachment_text.LimitExceeded, match="over the 1 MiB limit"):
        attachment_text.check_zip(zip_bomb_docx(), Limits(unzipped=MIB))
