"""Farm site F `farm-waf`: WAF and anti-bot signatures, plus a rate-limited column that recovers."""

from __future__ import annotations

import json
from datetime import date

from tests.farm.build.content import Doc, generated_notices, news_items
from tests.farm.build.trs import DetailOptions, TrsSkin, detail_page, list_page
from tests.farm.build.writer import HTML_UTF8, SiteWriter

HOST = "127.0.0.16"
SITE_NAME = "北原市纪委监委"
SKIN = TrsSkin(
    site_name=SITE_NAME,
    org="中共北原市纪律检查委员会 北原市监察委员会",
    site_code="1501000012",
    icp="蒙ICP备10000321号",
    gongan="蒙公网安备 15010202000321号",
    column="整改通报",
    parent_column="巡视巡察",
)

RUISHU = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
    '<meta id="sx6c1KC7YLcx" content="rX93gZqPjv0Tm8Lr1kcA4hWnX2sYpQeFz7bUdN5oKi6VgE3aHtRy'
    "SLuM9xJwOcIfDlB0\" r='m'>"
    "<script type=\"text/javascript\" r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=24079;"
    '$_ts.cd="qETErrAlqGWqcqALrqQqrGVqDA9lqsl0ErVqcGQqDaAlqqlqEr0qcsWqcc9lqGQqqqVqrcWq'
    'qGEqDqQqErQqraWqEkVqcq3qDqWtEoeqrrEkqc3WqaAqDGQqcGWlqGEqErAqcq3qDA9lqslqErllUnErAr";'
    "if($_ts.lcd)$_ts.lcd();</script>"
    '<script type="text/javascript" charset="utf-8" src="/4QbVtADbnLVI/c.FxJzG50F.dfe1675.js" '
    "r='m'></script></head><body></body></html>"
)
JIASULE = (
    "<script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')+('e')+('a')+('r')"
    "+('a')+('n')+('c')+('e')+('_')+('s')+('=')+(+!+[]+'6'+(-~[]+[]+[[]][0])+'8')+('.')"
    "+('1')+('9')+('|')+('0')+('|')+'mT%2Bz'+('3')+'Kq'+('%2F')+'hW';"
    "location.href=location.pathname+location.search</script>"
)
CAPTCHA = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>安全验证</title>
<script src="https://g.alicdn.com/AWSC/AWSC/awsc.js"></script></head>
<body><div class="verify"><h3>请完成安全验证</h3><p>拖动下方滑块完成拼图</p>
<div id="nc_1_wrapper"><div id="nc_1__scale_text"><span class="nc-lang-cnt">请按住滑块，拖动到最右边</span></div></div></div>
</body></html>
"""
YUNDUN = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>403 Forbidden</title></head>
<body><h1>您的访问被拒绝</h1><p>您的请求疑似攻击行为，已被网站防火墙拦截。</p><p>事件ID：a8c3f0e1-77d2</p></body></html>
"""


def _abnormal_page() -> str:
    """About 9 KB like a real block page: styles and a long explanation, no content container."""
    style = "".join(f".c{i}{{margin:{i}px;padding:{i}px;color:#3{i % 10}3}}\n" for i in range(220))
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>访问异常页面</title>'
        f"<style>{style}</style></head><body><div class='box'><h2>访问异常</h2>"
        "<p>您的访问存在异常，可能是您的网络环境存在风险，请稍后再试。</p>"
        "<p>如果您是网站管理员，请登录网站防护控制台查看详情。</p></div></body></html>"
    )


def build() -> SiteWriter:
    w = SiteWriter("farm-waf", SITE_NAME, "trs", HOST)
    w.robots()
    ruishu_cookie = [("Set-Cookie", "Xm3Jk9pQ2wRtS=60AbqWz3kRx8Tn.Y1mC; path=/; HttpOnly")]
    w.add("/a/", RUISHU.encode(), status=412, headers=ruishu_cookie, prefix_route=True)
    w.add("/b/", RUISHU.encode(), status=200, headers=ruishu_cookie, prefix_route=True)
    jsl_cookie = [
        (
            "Set-Cookie",
            "__jsluid_s=8f2e6a1c9b3d7f0e5a4c2b1d9e8f7a6b; max-age=31536000; path=/; HttpOnly",
        )
    ]
    w.add("/c/", JIASULE.encode(), status=521, headers=jsl_cookie, prefix_route=True)
    w.add("/d/", _abnormal_page().encode(), prefix_route=True)
    w.add("/g/", CAPTCHA.encode(), prefix_route=True)
    w.add("/h/", YUNDUN.encode(), status=403, headers=[("Server", "yundun")], prefix_route=True)
    shell = "<html><head><title>中共北原镇委员会关于巡察整改情况的通报</title></head><body></body></html>"
    w.add("/f/t20230619_1.html", shell.encode(), content_type=HTML_UTF8)
    for path, status, cls in [
        ("/a/", 412, "blocked_waf"),
        ("/b/", 200, "js_challenge"),
        ("/c/", 521, "blocked_waf"),
        ("/d/", 200, "blocked_page"),
        ("/f/t20230619_1.html", 200, "empty_shell"),
        ("/g/", 200, "captcha"),
        ("/h/", 403, "forbidden"),
    ]:
        w.start_paths.append(path)
        w.block(path, status, cls)
    _rate_limited_column(w)
    w.extra_files["_limit.json"] = json.dumps(
        {"prefix": "/e/", "max_requests": 3, "window_seconds": 10, "retry_after": 2}
    ).encode()
    return w


def _rate_limited_column(w: SiteWriter) -> None:
    docs: list[Doc] = [
        *generated_notices(61, 2, date(2023, 6, 2)),
        *news_items(62, 1, date(2023, 6, 9)),
    ]
    docs.sort(key=lambda d: d.published, reverse=True)
    rows = []
    for i, doc in enumerate(docs):
        name = f"t{doc.published:%Y%m%d}_{5100 + i}.html"
        path = f"/e/{doc.published:%Y%m}/{name}"
        doc.source = doc.source or SITE_NAME
        w.add(
            path, detail_page(SKIN, doc, DetailOptions(name, None)).encode(), modified=doc.published
        )
        rows.append((f"./{doc.published:%Y%m}/{name}", doc.title, doc.published.isoformat()))
        if doc.is_notice:
            w.notice(path, doc)
        else:
            w.non_notice(path, doc.title, doc.reason)
    w.add(
        "/e/list.html",
        list_page(SKIN, "/e/list.html", rows, 0, 1).encode(),
        modified=date(2023, 7, 1),
    )
    w.start_paths.append("/e/list.html")
    w.list_paths.append("/e/list.html")
    w.block("/e/", 429, "rate_limited")
