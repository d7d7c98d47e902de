"""TRS WCM page templates: `index_N.html` lists paged by `createPageHTML(...)`, `tYYYYMMDD_N.html` details."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from tests.farm.build.content import Doc, body_html


@dataclass(frozen=True, slots=True)
class TrsSkin:
    site_name: str  # 青垭市纪委监委
    org: str  # 主办 line
    site_code: str  # 网站标识码
    icp: str
    gongan: str
    column: str  # 整改通报
    parent_column: str  # 巡视巡察
    root: str = ""  # path prefix of the site ('' or '/hnjw')
    jw: bool = True  # a 纪委 site: 12388 banner


def _head(skin: TrsSkin, title: str, extra_meta: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{escape(title)}_{escape(skin.site_name)}</title>
<meta name="SiteName" content="{escape(skin.site_name)}">
<meta name="SiteDomain" content="www.example.gov.cn">
<meta name="SiteIDCode" content="{skin.site_code}">
{extra_meta}<link rel="stylesheet" href="{skin.root}/images/common.css">
<script src="{skin.root}/images/jquery.min.js"></script>
</head>
<body>
<div class="top-bar"><div class="w1200"><span>欢迎访问{escape(skin.site_name)}</span>
<span class="top-links"><a href="javascript:void(0)" id="wza">无障碍浏览</a> | <a href="javascript:void(0)">长者模式</a> | <a href="javascript:void(0)" id="fanti">繁體</a> | <a href="{skin.root}/index.html">手机版</a></span></div></div>
<div class="header"><a href="{skin.root}/index.html"><img src="{skin.root}/images/logo.png" alt="{escape(skin.site_name)}"></a>
<form class="search" action="{skin.root}/search/" method="get"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></div>
<div class="nav"><ul>
<li><a href="{skin.root}/index.html">首页</a></li><li><a href="{skin.root}/gzdt/index.html">工作动态</a></li>
<li><a href="{skin.root}/scdc/index.html">审查调查</a></li><li><a href="{skin.root}/xsxc/index.html">巡视巡察</a></li>
<li><a href="{skin.root}/djfg/index.html">党纪法规</a></li><li><a href="{skin.root}/lzjy/index.html">廉政教育</a></li>
<li><a href="{skin.root}/xfjb/index.html">信访举报</a></li></ul></div>
"""


def _foot(skin: TrsSkin) -> str:
    banner = ""
    if skin.jw:
        banner = (
            '<div class="jb12388"><a href="http://www.12388.gov.cn" target="_blank">'
            '<img src="' + skin.root + '/images/12388.png" alt="中央纪委国家监委举报网站">'
            "中央纪委国家监委举报网站 www.12388.gov.cn</a>  信访举报电话：12388</div>\n"
        )
    return f"""{banner}<div class="footer"><div class="w1200">
<p><a href="{skin.root}/wzdt/index.html">网站地图</a> | <a href="{skin.root}/lxwm/index.html">联系我们</a></p>
<p>主办：{escape(skin.org)}　© 版权所有　{skin.icp}　{skin.gongan}　网站标识码：{skin.site_code}</p>
<p>承办：{escape(skin.site_name)}办公室　技术支持：拓尔思信息技术股份有限公司</p>
<p><a href="http://bszs.conac.cn/sitename?method=show&amp;id=0A1B2C" target="_blank"><img src="{skin.root}/images/dzjg.png" alt="党政机关"></a>
<script id="_jiucuo_" sitecode="{skin.site_code}" src="{skin.root}/exposure/jiucuo.js"></script></p>
</div></div>
<script id="_trs_ta_js" src="{skin.root}/c/js/ta.js" async defer></script>
</body>
</html>
"""


def list_page(
    skin: TrsSkin,
    column_path: str,
    rows: list[tuple[str, str, str]],
    page: int,
    pages: int,
) -> str:
    """A TRS column page. rows: (relative href, full title, ISO date). `page` is 0-based."""
    items = []
    for href, title, day in rows:
        shown = title if len(title) <= 22 else title[:21] + "…"
        items.append(
            f'<li><a href="{escape(href)}" target="_blank" title="{escape(title)}">'
            f"{escape(shown)}</a><span>{day}</span></li>"
        )
    body = "\n".join(items)
    return (
        _head(skin, skin.column, f'<meta name="ColumnName" content="{escape(skin.column)}">\n')
        + f"""<div class="main w1200">
<div class="location">当前位置：<a href="{skin.root}/index.html">首页</a> &gt; <a href="{skin.root}/xsxc/index.html">{escape(skin.parent_column)}</a> &gt; <a href="{column_path}">{escape(skin.column)}</a></div>
<div class="left-menu"><h3>{escape(skin.parent_column)}</h3><ul><li class="on"><a href="{column_path}">{escape(skin.column)}</a></li><li><a href="{skin.root}/xsxc/xcgg/index.html">巡察公告</a></li></ul></div>
<div class="list-box"><div class="list-title">{escape(skin.column)}</div><ul class="list">
{body}
</ul>
<div class="page"><script>
var currentPage = {page};//所在页从0开始
var countPage = {pages}//共多少页
createPageHTML(countPage, currentPage, "index", "html");
</script></div></div>
</div>
<script src="{skin.root}/images/page.js"></script>
"""
        + _foot(skin)
    )


