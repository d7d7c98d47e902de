"""Static sites answer from their recorded routes: queries, prefixes, escapes, assets, 304s."""

from __future__ import annotations

from datetime import date
from email.utils import formatdate
from pathlib import Path

import pytest

from crawler.demo.http import Request
from crawler.demo.static import StaticSite
from tests.farm.build.writer import SiteWriter


@pytest.fixture
def site(tmp_path: Path) -> StaticSite:
    w = SiteWriter("t", "T", "generic", "127.0.0.1")
    w.add("/list.htm", b"<p>list</p>", modified=date(2023, 6, 19))
    w.add("/content.jsp?b=2&a=1", b"dynamic", content_type="text/html")
    w.add("/uploads/%D5%FB%B8%C4.doc", b"\xd0\xcf\x11\xe0", content_type="application/msword")
    w.add("/waf/", b"challenge", status=412, headers=[("Set-Cookie", "S=1")], prefix_route=True)
    w.alias("/", "/list.htm")
    return StaticSite("t", "127.0.0.1", "", w.write(tmp_path))


def get(path: str, query: str = "", **headers: str) -> Request:
    return Request(
        "GET", path, query, {k.lower().replace("_", "-"): v for k, v in headers.items()}, b"", "h"
    )


@pytest.mark.parametrize(
    ("path", "query", "status", "body"),
    [
        ("/list.htm", "", 200, b"<p>list</p>"),
        ("/", "", 200, b"<p>list</p>"),
        ("/list.htm", "uid=1&pageNum=2", 200, b"<p>list</p>"),  # static files ignore queries
        ("/content.jsp", "a=1&b=2", 200, b"dynamic"),  # parameter order does not matter
        ("/content.jsp", "a=1&b=3", 404, None),  # a dynamic route needs its own query
        ("/content.jsp", "", 404, None),
        ("/uploads/%d5%fb%b8%c4.doc", "", 200, b"\xd0\xcf\x11\xe0"),  # escapes in any case
        ("/waf/", "", 412, b"challenge"),
        ("/waf/deeper/page.html", "x=1", 412, b"challenge"),
        ("/missing.html", "", 404, None),
    ],
)
def test_route_lookup(
    site: StaticSite, path: str, query: str, status: int, body: bytes | None
) -> None:
    response = site.handle(get(path, query))
    assert response.status == status
    if body is not None:
        assert response.body == body


def test_recorded_headers_are_sent(site: StaticSite) -> None:
    response = site.handle(get("/waf/x"))
    assert response.header("Set-Cookie") == "S=1"
    assert response.header("Content-Type") == "text/html; charset=UTF-8"
    assert site.handle(get("/content.jsp", "a=1&b=2")).header("Content-Type") == "text/html"


def test_assets_answer_tiny_bodies_even_when_not_recorded(site: StaticSite) -> None:
    css = site.handle(get("/images/common.css"))
    assert (css.status, css.header("Content-Type")) == (200, "text/css")
    assert site.handle(get("/images/logo.png")).body.startswith(b"\x89PNG")


def test_conditional_get_gives_304(site: StaticSite) -> None:
    first = site.handle(get("/list.htm"))
    etag, modified = first.header("ETag"), first.header("Last-Modified")
    assert etag and modified
    assert site.handle(get("/list.htm", if_none_match=etag)).status == 304
    assert site.handle(get("/list.htm", if_none_match='"other"')).status == 200
    assert site.handle(get("/list.htm", if_modified_since=modified)).status == 304
    earlier = formatdate(0, usegmt=True)
    assert site.handle(get("/list.htm", if_modified_since=earlier)).status == 200
    # Routes without a recorded modification time never answer 304.
    assert site.handle(get("/content.jsp", "a=1&b=2", if_none_match="*")).status == 200


def test_a_site_that_ignores_validators_sends_them_and_never_answers_304(tmp_path: Path) -> None:
    w = SiteWriter("t", "T", "generic", "127.0.0.1", honours_validators=False)
    w.add("/list.htm", b"<p>list</p>", modified=date(2023, 6, 19))
    site = StaticSite("t", "127.0.0.1", "", w.write(tmp_path))
    first = site.handle(get("/list.htm"))
    etag, modified = first.header("ETag"), first.header("Last-Modified")
    assert etag and modified
    again = site.handle(get("/list.htm", if_none_match=etag, if_modified_since=modified))
    assert (again.status, again.body) == (200, first.body)
