"""Classify responses and download failures that are not content: WAFs, challenges, captchas,
empty shells, rate limits and network errors. Nothing classified here is ever stored as a notice.

Responses are judged by `SIGNATURES`, an ordered table: the first signature that matches decides
(seen on Chinese government sites: 瑞数 412 + `$_ts`, 加速乐 521 + `__jsl_clearance`, 200 challenge-only
pages, slider captchas, 访问异常 block pages, title-only shells). Platform-specific signatures are
declared by their platform (`crawler/platforms/`) and run after the generic block pages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from crawler import soft404
from crawler.platforms import SIGNATURES as PLATFORM_SIGNATURES
from crawler.platforms.signature import Seen, Signature, Test

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
_MIN_TEXT = 10  # visible characters below which a page with no attachment is an empty shell


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: str  # one of BLOCK_KINDS | FAILURE_KINDS
    detail: str  # what gave it away, for the run report

    @property
    def is_block(self) -> bool:
        return self.kind in BLOCK_KINDS


# --- the tests of the signatures that need more than a marker ------------------------------------


def _ruishu_412(s: Seen) -> str | None:
    if s.status != 412:
        return None
    vendor = "ruishu" if any(m in s.body for m in _RUISHU) else "unknown"
    return f"HTTP 412 ({vendor}) cookies={s.cookies}"


def _jiasule_521(s: Seen) -> str | None:
    if s.status != 521:
        return None
    jiasule = any(m in s.body for m in _JIASULE) or "__jsluid" in s.cookies
    return f"HTTP 521 ({'jiasule' if jiasule else 'unknown'}) cookies={s.cookies}"


def _titled_block_403(s: Seen) -> str | None:
    # a titled block page (访问受限) is a WAF page; a bare refusal is plain "forbidden"
    if s.status != 403 or s.title is None or not any(w in s.title for w in _BLOCK_PAGE):
        return None
    return f"HTTP 403 block page: {s.title.strip()}"


def _forbidden_403(s: Seen) -> str | None:
    if s.status != 403:
        return None
    said = next((w for w in _BLOCK_PAGE if w in s.text), None)
    return f"HTTP 403: {said}" if said else "HTTP 403"


def _status_in(low: int, high: int | None = None, detail: str = "HTTP {status}") -> Test:
    """A status from `low` to `high` (inclusive; no upper bound when None)."""

    def test(s: Seen) -> str | None:
        inside = s.status >= low and (high is None or s.status <= high)
        return detail.format(status=s.status) if inside else None

    return test


def _api_payload(s: Seen) -> str | None:
    # API payloads are judged by the list parser (an empty page is not a block)
    ctype = s.content_type
    api = "json" in ctype or ("xml" in ctype and b"<datastore" in s.body[:4096])
    return "API payload" if api else None


def _ruishu_200(s: Seen) -> str | None:
    if any(m in s.body for m in _RUISHU) or (s.small and _RUISHU_META.search(s.body)):
        return f"ruishu challenge with HTTP {s.status} cookies={s.cookies}"
    return None


def _jiasule_200(s: Seen) -> str | None:
    if s.small and any(m in s.body for m in _JIASULE):
        return f"jiasule challenge with HTTP {s.status}"
    return None


def _captcha(s: Seen) -> str | None:
    return "captcha page" if s.small and any(w in s.text for w in _CAPTCHA) else None


def _block_page(s: Seen) -> str | None:
    titled = any(w in (s.title or "") for w in _BLOCK_PAGE)
    worded = s.small and any(w in s.text for w in _BLOCK_PAGE[:3])
    return "block page text" if titled or worded else None


def _cookie_script(s: Seen) -> str | None:
    script = s.small and _COOKIE_SCRIPT.search(s.body) and _RELOAD.search(s.body)
    return "cookie-setting script page" if script and len(s.visible) < 200 else None


def _empty_shell(s: Seen) -> str | None:
    if len(s.visible) < _MIN_TEXT and not s.has_attachments:
        return f"only {len(s.visible)} visible characters"
    return None


def _soft_404(s: Seen) -> str | None:
    # a deleted notice served as a normal page; the phrases per CMS are in crawler/soft404.py
    found = soft404.deletion_phrase(s.visible)
    return f"page says {found[1]} ({found[0]})" if found else None


# Evaluated in order; the first match decides. Status signatures come first, so everything after
# them sees a 2xx response.
SIGNATURES: tuple[Signature, ...] = (
    Signature("blocked_waf", _ruishu_412),
    Signature("blocked_waf", _jiasule_521),
    Signature("rate_limited", _status_in(429, 429)),
    Signature("blocked_page", _titled_block_403),
    Signature("forbidden", _forbidden_403),
    Signature("not_found", _status_in(404, 404)),
    Signature("not_found", _status_in(410, 410)),
    Signature("server_error", _status_in(500)),
    Signature("http_error", _status_in(400, 499)),
    Signature("http_error", _status_in(300, 399, "HTTP {status} redirect not followed")),
    Signature(None, _api_payload),
    Signature("js_challenge", _ruishu_200),
    Signature("js_challenge", _jiasule_200),
    Signature("captcha", _captcha),
    Signature("blocked_page", _block_page),
    *PLATFORM_SIGNATURES,
    Signature("js_challenge", _cookie_script),
    Signature("empty_shell", _empty_shell),
    Signature("soft_404", _soft_404),
)


def classify_response(
    status: int,
    body: bytes,
    *,
    set_cookie_names: Sequence[str] = (),
    content_type: str = "",
    has_attachments: bool = False,
) -> Verdict | None:
    """None for a usable page; otherwise the class of block or failure."""
    seen = Seen(status, body, tuple(set_cookie_names), content_type, has_attachments)
    for signature in SIGNATURES:
        detail = signature.test(seen)
        if detail is not None:
            return None if signature.kind is None else Verdict(signature.kind, detail)
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
