"""Block and failure classes (WAFs, challenges, captchas, block pages, shells, network errors),
and the order of the signature table."""

from __future__ import annotations

import pytest

from crawler.blocks import (
    BLOCK_KINDS,
    FAILURE_KINDS,
    SIGNATURES,
    classify_failure,
    classify_response,
)
from crawler.platforms import SIGNATURES as PLATFORM_SIGNATURES

RUISHU = (
    b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
    b'<meta id="sx6c1KC7YLcx" content="rX93gZ" r=\'m\'><script type="text/javascript" r=\'m\'>'
    b"$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=24079;$_ts.cd=\"qETErr\";</script>"
    b"<script src=\"/4QbVtADbnLVI/c.FxJzG50F.dfe1675.js\" r='m'></script></head><body></body></html>"
)
JIASULE = (
    b"<script>document.cookie=('__jsl_clearance_s')+('=')+('1686879000.1|0|abc');"
    b"location.href=location.pathname+location.search</script>"
)
ARTICLE = (
    "<html><head><title>关于巡察整改情况的通报</title></head><body><div class='TRS_Editor'>"
    + "<p>根据县委统一部署，县委第二巡察组对白石镇党委开展了常规巡察。</p>" * 5
    + "</div></body></html>"
).encode()


@pytest.mark.parametrize(
    ("status", "body", "kwargs", "kind"),
    [
        (412, RUISHU, {"set_cookie_names": ["Xm3Jk9pQ2wRtS"]}, "blocked_waf"),
        (200, RUISHU, {}, "js_challenge"),
        (521, JIASULE, {"set_cookie_names": ["__jsluid_s"]}, "blocked_waf"),
        (200, JIASULE, {}, "js_challenge"),
        (
            200,
            "<html><head><title>访问异常页面</title></head><body><p>您的访问存在异常，请稍后再试</p>"
            "</body></html>".encode()
            + b" " * 9000,
            {},
            "blocked_page",
        ),
        (
            200,
            '<html><body><div id="nc_1_wrapper"></div><p>请完成安全验证</p></body></html>'.encode(),
            {},
            "captcha",
        ),
        (
            200,
            "<html><head><title>关于巡察整改情况的通报</title></head><body></body></html>".encode(),
            {},
            "empty_shell",
        ),
        (
            200,
            b'<html><body><script>document.cookie="HOY_TR=abc; max-age=3600; path=/";location.reload();</script></body></html>',
            {},
            "js_challenge",
        ),
        (
            200,
            "<html><body><div class=nav>首页 巡察公开</div><p>该信息已删除</p>"
            "<div class=footer>主办：中共东湖区委办公室 版权所有</div></body></html>".encode(),
            {},
            "soft_404",
        ),
        (429, b"slow down", {}, "rate_limited"),
        (403, "<html><body>您的访问被拒绝</body></html>".encode(), {}, "forbidden"),
        (
            403,
            "<html><head><title>访问受限</title></head><body>x</body></html>".encode(),
            {},
            "blocked_page",
        ),
        (403, b"<html><body>Forbidden</body></html>", {}, "forbidden"),
        (404, b"<title>404</title>", {}, "not_found"),
        (503, b"", {}, "server_error"),
        (
            200,
            b"<html><body><script>NewsvoteDWR.getNewsLinkUrl(2905,'1','vsb',newsSkip);</script><div class=v_news_content></div></body></html>",
            {},
            "redirect_js",
        ),
    ],
)
def test_blocks_and_failures(status: int, body: bytes, kwargs: dict, kind: str) -> None:
    verdict = classify_response(status, body, **kwargs)
    assert verdict is not None and verdict.kind == kind


def test_waf_detail_names_vendor_and_cookies() -> None:
    verdict = classify_response(412, RUISHU, set_cookie_names=["Xm3Jk9pQ2wRtS"])
    assert verdict is not None and verdict.is_block
    assert "ruishu" in verdict.detail and "Xm3Jk9pQ2wRtS" in verdict.detail


@pytest.mark.parametrize(
    ("body", "kwargs"),
    [
        (ARTICLE, {}),
        # an attachment-only notice: tiny body, but it links a file
        (
            "<html><head><title>通报</title></head><body><p>详见附件</p></body></html>".encode(
                "gbk"
            ),
            {"has_attachments": True},
        ),
        (
            b"<?xml version='1.0'?><datastore><recordset></recordset></datastore>",
            {"content_type": "text/xml"},
        ),
        (b'{"code":200,"data":{"list":[]}}', {"content_type": "application/json;charset=UTF-8"}),
    ],
)
def test_usable_pages_are_not_classified(body: bytes, kwargs: dict) -> None:
    assert classify_response(200, body, **kwargs) is None


class DNSLookupError(Exception):
    pass


class TCPTimedOutError(Exception):
    pass


class ConnectionRefusedError_(Exception):
    pass


class CannotResolveHostError(Exception):
    pass


class DownloadCancelledError(Exception):
    pass


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (DNSLookupError("no such host"), "dns_error"),
        (TCPTimedOutError("timed out"), "timeout"),
        (TimeoutError("Getting http://x took longer than 30 seconds"), "timeout"),
        (ConnectionRefusedError_("refused"), "connection_error"),
        (CannotResolveHostError("no such host"), "dns_error"),
        (
            DownloadCancelledError("Cancelling download: expected size larger than max size"),
            "too_large",
        ),
    ],
)
def test_failures(exc: Exception, kind: str) -> None:
    assert classify_failure(exc).kind == kind


def test_every_signature_names_a_known_class() -> None:
    kinds = {s.kind for s in SIGNATURES}
    assert kinds - {None} <= BLOCK_KINDS | FAILURE_KINDS
    assert None in kinds  # the API payload signature: usable, judged by the list parser


def test_platform_signatures_run_after_the_generic_block_pages() -> None:
    assert PLATFORM_SIGNATURES, "vsb declares its redirect_js signature"
    kinds = [s.kind for s in SIGNATURES]
    first_platform = SIGNATURES.index(PLATFORM_SIGNATURES[0])
    assert kinds.index("blocked_page", 4) < first_platform < kinds.index("empty_shell")


@pytest.mark.parametrize(
    ("status", "body", "kind", "detail"),
    [
        # the first matching signature decides
        (412, b"<html><body><p>captcha</p></body></html>", "blocked_waf", "HTTP 412 (unknown)"),
        (521, b"", "blocked_waf", "HTTP 521 (unknown)"),
        (410, b"", "not_found", "HTTP 410"),
        (418, b"", "http_error", "HTTP 418"),
        (302, b"", "http_error", "HTTP 302 redirect not followed"),
        (
            200,
            "<html><head><title>访问受限</title></head><body>请完成安全验证</body></html>".encode(),
            "captcha",
            "captcha page",
        ),
        (
            200,
            "<html><head><title>访问异常</title></head><body><script>NewsvoteDWR.getNewsLinkUrl(1)"
            "</script></body></html>".encode(),
            "blocked_page",
            "block page text",
        ),
    ],
)
def test_signatures_are_evaluated_in_order(
    status: int, body: bytes, kind: str, detail: str
) -> None:
    verdict = classify_response(status, body)
    assert verdict is not None and (verdict.kind, verdict.detail[: len(detail)]) == (kind, detail)
