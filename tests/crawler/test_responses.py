"""What the spider reads off a response (crawler/responses.py): charset and page text."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import pytest
from scrapy.http import HtmlResponse, Response

from crawler.responses import charset, page_text
from crawler.seeds import Site

TEXT = "<html><body><p>关于巡察整改情况的通报，王镕</p></body></html>"  # 镕 is outside GB2312


def _site(**options: str) -> Site:
    return cast(Site, SimpleNamespace(options=options))


def _response(body: bytes, content_type: str) -> Response:
    return HtmlResponse(
        "http://a.gov.cn/t1.html", body=body, headers={"Content-Type": content_type}
    )


@pytest.mark.parametrize(
    ("body", "content_type", "options"),
    [
        (TEXT.encode(), "text/html; charset=utf-8", {}),
        (TEXT.encode("gb18030"), "text/html", {}),  # undeclared GBK
        (TEXT.encode("gb18030"), "text/html; charset=utf-8", {}),  # a header that lies
        (TEXT.encode("gb18030"), "text/html; charset=gb2312", {}),  # GBK-only 镕 survives
        (TEXT.encode("gb18030"), "text/html; charset=utf-8", {"encoding": "gbk"}),  # the seed's
    ],
)
def test_page_text_follows_the_shared_decoding_policy(
    body: bytes, content_type: str, options: dict[str, str]
) -> None:
    assert page_text(_site(**options), _response(body, content_type)) == TEXT


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [("text/html; charset=GBK", "gbk"), ("text/html;charset=utf-8; x=1", "utf-8"),
     ("text/html", None), ("text/html; charset=", None)],
)  # fmt: skip
def test_charset(content_type: str, expected: str | None) -> None:
    assert charset(_response(b"<p>x</p>", content_type)) == expected
