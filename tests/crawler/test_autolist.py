"""Automatic list rows: small list pages in the skins real county and city sites run, each with its
traps (nav and breadcrumbs, dated sidebars after 点击排行/相关/推荐, footers, pagers, tooltips,
truncated titles, year-less dates, dates inside the link, GBK bytes)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from crawler import autolist
from crawler.autolist import best_block
from crawler.listing import OWN_SELECTORS
from crawler.platforms.profile import ROW_LIST
from pipelines.common.decoding import decode_html

TITLES = (
    "中共城关镇委员会关于县委第二巡察组巡察反馈意见整改情况的通报",
    "中共县教育局委员会关于巡察整改进展情况的通报",
    "关于十一届县委第三轮巡察整改情况的公示",
    "县纪委监委2023年公开招聘工作人员公告",
)
DATES = ("2023-06-19", "2023-05-08", "2023-03-21", "2022-12-01")
SIDE = (
    ("热点新闻一则标题较长的文字", "2023-06-20"),
    ("另一条热点新闻的较长标题文字", "2023-06-18"),
)

CHROME_TOP = """<div class="top"><a href="/">首页</a> <a href="/zwgk/">政务公开</a>
<a href="/xsxc/">巡视巡察</a> <a href="javascript:void(0)">无障碍浏览</a></div>
<div class="nav"><ul><li><a href="/">网站首页</a></li><li><a href="/jgsz/">机构设置</a></li>
<li><a href="/xsxc/">巡视巡察工作</a></li><li><a href="/dzjs/">党风廉政建设</a></li></ul></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/xsxc/">巡视巡察</a> &gt; 整改通报</div>"""
CHROME_FOOT = """<div class="footer"><p>主办：中共某县纪律检查委员会 版权所有 网站标识码：3401000001</p>
<p><a href="http://beian.miit.gov.cn/">皖ICP备12003456号</a> 技术支持：某某科技</p></div>"""


def sidebar(heading: str, cls: str = "right") -> str:
    rows = "".join(
        f'<li><a href="/rd/{i}.html">{t}</a><span>{d}</span></li>' for i, (t, d) in enumerate(SIDE)
    )
    return f'<div class="{cls}"><div class="tit"><h3>{heading}</h3></div><ul>{rows}</ul></div>'


def page(body: str, charset: str = "utf-8") -> str:
    return (
        f'<html><head><meta charset="{charset}"><title>整改通报</title></head><body>'
        f"{CHROME_TOP}{body}{CHROME_FOOT}</body></html>"
    )


@dataclass(frozen=True)
class Case:
    name: str
    html: str
    urls: tuple[str, ...]  # expected row URLs, in order
    titles: tuple[str | None, ...] | None = TITLES  # None: not checked
    dates: tuple[str | None, ...] = DATES
    encoding: str = "utf-8"
    base: str = "http://x.gov.cn/xsxc/zgtb/index.html"


def rows(template: str, n: int = 4) -> str:
    return "".join(
        template.format(
            i=i,
            t=TITLES[i],
            d=DATES[i],
            y=DATES[i][:4],
            m=DATES[i][5:7],
            day=DATES[i][8:],
            md=DATES[i][5:],
            slash=DATES[i].replace("-", "/"),
        )
        for i in range(n)
    )


