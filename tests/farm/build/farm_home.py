"""Three home sites (farm-home-*, 127.0.0.27-29) for `notices sites discover`: a home page with
the menus real sites have, columns of notices somewhere below it, and decoys beside them.

Each site's `discover.json` says what a discovery must make of it: `columns` (the notice columns'
list paths, best-known path first, and the labels leading to them), `decoys` (column pages that
must not be listed) and `forbidden` (paths robots.txt disallows: never requested). The notice
columns' pages are the truth's list pages, their rows its notices and non-notices.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape

from tests.farm.build.content import Doc, body_html
from tests.farm.build.farm_x import chunks, footer, para, readme, sidebar
from tests.farm.build.farm_x_text import Inspection, news, series
from tests.farm.build.writer import HTML_UTF8, SiteWriter

Shell = Callable[[str, str], str]  # (page title, main markup) -> the whole page
RowHtml = Callable[[str, Doc], str]  # (detail path, document) -> one list row

# Titles of a 通知公告 column without a notice, and of a 巡视/巡察动态 column of news.
ANNOUNCEMENTS = (
    "关于2024年端午节放假安排的通知",
    "县纪委监委2024年公开招聘工作人员公告",
    "关于开展2024年度党风廉政建设宣传月活动的通知",
    "关于公开征求《廉洁文化建设实施意见》意见的公告",
    "县纪委监委机关2024年政府采购意向公开",
    "关于调整信访接待时间的公告",
)
INSPECTION_NEWS = (
    "县委第一巡察组进驻县教育局开展常规巡察",
    "县委2024年第一轮巡察工作动员部署会召开",
    "县委第二巡察组向县水利局反馈巡察情况",
    "2024年巡察整改工作推进会召开",
    "县委巡察办召开巡察干部业务培训会",
    "县委第三巡察组进驻桐溪镇开展巡察",
    "市委第二巡视组巡视我县工作动员会召开",
)


@dataclass(slots=True)
class Home:
    """A home site being built: its writer, page shell and what a discovery must find."""

    w: SiteWriter
    charset: str
    shell: Shell
    columns: list[dict[str, object]] = field(default_factory=list)
    decoys: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        return HTML_UTF8 if self.charset == "utf-8" else f"text/html; charset={self.charset}"

    def page(self, path: str, title: str, main: str, day: date = date(2024, 6, 20)) -> None:
        html = self.shell(title, main)
        self.w.add(path, html.encode(self.charset), content_type=self.content_type, modified=day)

    def detail(self, path: str, doc: Doc, truth: bool) -> None:
        main = (
            f'<div class="article"><h1>{escape(doc.title)}</h1>'
            f'<p class="info">发布时间：{doc.published:%Y-%m-%d}　来源：{escape(doc.source or "")}</p>'
            f'<div id="zoom">{body_html(doc, para("　　"))}</div></div>'
        )
        self.page(path, doc.title, main, doc.published)
        if truth and doc.is_notice:
            self.w.notice(path, doc)
        elif truth:
            self.w.non_notice(path, doc.title, doc.reason)

    def column(
        self,
        name: str,
        lists: list[str],
        rows: list[tuple[str, Doc]],
        row_html: RowHtml,
        *,
        truth: bool = False,
        per_page: int = 8,
        side: str = "",
    ) -> list[tuple[str, Doc]]:
        """A column's list pages (`lists[n]` is page n+1) over its rows, and its detail pages.
        A truth column's pages are the truth's list pages."""
        pages = chunks(rows, per_page)
        for path, doc in rows:
            self.detail(path, doc, truth)
        for n, chunk in enumerate(pages):
            links = [
                f'<a href="{lists[k]}">{k + 1}</a>' if k != n else f"<b>{k + 1}</b>"
                for k in range(len(pages))
            ]
            nxt = f'<a href="{lists[n + 1]}">下一页</a>' if n + 1 < len(pages) else ""
            pager = f'<div class="page">共{len(pages)}页 {" ".join(links)} {nxt}</div>'
            body = "".join(row_html(p, d) for p, d in chunk)
            main = (
                f'<div class="list-box"><div class="list-title">{escape(name)}</div>'
                f'<ul class="list">{body}</ul>{pager}</div>{side}'
            )
            self.page(lists[n], name, main)
        if truth:
            self.w.list_paths += lists[: len(pages)]
            self.w.start_paths.append(lists[0])
        return rows

    def info(self, path: str, title: str, text: str) -> None:
        self.page(path, title, f'<div class="article"><h1>{escape(title)}</h1><p>{text}</p></div>')

    def finish(self, text: str) -> SiteWriter:
        found = {"columns": self.columns, "decoys": self.decoys, "forbidden": self.forbidden}
        self.w.extra_files["discover.json"] = (
            json.dumps(found, ensure_ascii=False, indent=1) + "\n"
        ).encode("utf-8")
        readme(self.w, text)
        return self.w


def dated_docs(titles: tuple[str, ...], last: date, reason: str = "news") -> list[Doc]:
    return [
        Doc(t, last - timedelta(days=9 * i), [f"{t}。", "特此通知。"], False, reason=reason)
        for i, t in enumerate(titles)
    ]


def li_row(path: str, doc: Doc) -> str:
    return f'<li><a href="{path}" title="{escape(doc.title)}">{escape(doc.title)}</a><span>{doc.published:%Y-%m-%d}</span></li>'


# -- 1. a county 纪委监委 site: two-level menus, decoys, robots -----------------------------------

QX_HOST = "127.0.0.27"
QX_NAME = "中共清溪县纪律检查委员会 清溪县监察委员会"
QX_MENU = (
    ("首页", "/", ()),
    ("机构概况", "/jggk/", (("领导介绍", "/jggk/ldjs/"), ("内设机构", "/jggk/nsjg/"))),
    ("新闻中心", "/xwzx/", (("要闻动态", "/xwzx/ywdt/"), ("通知公告", "/xwzx/tzgg/"))),
    ("党风廉政", "/dflz/", (("廉政教育", "/dflz/lzjy/"), ("整改落实", "/dflz/zgls/"))),
    (
        "巡视巡察",
        "/xsxc/",
        (
            ("巡察动态", "/xsxc/xcdt/"),
            ("巡察整改", "/xsxc/xczg/index.html"),
            ("巡察工作", "/xsxc/xcgz/"),
        ),
    ),
    ("信息公开", "/xxgk/", ()),
    ("互动交流", "/hdjl/", (("书记信箱", "/hdjl/sjxx/"), ("监督举报", "/hdjl/jdjb/"))),
)


def _qx_menu() -> str:
    items = []
    for label, href, subs in QX_MENU:
        sub = "".join(f'<li><a href="{h}">{t}</a></li>' for t, h in subs)
        items.append(
            f'<li class="menu-item"><a href="{href}">{label}</a>'
            + (f'<ul class="menu-sub" style="display:none">{sub}</ul>' if sub else "")
            + "</li>"
        )
    return f'<div class="nav"><ul class="menu">{"".join(items)}</ul></div>'


def _qx_shell(title: str, main: str) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(title)}_清溪县纪委监委</title>
<link rel="stylesheet" href="/css/style.css"><script src="/js/jquery.min.js"></script></head>
<body><div class="top-bar"><a href="javascript:void(0)">无障碍</a> <a href="/search/">站内搜索</a></div>
<div class="header"><a href="/"><img src="/images/logo.png" alt="清溪县纪委监委"></a></div>
{_qx_menu()}
<div class="main">{main}</div>
{footer(QX_NAME, "3311230002", "浙ICP备05054321号")}
</body></html>
"""


