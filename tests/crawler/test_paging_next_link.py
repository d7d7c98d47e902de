"""`next_link` and `vsb_next`: the next page is the page's own next link, and paging ends without one."""

from __future__ import annotations

import pytest

from crawler.paging import NextLink, ReadPage, VsbNext
from crawler.paging.next_link import next_link
from crawler.seeds import ListSource

VSB_PAGER = (
    '<div class="pagebar"><span class="p_pages"><span class="p_no_d">1</span>'
    '<span class="p_no"><a href="zgtb/4.htm">2</a></span>'
    '<span class="p_next p_fun"><a href="zgtb/4.htm">下页</a></span>'
    '<span class="p_last p_fun"><a href="zgtb/1.htm">尾页</a></span></span></div>'
)
VSB_LAST = '<span class="p_next_d p_fun_d">下页</span>'


@pytest.mark.parametrize(
    ("html", "selector", "expected"),
    [
        ('<a href="list_7_2.html">下一页</a>', None, "http://d/news/list_7_2.html"),
        ('<a href="?page=3">下页</a>', None, "http://d/news/list_7_1.html?page=3"),
        (
            '<div class="pg"><a class="nx" href="p2.html">›</a></div>',
            "div.pg a.nx @href",
            "http://d/news/p2.html",
        ),
        ('<a href="javascript:void(0)">下一页</a>', None, None),
        ('<p><a id="n" href="p3.html">more</a></p>', "//a[@id='n'] @href", "http://d/news/p3.html"),
        ("<p>no pager</p>", None, None),
        (VSB_PAGER, None, "http://d/news/zgtb/4.htm"),
        (VSB_LAST, None, None),
    ],
)
def test_next_link(html: str, selector: str | None, expected: str | None) -> None:
    assert next_link(html, "http://d/news/list_7_1.html", selector) == expected


@pytest.mark.parametrize(
    ("style", "settings", "text", "expected"),
    [
        (VsbNext, {}, VSB_PAGER, ("http://c/xsxc/zgtb/4.htm", "")),
        (VsbNext, {}, VSB_LAST, (None, "no_next_link")),
        (NextLink, {}, '<a href="zgtb.htm">下一页</a>', (None, "no_next_link")),  # links itself
        (
            NextLink,
            {"next": "a.more @href"},
            '<a class="more" href="p2.htm">更多</a>',
            ("http://c/xsxc/p2.htm", ""),
        ),
    ],
)
def test_next_page(
    style: type[NextLink], settings: dict, text: str, expected: tuple[str | None, str]
) -> None:
    source = ListSource("http://c/xsxc/zgtb.htm", {"type": style.name, **settings})
    request, reason = style(source).next(ReadPage(1, "http://c/xsxc/zgtb.htm", text, [], None))
    assert (request.url if request else None, reason) == expected