TRS = Case(
    "trs: truncated titles with whole tooltips, 点击排行 sidebar, script pager",
    page(
        '<div class="main"><div class="list"><ul>'
        + rows(
            '<li><a href="./2023{m}/t{y}{m}{day}_17{i}.html" title="{t}" target="_blank">'
            "{t:.12}…</a><span>{d}</span></li>"
        )
        + '</ul><div class="page"><script>var countPage = 3;createPageHTML(countPage, 0, "index",'
        ' "html");</script></div></div>' + sidebar("点击排行") + "</div>"
    ),
    tuple(
        f"http://x.gov.cn/xsxc/zgtb/2023{d[5:7]}/t{d.replace('-', '')}_17{i}.html"
        for i, d in enumerate(DATES)
    ),
)
HANWEB = Case(
    "hanweb: rows in a <datastore> data island",
    page(
        '<div id="3386"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/'
        'web/jpage/dataproxy.jsp?page=1"></a>]]></nextgroup><recordset>'
        + rows(
            '<record><![CDATA[<li><a href="/art/{y}/{m}/{day}/art_1536_{i}.html" '
            'title="{t}">{t}</a><span class="bt-data-time">{d}</span></li>]]></record>'
        )
        + "</recordset></datastore></script></div>"
    ),
    tuple(
        f"http://x.gov.cn/art/{d[:4]}/{d[5:7]}/{d[8:]}/art_1536_{i}.html"
        for i, d in enumerate(DATES)
    ),
    base="http://x.gov.cn/col/col1536/index.html",
)
VSB = Case(
    "vsb: @title is the site name (tooltip trap), title in a p",
    page(
        '<div class="list"><ul>'
        + rows(
            '<li id="line_u8_{i}"><a href="../info/1026/29{i}.htm" title="某县纪委监委网站">'
            "<p>{t}</p></a><span>{d}</span></li>"
        )
        + '</ul><div class="pb_sys_common"><span class="p_pages"><span class="p_no_d">1</span>'
        '<span class="p_no"><a href="zgtb/4.htm">2</a></span><span class="p_next p_fun">'
        '<a href="zgtb/4.htm">下页</a></span></span></div></div>'
    ),
    tuple(f"http://x.gov.cn/info/1026/29{i}.htm" for i in range(4)),
    base="http://x.gov.cn/xsxc/zgtb.htm",
)
DEDE = Case(
    "dedecms (gbk): year-less [MM-DD] dates, a 更多 row, 相关 sidebar",
    page(
        '<div class="w960"><div class="listbox"><ul class="e2">'
        + rows(
            '<li>·<a href="/a/xcgz/{y}/{m}{day}/1{i}.html" class="title">{t}</a>'
            '<span class="info">[{md}]</span></li>'
        )
        + '<li><a href="/plus/list.php?tid=7">更多&gt;&gt;</a></li></ul></div>'
        '<div class="dede_pages"><ul class="pagelist"><li><a href="list_7_2.html">下一页</a></li>'
        '<li><a href="list_7_3.html">末页</a></li></ul></div></div>' + sidebar("相关文章", "box"),
        charset="gb2312",
    ),
    tuple(f"http://x.gov.cn/a/xcgz/{d[:4]}/{d[5:7]}{d[8:]}/1{i}.html" for i, d in enumerate(DATES)),
    dates=(None, None, None, None),
    encoding="gbk",
    base="http://x.gov.cn/a/xcgz/list_7_1.html",
)
PHPCMS = Case(
    "phpcms: the date before the link, with a time",
    page(
        '<div class="col-left"><ul class="list lh24 f14">'
        + rows(
            '<li><span class="rt">{d} 10:2{i}:33</span>·<a href="http://x.gov.cn/index.php?m='
            'content&amp;c=index&amp;a=show&amp;catid=12&amp;id=34{i}" target="_blank">{t}</a>'
            "</li>"
        )
        + '</ul><div id="pages" class="text-c"><a class="a1">4条</a> <span>1</span> '
        '<a href="/index.php?m=content&amp;c=index&amp;a=lists&amp;catid=12&amp;page=2">2</a> '
        '<a href="/index.php?m=content&amp;c=index&amp;a=lists&amp;catid=12&amp;page=2" '
        'class="a1">下一页</a></div></div>' + sidebar("推荐阅读", "col-auto")
    ),
    tuple(
        f"http://x.gov.cn/index.php?m=content&c=index&a=show&catid=12&id=34{i}" for i in range(4)
    ),
)
JIYUE = Case(
    "集约化平台: bracketed dates, a sticky row, titles in b",
    page(
        '<div class="zfxxgk_zdgkc"><ul>'
        + rows(
            '<li><a href="/zwgk/public/column/{i}?type=4&amp;action=list" target="_blank">'
            '<b>{t}</b></a><span class="date">[{d}]</span></li>'
        )
        + "</ul></div>"
    ),
    tuple(f"http://x.gov.cn/zwgk/public/column/{i}?type=4&action=list" for i in range(4)),
)
WCM_CARDS = Case(
    "拓尔思 wcm cards: a day tile beside its year-month, a summary line",
    page(
        '<div class="news-box">'
        + rows(
            '<div class="news-item"><div class="date"><b>{day}</b><span>{y}-{m}</span></div>'
            '<div class="txt"><a href="../2023{m}/t{y}{m}{day}_{i}.html">{t}</a>'
            "<p>为深入贯彻落实全面从严治党要求，现将有关情况予以公布。</p></div></div>"
        )
        + "</div>"
    ),
    tuple(
        f"http://x.gov.cn/xsxc/2023{d[5:7]}/t{d.replace('-', '')}_{i}.html"
        for i, d in enumerate(DATES)
    ),
)
NANWEI = Case(
    "南威: a table with title and date cells, slash dates, a header row",
    page(
        '<table class="listTable"><tr><th>标题</th><th>发布日期</th></tr>'
        + rows(
            '<tr><td class="title"><a href="/zwgk/xxgkml/{i}/content.html">{t}</a></td>'
            '<td class="time">{slash}</td></tr>'
        )
        + "</table>"
    ),
    tuple(f"http://x.gov.cn/zwgk/xxgkml/{i}/content.html" for i in range(4)),
)
DAHAN = Case(
    "大汉: dl rows, Chinese dates in dd",
    page(
        '<div class="default_pgContainer">'
        + rows(
            '<dl><dt><a href="/art/{y}/{m}/{day}/art_2{i}.html">{t}</a></dt>'
            "<dd>{y}年{m}月{day}日</dd></dl>"
        )
        + "</div>"
    ),
    tuple(
        f"http://x.gov.cn/art/{d[:4]}/{d[5:7]}/{d[8:]}/art_2{i}.html" for i, d in enumerate(DATES)
    ),
)
BODA = Case(
    "博达: the date inside the link",
    page(
        '<ul class="list-gl">'
        + rows(
            '<li><a href="../info/1026/30{i}.htm"><span class="tit">{t}</span>'
            '<span class="time">{d}</span></a></li>'
        )
        + "</ul>"
    ),
    tuple(f"http://x.gov.cn/xsxc/info/1026/30{i}.htm" for i in range(4)),
)
ASP_TABLE = Case(
    "asp tables (gbk): a table per row, dotted dates, a dated 最新公告 box",
    page(
        '<table width="100%"><tr><td width="200"><table><tr><td>最新公告</td></tr>'
        '<tr><td><a href="ShowArticle.asp?ArticleID=9">最新公告标题文字较长一些</a> 2023.6.30'
        '</td></tr></table></td><td class="main">'
        + rows(
            '<table width="100%" class="wz"><tr><td>·<a href="ShowArticle.asp?ArticleID=1{i}">'
            '{t}</a></td><td width="80">{y}.{m}.{day}</td></tr></table>'
        )
        + "</td></tr></table>",
        charset="gb2312",
    ),
    tuple(f"http://x.gov.cn/xsxc/ShowArticle.asp?ArticleID=1{i}" for i in range(4)),
    encoding="gbk",
    base="http://x.gov.cn/xsxc/Article_List.asp",
)
WORDPRESS = Case(
    "wordpress-like: article cards with <time>, an aside of recent posts",
    page(
        '<main id="main">'
        + rows(
            '<article class="post"><h2 class="entry-title"><a href="/{y}/{m}/{day}/p{i}/">{t}'
            '</a></h2><div class="entry-meta"><time datetime="{d}">{y}年{m}月{day}日</time>'
            "</div><p>现将巡察整改情况予以公布，欢迎社会各界监督。</p></article>"
        )
        + '</main><aside><h3>近期文章</h3><ul><li><a href="/x/1/">近期文章的标题比较长的一条</a>'
        "<span>2023-06-30</span></li></ul></aside>"
    ),
    tuple(f"http://x.gov.cn/{d[:4]}/{d[5:7]}/{d[8:]}/p{i}/" for i, d in enumerate(DATES)),
)
FLAT = Case(
    "flat links in one div, dates in sibling spans, br between rows",
    page(
        '<div class="con">'
        + rows('<a href="/xsxc/{i}.html">{t}</a><span>（{d}）</span><br/>')
        + "</div>"
    ),
    tuple(f"http://x.gov.cn/xsxc/{i}.html" for i in range(4)),
)
SPLIT = Case(
    "one list split in two ul (5 + 5 style), separated by a line",
    page(
        '<div class="lists">'
        + '<ul class="l">'
        + rows('<li><a href="/s/{i}.html">{t}</a><span>{d}</span></li>', 2)
        + '</ul><div class="line"></div><ul class="l">'
        + "".join(
            f'<li><a href="/s/{i}.html">{TITLES[i]}</a><span>{DATES[i]}</span></li>' for i in (2, 3)
        )
        + "</ul></div>"
    ),
    tuple(f"http://x.gov.cn/s/{i}.html" for i in range(4)),
)
CHROME_WRAPPER = Case(
    "the whole page inside a wrapper named like a menu (skip-nav wrapper trap)",
    '<html><body><div id="skip-nav-wrapper" class="menu-container">'
    + CHROME_TOP
    + '<div class="list"><ul>'
    + rows('<li><a href="/w/{i}.html">{t}</a><span>{d}</span></li>')
    + "</ul></div>"
    + sidebar("热点")
    + CHROME_FOOT
    + "</div></body></html>",
    tuple(f"http://x.gov.cn/w/{i}.html" for i in range(4)),
)
TRUNCATED = Case(
    "truncated titles without a tooltip: no title (the detail page gives it)",
    page(
        '<div class="list"><ul>'
        + rows('<li><a href="/t/{i}.html">{t:.10}...</a><span>{d}</span></li>')
        + "</ul></div>"
    ),
    tuple(f"http://x.gov.cn/t/{i}.html" for i in range(4)),
    titles=(None, None, None, None),
)
SINGLE = Case(
    "a column with one notice",
    page(
        '<div class="list"><ul><li><a href="/o/1.html">'
        + TITLES[0]
        + "</a><span>"
        + DATES[0]
        + "</span></li></ul></div>"
    ),
    ("http://x.gov.cn/o/1.html",),
    titles=TITLES[:1],
    dates=DATES[:1],
)
CASES = (
    TRS,
    HANWEB,
    VSB,
    DEDE,
    PHPCMS,
    JIYUE,
    WCM_CARDS,
    NANWEI,
    DAHAN,
    BODA,
    ASP_TABLE,
    WORDPRESS,
    FLAT,
    SPLIT,
    CHROME_WRAPPER,
    TRUNCATED,
    SINGLE,
)