def _block(heading: str, more: str, rows: list[tuple[str, Doc]]) -> str:
    body = "".join(li_row(p, d) for p, d in rows)
    return (
        f'<div class="box"><div class="box-hd"><span class="box-title">{heading}</span>'
        f'<a class="more" href="{more}">更多&gt;&gt;</a></div><ul>{body}</ul></div>'
    )


def build_county() -> SiteWriter:
    w = SiteWriter("farm-home-county", "清溪县纪委监委", "generic", QX_HOST)
    w.robots("Disallow: /xsxc/xcgz/\n")
    h = Home(w, "utf-8", _qx_shell)
    who = Inspection("县委")
    xczg = [
        (f"/xsxc/xczg/{d.published:%Y%m}/t{d.published:%Y%m%d}_{4100 + n}.html", d)
        for n, d in enumerate(series(27, 12, 3, date(2024, 6, 18), who, "县交通运输局"))
    ]
    lists = ["/xsxc/xczg/index.html", "/xsxc/xczg/index_1.html"]
    h.column("巡察整改", lists, xczg, li_row, truth=True, per_page=10)
    w.alias("/xsxc/xczg/", lists[0])
    zgls = [
        (f"/dflz/zgls/{d.published:%Y%m}/t{d.published:%Y%m%d}_{5200 + n}.html", d)
        for n, d in enumerate(series(127, 6, 1, date(2024, 5, 30), Inspection("市委"), "县林业局"))
    ]
    h.column("整改落实", ["/dflz/zgls/"], zgls, li_row, truth=True, per_page=10)
    h.columns += [
        {"paths": ["/xsxc/xczg/index.html", "/xsxc/xczg/"], "labels": ["巡察整改"]},
        {"paths": ["/dflz/zgls/"], "labels": ["整改落实"]},
    ]
    # a column robots.txt forbids: notices, never to be requested
    xcgz = [
        (f"/xsxc/xcgz/t{d.published:%Y%m%d}_{6300 + n}.html", d)
        for n, d in enumerate(series(227, 4, 0, date(2024, 4, 2), who, "县民政局"))
    ]
    h.column("巡察工作", ["/xsxc/xcgz/"], xcgz, li_row)
    h.forbidden.append("/xsxc/xcgz/")
    # decoys: inspection news, announcements without a notice, a news column whose 点击排行
    # sidebar lists notices
    hot = [(p, d.title, d.published) for p, d in xczg[:5]]
    xcdt = dated_docs(INSPECTION_NEWS, date(2024, 6, 12))
    h.column(
        "巡察动态",
        ["/xsxc/xcdt/"],
        [(f"/xsxc/xcdt/t{d.published:%Y%m%d}_{700 + n}.html", d) for n, d in enumerate(xcdt)],
        li_row,
        side=sidebar("点击排行", hot),
    )
    tzgg = dated_docs(ANNOUNCEMENTS, date(2024, 6, 10))
    h.column(
        "通知公告",
        ["/xwzx/tzgg/"],
        [(f"/xwzx/tzgg/t{d.published:%Y%m%d}_{800 + n}.html", d) for n, d in enumerate(tzgg)],
        li_row,
    )
    ywdt = [
        news(27, n, date(2024, 6, 15) - timedelta(days=5 * n), "县纪委监委", who) for n in range(6)
    ]
    ywdt_rows = [
        (f"/xwzx/ywdt/t{d.published:%Y%m%d}_{900 + n}.html", d) for n, d in enumerate(ywdt)
    ]
    h.column("要闻动态", ["/xwzx/ywdt/"], ywdt_rows, li_row, side=sidebar("点击排行", hot))
    lzjy = dated_docs(
        ("以案为鉴 警钟长鸣", "廉洁家风润初心", "清廉文化进万家活动启动"), date(2024, 5, 8)
    )
    h.column(
        "廉政教育",
        ["/dflz/lzjy/"],
        [(f"/dflz/lzjy/t{d.published:%Y%m%d}_{950 + n}.html", d) for n, d in enumerate(lzjy)],
        li_row,
    )
    h.decoys += ["/xsxc/xcdt/", "/xwzx/tzgg/", "/xwzx/ywdt/"]
    # landing pages: menus of their sub-columns, 巡视巡察's with an excerpt of each
    for label, href, subs in QX_MENU[1:]:
        if href == "/xsxc/":
            continue
        menu = "".join(f'<li><a href="{h_}">{t}</a></li>' for t, h_ in subs)
        h.page(href, label, f'<div class="sub-nav"><h2>{label}</h2><ul>{menu}</ul></div>')
    h.page(
        "/xsxc/",
        "巡视巡察",
        '<div class="sub-nav"><h2>巡视巡察</h2><ul><li><a href="/xsxc/xcdt/">巡察动态</a></li>'
        '<li><a href="/xsxc/xczg/">巡察整改</a></li><li><a href="/xsxc/xcgz/">巡察工作</a></li></ul></div>'
        + _block(
            "巡察动态",
            "/xsxc/xcdt/",
            [
                (f"/xsxc/xcdt/t{d.published:%Y%m%d}_{700 + n}.html", d)
                for n, d in enumerate(xcdt[:3])
            ],
        )
        + _block("巡察整改", "/xsxc/xczg/", xczg[:3]),
    )
    for path, title in (
        ("/jggk/ldjs/", "领导介绍"),
        ("/jggk/nsjg/", "内设机构"),
        ("/hdjl/sjxx/", "书记信箱"),
        ("/hdjl/jdjb/", "监督举报"),
    ):
        h.info(path, title, f"{title}：清溪县纪委监委。")
    h.page(
        "/",
        "首页",
        _block("要闻动态", "/xwzx/ywdt/", ywdt_rows[:5])
        + _block("巡察整改", "/xsxc/xczg/", xczg[:5])
        + _block(
            "通知公告",
            "/xwzx/tzgg/",
            [
                (f"/xwzx/tzgg/t{d.published:%Y%m%d}_{800 + n}.html", d)
                for n, d in enumerate(tzgg[:5])
            ],
        )
        + sidebar("点击排行", hot),
    )
    return h.finish(
        "# farm-home-county: a county 纪委监委 home with two-level menus\n\n"
        "Top menu 首页/机构概况/新闻中心/党风廉政/巡视巡察/信息公开/互动交流, each with a hover list\n"
        "(`ul` inside `li`, hidden by style). Notice columns: 巡视巡察 → 巡察整改 (two pages; the home's\n"
        "block and the landing page's excerpt lead to `/xsxc/xczg/`, the menu to `index.html`) and\n"
        "党风廉政 → 整改落实 (市委巡视 notices). Decoys: 巡察动态 (inspection news with a 点击排行 sidebar\n"
        "of notices), 通知公告 (announcements), 要闻动态 (news, the same sidebar). robots.txt forbids\n"
        "`/xsxc/xcgz/` (巡察工作, which holds notices).\n"
    )


