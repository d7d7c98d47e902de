"""Farm site B `farm-hanweb`: a Hanweb jpage column (datastore CDATA records, dataproxy.jsp paging)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from html import escape

from tests.farm.build import farm_trs
from tests.farm.build.content import (
    Doc,
    body_html,
    dev_notices,
    generated_notices,
    news_items,
)
from tests.farm.build.files import make_pdf
from tests.farm.build.writer import Attachment, SiteWriter

HOST = "127.0.0.12"
COLUMN_ID = "1536"
UNIT_ID = "8821"
COLUMN = f"/col/col{COLUMN_ID}/index.html"
PER_PAGE = 5
GROUP_SIZE = 3
SITE_NAME = "中共临河县委"
PROXY = "/module/web/jpage/dataproxy.jsp"
PROXY_QUERY = (
    f"appid=1&webid=7&path=/&columnid={COLUMN_ID}&unitid={UNIT_ID}"
    "&webname=%E4%B8%B4%E6%B2%B3&permissiontype=0"
)
OFFSITE = "http://127.0.0.11:{port}"


def _head(title: str, meta: str = "") -> str:
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{escape(title)} {SITE_NAME}</title>
{meta}<meta name="SiteName" content="{SITE_NAME}">
<meta name="SiteDomain" content="www.linhe.gov.cn">
<meta name="SiteIDCode" content="4312000020">
<link rel="stylesheet" href="/images/21/hanweb.css">
<script src="/module/jslib/jquery/jquery.js"></script>
</head>
<body>
<div class="top"><a href="javascript:void(0)">无障碍浏览</a> | <a href="javascript:void(0)">长者模式</a> | <a href="javascript:void(0)">繁體</a> | <a href="javascript:void(0)">登录</a> | <a href="javascript:void(0)">注册</a></div>
<div class="nav"><a href="/index.html">首页</a> <a href="/col/col1530/index.html">工作动态</a> <a href="/col/col1531/index.html">审查调查</a> <a href="/col/col1536/index.html">巡视巡察</a> <a href="/col/col1538/index.html">党纪法规</a> <a href="/col/col1539/index.html">廉政教育</a> <a href="/col/col1540/index.html">信访举报</a></div>
<form action="/jsearchfront/search.do" method="get"><input name="q"><input type="submit" value="搜索"></form>
"""


_FOOT = """<div class="footer">
<p><a href="/col/col1601/index.html">安全隐私</a> 丨 <a href="/col/col1602/index.html">版权保护</a> 丨 <a href="/col/col1603/index.html">联系我们</a> 丨 <a href="/col/col1604/index.html">网站地图</a></p>
<p>中共临河县委 版权所有</p>
<p>技术支持：临河县信息中心 备案号：湘ICP备05018911号 网站标识码：4312000020</p>
<p><a href="http://bszs.conac.cn/sitename?method=show&amp;id=4312000020"><img src="/images/21/red.png" alt="党政机关"></a></p>
<a href="http://www.hanweb.com" style="display:none">Produced By 大汉网络 大汉版通发布系统</a>
</div>
</body>
</html>
"""


def _record(path: str, title: str, shown_date: str, junk: bool = False) -> str:
    shown = title if len(title) <= 20 else title[:19] + "..."
    lead = "<li style=<br/>" if junk else "<li>"
    return (
        f"{lead}<a href='{path}' title='{escape(title)}' target=\"_blank\">{escape(shown)}</a>"
        f"<span>{shown_date}</span></li>"
    )


def _list_page(records: list[str], total: int) -> str:
    inline = "\n".join(f"<record><![CDATA[{r}]]></record>" for r in records)
    nextgroup = f'<a href="{PROXY}?page=1&{PROXY_QUERY}"></a>'
    return (
        _head("巡视巡察", '<meta name="ColumnName" content="巡视巡察">\n')
        + f"""<div class="main">
<div class="location">当前位置：<a href="/index.html">首页</a> &gt; <a href="{COLUMN}">巡视巡察</a> &gt; 整改通报</div>
<div class="list-right"><h2>整改通报</h2>
<ul class="main_list"></ul>
<div id="{UNIT_ID}"><script type="text/xml"><datastore>
<nextgroup><![CDATA[{nextgroup}]]></nextgroup>
<recordset>
{inline}
</recordset></datastore></script></div>
<script type="text/javascript" src="/module/web/jpage/jpage.js"></script>
<script>$(document).ready(function(){{$('#{UNIT_ID}').jpage({{dataStore:$('#{UNIT_ID} script[type="text/xml"]').html(), perPage:{PER_PAGE}, totalRecord:{total}, proxyUrl:'{PROXY}', groupSize:{GROUP_SIZE}, barPosition:'bottom', pageInfo:'共{{totalRecord}}条'}});}});</script>
<noscript><a href="{COLUMN}?uid={UNIT_ID}&pageNum=2">下一页</a></noscript>
</div></div>
"""
        + _FOOT
    )


