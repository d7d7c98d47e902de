"""DedeCMS-era page templates: table layout, `list_<type>_<n>.html` lists, GB2312-declared pages."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from tests.farm.build.content import Doc
from tests.farm.build.content import body_html as render_body


@dataclass(frozen=True, slots=True)
class DedeSkin:
    site_name: str
    address: str
    phone: str
    type_id: int  # list_<type_id>_<n>.html
    column: str
    icp: str
    root: str = ""


def meta_tag(charset: str | None) -> str:
    if charset is None:
        return ""
    if charset == "gbk-short":
        return "<meta charset=gbk>\n"
    return f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'


def _head(skin: DedeSkin, title: str, charset: str | None) -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html>
<head>
{meta_tag(charset)}<title>{escape(title)}_{escape(skin.site_name)}</title>
<link href="{skin.root}/templets/default/style/dedecms.css" rel="stylesheet" media="screen" type="text/css">
<script language="javascript" type="text/javascript" src="{skin.root}/include/dedeajax2.js"></script>
</head>
<body>
<table width="980" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="{skin.root}/templets/default/images/banner.jpg" width="980" height="120"></td></tr>
<tr><td class="nav"><a href="{skin.root}/">网站首页</a> | <a href="{skin.root}/news/list_1_1.html">红会动态</a> | <a href="{skin.root}/news/list_{skin.type_id}_1.html">{escape(skin.column)}</a> | <a href="{skin.root}/news/list_9_1.html">党建工作</a> | <a href="{skin.root}/news/list_11_1.html">捐赠信息</a> | <a href="{skin.root}/plus/guestbook.php">在线留言</a></td></tr></table>
"""


def _foot(skin: DedeSkin) -> str:
    return f"""<div class="footer">版权所有：{escape(skin.site_name)}　地址：{escape(skin.address)}　电话：{skin.phone}　{skin.icp}　技术支持：清江恒达网络<br>
您是本站第 <b>0</b><b>3</b><b>7</b><b>8</b><b>1</b><b>2</b> 位访问者　|　建议使用 IE8 1024×768 浏览</div>
</body>
</html>
"""


def list_page(
    skin: DedeSkin,
    rows: list[tuple[str, str, str]],
    page: int,
    pages: int,
    total: int,
    charset: str | None = "gb2312",
) -> str:
    """rows: (href, title, ISO date); `page` is 1-based."""
    trs = "\n".join(
        f'<tr><td class="title">·<a href="{escape(h)}" target="_blank">{escape(t)}</a></td>'
        f'<td class="date" width="90">{d}</td></tr>'
        for h, t, d in rows
    )

    def link(n: int, label: str) -> str:
        return f'<a href="list_{skin.type_id}_{n}.html">{label}</a>'

    parts = [f"共{pages}页/{total}条记录", link(1, "首页")]
    if page > 1:
        parts.append(link(page - 1, "上一页"))
    parts += [f"<b>{n}</b>" if n == page else link(n, str(n)) for n in range(1, pages + 1)]
    if page < pages:
        parts.append(link(page + 1, "下一页"))
    parts.append(link(pages, "末页"))
    return (
        _head(skin, skin.column, charset)
        + f"""<table width="980" align="center"><tr><td class="position">当前位置：<a href="{skin.root}/">首页</a> &gt; {escape(skin.column)}</td></tr>
<tr><td><table class="list" width="100%">
{trs}
</table></td></tr>
<tr><td><div class="pages">{" ".join(parts)}</div></td></tr></table>
"""
        + _foot(skin)
    )


def detail_page(
    skin: DedeSkin,
    doc: Doc,
    aid: int,
    charset: str | None = "gb2312",
    attachments: tuple[tuple[str, str], ...] = (),
    body_html: str | None = None,
    prev_next: tuple[str, str] = ("", ""),
) -> str:
    if body_html is None:
        body_html = render_body(doc, lambda p: f"<p>　　{escape(p)}</p>")
    atts = "".join(
        f'<p>附件：<a href="{escape(h)}" target="_blank">{escape(n)}</a></p>'
        for h, n in attachments
    )
    info = f"时间:{doc.published.isoformat()} 作者:{escape(doc.author or '')} 来源:{escape(doc.source or '')}"
    return (
        _head(skin, doc.title, charset)
        + f"""<table width="980" align="center"><tr><td class="position">当前位置：<a href="{skin.root}/">首页</a> &gt; <a href="../../list_{skin.type_id}_1.html">{escape(skin.column)}</a> &gt; 正文</td></tr>
<tr><td class="title" align="center"><h2>{escape(doc.title)}</h2></td></tr>
<tr><td class="info" align="center">{info} 点击:<script src="{skin.root}/plus/count.php?aid={aid}&mid=1"></script> 文字大小:[<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>]</td></tr>
<tr><td><font id="zoom">
{body_html}
{atts}
</font></td></tr>
<tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
<tr><td class="context">上一篇：{escape(prev_next[0]) or "没有了"}<br>下一篇：{escape(prev_next[1]) or "没有了"}</td></tr>
</table>
"""
        + _foot(skin)
    )