@pytest.mark.parametrize("case", CASES, ids=[c.name.split(":")[0] for c in CASES])
def test_rows_of_each_skin(case: Case) -> None:
    text, _ = decode_html(case.html.encode(case.encoding))
    block = best_block(text, case.base)
    assert block is not None, case.name
    assert tuple(r.url for r in block.rows) == case.urls, block.where
    if case.titles is not None:
        assert tuple(r.title for r in block.rows) == case.titles
    assert tuple(r.date for r in block.rows) == case.dates


def test_year_less_rows_keep_their_month_and_day() -> None:
    text, _ = decode_html(DEDE.html.encode("gbk"))
    block = best_block(text, DEDE.base)
    assert block is not None
    assert [r.month_day for r in block.rows] == [d[5:] for d in DATES]


@pytest.mark.parametrize(
    "html",
    [
        "",
        page("<p>本栏目暂无信息</p>"),  # an empty column: chrome only
        page(
            '<div class="page"><a href="?page=1">1</a><a href="?page=2">2</a>'
            '<a href="?page=2">下一页</a></div>'
        ),  # a pager alone
        page("<div><p>" + TITLES[0] + "</p><p>" + DATES[0] + "</p></div>"),  # an article
    ],
    ids=["empty", "no-rows", "pager-only", "article"],
)
def test_no_block_on_pages_without_a_list(html: str) -> None:
    assert best_block(html, "http://x.gov.cn/") is None


