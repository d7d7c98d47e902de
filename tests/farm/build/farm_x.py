"""The six held-out sites (farm-x-*, 127.0.0.21-26): templates the crawler has no profile for,
written to measure selector-free crawling (list: auto, pagination: auto). Each site's README.md
(written with it) names its template and its traps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html import escape

from tests.farm.build.content import Doc, body_html
from tests.farm.build.farm_x_text import Inspection, series
from tests.farm.build.writer import HTML_UTF8, SiteWriter

Paragraph = Callable[[str], str]


@dataclass(slots=True)
class Column:
    """A column being built: its rows (path as linked, document) and the pages beside it."""

    w: SiteWriter
    site_name: str
    charset: str  # how the pages are encoded
    content_type: str
    rows: list[tuple[str, Doc]] = field(default_factory=list)

    def encode(self, html: str) -> bytes:
        return html.encode(self.charset)

    def page(self, path: str, html: str, modified: date) -> None:
        self.w.add(path, self.encode(html), content_type=self.content_type, modified=modified)

    def detail(self, path: str, doc: Doc, html: str) -> None:
        self.page(path, html, doc.published)
        self.rows.append((path, doc))
        if doc.is_notice:
            self.w.notice(path, doc)
        else:
            self.w.non_notice(path, doc.title, doc.reason)
            # the date a reader sees on the row, as the notices have it (the loader ignores it)
            self.w.non_notices[-1]["published"] = doc.published.isoformat()

    def lists(self, paths: list[str]) -> None:
        self.w.list_paths += paths
        self.w.start_paths.append(paths[0])

    def outside(self, path: str, title: str, day: date) -> tuple[str, str, date]:
        """A page of another column, linked from a sidebar: served, and never to be requested."""
        html = (
            f"<html><head><meta charset={self.charset}><title>{escape(title)}</title></head><body>"
            f"<h1>{escape(title)}</h1><p>{day:%Y-%m-%d}</p><p>{escape(title)}。</p></body></html>"
        )
        self.page(path, html, day)
        self.w.never_paths.append(path)
        return path, title, day


def chunks(items: list[tuple[str, Doc]], per_page: int) -> list[list[tuple[str, Doc]]]:
    return [items[i : i + per_page] for i in range(0, len(items), per_page)]


def footer(name: str, code: str, icp: str) -> str:
    return (
        f'<div class="footer"><p>主办：{escape(name)}　承办：{escape(name)}办公室　'
        f"技术支持：数联网络科技有限公司</p><p>版权所有 &copy; {escape(name)}　网站标识码：{code}　"
        f'<a href="https://beian.miit.gov.cn/">{icp}</a>　'
        f'<img src="/images/ga.png">公网安备 33010602011234号</p>'
        "<p>违纪违法举报电话：12388　建议使用1366×768分辨率浏览</p></div>"
    )


def toolbar() -> str:
    return (
        '<div class="toolbar">【字体：<a href="javascript:doZoom(18)">大</a> '
        '<a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】'
        '<a href="javascript:window.print()">【打印本页】</a> '
        '<a href="javascript:window.close()">【关闭窗口】</a> '
        '<span class="share">分享到：<a class="wx">微信</a> <a class="wb">微博</a></span> '
        '<span class="qr">扫一扫在手机打开当前页</span></div>'
    )


def prev_next(rows: list[tuple[str, Doc]], index: int, href: Callable[[str], str]) -> str:
    """上一篇/下一篇 links to the neighbouring rows (as real detail pages carry them)."""

    def link(i: int) -> str:
        if 0 <= i < len(rows):
            return f'<a href="{escape(href(rows[i][0]))}">{escape(rows[i][1].title)}</a>'
        return "没有了"

    return f'<div class="pn"><p>上一篇：{link(index - 1)}</p><p>下一篇：{link(index + 1)}</p></div>'


def sidebar(heading: str, items: list[tuple[str, str, date]], fmt: str = "%m-%d") -> str:
    lis = "".join(
        f'<li><a href="{escape(p)}" title="{escape(t)}">{escape(t)}</a><span>{d:{fmt}}</span></li>'
        for p, t, d in items
    )
    return f'<div class="side-box"><h3>{heading}</h3><ul>{lis}</ul></div>'


def short(title: str, n: int, tail: str = "...") -> str:
    return title if len(title) <= n else title[:n] + tail


def para(indent: str = "") -> Paragraph:
    return lambda p: f"<p>{indent}{escape(p)}</p>"


def readme(w: SiteWriter, text: str) -> None:
    w.extra_files["README.md"] = text.encode("utf-8")


# -- 1. 大汉 jcms (Hanweb) server-rendered column ---------------------------------------------------

DH_HOST, DH_COL, DH_UID = "127.0.0.21", 4512, 6655912
DH_NAME = "中共松阳县纪律检查委员会 松阳县监察委员会"


def build_dhcms() -> SiteWriter:
    w = SiteWriter("farm-x-dhcms", "松阳县纪委监委", "generic", DH_HOST)
    w.robots("Disallow: /jsearchfront/\n")
    c = Column(w, DH_NAME, "utf-8", HTML_UTF8)
    docs = series(21, 14, 4, date(2024, 6, 18), Inspection("县委"), "县交通运输局")
    base = f"/col/col{DH_COL}/index.html"
    pages = chunks(
        [
            (
                f"/art/{d.published.year}/{d.published.month}/{d.published.day}/art_{DH_COL}_{870100 + n}.html",
                d,
            )
            for n, d in enumerate(docs)
        ],
        8,
    )
    list_paths = [base] + [f"{base}?uid={DH_UID}&pageNum={n}" for n in range(2, len(pages) + 1)]
    hot = [
        c.outside(
            "/art/2024/5/30/art_4498_869977.html",
            "县委巡察整改工作推进会暨警示教育大会召开",
            date(2024, 5, 30),
        ),
        c.outside(
            "/art/2024/4/2/art_4498_869801.html",
            "县纪委监委：以巡察整改实效推动作风转变",
            date(2024, 4, 2),
        ),
    ]
    flat = [r for chunk in pages for r in chunk]
    for i, (path, doc) in enumerate(flat):
        meta = (
            f'<meta name="ArticleTitle" content="{escape(doc.title)}">\n'
            f'<meta name="PubDate" content="{doc.published:%Y-%m-%d} 09:{10 + i:02d}">\n'
            f'<meta name="ContentSource" content="{escape(doc.source or "县纪委监委")}">\n'
            f'<meta name="ColumnName" content="巡察整改">\n'
        )
        info = (
            '<table class="xxgk_table"><tr><th>索引号</th><td>'
            f"0012345-{doc.published:%Y}-{i:05d}</td><th>发布机构</th><td>{escape(DH_NAME)}</td></tr>"
            f"<tr><th>生成日期</th><td>{doc.published:%Y-%m-%d}</td><th>公开方式</th><td>主动公开</td></tr>"
            f"<tr><th>主题分类</th><td>纪检监察</td><th>文号</th><td></td></tr></table>"
        )
        html = _dh_shell(
            doc.title,
            meta,
            f'<div class="bt-position">当前位置：<a href="/">首页</a> &gt; <a href="{base}">巡察工作</a>'
            f' &gt; <a href="{base}">巡察整改</a></div>{info}'
            f'<div class="article"><div class="title">{escape(doc.title)}</div>'
            f'<div class="sub">发布日期：{doc.published:%Y-%m-%d} 09:{10 + i:02d}　'
            f"信息来源：{escape(doc.source or '县纪委监委')}　浏览次数：<script>_ajaxHits({870100 + i})</script></div>"
            f'<div id="zoom">{body_html(doc, para("　　"))}</div>{toolbar()}'
            f"{prev_next(flat, i, lambda p: p)}</div>",
            hot,
        )
        c.detail(path, doc, html)
    for n, chunk in enumerate(pages, 1):
        lis = "\n".join(
            f'<li><a href="{p}" title="{escape(d.title)}" target="_blank">{escape(short(d.title, 26))}</a>'
            f"<span>[{d.published:%Y-%m-%d}]</span></li>"
            for p, d in chunk
        )
        last = len(pages)

        def link(k: int, label: str) -> str:
            return f'<a href="{list_paths[k - 1]}" class="default_pgBtn">{label}</a>'

        pager = (
            f'<div class="default_pgPanel"><span class="default_pgTotalPage">共{last}页</span> '
            f"{link(1, '首页')} {link(max(n - 1, 1), '上页')} "
            f'<span class="default_pgCurrentPage">{n}</span> '
            f"{link(min(n + 1, last), '下页')} {link(last, '尾页')}</div>"
        )
        body = (
            f'<div class="bt-position">当前位置：<a href="/">首页</a> &gt; <a href="{base}">巡察工作</a>'
            f' &gt; 巡察整改</div><div class="default_pgContainer"><ul>\n{lis}\n</ul></div>{pager}'
        )
        c.page(list_paths[n - 1], _dh_shell("巡察整改", "", body, hot), date(2024, 6, 20))
    c.lists(list_paths)
    w.never_paths.append(f"{base}?uid={DH_UID}&pageNum={len(pages) + 1}")
    readme(
        w,
        "# farm-x-dhcms: 大汉 jcms column, server-rendered\n\n"
        "Template: Hanweb jcms with the list rendered in the page (`div.default_pgContainer ul li`), no\n"
        "`<datastore>`; pages `index.html?uid=…&pageNum=N`, details `/art/Y/M/D/art_<col>_<id>.html`.\n\n"
        "Traps: the whole page sits in the 无障碍 wrapper `div#barrierfree_container`; dates in the list\n"
        "are `[2024-06-18]`; titles cut after 26 characters (full title in `title=`); the pager's\n"
        "上页/下页 on the first and last page link to the page itself; a 点击排行 sidebar of dated links to\n"
        "another column (`art_4498_…`, the same URL shape as the rows; in `never_paths`); detail pages\n"
        "carry a 信息公开 table (索引号, 发布机构, 生成日期) above the article and the meta tags.\n",
    )
    return w


def _dh_shell(title: str, meta: str, main: str, hot: list[tuple[str, str, date]]) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">{meta}<title>{escape(title)} - 松阳县纪委监委</title>
<link rel="stylesheet" href="/images/jcms.css"><script src="/module/jslib/jquery/jquery.js"></script></head>
<body><div id="barrierfree_container">
<div class="top"><a href="javascript:void(0)" id="cniil_wza">无障碍</a> <a href="javascript:void(0)">长者模式</a></div>
<div class="nav"><a href="/">首页</a> <a href="/col/col4498/index.html">工作动态</a> <a href="/col/col{DH_COL}/index.html">巡察工作</a> <a href="/col/col4520/index.html">审查调查</a></div>
<div class="main"><div class="left">{main}</div>
<div class="right">{sidebar("点击排行", hot)}</div></div>
{footer(DH_NAME, "3311240001", "浙ICP备05012345号")}
</div></body></html>
"""


