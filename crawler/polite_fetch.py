"""Reading a site's pages by hand, as `notices sites add` and `notices sites discover` do (outside
Scrapy): one request at a time, robots.txt obeyed and its Crawl-delay honoured, at least `DELAY`
seconds apart; a page the crawler could not use is `SurveyFailed`, whose message is one line."""

from __future__ import annotations

import re
import time
import urllib.robotparser
from collections.abc import Callable, Mapping
from urllib.parse import urljoin

from crawler import listing
from crawler.blocks import Verdict, classify_response
from crawler.platforms import PLATFORMS
from crawler.settings import DOWNLOAD_DELAY, USER_AGENT
from pipelines.common.decoding import charset_of, decode_html

Fetch = Callable[[listing.PageRequest], tuple[int, dict[str, str], bytes]]

DELAY = DOWNLOAD_DELAY  # seconds between two requests to the site, at least: the crawl's own


class SurveyFailed(Exception):
    """The page cannot be read as a notice column; the message says why, in one line."""


def detect_platform(url: str, text: str) -> str:
    """The platform whose markers the page and its URL show most (`generic` without any)."""
    haystack = f"{url}\n{text}"
    best, hits = "generic", 0
    for name, profile in PLATFORMS.items():
        found = sum(1 for marker in profile.markers if re.search(marker, haystack))
        if found > hits:
            best, hits = name, found
    return best


class Polite:
    """One request at a time to the site, robots.txt obeyed, its Crawl-delay honoured."""

    def __init__(self, url: str, fetch: Fetch, delay: float) -> None:
        self.fetch = fetch
        self.delay = delay
        self.last = 0.0
        self.robots = urllib.robotparser.RobotFileParser()
        self.allow_all = True  # no readable robots.txt: allowed, as in Scrapy
        try:
            status, _, body = fetch(listing.PageRequest(url=urljoin(url, "/robots.txt"), page=0))
        except (OSError, ValueError):
            return
        if status < 400:
            self.allow_all = False
            self.robots.parse(body.decode("utf-8", errors="replace").splitlines())
            crawl_delay = self.robots.crawl_delay(USER_AGENT)
            if crawl_delay:
                self.delay = max(self.delay, float(crawl_delay))
        self.last = time.monotonic()

    def get(self, page: listing.PageRequest) -> tuple[int, dict[str, str], bytes]:
        if not self.allow_all and not self.robots.can_fetch(USER_AGENT, page.url):
            raise SurveyFailed(f"robots.txt disallows {page.url}")
        wait = self.last + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            return self.fetch(page)
        except (OSError, ValueError) as exc:
            raise SurveyFailed(f"cannot read {page.url}: {type(exc).__name__}: {exc}") from None
        finally:
            self.last = time.monotonic()


def content_type(headers: Mapping[str, str]) -> str:
    """The response's Content-Type, lower-cased ('' without one)."""
    return next((v for k, v in headers.items() if k.lower() == "content-type"), "").lower()


def verdict_of(status: int, headers: Mapping[str, str], body: bytes) -> Verdict | None:
    """The block classifier's verdict on a response (crawler/blocks.py), its cookies read too."""
    cookies = [v.split("=", 1)[0] for k, v in headers.items() if k.lower() == "set-cookie"]
    return classify_response(
        status, body, set_cookie_names=cookies, content_type=content_type(headers)
    )


def refuse_unusable(status: int, headers: Mapping[str, str], body: bytes, url: str) -> None:
    """SurveyFailed for a response the crawler could not use (blocked, not found …)."""
    verdict = verdict_of(status, headers, body)
    if verdict is not None:
        what = "blocked" if verdict.is_block else "unusable"
        raise SurveyFailed(f"{what}: {verdict.kind} at {url} ({verdict.detail})")


def read_page(polite: Polite, page: listing.PageRequest) -> tuple[str, str, str | None]:
    """(text, encoding used, encoding declared) of a page the crawler could use."""
    status, headers, body = polite.get(page)
    refuse_unusable(status, headers, body, page.url)
    declared = charset_of(content_type(headers))
    text, encoding = decode_html(body, declared_encoding=declared)
    return text, encoding, declared
