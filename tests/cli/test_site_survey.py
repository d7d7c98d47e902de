"""The survey behind `notices sites add`: platform markers, rows, pager and entry overrides, the
one-line failures, and politeness (robots.txt, at most a few pages), over a fake fetch."""

from __future__ import annotations

import pytest

from crawler.cli.site_survey import SurveyFailed, detect_platform, survey
from crawler.cli.sites_cmd import site_id_for
from crawler.listing import PageRequest

TITLE = "中共城关镇委员会关于县委第二巡察组巡察反馈意见整改情况的通报"
LIST = "http://s.test/xsxc/zgtb/index.html"


def rows(n: int, stem: str = "d", title: str = TITLE) -> str:
    return "".join(
        f'<li><a href="/{stem}/{i}.html">{title}{i}</a><span>2023-06-{i + 1:02d}</span></li>'
        for i in range(n)
    )


def site(pages: dict[str, tuple[int, str]], robots: str = "") -> tuple[list[str], object]:
    asked: list[str] = []

    def fetch(page: PageRequest) -> tuple[int, dict[str, str], bytes]:
        asked.append(page.url)
        if page.url.endswith("/robots.txt"):
            return (200, {}, robots.encode()) if robots else (404, {}, b"")
        status, html = pages.get(page.url, (404, "<title>404</title>"))
        return status, {"Content-Type": "text/html; charset=utf-8"}, html.encode()

    return asked, fetch


DETAIL = (
    "<html><head><title>通报</title></head><body><h1>" + TITLE + "</h1><p>发布时间：2023-06-01</p>"
    "<div id='zoom'><p>根据县委统一部署，县委第二巡察组对城关镇党委开展了巡察。现将整改情况予以公布。</p>"
    "<p>一、整改工作部署</p><p>镇党委高度重视，成立整改工作领导小组。</p></div></body></html>"
)


@pytest.mark.parametrize(
    ("url", "html", "platform"),
    [
        (LIST, '<script>createPageHTML(3, 0, "index", "html");</script>', "trs"),
        ("http://s.test/col/col1536/index.html", "<datastore></datastore>", "hanweb"),
        ("http://s.test/xsxc/zgtb.htm", '<a href="../info/1026/2901.htm">x</a>', "vsb"),
        ("http://s.test/xxgk/", '<div id="UCAP-CONTENT"></div>', "gov_cn"),
        ("http://s.test/gkmlpt/index", "", "gkmlpt"),
        ("http://s.test/a/list_7_1.html", "<ul><li>plain</li></ul>", "generic"),
    ],
)
def test_platform_markers(url: str, html: str, platform: str) -> None:
    assert detect_platform(url, html) == platform


def test_a_generic_column_needs_no_override() -> None:
    page1 = f'<ul class="list">{rows(3)}</ul><a href="index_2.html">下一页</a>'
    page2 = f'<ul class="list">{rows(2, "e")}</ul>'
    asked, fetch = site(
        {
            LIST: (200, page1),
            "http://s.test/xsxc/zgtb/index_2.html": (200, page2),
            "http://s.test/d/0.html": (200, DETAIL),
        }
    )
    found = survey(LIST, fetch, delay=0)  # type: ignore[arg-type]
    assert (found.platform, found.rows_by, found.pagination) == ("generic", "auto", "auto")
    assert found.next_url == "http://s.test/xsxc/zgtb/index_2.html"
    assert [(p.rows, p.stop) for p in found.pages] == [(3, ""), (2, "no_next_link")]
    assert found.overrides == {}
    assert found.record is not None and found.record.is_notice
    assert asked == [
        "http://s.test/robots.txt",
        LIST,
        "http://s.test/xsxc/zgtb/index_2.html",
        "http://s.test/d/0.html",
    ]


def test_a_trs_column_the_profile_cannot_read_gets_list_auto() -> None:
    cards = "".join(
        f'<div class="item"><a href="./202306/t2023060{i}_{i}.html">{TITLE}</a>'
        f"<em>2023-06-0{i}</em></div>"
        for i in range(1, 4)
    )
    html = f'<div class="news">{cards}</div><ul><li><a href="/">首页</a></li></ul>'
    _, fetch = site({LIST: (200, html)})
    found = survey(LIST, fetch, delay=0)  # type: ignore[arg-type]
    assert found.platform == "trs" and found.overrides == {"list": "auto"}
    assert len(found.rows) == 3


@pytest.mark.parametrize(
    ("pages", "robots", "message"),
    [
        ({LIST: (412, "<script>$_ts=window['$_ts']</script>")}, "", "blocked"),
        (
            {LIST: (200, f"<html><body><h1>{TITLE}</h1><p>{DETAIL}</p></body></html>")},
            "",
            "not a list",
        ),
        (
            {LIST: (200, f"<ul>{rows(3, title='区领导出席全省经济工作会议并讲话')}</ul>")},
            "",
            "nothing like a notice column",
        ),
        ({LIST: (200, f"<ul>{rows(3)}</ul>")}, "User-agent: *\nDisallow: /xsxc/\n", "robots"),
        ({}, "", "not_found"),
    ],
)
def test_what_it_cannot_use_is_one_line(pages: dict, robots: str, message: str) -> None:
    asked, fetch = site(pages, robots)
    with pytest.raises(SurveyFailed, match=message) as failed:
        survey(LIST, fetch, delay=0)  # type: ignore[arg-type]
    assert "\n" not in str(failed.value)
    if robots:
        assert asked == ["http://s.test/robots.txt"]


@pytest.mark.parametrize(
    ("url", "taken", "expected"),
    [
        ("http://www.hn.gov.cn/xsxc/zgtb/index.html", set(), "hn-gov-cn-xsxc-zgtb"),
        ("http://www.hn.gov.cn/xsxc/zgtb/", {"hn-gov-cn-xsxc-zgtb"}, "hn-gov-cn-xsxc-zgtb-2"),
        ("http://127.0.0.14:8080/news/list_7_1.html", set(), "127-0-0-14-news"),
    ],
)
def test_site_ids_from_urls(url: str, taken: set[str], expected: str) -> None:
    assert site_id_for(url, taken) == expected
