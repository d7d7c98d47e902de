"""The walk over a small site served from a dict: what it lists, in which order, what it
fetches (the budget, robots.txt, the site's bounds) and the one-line failures."""

from __future__ import annotations

import pytest

from crawler import listing
from crawler.cli.discover_titles import reads_like_notice
from crawler.discover import DiscoverFailed, Discovery, discover

HOME = "http://www.qx.gov.cn/"
NOTICE = "中共县{}局党组关于县委巡察反馈意见整改落实情况的通报"
NEWS = "县委第{}巡察组进驻县教育局开展巡察工作动员会召开"


def rows(prefix: str, titles: list[str]) -> str:
    lis = "".join(
        f'<li><a href="{prefix}{n}.html">{t}</a><span>2024-06-{n + 1:02d}</span></li>'
        for n, t in enumerate(titles)
    )
    return f'<ul class="list">{lis}</ul>'


def page(main: str, menu: str = "") -> bytes:
    return f'<html><body><div class="nav">{menu}</div>{main}</body></html>'.encode()


MENU = (
    '<a href="/">首页</a><a href="/jggk/">机构概况</a><a href="/xsxc/">巡视巡察</a>'
    '<a href="/xwzx/">新闻中心</a><a href="http://www.ccdi.gov.cn/">中央纪委</a>'
    '<a href="http://xxgk.qx.gov.cn/">信息公开</a>'
)
XCZG = rows("/xsxc/xczg/", [NOTICE.format(n) for n in "一二三四五"])
SITE: dict[str, bytes] = {
    "http://www.qx.gov.cn/robots.txt": b"User-agent: *\nDisallow: /xwzx/nb/\n",
    HOME: page(
        '<div class="box"><h3>巡察整改</h3><a href="/xsxc/xczg/">更多</a>'
        + rows("/xsxc/xczg/", [NOTICE.format(n) for n in "一二"])
        + "</div>",
        MENU,
    ),
    # a landing page: its excerpt links the same notices in another form
    "http://www.qx.gov.cn/xsxc/": page(
        '<div class="sub-nav"><a href="/xsxc/xcdt/">巡察动态</a>'
        '<a href="/xsxc/xczg/index.html">巡察整改</a></div>'
        + rows("/xsxc/xczg/?id=", [NOTICE.format(n) for n in "一二三"]),
        MENU,
    ),
    "http://www.qx.gov.cn/xsxc/xczg/": page(XCZG, MENU),
    "http://www.qx.gov.cn/xsxc/xczg/index.html": page(XCZG, MENU),
    "http://www.qx.gov.cn/xsxc/xcdt/": page(
        rows("/xsxc/xcdt/", [NEWS.format(n) for n in "一二三四"]), MENU
    ),
    "http://www.qx.gov.cn/xwzx/": page(
        '<div class="sub-nav"><a href="/xwzx/nb/">内部通报</a><a href="/xwzx/tzgg/">通知公告</a></div>',
        MENU,
    ),
    "http://www.qx.gov.cn/xwzx/nb/": page(rows("/xwzx/nb/", [NOTICE.format("九")] * 3)),
    "http://www.qx.gov.cn/xwzx/tzgg/": page(
        rows("/xwzx/tzgg/", ["关于端午节放假的通知", NOTICE.format("六"), "招聘公告"]), MENU
    ),
    "http://xxgk.qx.gov.cn/": page(rows("http://xxgk.qx.gov.cn/c/", [NOTICE.format("七")] * 4)),
}


class Site:
    def __init__(self, pages: dict[str, bytes]) -> None:
        self.pages = pages
        self.asked: list[str] = []

    def __call__(self, request: listing.PageRequest) -> tuple[int, dict[str, str], bytes]:
        self.asked.append(request.url)
        body = self.pages.get(request.url)
        if body is None:
            return 404, {"Content-Type": "text/html"}, b"<html><title>404</title></html>"
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body


def walk(pages: dict[str, bytes] = SITE, **kw: int) -> tuple[Discovery, Site]:
    site = Site(pages)
    return discover(HOME, site, reads_like_notice, delay=0, **kw), site


def test_columns_best_first_each_once() -> None:
    found, _ = walk()
    listed = [(c.url, c.name, c.path, c.rows.notices) for c in found.columns]
    assert listed[0][1:] == ("巡察整改", ("巡察整改",), 5)  # the home's "more" link, by its heading
    assert listed[0][0] in {
        "http://www.qx.gov.cn/xsxc/xczg/",
        "http://www.qx.gov.cn/xsxc/xczg/index.html",
    }
    assert [c[1:] for c in listed[1:]] == [
        ("信息公开", ("信息公开",), 4),  # on a subdomain of the site
        ("通知公告", ("新闻中心", "通知公告"), 1),
    ]
    # the landing page's excerpt and the second URL of 巡察整改 are not columns of their own
    assert found.pages_fetched == 8


def test_what_is_never_fetched() -> None:
    _, site = walk()
    assert site.asked[0] == "http://www.qx.gov.cn/robots.txt"
    assert "http://www.qx.gov.cn/xwzx/nb/" not in site.asked  # robots.txt
    assert "http://www.ccdi.gov.cn/" not in site.asked  # another site
    assert "http://www.qx.gov.cn/jggk/" not in site.asked  # an avoided section
    assert not [u for u in site.asked if u.endswith(("0.html", "1.html", "2.html"))]  # rows


def test_a_home_that_sends_on_is_followed_and_not_a_column() -> None:
    refresh = b'<html><head><meta http-equiv="refresh" content="0;url=/portal/"></head></html>'
    moved = {**SITE, HOME: refresh, HOME + "portal/": SITE[HOME]}
    found, site = walk(moved)
    assert site.asked[1:3] == [HOME, HOME + "portal/"]
    assert found.columns[0].name == "巡察整改" and HOME + "portal/" not in {
        c.url for c in found.columns
    }


@pytest.mark.parametrize("budget", [1, 2, 4])
def test_the_page_budget(budget: int) -> None:
    site = Site(SITE)
    try:
        found = discover(HOME, site, reads_like_notice, max_pages=budget, delay=0)
    except DiscoverFailed:
        pass
    else:
        assert found.pages_fetched == budget
    assert len(site.asked) == 1 + budget  # robots.txt aside


@pytest.mark.parametrize(
    ("pages", "message"),
    [
        ({}, "cannot fetch the home page: unusable: not_found"),
        (
            {**SITE, "http://www.qx.gov.cn/robots.txt": b"User-agent: *\nDisallow: /\n"},
            "robots.txt forbids http://www.qx.gov.cn/",
        ),
        ({HOME: page("", MENU)}, "no column with rectification notices among 4 pages"),
    ],
)
def test_failures_are_one_line(pages: dict[str, bytes], message: str) -> None:
    with pytest.raises(DiscoverFailed) as failed:
        walk(pages)
    assert str(failed.value).startswith(message) and "\n" not in str(failed.value)