@dataclass(frozen=True, slots=True)
class DetailOptions:
    url_name: str  # t20230619_1700895.html
    laiyuan: str | None  # source written by script; '' makes the script print the site name
    script_attachments: tuple[tuple[str, str], ...] = ()  # (href, name) only inside a script
    inline_attachments: tuple[tuple[str, str], ...] = ()
    attachment_names_without_links: tuple[str, ...] = ()
    image: str | None = None  # W0….jpg next to the page
    prev_next: tuple[str, str] = ("", "")


def detail_page(skin: TrsSkin, doc: Doc, opt: DetailOptions) -> str:
    pub = f"{doc.published.isoformat()} {doc.time}"
    source = doc.source or ""
    meta = (
        f'<meta name="ColumnName" content="{escape(skin.column)}">\n'
        f'<meta name="ArticleTitle" content="{escape(doc.title)}">\n'
        f'<meta name="PubDate" content="{pub}">\n'
        f'<meta name="ContentSource" content="{escape(source)}">\n'
        f'<meta name="Author" content="{escape(doc.author or "")}">\n'
        f'<meta name="Url" content="./{opt.url_name}">\n'
    )
    if opt.laiyuan is None:
        source_html = escape(source)
    else:
        source_html = (
            f'<script>var laiyuan = "{escape(opt.laiyuan)}"; '
            f'document.write(laiyuan == "" ? "{escape(skin.site_name)}" : laiyuan);</script>'
        )
    paras = body_html(doc, lambda p: f'<p style="text-indent:2em">{escape(p)}</p>')
    image = ""
    if opt.image:
        image = f'<p style="text-align:center"><img src="./{opt.image}" oldsrc="{opt.image}"></p>\n'
    inline = ""
    if opt.inline_attachments:
        links = "".join(
            f'<a href="{escape(h)}">{escape(n)}</a><br/>' for h, n in opt.inline_attachments
        )
        inline = f"<p>附件：{links}</p>\n"
    if opt.attachment_names_without_links:
        names = " ".join(f"{i}．{n}" for i, n in enumerate(opt.attachment_names_without_links, 1))
        inline += f'<p style="text-indent:2em">附件：{escape(names)}</p>\n'
    script_att = ""
    if opt.script_attachments:
        att = "".join(f'<a href="{h}">{n}</a>' for h, n in opt.script_attachments)
        script_att = (
            f"<script>var att = '{att}';\n"
            "if (att.length>0){document.write('附件：<br/><p>'+att+'</p>');}</script>\n"
        )
    prev, nxt = opt.prev_next
    return (
        _head(skin, doc.title, meta)
        + f"""<div class="main w1200">
<div class="location">当前位置：<a href="{skin.root}/index.html">首页</a> &gt; <a href="{skin.root}/xsxc/index.html">{escape(skin.parent_column)}</a> &gt; <a href="../index.html">{escape(skin.column)}</a></div>
<div class="article">
<h1 class="article-title">{escape(doc.title)}</h1>
<div class="article-infos">
<span alt="时间：2019-11-08 20:26"><i>时间：</i>{pub}</span>
<span alt="来源：市纪委监委"><i>来源：</i>{source_html}</span>
<span class="article-zoom">【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</span>
<span class="read">浏览次数：<span id="readcount"></span><script>$.get("/interFace/getDocReadCount.do?url=" + location.pathname, function(n){{$("#readcount").text(n);}});</script></span>
<span id="myPrint"><a href="javascript:window.print()">【打印】</a></span>
</div>
<div class="article-body"><div class="TRS_Editor">
{image}{paras}
{inline}</div></div>
{script_att}<div class="article-tools"><span>分享到：</span><a class="share-wx" href="javascript:void(0)">微信</a><a class="share-wb" href="javascript:void(0)">微博</a>
<div class="qrcode"><img src="{skin.root}/images/qrcode.png">扫一扫在手机打开当前页</div>
<a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="prev-next"><p>上一篇：{escape(prev) or "没有了"}</p><p>下一篇：{escape(nxt) or "没有了"}</p></div>
</div>
</div>
"""
        + _foot(skin)
    )