# -- 2. 南威 政府网站集约化 site-group skin ---------------------------------------------------------

NW_HOST = "127.0.0.22"
NW_NAME = "青川县人民政府"


def build_nanwei() -> SiteWriter:
    w = SiteWriter("farm-x-nanwei", NW_NAME, "generic", NW_HOST)
    w.robots()
    c = Column(w, NW_NAME, "utf-8", HTML_UTF8)
    docs = series(22, 13, 4, date(2024, 9, 27), Inspection("县委"), "县卫生健康局")
    sticky = series(122, 1, 0, date(2022, 3, 8), Inspection("县委"), "")[0]
    col = "/zwgk/fdzdgknr/xczg"
    paths = [f"{col}/content/post_{3301000 + n * 7}.html" for n in range(len(docs))]
    sticky_path = f"{col}/content/post_3288001.html"
    rows = list(zip(paths, docs, strict=True))
    pages = chunks(rows, 6)
    list_paths = [f"{col}/index.html"] + [f"{col}/index_{n}.html" for n in range(2, len(pages) + 1)]
    hot = [
        c.outside(
            "/zwgk/zwdt/content/post_3300977.html",
            "县政府召开常务会议研究巡察整改等工作",
            date(2024, 9, 2),
        ),
        c.outside(
            "/zwgk/zwdt/content/post_3300612.html",
            "我县扎实推进市委巡察反馈问题整改",
            date(2024, 8, 15),
        ),
    ]
    flat = [(sticky_path, sticky), *rows]
    for i, (path, doc) in enumerate(flat):
        written = doc.published.replace(day=max(doc.published.day - 3, 1))
        table = (
            '<table class="xxgk-table"><tr><td>索引号：</td><td>11510000MB1234567X/'
            f"{doc.published:%Y}-{i + 1:05d}</td><td>分类：</td><td>巡察整改</td></tr>"
            f"<tr><td>发布机构：</td><td>{escape(doc.source or NW_NAME)}</td><td>成文日期：</td>"
            f"<td>{written:%Y-%m-%d}</td></tr><tr><td>名称：</td><td colspan=3>{escape(doc.title)}</td></tr>"
            f"<tr><td>文号：</td><td></td><td>发布日期：</td><td>{doc.published:%Y-%m-%d}</td></tr></table>"
        )
        main = (
            f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; '
            f'<a href="{col}/index.html">巡察整改</a> &gt; 正文</div>{table}'
            f'<div class="article"><h2 class="article-title">{escape(doc.title)}</h2>'
            f'<div class="article-info"><span>发布时间：{doc.published:%Y-%m-%d} 16:00</span>'
            f'<span>来源：{escape(doc.source or NW_NAME)}</span><span>浏览量：<em id="hits"></em></span></div>'
            f'<div class="article-con" id="zoomcon">{body_html(doc, para())}</div>'
            f"{toolbar()}{prev_next(flat, i, lambda p: p)}</div>"
        )
        c.detail(path, doc, _nw_shell(doc.title, main, hot))
    for n, chunk in enumerate(pages, 1):
        lis = [
            (
                f'<li class="top"><span class="zd">置顶</span><a href="{sticky_path}" target="_blank" '
                f'title="{escape(sticky.title)}">{escape(sticky.title)}</a><span class="date">'
                f"{sticky.published:%Y-%m-%d}</span></li>"
            )
        ]
        lis += [
            f'<li><a href="{p}" target="_blank" title="{escape(d.title)}">{escape(d.title)}</a>'
            f'<span class="date">{d.published:%Y-%m-%d}</span></li>'
            for p, d in chunk
        ]
        last = len(pages)
        nxt = list_paths[n] if n < last else list_paths[0]  # the last page's 下一页 wraps to page 1
        pager = (
            f'<div class="pagination"><a href="{list_paths[0]}">首页</a> '
            f'<a href="{list_paths[max(n - 2, 0)]}">上一页</a> '
            + " ".join(
                f'<span class="current">{k}</span>'
                if k == n
                else f'<a href="{list_paths[k - 1]}">{k}</a>'
                for k in range(1, last + 1)
            )
            + f' <a href="{nxt}">下一页</a> <a href="{list_paths[-1]}">尾页</a>'
            f" <span>共{len(rows) + 1}条 {n}/{last}页</span></div>"
        )
        main = (
            f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; '
            f'巡察整改</div><div class="list-box"><ul class="list">{"".join(lis)}</ul></div>{pager}'
        )
        c.page(list_paths[n - 1], _nw_shell("巡察整改", main, hot), date(2024, 9, 30))
    c.lists(list_paths)
    w.never_paths.append(f"{col}/index_{len(pages) + 1}.html")
    readme(
        w,
        "# farm-x-nanwei: 南威 政府网站集约化 site-group column\n\n"
        "Template: the provincial site-group skin (`/zwgk/fdzdgknr/<col>/index.html`, `index_2.html` is\n"
        "page 2, details `content/post_<id>.html`).\n\n"
        "Traps: a sticky 置顶 row (a 2022 notice) heads every list page; the last page's 下一页 links back\n"
        "to page 1; a 热点 sidebar of dated links to the 政务动态 column (in `never_paths`); the\n"
        "detail page opens with a 信息公开 table whose 成文日期 is days before the 发布日期 (the date a\n"
        "reader sees); the title is an `h2`, not an `h1`; 上一篇/下一篇 name neighbouring notices.\n",
    )
    return w