# -- 2. a GBK DedeCMS-era site: a script-built submenu, a sitemap, a mixed 通知公告 ----------------

LH_HOST = "127.0.0.28"
LH_NAME = "龙湖区纪委监委"


def _lh_shell(title: str, main: str) -> str:
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{escape(title)}--{LH_NAME}</title></head>
<body><table width="1000" align="center"><tr><td class="topbar">
<a href="/">网站首页</a> | <a href="/sitemap.html">网站地图</a> | <a href="javascript:addFav()">加入收藏</a></td></tr>
<tr><td><div id="navMenu"><ul>
<li><a href="/">首页</a></li><li><a href="/a/jgsz/">机构设置</a></li><li><a href="/a/gzdt/">工作动态</a></li>
<li><a href="/a/dflz/" onmouseover="showSub('dflz')">党风廉政</a></li><li><a href="/a/hdjl/">互动交流</a></li></ul>
<script type="text/javascript">
var subs = {{"dflz": '<a href="/a/dflz/xszg/">巡视整改</a> <a href="/a/dflz/jsjy/">警示教育</a>'}};
document.write('<div class="submenu" id="sub_dflz" style="display:none">' + subs.dflz + '</div>');
</script></div></td></tr>
<tr><td>{main}</td></tr>
<tr><td>{footer(LH_NAME, "4405070001", "粤ICP备10012345号")}</td></tr></table></body></html>
"""


def _dede_row(path: str, doc: Doc) -> str:
    return f'<li><span class="date">{doc.published:%Y-%m-%d}</span><a href="{path}">{escape(doc.title)}</a></li>'


def _dede(tid: int, base: str, docs: list[Doc], first: int) -> list[tuple[str, Doc]]:
    return [(f"{base}{d.published:%Y/%m%d}/{first + n}.html", d) for n, d in enumerate(docs)]


def build_gbk() -> SiteWriter:
    w = SiteWriter("farm-home-gbk", LH_NAME, "generic", LH_HOST, encoding="gbk")
    w.robots()
    h = Home(w, "gbk", _lh_shell)
    who = Inspection("区委")
    xszg = _dede(
        12, "/a/dflz/xszg/", series(28, 9, 2, date(2024, 7, 2), Inspection("市委"), "区城管局"), 300
    )
    h.column(
        "巡视整改", ["/a/dflz/xszg/", "/a/dflz/xszg/list_12_2.html"], xszg, _dede_row, truth=True
    )
    mixed = series(128, 3, 0, date(2024, 6, 26), who, "") + dated_docs(
        ANNOUNCEMENTS[:5], date(2024, 6, 24)
    )
    mixed.sort(key=lambda d: d.published, reverse=True)
    tzgg = _dede(8, "/a/tzgg/", mixed, 400)
    h.column("通知公告", ["/a/tzgg/"], tzgg, _dede_row, truth=True, per_page=10)
    zgls = _dede(
        21, "/a/ztzl/zgls/", series(228, 5, 1, date(2024, 3, 15), who, "区文广旅体局"), 500
    )
    h.column("整改落实专栏", ["/a/ztzl/zgls/"], zgls, _dede_row, truth=True, per_page=10)
    h.columns += [
        {"paths": ["/a/dflz/xszg/"], "labels": ["巡视整改"]},
        {"paths": ["/a/tzgg/"], "labels": ["通知公告"]},
        {"paths": ["/a/ztzl/zgls/"], "labels": ["整改落实专栏"]},
    ]
    gzdt = [
        news(28, n, date(2024, 6, 28) - timedelta(days=4 * n), "区纪委监委", who) for n in range(5)
    ]
    gzdt_rows = _dede(5, "/a/gzdt/", gzdt, 600)
    h.column("工作动态", ["/a/gzdt/"], gzdt_rows, _dede_row)
    jsjy = _dede(
        13,
        "/a/dflz/jsjy/",
        dated_docs(("警示教育片《蜕变》观后感", "以案促改 警钟长鸣"), date(2024, 5, 5)),
        700,
    )
    h.column("警示教育", ["/a/dflz/jsjy/"], jsjy, _dede_row)
    h.decoys += ["/a/gzdt/"]
    for path, title in (
        ("/a/jgsz/", "机构设置"),
        ("/a/hdjl/", "互动交流"),
        ("/a/dflz/", "党风廉政"),
    ):
        h.info(path, title, f"{title}：{LH_NAME}。")
    h.page(
        "/sitemap.html",
        "网站地图",
        '<div class="sitemap"><dl><dt>工作动态</dt><dd><a href="/a/gzdt/">工作动态</a></dd></dl>'
        '<dl><dt>党风廉政</dt><dd><a href="/a/dflz/xszg/">巡视整改</a> <a href="/a/dflz/jsjy/">警示教育</a></dd></dl>'
        '<dl><dt>专题专栏</dt><dd><a href="/a/ztzl/zgls/">整改落实专栏</a></dd></dl>'
        '<dl><dt>通知公告</dt><dd><a href="/a/tzgg/">通知公告</a></dd></dl></div>',
    )
    gz_block = "".join(_dede_row(p, d) for p, d in gzdt_rows[:4])
    tz_block = "".join(_dede_row(p, d) for p, d in tzgg[:4])
    h.page(
        "/",
        "首页",
        f'<table><tr><td><div class="tit"><b>工作动态</b> <a href="/a/gzdt/">more&gt;&gt;</a></div><ul>{gz_block}</ul></td>'
        f'<td><div class="tit"><b>通知公告</b> <a href="/a/tzgg/">more&gt;&gt;</a></div><ul>{tz_block}</ul></td></tr></table>',
    )
    return h.finish(
        "# farm-home-gbk: a GBK DedeCMS-era home, a script-built submenu and a sitemap\n\n"
        "Every page is GB2312-declared GBK. The 党风廉政 submenu (巡视整改, 警示教育) is written by a\n"
        "`document.write` script; its links sit only in the script's text. 整改落实专栏 is linked only\n"
        "from the sitemap (网站地图, in the top bar). 通知公告 mixes three notices with ordinary\n"
        "announcements (a notice column by its rows, reached by the home block's `more>>`). Decoy:\n"
        "工作动态 (news).\n"
    )


# -- 3. a 区 government site whose notices sit under 信息公开 → 巡察整改 -----------------------------

BS_HOST = "127.0.0.29"
BS_NAME = "白沙区人民政府"


def _bs_shell(title: str, main: str) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(title)} - {BS_NAME}</title></head>
<body><header class="head"><div class="logo">{BS_NAME}</div>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zjbs/">走进白沙</a></li>
<li><a href="/zwdt/">政务动态</a></li><li><a href="/xxgk/index.html">信息公开</a></li>
<li><a href="/hdjl/">互动交流</a></li></ul></nav></header>
<div class="container">{main}</div>
<div class="links">友情链接：<a href="http://www.ccdi.gov.cn/">中央纪委国家监委</a>
<a href="http://www.12388.gov.cn/">监督举报网站</a></div>
{footer(BS_NAME, "4301110001", "湘ICP备12012345号")}
</body></html>
"""


