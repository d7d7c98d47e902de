"""Farm site H `farm-ccdi`: a ccdi.gov.cn-style column behind a passable JS cookie challenge.

Without cookies every page is a 200 script that sets two cookies and reloads; with them the real
TRS-style pages come back. The default crawler policy is to detect and report (`js_challenge`);
an opt-in adapter that copies the cookies out of the script passes."""

from __future__ import annotations

import json
from datetime import date
from html import escape

from tests.farm.build.content import Doc, body_html, generated_notices, news_items
from tests.farm.build.writer import SiteWriter

HOST = "127.0.0.18"
SITE_NAME = "中央纪委国家监委网站（仿）"
COLUMN = "/xsxcn/"
PER_PAGE = 6
COOKIES = {"HOY_TR": "abcdef0123,1f2e,3a4b", "HBB_HC": "9c8d7e"}
CHALLENGE = (
    "<script>"
    + "".join(f'document.cookie="{k}={v}; max-age=3600; path=/";' for k, v in COOKIES.items())
    + "location.reload();</script>"
)


def _page(title: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(title)}_{SITE_NAME}</title>
<link rel="stylesheet" href="/images/ccdi.css"></head>
<body><div class="header"><a href="/"><img src="/images/logo.png" alt="中央纪委国家监委网站"></a>
<div class="nav"><a href="/">首页</a> <a href="/yaowenn/">要闻</a> <a href="/scdcn/">审查调查</a> <a href="{COLUMN}">巡视巡察</a> <a href="/djfg/">党纪法规</a></div></div>
{body}
<div class="footer"><p>主办：中央纪委国家监委网站（仿）　版权所有　京ICP备10000000号　网站标识码：bm99000001</p>
<p>举报网站：www.12388.gov.cn　信访举报电话：12388</p></div>
</body></html>
"""


def _list(rows: list[tuple[str, str, str]], page: int, pages: int) -> str:
    items = "\n".join(
        f'<li><a href="{href}" target="_blank">{escape(t)}</a><span class="more">{d}</span></li>'
        for href, t, d in rows
    )
    body = f"""<div class="other_Location">当前位置：<a href="/">首页</a> &gt; <a href="{COLUMN}">巡视巡察</a></div>
<div class="list_news"><ul class="list_news_dl2">
{items}
</ul>
<div class="page"><script>createPageHTML({pages}, {page}, "index", "html");</script></div></div>"""
    return _page("巡视巡察", body)


def _detail(doc: Doc) -> str:
    paras = body_html(doc, lambda p: f"<p>{escape(p)}</p>")
    body = f"""<div class="other_Location">当前位置：<a href="/">首页</a> &gt; <a href="{COLUMN}">巡视巡察</a> &gt; 正文</div>
<div class="article"><h2 class="tit">{escape(doc.title)}</h2>
<div class="daty"><div class="daty_con">来源：{escape(doc.source or "")}　发布时间：{doc.published.isoformat()} {doc.time}<span class="fx">分享</span></div></div>
<div class="content"><div class="TRS_Editor">
{paras}
</div></div>
<div class="tools"><a href="javascript:window.print()">【打印】</a><a href="javascript:window.close()">【关闭窗口】</a>
<div class="ewm"><img src="/images/ewm.png">扫一扫在手机打开当前页</div></div></div>"""
    return _page(doc.title, body)


def build() -> SiteWriter:
    w = SiteWriter("farm-ccdi", SITE_NAME, "trs", HOST)
    w.robots()
    notices = generated_notices(81, 6, date(2023, 2, 3))
    docs: list[Doc] = [*notices, *news_items(82, 6, date(2023, 2, 9), "县委巡察办")]
    docs.sort(key=lambda d: d.published, reverse=True)
    rows = []
    for i, doc in enumerate(docs):
        name = f"t{doc.published:%Y%m%d}_{5001 + i}.html"
        path = f"{COLUMN}{doc.published:%Y%m}/{name}"
        doc.source = doc.source or SITE_NAME
        w.add(path, _detail(doc).encode(), modified=doc.published)
        rows.append((f"./{doc.published:%Y%m}/{name}", doc.title, doc.published.isoformat()))
        if doc.is_notice:
            w.notice(path, doc)
        else:
            w.non_notice(path, doc.title, doc.reason)
    pages = -(-len(rows) // PER_PAGE)
    for page in range(pages):
        name = COLUMN + ("index.html" if page == 0 else f"index_{page}.html")
        chunk = rows[page * PER_PAGE : (page + 1) * PER_PAGE]
        w.add(name, _list(chunk, page, pages).encode(), modified=date(2023, 7, 1))
        w.list_paths.append(name)
    w.alias(COLUMN, COLUMN + "index.html")
    w.start_paths.append(COLUMN)
    w.never_paths.append(f"{COLUMN}index_{pages}.html")
    w.block(COLUMN, 200, "js_challenge")  # what a crawler without the cookie adapter must report
    w.js_cookies = dict(COOKIES)
    w.extra_files["_challenge.html"] = CHALLENGE.encode()
    w.extra_files["_challenge.json"] = json.dumps(
        {"cookies": COOKIES, "body_file": "_challenge.html"}, indent=1
    ).encode()
    return w