def _nw_shell(title: str, main: str, hot: list[tuple[str, str, date]]) -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="UTF-8"><meta name="SiteName" content="{NW_NAME}">
<meta name="ColumnName" content="巡察整改"><title>{escape(title)}_{NW_NAME}</title>
<link rel="stylesheet" href="/static/css/common.css"></head><body>
<div class="header"><div class="tools"><a href="javascript:;" class="wza">无障碍浏览</a><a href="javascript:;">长者模式</a><a href="/search?q=">搜索</a></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwgk/zwdt/index.html">政务动态</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="container"><div class="main">{main}</div>
<div class="aside">{sidebar("热点", hot, "%Y-%m-%d")}</div></div>
{footer(NW_NAME, "5108230001", "蜀ICP备12004567号")}</body></html>
"""


# -- 3. PHPCMS v9 static lists, GBK -----------------------------------------------------------------

PC_HOST, PC_CAT = "127.0.0.23", 12
PC_NAME = "中共乌江区委巡察工作领导小组办公室"


def build_phpcms() -> SiteWriter:
    w = SiteWriter("farm-x-phpcms", "乌江区委巡察办", "generic", PC_HOST, encoding="gbk")
    w.robots()
    ctype = "text/html"  # no charset: the page says gbk
    c = Column(w, PC_NAME, "gbk", ctype)
    docs = series(23, 15, 5, date(2024, 11, 12), Inspection("区委"), "区住房和城乡建设局")
    rows = [(f"/html/xcgz/zgqk/{d.published:%Y%m}/{560 + n}.html", d) for n, d in enumerate(docs)]
    pages = chunks(rows, 7)
    list_paths = [f"/html/xcgz/zgqk/list-{PC_CAT}-{n}.html" for n in range(1, len(pages) + 1)]
    hot = [
        c.outside(
            "/html/xcgz/gzdt/202410/541.html", "区委第三轮巡察整改督查工作启动", date(2024, 10, 9)
        ),
        c.outside(
            "/html/xcgz/gzdt/202409/533.html", "巡察整改“回头看”培训会举行", date(2024, 9, 20)
        ),
    ]
    for i, (path, doc) in enumerate(rows):
        main = (
            f'<div class="crumbs"><a href="/">首页</a><span> &gt; </span><a href="/html/xcgz/">巡察工作</a>'
            f'<span> &gt; </span><a href="{list_paths[0]}">整改情况</a> &gt;  正文</div>'
            f'<div id="Article"><h1>{escape(doc.title)}<br />'
            f"<span>{doc.published:%Y-%m-%d} 10:{20 + i:02d}:00&nbsp;&nbsp;&nbsp;来源：{escape(doc.source or '')}"
            f'&nbsp;&nbsp;&nbsp;评论：<a href="#comment_iframe" id="comment">0</a> 点击：'
            f'<span id="hits"></span></span></h1>'
            f'<div class="content">{body_html(doc, para("　　"))}</div>'
            f'<div class="f14 wz">{toolbar()}</div>{prev_next(rows, i, lambda p: p)}</div>'
        )
        c.detail(path, doc, _pc_shell(doc.title, main, hot))
    for n, chunk in enumerate(pages, 1):
        lis = "\n".join(
            f'<li><span class="rt">{d.published:%m-%d}</span>·<a href="{p}" target="_blank" '
            f'title="{escape(d.title)}">{escape(short(d.title, 22))}</a></li>'
            for p, d in chunk
        )
        last = len(pages)
        prev_page = list_paths[max(n - 2, 0)]
        next_page = list_paths[min(n, last - 1)]  # on the last page 下一页 is the page itself
        pager = (
            f'<div id="pages" class="text-c"><a class="a1">{len(rows)}条</a> '
            f'<a href="{prev_page}" class="a1">上一页</a> '
            + " ".join(
                f"<span>{k}</span>" if k == n else f'<a href="{list_paths[k - 1]}">{k}</a>'
                for k in range(1, last + 1)
            )
            + f' <a href="{next_page}" class="a1">下一页</a></div>'
        )
        main = (
            f'<div class="crumbs"><a href="/">首页</a><span> &gt; </span><a href="/html/xcgz/">巡察工作</a>'
            f'<span> &gt; </span>整改情况</div><div class="box"><ul class="list lh24 f14">\n{lis}\n</ul>'
            f"{pager}</div>"
        )
        c.page(list_paths[n - 1], _pc_shell("整改情况", main, hot), date(2024, 11, 15))
    c.lists(list_paths)
    w.never_paths.append(f"/html/xcgz/zgqk/list-{PC_CAT}-{len(pages) + 1}.html")
    readme(
        w,
        "# farm-x-phpcms: PHPCMS v9 static lists, GBK\n\n"
        "Template: PHPCMS v9 `default` templates with static HTML (`list-12-N.html`, details\n"
        "`/html/<dir>/<YYYYMM>/<id>.html`), GBK bytes, `<meta charset=gbk>`, HTTP `text/html` without\n"
        "a charset.\n\n"
        "Traps: list dates are year-less (`11-12`, the year is only on the detail page); titles cut at 22\n"
        "characters with `...` (full title in `title=`); the date precedes the link (`span.rt` floats\n"
        "right); the pager's 下一页 on the last page links to the page itself, 上一页 on page 1 too;\n"
        "the detail `h1` holds the title and, after a `<br />`, the date/来源/评论/点击 line; a 点击排行\n"
        "sidebar links to the 工作动态 column with dates (in `never_paths`).\n",
    )
    return w


def _pc_shell(title: str, main: str, hot: list[tuple[str, str, date]]) -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>{escape(title)} - 乌江区委巡察办</title><meta name="keywords" content="巡察,整改">
<link href="/statics/css/reset.css" rel="stylesheet" type="text/css" /><script type="text/javascript" src="/statics/js/jquery.min.js"></script></head>
<body><div class="header"><div class="logo"><img src="/statics/images/logo.png" /></div>
<div class="nav"><a href="/">首页</a><span>|</span><a href="/html/xcgz/gzdt/">工作动态</a><span>|</span><a href="/html/xcgz/zgqk/list-{PC_CAT}-1.html">整改情况</a><span>|</span><a href="/index.php?m=guestbook">留言</a></div></div>
<div class="main"><div class="col-left">{main}</div>
<div class="col-auto">{sidebar("点击排行", hot)}</div></div>
{footer(PC_NAME, "5203020002", "黔ICP备09001234号")}</body></html>
"""