@pytest.mark.parametrize(
    ("rules", "html", "expected"),
    [
        ({"auto": True}, JIYUE.html, len(TITLES)),  # list: auto
        (ROW_LIST, JIYUE.html, len(TITLES)),  # the selectors find dated rows: theirs
        (ROW_LIST, WCM_CARDS.html, len(TITLES)),  # `li` hits only the menu: automatic rows
        ({**ROW_LIST, "item": "ul.nothing li"}, DAHAN.html, len(TITLES)),  # no row: automatic
        ({**ROW_LIST, "item": "ul.nothing li", OWN_SELECTORS: True}, DAHAN.html, 0),  # reported
    ],
    ids=["auto", "selectors", "menu-only", "no-match", "own-no-match"],
)
def test_entries_fall_back_to_automatic_rows(rules: dict, html: str, expected: int) -> None:
    found = autolist.entries(html, "http://x.gov.cn/xsxc/", rules)
    assert len(found) == expected
    assert all(e.date for e in found)


def test_entries_strip_sticky_marks() -> None:
    html = page(
        '<ul class="list"><li><a href="/1.html">[置顶] '
        + TITLES[0]
        + "</a><span>"
        + DATES[0]
        + '</span></li><li><a href="/2.html">'
        + TITLES[1]
        + "</a><span>"
        + DATES[1]
        + "</span></li></ul>"
    )
    found = autolist.auto_entries(html, "http://x.gov.cn/")
    assert [e.title for e in found] == list(TITLES[:2])


def test_rows_are_bounded_on_huge_pages() -> None:
    from crawler.listing import MAX_LIST_ROWS

    html = (
        "<ul>"
        + "".join(
            f'<li><a href="/{i}.html">{TITLES[0]}</a><span>2023-06-19</span></li>'
            for i in range(3000)
        )
        + "</ul>"
    )
    block = best_block(html, "http://x.gov.cn/")
    assert block is not None and len(block.rows) == MAX_LIST_ROWS
