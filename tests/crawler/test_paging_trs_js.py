"""`trs_js`: the page count read from TRS's pager script, its page URLs, and the next-link fallback."""

from __future__ import annotations

import pytest

from crawler.paging import ReadPage, TrsJs
from crawler.paging.trs_js import trs_page_count, trs_page_url
from crawler.seeds import ListSource

SCRIPT = """<script>
var currentPage = 0;//所在页从0开始
var countPage = 3//共多少页
createPageHTML(countPage, currentPage, "index", "html");
</script>"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SCRIPT, (3, "index", "html")),
        ("createPageHTML(7, 0, 'home', 'htm')", (7, "home", "htm")),
        ("Pager({size:5, current:0, prefix:'index', suffix:'shtml'})", (5, "index", "shtml")),
        ("createPageHTML(countPage, 0, 'index', 'html')", None),  # the count is not in the page
        ("<p>no pager</p>", None),
    ],
)
def test_page_count_from_the_script(text: str, expected: tuple[int, str, str] | None) -> None:
    assert trs_page_count(text) == expected


@pytest.mark.parametrize(
    ("list_url", "index", "expected"),
    [
        ("http://h/a/", 0, "http://h/a/index.html"),
        ("http://h/a/index.html", 1, "http://h/a/index_1.html"),  # page 2
        ("http://h/a/index_1.html", 2, "http://h/a/index_2.html"),
    ],
)
def test_page_urls(list_url: str, index: int, expected: str) -> None:
    assert trs_page_url(list_url, index, "index", "html") == expected


def page(number: int, text: str, url: str = "http://h/xsxc/") -> ReadPage:
    return ReadPage(number, url, text, [], None)


@pytest.mark.parametrize(
    ("number", "text", "expected"),
    [
        (1, SCRIPT, ("http://h/xsxc/index_1.html", "")),
        (2, SCRIPT, ("http://h/xsxc/index_2.html", "")),
        (3, SCRIPT, (None, "last_page")),
        (1, '<a href="list_2.html">下一页</a>', ("http://h/xsxc/list_2.html", "")),
        (1, "<p>no pager</p>", (None, "no_next_link")),
    ],
)
def test_next_page(number: int, text: str, expected: tuple[str | None, str]) -> None:
    style = TrsJs(ListSource("http://h/xsxc/", {"type": "trs_js"}))
    request, reason = style.next(page(number, text))
    assert (request.url if request else None, reason) == expected
    assert request is None or request.page == number + 1