# -- 4. ASP.NET table site, GB2312 ------------------------------------------------------------------

AS_HOST, AS_CLASS = "127.0.0.24", 37
AS_NAME = "临江市委巡察办"


def build_aspx() -> SiteWriter:
    w = SiteWriter("farm-x-aspx", AS_NAME, "generic", AS_HOST, encoding="gbk")
    w.robots()
    ctype = "text/html; charset=gb2312"
    c = Column(w, AS_NAME, "gbk", ctype)
    docs = series(24, 11, 3, date(2023, 12, 26), Inspection("市委"), "市水务局")
    rows = [(f"/News/Show.aspx?id={1400 + 3 * n}", d) for n, d in enumerate(docs)]
    pages = chunks(rows, 5)
    list_paths = [f"/News/List.aspx?ClassID={AS_CLASS}"] + [
        f"/News/List.aspx?ClassID={AS_CLASS}&page={n}" for n in range(2, len(pages) + 1)
    ]
    for i, (path, doc) in enumerate(rows):
        main = (
            f'<table width="100%" class="position"><tr><td>当前位置：<a href="/">首页</a> &gt;&gt; '
            f'<a href="{list_paths[0]}">巡察整改</a> &gt;&gt; 正文</td></tr></table>'
            f'<table width="100%" class="show"><tr><td class="title">{escape(doc.title)}</td></tr>'
            f'<tr><td class="info">发布时间：{doc.published.year}-{doc.published.month}-{doc.published.day}'
            f"<!--发布时间：2016-1-1--> 　作者：市委巡察办　来源：{escape(doc.source or '')}　"
            f'浏览：<span id="lblHits">{300 + i * 17}</span>次</td></tr>'
            f'<tr><td id="fontzoom">{body_html(doc, para("　　"))}</td></tr>'
            f"<tr><td>{toolbar()}</td></tr><tr><td>{prev_next(rows, i, lambda p: p)}</td></tr></table>"
        )
        c.detail(path, doc, _as_shell(doc.title, main))
    for n, chunk in enumerate(pages, 1):
        trs = "\n".join(
            f'<tr><td width="20"><img src="/images/dot.gif"></td><td class="tit"><a href="Show.aspx?id='
            f'{p.rsplit("=", 1)[1]}" target="_blank">{escape(short(d.title, 24))}</a></td>'
            f'<td width="90" align="right">{d.published.year}-{d.published.month}-{d.published.day}</td></tr>'
            for p, d in chunk
        )
        last = len(pages)

        def link(k: int, label: str, here: int = n) -> str:
            if k == here:
                return f'<font color="#999999">{label}</font>'
            q = f"?ClassID={AS_CLASS}" + (f"&amp;page={k}" if k > 1 else "")
            return f'<a href="List.aspx{q}">{label}</a>'

        options = "".join(
            f'<option value="{k}"{" selected" if k == n else ""}>第{k}页</option>'
            for k in range(1, last + 1)
        )
        pager = (
            f'<table width="100%"><tr><td align="center">共 {len(rows)} 条记录 页次：{n}/{last}页 每页5条 '
            f"{link(1, '首页')} {link(max(n - 1, 1), '上一页')} {link(min(n + 1, last), '下一页')} "
            f"{link(last, '尾页')} 转到：<select onchange=\"location='List.aspx?ClassID={AS_CLASS}&page='"
            f'+this.value">{options}</select></td></tr></table>'
        )
        main = (
            f'<table width="100%" class="position"><tr><td>当前位置：<a href="/">首页</a> &gt;&gt; 巡察整改'
            f'</td></tr></table><form name="form1" method="post" action="List.aspx?ClassID={AS_CLASS}" id="form1">'
            f'<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />'
            f'<table width="100%" class="list">\n{trs}\n</table>{pager}</form>'
        )
        c.page(list_paths[n - 1], _as_shell("巡察整改", main), date(2023, 12, 28))
    c.lists(list_paths)
    w.never_paths.append(f"/News/List.aspx?ClassID={AS_CLASS}&page={len(pages) + 1}")
    readme(
        w,
        "# farm-x-aspx: ASP.NET table layout, GB2312\n\n"
        "Template: an old ASP.NET news system: `List.aspx?ClassID=37&page=N` (page 1 has no `page`),\n"
        "details `Show.aspx?id=N` (the query is the identity), nested tables, a `__VIEWSTATE` form;\n"
        "GBK bytes served as `text/html; charset=gb2312`.\n\n"
        "Traps: list titles cut at 24 characters with `...` and no `title=` (the full title is only on\n"
        "the detail page); the date is in its own `td` as `2023-12-26` / `2023-9-5` (no zero padding);\n"
        "the current page of the pager is grey text, not a link, and a `<select>` jumps by script; the\n"
        "detail page's date line hides a stale date in a comment (`<!--发布时间：2016-1-1-->`); the\n"
        "title is a `td.title`, not a heading.\n",
    )
    return w


