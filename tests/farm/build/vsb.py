"""博达 VSB page templates: reverse-numbered list pages, `info/<tree>/<id>.htm` details."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from tests.farm.build.content import Doc, body_html


@dataclass(frozen=True, slots=True)
class VsbSkin:
    site_name: str
    org: str  # 主办单位
    address: str
    owner: str  # VSB customer number used in counters and download URLs
    tree: str  # wbtreeid of the column
    column: str
    parent_column: str
    icp: str
    site_code: str
    root: str = ""
    jw: bool = True


def _head(skin: VsbSkin, title: str, meta: str = "") -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>{escape(title)}-{escape(skin.site_name)}</title>
{meta}<meta name="description" content="{escape(skin.site_name)}" />

<!--Announced by Visual SiteBuilder 9-->
<link rel="stylesheet" type="text/css" href="{skin.root}/_sitegray/_sitegray_d.css" />
<script language="javascript" src="{skin.root}/_sitegray/_sitegray.js"></script>
<!-- CustomerNO:77656262657232307e7846525350544303090000 -->
<link rel="stylesheet" type="text/css" href="{skin.root}/style.css" />
<script type="text/javascript" src="{skin.root}/system/resource/js/counter.js"></script>
<script type="text/javascript">_jsq_({skin.tree},'/list.jsp',-1,{skin.owner})</script>
</head>
<body>
<div class="top"><div class="logo"><img src="{skin.root}/images/logo.png" /></div>
<div class="topr"><a href="javascript:void(0)">无障碍</a> | <a href="javascript:void(0)">长者模式</a> | <a href="javascript:void(0)">繁體</a></div></div>
<div class="nav"><ul><li><a href="{skin.root}/index.htm">首页</a></li><li><a href="{skin.root}/gzdt.htm">工作动态</a></li>
<li><a href="{skin.root}/xxgk.htm">信息公开</a></li><li><a href="{skin.root}/xsxc.htm">巡视巡察</a></li>
<li><a href="{skin.root}/lzjy.htm">廉政教育</a></li><li><a href="{skin.root}/xfjb.htm">信访举报</a></li></ul></div>
"""


def _foot(skin: VsbSkin) -> str:
    banner = ""
    if skin.jw:
        banner = (
            '<div class="jb">中央纪委国家监委举报网站 www.12388.gov.cn　信访举报电话：12388</div>\n'
        )
    return f"""{banner}<div class="foot">
<p>主办单位：{escape(skin.org)}　版权所有　{skin.icp}　网站标识码：{skin.site_code}</p>
<p>地址：{escape(skin.address)}</p>
<p>您是第 <span id="visits"><script>_showDynClickBatch([],[],"visitor",{skin.owner})</script>001234</span> 位访问者　技术支持：博达软件</p>
</div>
</body>
</html>
"""


def list_page(
    skin: VsbSkin,
    rows: list[tuple[str, str, str, bool]],
    page: int,
    pages: int,
    total: int,
    page_href: dict[int, str],
    depth_prefix: str,
) -> str:
    """A VSB column page. rows: (href, title, date, sticky); `page` is 1-based; `page_href` maps
    page numbers to hrefs relative to this page."""
    items = []
    for i, (href, title, day, sticky) in enumerate(rows):
        zd = '<span class="zd">[置顶]</span>' if sticky else ""
        items.append(
            f'<li id="line_u5_{i}"><a href="{escape(href)}" title="{escape(skin.site_name)}">'
            f"<p>{zd}{escape(title)}</p><span>{day}</span></a></li>"
        )

    def control(cls: str, label: str, target: int | None) -> str:
        if target is None:
            return f'<span class="{cls}_d p_fun_d">{label}</span>'
        return f'<span class="{cls} p_fun"><a href="{page_href[target]}">{label}</a></span>'

    numbers = "".join(
        f'<span class="p_no_d">{n}</span>'
        if n == page
        else f'<span class="p_no"><a href="{page_href[n]}">{n}</a></span>'
        for n in range(1, pages + 1)
    )
    pager = (
        f'<div class="pagebar"><span class="p_pages">'
        f'<span class="p_t">共{total}条</span> <span class="p_t">{page}/{pages}</span>'
        + control("p_first", "首页", 1 if page > 1 else None)
        + control("p_prev", "上页", page - 1 if page > 1 else None)
        + numbers
        + control("p_next", "下页", page + 1 if page < pages else None)
        + control("p_last", "尾页", pages if page < pages else None)
        + "</span></div>"
    )
    ids = ",".join(f"'dynclicks_u5_{i}'" for i in range(len(rows)))
    return (
        _head(skin, skin.column)
        + f"""<div class="main">
<div class="location">当前位置：<a href="{depth_prefix}index.htm">首页</a> &gt; <a href="{depth_prefix}xsxc.htm">{escape(skin.parent_column)}</a> &gt; {escape(skin.column)}</div>
<div class="list"><h2>{escape(skin.column)}</h2>
<ul class="news-list">
{chr(10).join(items)}
</ul>
{pager}
<script>_showDynClickBatch([{ids}],[],"wbnews", {skin.owner})</script>
</div></div>
"""
        + _foot(skin)
    )


