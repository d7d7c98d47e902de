"""Downloaded attachments as records (crawler/fetched_attachments.py): typing hints and errors."""

from __future__ import annotations

import pytest
from scrapy.http import Response

from crawler.attachments import Link
from crawler.fetched_attachments import attachment_from, not_downloaded

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
URL = "http://a.gov.cn/api/download?id=8812"


def _response(body: bytes, content_type: str, status: int = 200) -> Response:
    return Response(URL, status=status, headers={"Content-Type": content_type}, body=body)


@pytest.mark.parametrize(
    ("content_type", "body", "error"),
    [
        # No extension anywhere: the Content-Type tells a ledger from a Word file.
        ("application/vnd.ms-excel", OLE2, "no text extractor for .xls"),
        ("application/ofd", b"PK\x03\x04broken", "no text extractor for .ofd"),
        ("text/html; charset=utf-8", b"<html><body>404</body></html>", "wrong_content_type"),
    ],
)
def test_an_endpoint_download_is_typed_by_magic_then_content_type(
    content_type: str, body: bytes, error: str
) -> None:
    att = attachment_from(_response(body, content_type), Link("整改台账", URL, None), URL)
    assert att.error is not None and att.error.startswith(error)
    assert (att.status, att.content_type) == (200, content_type)


def test_an_http_error_keeps_no_bytes() -> None:
    att = attachment_from(_response(b"gone", "text/plain", 404), Link("台账", URL, None), URL)
    assert (att.error, att.body) == ("HTTP 404", None)


def test_a_recorded_type_names_the_fetched_ones() -> None:
    att = not_downloaded(Link("材料.zip", "http://a/f/all.zip", "zip"))
    assert att.error is not None and att.error.startswith("not downloaded: .zip (only pdf, docx")
    assert "dps" in att.error