def _as_shell(title: str, main: str) -> str:
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{escape(title)}--{AS_NAME}</title><link href="/css/style.css" rel="stylesheet" type="text/css"></head>
<body topmargin="0"><table width="1000" align="center" cellpadding="0" cellspacing="0">
<tr><td><img src="/images/top.jpg" width="1000" height="130"></td></tr>
<tr><td class="menu"><a href="/">首页</a> | <a href="/News/List.aspx?ClassID=35">工作动态</a> | <a href="/News/List.aspx?ClassID={AS_CLASS}">巡察整改</a> | <a href="/News/List.aspx?ClassID=41">政策法规</a></td></tr>
<tr><td>{main}</td></tr>
<tr><td>{footer(AS_NAME, "4210810003", "鄂ICP备11002345号")}</td></tr></table></body></html>
"""


# -- 5. WordPress-like static skin with div.news-item cards ----------------------------------------

WP_HOST = "127.0.0.25"
WP_NAME = "中共青禾区纪律检查委员会"


def build_cards() -> SiteWriter:
    w = SiteWriter("farm-x-cards", "青禾区纪委监委", "generic", WP_HOST)
    w.robots("Disallow: /wp-admin/\n")
    c = Column(w, WP_NAME, "utf-8", HTML_UTF8)
    docs = series(25, 12, 4, date(2024, 12, 3), Inspection("区委"), "区教育体育局")
    sticky = series(125, 1, 0, date(2023, 2, 14), Inspection("区委"), "")[0]
    rows = [(f"/{d.published:%Y/%m/%d}/xczg-{7700 + n}/", d) for n, d in enumerate(docs)]
    sticky_row = ("/2023/02/14/xczg-7001/", sticky)
    pages = chunks(rows, 5)
    cat = "/category/xcgz/zgtb/"
    list_paths = [cat] + [f"{cat}page/{n}/" for n in range(2, len(pages) + 1)]
    hot = [
        c.outside("/2024/11/20/news-7698/", "区委召开巡察整改工作专题会议", date(2024, 11, 20)),
        c.outside(
            "/2024/10/08/news-7690/", "以巡察整改为契机 推动基层治理提质增效", date(2024, 10, 8)
        ),
    ]
    tag = c.outside("/tag/xczg/", "标签：巡察整改", date(2024, 12, 3))
    flat = [sticky_row, *rows]
    for i, (path, doc) in enumerate(flat):
        related = "".join(
            f'<li><a href="{p}">{escape(d.title)}</a> <time>{d.published:%Y-%m-%d}</time></li>'
            for p, d in flat[i + 1 : i + 3]
        )
        main = (
            f'<nav class="breadcrumb">当前位置：<a href="/">首页</a> » <a href="/category/xcgz/">巡察工作</a>'
            f' » <a href="{cat}">整改通报</a></nav><article class="post type-post">'
            f'<header class="entry-header"><h1 class="entry-title">{escape(doc.title)}</h1>'
            f'<div class="entry-meta"><time class="entry-date published" datetime="{doc.published:%Y-%m-%d}'
            f'T09:00:00+08:00">{doc.published.year}年{doc.published.month}月{doc.published.day}日</time>'
            f' <span class="byline">来源：{escape(doc.source or "")}</span></div></header>'
            f'<div class="entry-content">{body_html(doc, para())}</div>'
            f'<footer class="entry-footer"><a href="{tag[0]}" rel="tag">巡察整改</a></footer></article>'
            f"{toolbar()}{prev_next(flat, i, lambda p: p)}"
            f'<section class="related"><h3>相关阅读</h3><ul>{related}</ul></section>'
        )
        c.detail(path, doc, _wp_shell(doc.title, main, hot))

    def card(p: str, d: Doc, top: bool) -> str:
        when = f"{d.published.year}年{d.published.month}月{d.published.day}日"
        flag = '<span class="sticky-flag">置顶</span>' if top else ""
        return (
            f'<div class="news-item{" sticky" if top else ""}">{flag}<h3><a href="{p}">{escape(d.title)}</a></h3>'
            f'<div class="meta"><time datetime="{d.published:%Y-%m-%d}">{when}</time> · '
            f'<a href="{tag[0]}">巡察整改</a></div><p class="excerpt">{escape(d.paragraphs[0][:60])}…</p>'
            f'<a class="more" href="{p}">阅读全文 »</a></div>'
        )

    for n, chunk in enumerate(pages, 1):
        cards = ([card(*sticky_row, True)] if n == 1 else []) + [
            card(p, d, False) for p, d in chunk
        ]
        last = len(pages)
        nums = " ".join(
            f'<span aria-current="page" class="page-numbers current">{k}</span>'
            if k == n
            else f'<a class="page-numbers" href="{list_paths[k - 1]}">{k}</a>'
            for k in range(1, last + 1)
        )
        prev = (
            f'<a class="prev page-numbers" href="{list_paths[n - 2]}">« 上一页</a> '
            if n > 1
            else ""
        )
        nxt = (
            f' <a class="next page-numbers" href="{list_paths[n]}">下一页 »</a>' if n < last else ""
        )
        main = (
            f'<nav class="breadcrumb">当前位置：<a href="/">首页</a> » <a href="/category/xcgz/">巡察工作</a>'
            f' » 整改通报</nav><h1 class="page-title">分类：整改通报</h1><div class="news-list">'
            f'{"".join(cards)}</div><nav class="navigation pagination"><div class="nav-links">'
            f"{prev}{nums}{nxt}</div></nav>"
        )
        c.page(list_paths[n - 1], _wp_shell("整改通报", main, hot), date(2024, 12, 4))
    c.lists(list_paths)
    w.never_paths.append(f"{cat}page/{len(pages) + 1}/")
    readme(
        w,
        "# farm-x-cards: WordPress-like static skin with `div.news-item` cards\n\n"
        "Template: a WordPress-era theme exported to static files: `/category/xcgz/zgtb/`, then\n"
        "`page/2/`…; posts `/YYYY/MM/DD/xczg-<id>/`; cards `div.news-item > h3 > a` with\n"
        "`time[datetime]`, an excerpt and a 阅读全文 link.\n\n"
        "Traps: every card links its post twice (title and 阅读全文) and a tag page `/tag/xczg/`\n"
        "(in `never_paths`); the excerpt repeats the notice's first words; a sticky 置顶 card (a 2023\n"
        "notice) heads page 1 only; dates read `2024年12月3日`; the pager has no 下一页 on the last page\n"
        "and no 上一页 on the first; a 热点 sidebar of dated links to other posts (in `never_paths`);\n"
        "detail pages end with 相关阅读, dated links to the next notices of the column.\n",
    )
    return w


def _wp_shell(title: str, main: str, hot: list[tuple[str, str, date]]) -> str:
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} – 青禾区纪委监委</title><link rel="stylesheet" href="/wp-content/themes/qh/style.css">
<script src="/wp-includes/js/jquery/jquery.min.js"></script></head>
<body class="archive category"><div id="page" class="site"><a class="skip-link" href="#content">跳至内容</a>
<header class="site-header"><p class="site-title"><a href="/">青禾区纪委监委</a></p>
<nav class="main-navigation"><ul><li><a href="/">首页</a></li><li><a href="/category/gzdt/">工作动态</a></li><li><a href="/category/xcgz/">巡察工作</a></li><li><a href="/category/jdbg/">监督曝光</a></li></ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main">{main}</main>
<aside id="secondary" class="widget-area">{sidebar("热点", hot, "%Y-%m-%d")}</aside></div>
{footer(WP_NAME, "4403050004", "粤ICP备15012345号")}</div></body></html>
"""