@dataclass(frozen=True, slots=True)
class VsbDetail:
    newsid: int
    body_html: str | None = None  # overrides the paragraphs (attachment-only, redirect stub)
    attachments: tuple[tuple[str, str, str], ...] = ()  # (href, name, wbfileid)
    redirect_js: bool = False
    prev_next: tuple[str, str] = ("", "")


def detail_page(skin: VsbSkin, doc: Doc, opt: VsbDetail) -> str:
    meta = (
        f'<meta name="ArticleTitle" content="{escape(doc.title)}" />\n'
        f'<meta name="PubDate" content="{doc.published.isoformat()} {doc.time}" />\n'
        f'<meta name="ContentSource" content="{escape(doc.source or "")}" />\n'
    )
    if opt.body_html is not None:
        body = opt.body_html
    else:
        body = body_html(
            doc,
            lambda p: (
                '<p class="MsoNormal" style="text-indent:2em"><span style="font-family:'
                f'仿宋_GB2312;font-size:16pt">{escape(p)}</span></p>'
            ),
        )
    redirect = ""
    if opt.redirect_js:
        redirect = (
            f"<script>NewsvoteDWR.getNewsLinkUrl({opt.newsid},'{skin.owner}','vsb',newsSkip);"
            'function newsSkip(data){if(data != ""){window.location.href = data;}}</script>\n'
        )
    atts = ""
    if opt.attachments:
        lis = "".join(
            f'<li>附件【<a href="{escape(h)}" target="_blank">{escape(n)}</a>】已下载'
            f'<span id="nattach{fid}"><script language="javascript">getClickTimes({fid},'
            f'{skin.owner},"wbnewsfile","attach")</script></span>次</li>'
            for h, n, fid in opt.attachments
        )
        atts = f"<ul>{lis}</ul>\n"
    return (
        _head(skin, doc.title, meta)
        + f"""<div class="main">
<div class="location">当前位置：<a href="../../index.htm">首页</a> &gt; <a href="../../xsxc.htm">{escape(skin.parent_column)}</a> &gt; {escape(skin.column)} &gt; 正文</div>
<!--#begineditable name="文章内容" action="" layout="" tpltype="" contype="news" clone="" viewid="" contentviewid="" tagname="文章内容"-->
<script language="javascript" src="{skin.root}/system/resource/js/dynclicks.js"></script>
<form name="_newscontent_fromname">
<div class="content">
<h1>{escape(doc.title)}</h1>
<div class="info">发布时间：{doc.published.isoformat()}&nbsp;&nbsp;作者：{escape(doc.author or "")}&nbsp;&nbsp;来源：{escape(doc.source or "")}&nbsp;&nbsp;浏览次数：<script>_showDynClicks("wbnews", {skin.owner}, {opt.newsid})</script></div>
{redirect}<div id="vsb_content"><div class="v_news_content">
{body}
</div></div>
{atts}</div>
<div class="prev-next"><p>上一条：{escape(opt.prev_next[0]) or "无"}</p><p>下一条：{escape(opt.prev_next[1]) or "无"}</p></div>
<div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】<span class="share">分享到：</span></div>
</form>
<!--#endeditable-->
</div>
"""
        + _foot(skin)
    )
