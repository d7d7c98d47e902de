"""What a detail page's answer makes of its stored notice (crawler/notice_pages.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import pytest
from scrapy.http import HtmlResponse, Request

from crawler.blocks import Verdict
from crawler.notice_pages import answer_page, notice_page, removed_reason
from crawler.seeds import Site
from pipelines.common.lifecycle import RemovedReason

SITE = cast(Site, SimpleNamespace(id="s", region_name="测试", hosts=("c.gov.cn",), options={}))


@pytest.mark.parametrize(
    ("kind", "status", "reason"),
    [
        ("not_found", 404, RemovedReason.NOT_FOUND),
        ("not_found", 410, RemovedReason.GONE),
        ("soft_404", 200, RemovedReason.SOFT_NOT_FOUND),
        ("server_error", 503, None),
        ("rate_limited", 429, None),
        ("blocked_waf", 412, None),
        ("js_challenge", 200, None),
        ("forbidden", 403, None),
        ("empty_shell", 200, None),
        ("http_error", 400, None),
    ],
)
def test_only_a_page_saying_gone_is_a_removal(
    kind: str, status: int, reason: RemovedReason | None
) -> None:
    assert removed_reason(Verdict(kind, "x"), status) == reason


def _response(url: str, status: int = 200, **meta: object) -> HtmlResponse:
    request = Request(url, meta=meta)
    headers = {"Content-Type": "text/html; charset=utf-8", "ETag": '"v1"'}
    return HtmlResponse(url, status=status, body=b"<p>x</p>", headers=headers, request=request)


def test_a_redirected_page_keeps_its_sources_as_keys_of_the_site() -> None:
    old = "https://www.c.gov.cn:8443/a/1.html"
    page = notice_page(SITE, _response("http://c.gov.cn/b/1.html", redirect_urls=[old]))
    assert (page.canonical_url, page.redirect_urls) == ("http://c.gov.cn/b/1.html", (old,))
    assert page.redirect_keys == ("http://c.gov.cn/a/1.html",)
    assert page.etag == '"v1"'


def test_an_answer_page_carries_no_content() -> None:
    page = answer_page(SITE, _response("http://c.gov.cn/a/1.html", 404), RemovedReason.NOT_FOUND)
    assert (page.body, page.removed_reason, page.status) == (b"", "not_found", 404)
