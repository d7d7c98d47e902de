"""Farm site E `farm-api`: lists only reachable through JSON/POST APIs (form body and JSON body)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from html import escape
from typing import Any

from tests.farm.build.content import Doc, body_html, generated_notices, news_items
from tests.farm.build.writer import SiteWriter

HOST = "127.0.0.15"
SITE_NAME = "沙洲市委巡察办"
FORM_API = "/api/content/list"
JSON_API = "/api/v2/list"
PAGE_SIZE = 5
SHANGHAI = timezone(timedelta(hours=8))


def _shell(title: str, script: str) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}_{SITE_NAME}</title>
<link rel="stylesheet" href="/css/main.css"><script src="/js/jquery.min.js"></script></head>
<body><div class="header">沙洲市委巡察工作领导小组办公室</div>
<div class="nav"><a href="/index.html">首页</a> <a href="/xcgz/zgtb/index.html">整改通报</a> <a href="/xcgz/xcgg/index.html">巡察公告</a></div>
<div class="crumb">当前位置：首页 &gt; 巡察工作 &gt; {title}</div>
<ul id="list"></ul><div id="pager"></div>
<script src="{script}"></script>
<div class="footer">主办：中共沙洲市委巡察工作领导小组办公室 版权所有 湘ICP备19000555号 网站标识码：4311000088</div>
</body></html>
"""


_FORM_JS = f"""var channelId = '1024';
function load(pageNo) {{
  $.ajax({{type:'POST', url:'{FORM_API}', data:{{channelId:channelId, pageNo:pageNo, pageSize:{PAGE_SIZE}}}, dataType:'json',
    headers:{{'X-Requested-With':'XMLHttpRequest'}}, success: render}});
}}
load(1);
"""
_JSON_JS = f"""$.ajax({{type:'POST', url:'{JSON_API}', contentType:'application/json',
  data: JSON.stringify({{channelId:'2048', page:{{current:1, size:20}}}}), dataType:'json',
  headers:{{'X-Requested-With':'XMLHttpRequest'}}, success: function(r){{ render(r.result.records); }}}});
"""
_DENIED = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>访问受限</title></head>
<body><h2>访问受限</h2><p>您的请求不符合访问规则，已被拦截。</p></body></html>
"""


def _detail(doc: Doc, post_id: int) -> str:
    written = doc.published - timedelta(days=7)
    paras = body_html(doc, lambda p: f"<p>{escape(p)}</p>")
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(doc.title)}_{SITE_NAME}</title>
<link rel="stylesheet" href="/css/main.css"></head>
<body><div class="header">沙洲市委巡察工作领导小组办公室</div>
<div class="crumb">当前位置：首页 &gt; 巡察工作 &gt; 正文</div>
<table class="xxgk-meta">
<tr><th>索引号</th><td>11431100MB1234567X/2023-{post_id % 1000:05d}</td><th>发布机构</th><td>{SITE_NAME}</td></tr>
<tr><th>成文日期</th><td>{written.isoformat()}</td><th>发布日期</th><td>{doc.published.isoformat()}</td></tr>
<tr><th>文号</th><td>沙巡办〔{doc.published.year}〕{post_id % 50}号</td><th>主题分类</th><td>其他</td></tr>
</table>
<h1 class="article-title">{escape(doc.title)}</h1>
<div class="article-content">
{paras}
</div>
<div class="tools"><a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a> 分享到：</div>
<div class="footer">主办：中共沙洲市委巡察工作领导小组办公室 版权所有 湘ICP备19000555号 网站标识码：4311000088</div>
</body></html>
"""


def _epoch_ms(d: date) -> int:
    return int(datetime(d.year, d.month, d.day, 9, 30, tzinfo=SHANGHAI).timestamp() * 1000)


def build() -> SiteWriter:
    w = SiteWriter("farm-api", SITE_NAME, "generic", HOST)
    w.robots()
    form_docs = sorted(
        [*generated_notices(51, 8, date(2023, 1, 4)), *news_items(52, 8, date(2023, 1, 10))],
        key=lambda d: d.published,
        reverse=True,
    )
    json_docs = sorted(
        [*generated_notices(53, 2, date(2023, 5, 4)), *news_items(54, 4, date(2023, 2, 10))],
        key=lambda d: d.published,
        reverse=True,
    )
    form_records: list[dict[str, Any]] = []
    json_records: list[dict[str, Any]] = []
    for i, doc in enumerate(form_docs):
        post_id = 98765 - i * 11
        path = f"/content/post_{post_id}.html"
        url = ("{origin}" + path) if i == 6 else path
        form_records.append(
            {
                "id": str(post_id),
                "title": doc.title,
                "publishTime": f"{doc.published.isoformat()} {doc.time}:00",
                "url": url,
                "source": SITE_NAME,
            }
        )
        _page(w, doc, post_id, path)
    for i, doc in enumerate(json_docs):
        post_id = 99001 + i * 7
        path = f"/content/post_{post_id}.html"
        json_records.append(
            {
                "articleId": post_id,
                "articleTitle": doc.title,
                "pubDate": _epoch_ms(doc.published),
                "linkUrl": path,
            }
        )
        _page(w, doc, post_id, path)
    w.add("/xcgz/zgtb/index.html", _shell("整改通报", "/js/list_zgtb.js").encode())
    w.add("/xcgz/xcgg/index.html", _shell("巡察公告", "/js/list_xcgg.js").encode())
    w.add("/js/list_zgtb.js", _FORM_JS.encode(), content_type="application/javascript")
    w.add("/js/list_xcgg.js", _JSON_JS.encode(), content_type="application/javascript")
    w.extra_files["_denied.html"] = _DENIED.encode()
    w.extra_files["_api.json"] = json.dumps(
        {
            "denied_file": "_denied.html",
            "form_channel": {
                "path": FORM_API,
                "id": "1024",
                "claimed_total": len(form_records) + 1,
                "records": form_records,
            },
            "json_channel": {"path": JSON_API, "id": "2048", "records": json_records},
        },
        ensure_ascii=False,
        indent=1,
    ).encode()
    pages = -(-len(form_records) // PAGE_SIZE)
    w.start_paths += ["/xcgz/zgtb/index.html", "/xcgz/xcgg/index.html"]
    w.list_paths += [
        f"POST {FORM_API} channelId=1024&pageNo={n}&pageSize={PAGE_SIZE}"
        for n in range(1, pages + 1)
    ]
    w.list_paths.append(f'POST {JSON_API} {{"channelId":"2048","page":{{"current":1,"size":20}}}}')
    w.never_paths.append(f"POST {FORM_API} channelId=1024&pageNo={pages + 2}&pageSize={PAGE_SIZE}")
    w.block(FORM_API, 403, "blocked_page")  # when X-Requested-With is missing
    return w


def _page(w: SiteWriter, doc: Doc, post_id: int, path: str) -> None:
    doc.source = SITE_NAME  # the API's `source` field and the page's 发布机构 (no 来源 line)
    w.add(path, _detail(doc, post_id).encode(), modified=doc.published)
    if doc.is_notice:
        w.notice(path, doc)
    else:
        w.non_notice(path, doc.title, doc.reason)
