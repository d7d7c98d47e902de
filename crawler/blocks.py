"""Classify responses and download failures that are not content: WAFs, challenges, captchas,
empty shells, rate limits and network errors. Nothing classified here is ever stored as a notice.

Signatures seen on Chinese government sites (瑞数 412 + `$_ts`, 加速乐 521 + `__jsl_clearance`,
200 challenge-only pages, slider captchas, 访问异常 block pages, title-only shells).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import html as lxml_html

from pipelines.common.decoding import decode_html
from pipelines.common.html_tags import UNRENDERED_TAGS

# Classes that mean "the site is refusing us": they count towards the per-site block threshold.
BLOCK_KINDS = frozenset(
    {"blocked_waf", "js_challenge", "captcha", "blocked_page", "rate_limited", "forbidden"}
)
# Classes that are failures of one page but say nothing about being blocked.
FAILURE_KINDS = frozenset(
    {
        "empty_shell",
        "soft_404",
        "redirect_js",
        "not_found",
        "server_error",
        "http_error",
        "timeout",
        "dns_error",
        "connection_error",
        "too_large",
        "tls_error",
    }
)

_RUISHU = (b"$_ts=window['$_ts']", b'$_ts=window["$_ts"]')
_RUISHU_META = re.compile(rb"<(?:meta|script)[^>]*\br=['\"]m['\"]", re.IGNORECASE)
_JIASULE = (b"__jsl_clearance", b"__jsluid")
_COOKIE_SCRIPT = re.compile(rb"document\.cookie\s*=", re.IGNORECASE)
_RELOAD = re.compile(rb"location\.(?:reload|href\s*=|replace\()", re.IGNORECASE)
_CAPTCHA = (
    "请完成安全验证",
    "滑动验证",
    "人机验证",
    "安全验证",
    "验证码",
    "nc_1_wrapper",
    "captcha",
)
_BLOCK_PAGE = ("访问异常", "访问受限", "您的访问被拒绝", "访问被拒绝", "安全检查", "访问存在异常")
_REDIRECT_JS = ("NewsvoteDWR.getNewsLinkUrl",)
# A small 200 page saying the item is gone (a deleted notice served as a normal page).
_SOFT_404 = (
    "该信息已删除",
    "信息已删除",
    "您访问的页面不存在",
    "页面不存在",
    "已撤稿",
    "信息不存在",
)
_SOFT_404_MAX_TEXT = 400  # visible characters; real notices are much longer
_SHORT_PAGE = 50_000  # challenge pages are small; real pages with chrome are larger
_MIN_TEXT = 10  # visible characters below which a page with no attachment is an empty shell
_UNRENDERED_XPATH = "|".join(f"//{tag}" for tag in sorted(UNRENDERED_TAGS))


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: str  # one of BLOCK_KINDS | FAILURE_KINDS
    detail: str  # what gave it away, for the run report

    @property
    def is_block(self) -> bool:
        return self.kind in BLOCK_KINDS


def _head_text(body: bytes) -> str:
    return decode_html(body[:16384])[0]


def visible_text(body: bytes) -> str:
    """Text a reader would see in <body> (no title, scripts or styles)."""
    if not body.strip():
        return ""
    text, _ = decode_html(body)  # decode here: an in-page charset can lie (UTF-8 declared gb2312)
    try:
        doc = lxml_html.fromstring(text)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for bad in doc.xpath(_UNRENDERED_XPATH):
        bad.drop_tree()
    return "".join(doc.text_content().split())


def classify_response(
    status: int,
    body: bytes,
    *,
    set_cookie_names: Sequence[str] = (),
    content_type: str = "",
    has_attachments: bool = False,
) -> Verdict | None:
    """None for a usable page; otherwise the class of block or failure."""
    cookies = ",".join(set_cookie_names)
    if status == 412:
        vendor = "ruishu" if any(s in body for s in _RUISHU) else "unknown"
        return Verdict("blocked_waf", f"HTTP 412 ({vendor}) cookies={cookies}")
    if status == 521:
        vendor = (
            "jiasule" if any(s in body for s in _JIASULE) or "__jsluid" in cookies else "unknown"
        )
        return Verdict("blocked_waf", f"HTTP 521 ({vendor}) cookies={cookies}")
    if status == 429:
        return Verdict("rate_limited", "HTTP 429")
    text = _head_text(body)
    if status == 403:
        # a titled block page (访问受限) is a WAF page; a bare refusal is plain "forbidden"
        title = re.search(r"<title>([^<]*)</title>", text, re.IGNORECASE)
        if title and any(w in title.group(1) for w in _BLOCK_PAGE):
            return Verdict("blocked_page", f"HTTP 403 block page: {title.group(1).strip()}")
        said = next((w for w in _BLOCK_PAGE if w in text), None)
        return Verdict("forbidden", f"HTTP 403: {said}" if said else "HTTP 403")
    if status in (404, 410):
        return Verdict("not_found", f"HTTP {status}")
    if status >= 500:
        return Verdict("server_error", f"HTTP {status}")
    if status >= 400:
        return Verdict("http_error", f"HTTP {status}")
    if status >= 300:
        return Verdict("http_error", f"HTTP {status} redirect not followed")
    if "json" in content_type or ("xml" in content_type and b"<datastore" in body[:4096]):
        return None  # API payloads are judged by the list parser (an empty page is not a block)
    small = len(body) < _SHORT_PAGE
    if any(s in body for s in _RUISHU) or (small and _RUISHU_META.search(body)):
        return Verdict("js_challenge", f"ruishu challenge with HTTP {status} cookies={cookies}")
    if any(s in body for s in _JIASULE) and small:
        return Verdict("js_challenge", f"jiasule challenge with HTTP {status}")
    if small and any(w in text for w in _CAPTCHA):
        return Verdict("captcha", "captcha page")
    title = re.search(r"<title>([^<]*)</title>", text, re.IGNORECASE)
    if any(w in (title.group(1) if title else "") for w in _BLOCK_PAGE) or (
        small and any(w in text for w in _BLOCK_PAGE[:3])
    ):
        return Verdict("blocked_page", "block page text")
    if any(s in text for s in _REDIRECT_JS):
        return Verdict("redirect_js", "content is a script redirect to another page")
    visible = visible_text(body)
    if small and _COOKIE_SCRIPT.search(body) and _RELOAD.search(body) and len(visible) < 200:
        return Verdict("js_challenge", "cookie-setting script page")
    if len(visible) < _MIN_TEXT and not has_attachments:
        return Verdict("empty_shell", f"only {len(visible)} visible characters")
    if len(visible) < _SOFT_404_MAX_TEXT and (
        said := next((w for w in _SOFT_404 if w in visible), None)
    ):
        return Verdict("soft_404", f"page says {said}")
    return None


def classify_failure(exc: BaseException) -> Verdict:
    """The class of a download that produced no response (after retries)."""
    name = type(exc).__name__
    message = str(exc)[:200]
    if any(k in name for k in ("DNSLookup", "CannotResolveHost", "gaierror")):
        return Verdict("dns_error", f"{name}: {message}")
    if "Timeout" in name or "TimedOut" in name:
        return Verdict("timeout", f"{name}: {message}")
    if "Cancelled" in name or "max size" in message or "maxsize" in message:
        return Verdict("too_large", f"{name}: {message}")
    if "SSL" in name or "TLS" in name or "ssl" in message.lower():
        return Verdict("tls_error", f"{name}: {message}")
    return Verdict("connection_error", f"{name}: {message}")
