"""`none`: only the list URL itself is read."""

from __future__ import annotations

from crawler.paging import ReadPage, SinglePage
from crawler.seeds import ListSource


def test_one_page_only() -> None:
    style = SinglePage(ListSource("http://p/list.html", {"type": "none"}))
    assert style.first().url == "http://p/list.html"
    text = '<a href="list_2.html">下一页</a>'
    assert style.next(ReadPage(1, "http://p/list.html", text, [], None)) == (None, "single_page")
