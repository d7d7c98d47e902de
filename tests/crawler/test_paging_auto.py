"""`auto` paging: the next page is what the page's own pager says, in its many markups; it stops on
self-links and pages already read, and never follows a URL no page links to."""

from __future__ import annotations

import pytest

from crawler.paging import Auto, ReadPage
from crawler.paging.auto import next_links, trs_script
from crawler.seeds import ListSource

LIST = "http://x.gov.cn/xsxc/zgtb/index.html"


def first_next(html: str, url: str = LIST, number: int = 1) -> tuple[str | None, str]:
    style = Auto(ListSource(LIST, {"type": "auto"}))
    request, reason = style.next(ReadPage(number, url, html, [], None))
    return (request.url if request else None), reason


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="index_1.html">下一页</a>', "http://x.gov.cn/xsxc/zgtb/index_1.html"),
        ('<a href="list_7_2.html">下一页&gt;&gt;</a>', "http://x.gov.cn/xsxc/zgtb/list_7_2.html"),
        ('<a href="?page=2">下页</a>', "http://x.gov.cn/xsxc/zgtb/index.html?page=2"),
        ('<a href="p2.html">后页</a>', "http://x.gov.cn/xsxc/zgtb/p2.html"),
        ('<a href="p2.html">Next »</a>', "http://x.gov.cn/xsxc/zgtb/p2.html"),
        (
            '<ul class="pagination"><li><a href="p2.html">›</a></li></ul>',
            "http://x.gov.cn/xsxc/zgtb/p2.html",
        ),
        ('<a href="p3.html">»</a>', "http://x.gov.cn/xsxc/zgtb/p3.html"),
        (
            '<span class="next"><a href="p2.html">&nbsp;</a></span>',
            "http://x.gov.cn/xsxc/zgtb/p2.html",
        ),
        ('<span class="more"><a href="p2.html">&nbsp;</a></span>', None),  # nothing says next
        (
            '<div class="next"><a href="p2.html">&nbsp;</a></div>',
            "http://x.gov.cn/xsxc/zgtb/p2.html",
        ),
        (
            '<a href="p2.html"><img src="next.gif" alt="下一页"></a>',
            "http://x.gov.cn/xsxc/zgtb/p2.html",
        ),
        (
            '<input type="button" value="下一页" onclick="location.href=\'index_1.html\'">',
            "http://x.gov.cn/xsxc/zgtb/index_1.html",
        ),
        (
            (
                '<a href="javascript:void(0)" onclick="window.location=\'/xsxc/zgtb/index_1.html\'">'
                "下一页</a>"
            ),
            "http://x.gov.cn/xsxc/zgtb/index_1.html",
        ),
        ('<a href="javascript:goPage(2)">下一页</a>', None),  # a function: no URL to follow
        # VSB: pages numbered backwards, reached only through the next link
        (
            (
                '<span class="p_no"><a href="zgtb/4.htm">2</a></span><span class="p_next p_fun">'
                '<a href="zgtb/4.htm">下页</a></span><span class="p_last"><a href="zgtb/1.htm">尾页</a>'
                "</span>"
            ),
            "http://x.gov.cn/xsxc/zgtb/zgtb/4.htm",
        ),
        # numbered links only: the one after the current page, never the last one
        (
            (
                '<div class="page"><span>1</span> <a href="?page=2">2</a> <a href="?page=3">3</a> '
                '<a href="?page=9">&gt;&gt;</a></div>'
            ),
            "http://x.gov.cn/xsxc/zgtb/index.html?page=2",
        ),
        ('<a href="list_7_9.html">&gt;&gt;</a>', None),  # the last page, not the next
        ("<p>no pager</p>", None),
    ],
)
def test_next_link_markups(html: str, expected: str | None) -> None:
    url, _ = first_next(html)
    assert url == expected


@pytest.mark.parametrize(
    ("html", "number", "expected"),
    [
        (
            '<script>var countPage = 3;createPageHTML(countPage, 0, "index", "html");</script>',
            1,
            ("http://x.gov.cn/xsxc/zgtb/index_1.html", ""),
        ),
        ('<script>createPageHTML(3, 2, "index", "shtml");</script>', 3, (None, "last_page")),
        (
            "<script>createPageHTML('page_div',4,1,'index','html',60);</script>",
            2,
            ("http://x.gov.cn/xsxc/zgtb/index_2.html", ""),
        ),
        (
            "<script>var countPage = 2//共多少页\nvar currentPage = 0</script>",
            1,
            ("http://x.gov.cn/xsxc/zgtb/index_1.html", ""),
        ),
        ('<a href="index.html">下一页</a>', 1, (None, "repeat_link")),  # links itself
        ("<p>no pager</p>", 1, (None, "no_next_link")),
    ],
)
def test_trs_scripts_and_stops(html: str, number: int, expected: tuple[str | None, str]) -> None:
    assert first_next(html, number=number) == expected


def test_countpage_names_pages_after_the_list_file() -> None:
    assert trs_script("var countPage = 5;", "http://x/a/list.shtml") == (5, "list", "shtml")
    assert trs_script("var countPage = 5;", "http://x/a/") == (5, "index", "html")
    assert trs_script("<p>none</p>", "http://x/a/") is None


def test_a_page_already_read_is_not_requested_again() -> None:
    style = Auto(ListSource(LIST, {"type": "auto"}))
    page2 = "http://x.gov.cn/xsxc/zgtb/list_2.html"
    request, _ = style.next(ReadPage(1, LIST, '<a href="list_2.html">下一页</a>', [], None))
    assert request is not None and request.url == page2 and request.page == 2
    # page 2's next link points back to page 1 (a site that wraps around past the end)
    assert style.next(ReadPage(2, page2, '<a href="index.html">下一页</a>', [], None)) == (
        None,
        "repeat_link",
    )


def test_next_links_rank_marked_links_before_words_and_numbers() -> None:
    html = '<a href="?page=2">2</a><a href="b.html">下一页</a><a rel="next" href="a.html">x</a>'
    assert next_links(html, "http://x/l/", 1) == [
        "http://x/l/a.html",
        "http://x/l/b.html",
        "http://x/l/?page=2",
    ]