def _detail(doc: Doc, artid: int, attachments: list[Attachment]) -> str:
    pub = f"{doc.published.isoformat()} {doc.time}"
    meta = (
        f'<meta name="Maketime" content="{pub}:00">\n'
        '<meta name="ColumnName" content="整改通报">\n<meta name="ColumnType" content="整改通报">\n'
        f'<meta name="ArticleTitle" content="{escape(doc.title)}">\n'
        f'<meta name="PubDate" content="{pub}">\n'
        f'<meta name="author" content="{escape(doc.author or "")}">\n'
        f'<meta name="contentSource" content="{escape(doc.source or "")}">\n'
        f'<meta name="url" content="/art/{doc.published.year}/{doc.published.month}/'
        f'{doc.published.day}/art_{COLUMN_ID}_{artid}.html">\n'
        f'<meta name="guid" content="{hashlib.md5(str(artid).encode()).hexdigest()}">\n'
    )
    paras = body_html(doc, lambda p: f'<p style="text-indent:2em;">{escape(p)}</p>')
    atts = "".join(
        f'<p>附件：<a href="{escape(a.url)}"><img src="/module/jslib/icons/pdf.png"/>{escape(a.name)}</a></p>'
        for a in attachments
    )
    return (
        _head(doc.title, meta)
        + f"""<div id="hiddenLocation" style="display:none"><span id="ss_webid">7</span><span id="col3_name">巡视巡察</span><span id="col3_url">{COLUMN}</span></div>
<div class="main">
<div class="location">当前位置：<a href="/index.html">首页</a> &gt; <a href="{COLUMN}">巡视巡察</a> &gt; 整改通报</div>
<div class="article">
<h1>{escape(doc.title)}</h1>
<div class="info">发布日期：{doc.published.isoformat()}  浏览次数：<script src="/module/visitcount/visit.jsp?type=3&i_webid=7&i_columnid={COLUMN_ID}&i_articleid={artid}"></script>  信息来源：<!--<$[信息来源]>begin-->{escape(doc.source or "")}<!--<$[信息来源]>end--></div>
<div class="main-txt" id="zoom"><!--<$[信息内容]>begin--><!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{paras}
{atts}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end--><!--<$[信息内容]>end--></div>
<!--下载，打印，关闭 start-->
<div class="tools"><div class="bdsharebuttonbox"><a class="bds_qzone" title="分享到QQ好友"></a><a class="bds_tsina" title="分享到新浪微博"></a><a class="bds_weixin" title="分享到微信"></a></div>
<a href="javascript:window.print()">打印</a> <a href="javascript:window.close()">关闭</a></div>
<!--下载，打印，关闭 end-->
</div></div>
"""
        + _FOOT
    )


def build() -> SiteWriter:
    w = SiteWriter("farm-hanweb", SITE_NAME, "hanweb", HOST)
    w.robots("Disallow: /jsearchfront/\n")
    notices = [dev_notices()["003"], *generated_notices(21, 8, date(2022, 12, 2))]
    docs: list[Doc] = notices + news_items(22, 17, date(2022, 11, 7), "城关镇党委")
    docs.sort(key=lambda d: d.published, reverse=True)
    records: list[str] = []
    first_a = farm_trs.build().notices[0]
    offsite = (first_a["path"], first_a["title"], first_a["published"])
    attach_left = 2
    for i, doc in enumerate(docs):
        if i == 17:  # one record of the second group links to a notice of site A
            path_a, title_a, date_a = offsite
            records.append(_record(OFFSITE + path_a, title_a, date_a))
            w.external.append(OFFSITE + path_a)
        artid = 48211 - i * 13
        d = doc.published
        path = f"/art/{d.year}/{d.month}/{d.day}/art_{COLUMN_ID}_{artid}.html"
        attachments = []
        if doc.is_notice and doc.problems and attach_left and doc.publisher != "XX旗红十字会":
            attach_left -= 1
            hexname = hashlib.md5(path.encode()).hexdigest()
            attachments.append(
                Attachment(
                    url=f"/module/download/downfile.jsp?classid=0&filename={hexname}.pdf",
                    name=f"{doc.inspected_unit}巡察整改台账.pdf",
                    ext="pdf",
                    body=make_pdf([f"{doc.inspected_unit}巡察整改台账", *doc.paragraphs[:5]]),
                    disposition=f'attachment; filename="{hexname}.pdf"',
                    text_snippet=f"{doc.inspected_unit}巡察整改台账",
                )
            )
        if doc.source is None:
            doc.source = SITE_NAME
        for att in attachments:
            w.attachment(att)
        w.add(path, _detail(doc, artid, attachments).encode(), modified=d)
        shown_date = d.strftime("%Y/%m/%d") if i == 4 else d.isoformat()
        records.append(_record(path, doc.title, shown_date, junk=i == 2))
        if doc.is_notice:
            w.notice(path, doc, attachments=attachments)
        else:
            w.non_notice(path, doc.title, doc.reason)
    group = PER_PAGE * GROUP_SIZE
    w.add(COLUMN, _list_page(records[:group], len(records)).encode(), modified=date(2023, 9, 1))
    w.extra_files["_records.json"] = json.dumps(
        {"records": records, "column": COLUMN_ID, "per_page": PER_PAGE, "group_size": GROUP_SIZE},
        ensure_ascii=False,
        indent=1,
    ).encode()
    w.start_paths.append(COLUMN)
    w.list_paths += [COLUMN, f"{PROXY}?page=2&{PROXY_QUERY}"]
    w.never_paths.append(f"{PROXY}?page=4&{PROXY_QUERY}")
    return w