def _gk_row(path: str, doc: Doc) -> str:
    return (
        f'<li><span class="sy">{doc.published:%Y}-{zlib.crc32(path.encode()) % 90000 + 10000:05d}</span>'
        f'<a href="{path}">{escape(doc.title)}</a><span class="rq">{doc.published:%Y-%m-%d}</span></li>'
    )


XXGK_TREE = (
    ("机构信息", (("机构职能", "/xxgk/jgzn/"), ("领导信息", "/xxgk/ldxx/"))),
    (
        "法定主动公开内容",
        (
            ("政策文件", "/xxgk/zcwj/"),
            ("规划计划", "/xxgk/ghjh/"),
            ("财政资金", "/xxgk/czzj/"),
            ("巡察整改", "/xxgk/xczg/index.html"),
        ),
    ),
)


def _tree() -> str:
    groups = "".join(
        f"<li><span>{g}</span><ul>{''.join(f'<li><a href={chr(34)}{h}{chr(34)}>{t}</a></li>' for t, h in items)}</ul></li>"
        for g, items in XXGK_TREE
    )
    return f'<div class="xxgk-left"><ul class="tree">{groups}</ul></div>'


def build_xxgk() -> SiteWriter:
    w = SiteWriter("farm-home-xxgk", BS_NAME, "generic", BS_HOST)
    w.robots()
    h = Home(w, "utf-8", _bs_shell)
    who = Inspection("区委")
    xczg = [
        (f"/xxgk/xczg/content/post_{88000 + 7 * n}.html", d)
        for n, d in enumerate(series(29, 10, 2, date(2024, 8, 30), who, "区住建局"))
    ]
    h.column(
        "巡察整改",
        ["/xxgk/xczg/index.html", "/xxgk/xczg/index_2.html"],
        xczg,
        _gk_row,
        truth=True,
        side=_tree(),
    )
    h.columns.append({"paths": ["/xxgk/xczg/index.html"], "labels": ["信息公开", "巡察整改"]})
    zcwj = dated_docs(
        ("白沙区人民政府关于印发2024年重点工作的通知", "白沙区优化营商环境若干措施"),
        date(2024, 7, 1),
    )
    h.column(
        "政策文件",
        ["/xxgk/zcwj/"],
        [(f"/xxgk/zcwj/content/post_{87000 + n}.html", d) for n, d in enumerate(zcwj)],
        _gk_row,
        side=_tree(),
    )
    czzj = dated_docs(("白沙区2023年财政决算公开", "白沙区2024年部门预算公开"), date(2024, 6, 1))
    h.column(
        "财政资金",
        ["/xxgk/czzj/"],
        [(f"/xxgk/czzj/content/post_{86000 + n}.html", d) for n, d in enumerate(czzj)],
        _gk_row,
        side=_tree(),
    )
    zwdt = [news(29, n, date(2024, 8, 28) - timedelta(days=3 * n), "区政府", who) for n in range(5)]
    zwdt_rows = [(f"/zwdt/content/post_{85000 + n}.html", d) for n, d in enumerate(zwdt)]
    h.column("政务动态", ["/zwdt/"], zwdt_rows, li_row)
    h.decoys += ["/xxgk/zcwj/", "/zwdt/"]
    for path, title in (
        ("/zjbs/", "走进白沙"),
        ("/hdjl/", "互动交流"),
        ("/xxgk/jgzn/", "机构职能"),
        ("/xxgk/ldxx/", "领导信息"),
        ("/xxgk/ghjh/", "规划计划"),
    ):
        h.info(path, title, f"{title}：{BS_NAME}。")
    latest = sorted([*xczg[:3], *zwdt_rows[:3]], key=lambda r: r[1].published, reverse=True)
    h.page(
        "/xxgk/index.html",
        "信息公开",
        _tree()
        + '<div class="xxgk-right"><h3>最新信息</h3><ul>'
        + "".join(_gk_row(p, d) for p, d in latest)
        + "</ul></div>",
    )
    h.page(
        "/",
        "首页",
        '<div class="news"><div class="title">政务动态</div><ul>'
        + "".join(li_row(p, d) for p, d in zwdt_rows[:4])
        + '</ul><a href="/zwdt/">更多</a></div>',
    )
    return h.finish(
        "# farm-home-xxgk: a 区 government home, notices under 信息公开 → 巡察整改\n\n"
        "The top menu (`nav`) has no inspection column: 信息公开 leads to a directory whose left tree\n"
        "(`ul.tree`) holds 巡察整改 (two pages, rows with an index number and a date); the\n"
        "directory's 最新信息 list mixes three of its notices with news. A 友情链接 points to another\n"
        "site (never requested). Decoys: 政策文件, 政务动态.\n"
    )


BUILDERS = [build_county, build_gbk, build_xxgk]