# -- 6. 博达 VSB, newer skin with split dates and reverse page numbers -------------------------------

VS_HOST = "127.0.0.26"
VS_NAME = "中共安平市委巡察工作领导小组办公室"


def build_vsbrev() -> SiteWriter:
    w = SiteWriter("farm-x-vsbrev", "安平市委巡察办", "generic", VS_HOST)
    w.robots()
    c = Column(w, VS_NAME, "utf-8", "text/html")  # VSB: no charset in the header
    docs = series(26, 17, 5, date(2024, 7, 31), Inspection("市委"), "市发展和改革委员会")
    rows = [(f"/info/1131/{5220 - 4 * n}.htm", d) for n, d in enumerate(docs)]
    pages = chunks(rows, 8)
    last = len(pages)
    # page 1 is xczg.htm; page k>1 is xczg/<last-k+1>.htm (reverse numbering)
    list_paths = ["/xcgz/xczg.htm"] + [f"/xcgz/xczg/{last - k + 1}.htm" for k in range(2, last + 1)]
    hot = [
        c.outside(
            "/info/1099/5190.htm", "市委巡察整改落实情况督导检查工作部署会召开", date(2024, 7, 12)
        ),
        c.outside("/info/1099/5101.htm", "市委巡察办召开巡察整改成果运用座谈会", date(2024, 5, 28)),
    ]
    for i, (path, doc) in enumerate(rows):
        main = (
            f'<div class="dqwz">当前位置: <a href="../../index.htm">首页</a> &gt;&gt; '
            f'<a href="../../xcgz.htm">巡察工作</a> &gt;&gt; <a href="../../xcgz/xczg.htm">巡察整改</a>'
            ' &gt;&gt; 正文</div><form name="_newscontent_fromname"><div class="content-title">'
            f'<h1>{escape(doc.title)}</h1><div class="laiyuan">发布时间：{doc.published:%Y年%m月%d日} '
            f'&nbsp;来源：{escape(doc.source or "")}&nbsp;点击：<script>_showDynClicks("wbnews", '
            f"1698765432, {path.rsplit('/', 1)[1][:-4]})</script></div></div>"
            f'<div id="vsb_content"><div class="v_news_content">{body_html(doc, para())}</div></div>'
            f'<div id="div_vote_id"></div></form>{toolbar()}{prev_next(rows, i, _vsb_href)}'
        )
        c.detail(path, doc, _vs_shell(doc.title, main, hot, depth=2))
    for n, chunk in enumerate(pages, 1):
        up = "" if n == 1 else "../"
        lis = "\n".join(
            f'<li id="line_u8_{k}"><div class="date"><p>{d.published:%d}</p><span>{d.published:%Y-%m}</span>'
            f'</div><div class="txt"><a href="{up}../info/1131/{p.rsplit("/", 1)[1]}" target="_blank" '
            f'title="{escape(d.title)}">{escape(short(d.title, 30, "…"))}</a>'
            f"<p>{escape(d.paragraphs[0][:48])}…</p></div></li>"
            for k, (p, d) in enumerate(chunk)
        )

        def href(k: int, here: int = n) -> str:
            target = list_paths[k - 1]
            if here == 1:
                return target.removeprefix("/xcgz/")
            return "../xczg.htm" if k == 1 else target.rsplit("/", 1)[1]

        def span(cls: str, k: int, label: str, here: int = n) -> str:
            if k == here:
                return f'<span class="{cls}_d p_fun_d">{label}</span>'
            return f'<span class="{cls} p_fun"><a href="{href(k)}">{label}</a></span>'

        nums = "".join(
            f'<span class="p_no_d">{k}</span>'
            if k == n
            else f'<span class="p_no"><a href="{href(k)}">{k}</a></span>'
            for k in range(1, last + 1)
        )
        pager = (
            f'<div class="pb_sys_common pb_sys_normal pb_sys_style1"><span class="p_t">共{len(rows)}条</span>'
            f'<span class="p_pages">{span("p_first", 1, "首页")}{span("p_prev", max(n - 1, 1), "上页")}'
            f"{nums}{span('p_next', min(n + 1, last), '下页')}{span('p_last', last, '尾页')}</span></div>"
        )
        main = (
            f'<div class="dqwz">当前位置: <a href="{up}../index.htm">首页</a> &gt;&gt; '
            f'<a href="{up}../xcgz.htm">巡察工作</a> &gt;&gt; 巡察整改</div>'
            f'<div class="list"><ul>\n{lis}\n</ul></div>{pager}'
        )
        c.page(
            list_paths[n - 1],
            _vs_shell("巡察整改", main, hot, depth=1 if n == 1 else 2),
            date(2024, 8, 1),
        )
    c.lists(list_paths)
    w.never_paths.append(f"/xcgz/xczg/{last}.htm")
    readme(
        w,
        "# farm-x-vsbrev: 博达 VSB, a newer skin\n\n"
        "Template: VSB with `/xcgz/xczg.htm`, then reverse-numbered `xczg/2.htm`, `xczg/1.htm`\n"
        "(the last page is `1.htm`), details `/info/1131/<newsid>.htm`, `#vsb_content .v_news_content`.\n\n"
        "Traps: the pager spans (`p_first`, `p_prev`, `p_no`, `p_next`, `p_last`) turn into `_d` text on\n"
        "the current page; the date is split in two (`<p>31</p><span>2024-07</span>`) before the link;\n"
        "`@title` is the full title and the text is cut with `…`; each row carries a summary paragraph;\n"
        "the 点击排行 sidebar links `/info/1099/…htm` (same shape as the rows, another column; in\n"
        "`never_paths`); the detail date reads `2024年07月31日`. This skin is registered as `generic`.\n",
    )
    return w


def _vsb_href(path: str) -> str:
    return "../../info/1131/" + path.rsplit("/", 1)[1]


def _vs_shell(title: str, main: str, hot: list[tuple[str, str, date]], depth: int) -> str:
    up = "../" * depth
    links = [(f"{up}{p.lstrip('/')}", t, d) for p, t, d in hot]
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>{escape(title)}-安平市委巡察办</title>
<meta name="description" content="Visual SiteBuilder 9"><link rel="stylesheet" href="{up}dfiles/style.css">
<script language="javascript" src="/system/resource/js/dynclicks.js"></script></head>
<body><div class="top"><a href="javascript:;">无障碍</a></div>
<div class="nav"><ul><li><a href="{up}index.htm">首页</a></li><li><a href="{up}gzdt.htm">工作动态</a></li><li><a href="{up}xcgz.htm">巡察工作</a></li></ul></div>
<div class="main"><div class="left">{main}</div>
<div class="right">{sidebar("点击排行", links, "%Y-%m-%d")}</div></div>
{footer(VS_NAME, "1311820005", "冀ICP备13012345号")}</body></html>
"""


BUILDERS = [build_dhcms, build_nanwei, build_phpcms, build_aspx, build_cards, build_vsbrev]
