"""Pages that only send the reader on (a meta refresh, a script's location), and the one-line
failures of a page the crawler could not use."""

from __future__ import annotations

import pytest

from crawler.discover.reading import SERVED_FROM, goes_to, read
from crawler.listing import PageRequest
from crawler.polite_fetch import Polite, SurveyFailed

BASE = "http://www.qx.gov.cn/"


@pytest.mark.parametrize(
    ("html", "target"),
    [
        (
            '<meta http-equiv="refresh" content="0; url=/portal/index.html">',
            BASE + "portal/index.html",
        ),
        ("<META HTTP-EQUIV=Refresh CONTENT='1;URL=index.shtml'>", BASE + "index.shtml"),
        ('<script>window.location.href="/web/index.html";</script>', BASE + "web/index.html"),
        ("<script>location.replace('http://www.qx.gov.cn/m/')</script>", BASE + "m/"),
        # a page of its own that also carries a script setting location (a menu, a search box)
        (
            '<a href="/a/">a</a><a href="/b/">b</a><script>function go(){location.href="/s/"}</script>',
            None,
        ),
        ('<meta http-equiv="refresh" content="300; url=/">', None),  # to itself
        ("<p>首页</p>", None),
    ],
)
def test_goes_to(html: str, target: str | None) -> None:
    assert goes_to(f"<html><head>{html}</head><body></body></html>", BASE) == target


def polite(status: int, headers: dict[str, str], body: bytes) -> Polite:
    def fetch(page: PageRequest) -> tuple[int, dict[str, str], bytes]:
        if page.url.endswith("/robots.txt"):
            return 404, {}, b""
        return status, headers, body

    return Polite(BASE, fetch, 0)


def test_a_redirected_page_is_read_from_where_it_was_served() -> None:
    body = ("<html><body>" + "<p>巡察工作</p>" * 40 + "</body></html>").encode()
    headers = {"Content-Type": "text/html", SERVED_FROM: "http://www.qx.gov.cn/portal/"}
    page = read(polite(200, headers, body), BASE)
    assert (page.url, page.goes_to) == ("http://www.qx.gov.cn/portal/", None)


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (404, b"<html>not found</html>", "unusable: not_found at http://www.qx.gov.cn/"),
        (200, b"<html><body>x</body></html>", "unusable: empty_shell"),
    ],
)
def test_a_page_it_cannot_use(status: int, body: bytes, message: str) -> None:
    with pytest.raises(SurveyFailed, match=message):
        read(polite(status, {"Content-Type": "text/html"}, body), BASE)
