"""One page of a discovery, read through `sites add`'s polite path: its text, the URL it was
served from (after redirects: the base of its links) and, for a page that only sends the reader
on (a meta refresh, a `location.href` script, as many home pages at `/` are), where to.

A page the crawler could not use is SurveyFailed, as in `sites add`, with the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from crawler import listing
from crawler.polite_fetch import Polite, content_type, refuse_unusable
from pipelines.common.decoding import charset_of, decode_html

# the URL a fetch says the answer came from, when it followed a redirect
SERVED_FROM = "Content-Location"
_META_REFRESH = re.compile(
    r"""<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["']?\s*\d*\s*[;,]\s*"""
    r"""url\s*=\s*['"]?([^"'>\s]+)""",
    re.IGNORECASE,
)
_SCRIPT_GO = re.compile(
    r"""(?:window\.|self\.|top\.|document\.)?location(?:\.href)?\s*=\s*["']([^"']+)["']|"""
    r"""location\.replace\(\s*["']([^"']+)["']\s*\)""",
    re.IGNORECASE,
)
_ANCHOR = re.compile(r"<a\s[^>]*href", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # where it was served from
    text: str
    goes_to: str | None  # a page that only sends the reader on: the URL it sends to


def read(polite: Polite, url: str) -> Page:
    status, headers, body = polite.get(listing.PageRequest(url=url, page=1))
    found = {k.lower(): v for k, v in headers.items()}
    served = urljoin(url, found.get(SERVED_FROM.lower(), url))
    text, _ = decode_html(body, declared_encoding=charset_of(content_type(headers)))
    if status < 300:
        target = goes_to(text, served)
        if target is not None:
            return Page(served, text, target)
    refuse_unusable(status, headers, body, url)
    return Page(served, text, None)


def goes_to(text: str, base_url: str) -> str | None:
    """Where a page that only sends the reader on sends them: a meta refresh, or a script's
    `location` on a page of at most one link; None for a page of its own."""
    m = _META_REFRESH.search(text)
    if m is None and len(_ANCHOR.findall(text)) <= 1:
        m = _SCRIPT_GO.search(text)
    if m is None:
        return None
    target = next(g for g in m.groups() if g)
    url = urljoin(base_url, target.strip())
    return url if url.startswith(("http://", "https://")) and url != base_url else None
