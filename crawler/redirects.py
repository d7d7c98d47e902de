"""Which redirects the crawl follows: only within the site's declared hosts, over http(s), with
no loop and a bounded number of hops; never to a private, link-local or loopback address the
site is not itself at.

Without it a redirect to another host was stored as the site's notice, and one to a private
address was requested (robots.txt and the page). `RedirectPolicyMiddleware` looks at each 3xx
before Scrapy's redirect middleware follows it; a refused one is recorded on the site's outcome
as `redirect_refused` (the URL and why) and its request fails with IgnoreRequest.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Collection
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from crawler import run_context
from crawler.blocks import Verdict

logger = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
SCHEMES = ("http", "https")
KIND = "redirect_refused"


def _bare(host: str) -> str:
    host = host.lower().rstrip(".")
    return host.removeprefix("www.")


def is_internal(host: str) -> bool:
    """An IP literal of a private, loopback, link-local or otherwise non-public range. Names are
    not resolved: the host rule already keeps redirects on the site's own names."""
    try:
        return not ipaddress.ip_address(host.strip("[]")).is_global
    except ValueError:
        return False


def refusal(
    url: str,
    target: str,
    *,
    hosts: Collection[str],
    origins: Collection[tuple[str, int | None]],
    history: Collection[str],
    max_hops: int,
) -> str | None:
    """Why the redirect from `url` to `target` is not followed, or None to follow it.

    `hosts` are the site's declared hosts (a `www.` prefix either way counts as the same host);
    `origins` the (host, port) pairs the site itself is at, the only internal addresses allowed;
    `history` the URLs this request was already redirected through.
    """
    parts = urlsplit(target)
    if parts.scheme.lower() not in SCHEMES:
        return f"to another scheme ({parts.scheme or 'none'}:) {target}"
    if target == url or target in history:
        return f"a redirect loop back to {target}"
    if len(history) + 1 > max_hops:
        return f"more than {max_hops} redirects, last to {target}"
    host = (parts.hostname or "").lower()
    if _bare(host) not in {_bare(h) for h in hosts}:
        return f"to another host ({host}) {target}"
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    if is_internal(host) and (host, port) not in origins:
        return f"to an internal address the site is not at ({host}:{port}) {target}"
    return None


class RedirectPolicyMiddleware:
    """Refuses redirects `refusal` names, before RedirectMiddleware (600) follows them."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_hops = crawler.settings.getint("REDIRECT_MAX_TIMES")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectPolicyMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get("Location")
        if response.status not in REDIRECT_STATUSES or not location:
            return response
        target = urljoin(request.url, location.decode("latin-1").strip())
        hosts, origins = self._site_hosts(request)
        why = refusal(
            request.url,
            target,
            hosts=hosts,
            origins=origins,
            history=request.meta.get("redirect_urls", ()),
            max_hops=self.max_hops,
        )
        if why is None:
            return response
        self._record(request, response.status, why)
        raise IgnoreRequest(f"redirect refused: {why}")

    def _site_hosts(self, request: Request) -> tuple[set[str], set[tuple[str, int | None]]]:
        """The declared hosts and own addresses of the request's site; a request of no site
        (robots.txt) may only stay where it started."""
        first = urlsplit(request.meta.get("redirect_urls", [request.url])[0])
        context = run_context.find(self.crawler)
        site = context.sites.get(request.meta.get("site_id", "")) if context else None
        urls = [s.url for s in site.sources] if site else [first.geturl()]
        hosts = set(site.hosts) if site else {first.hostname or ""}
        return hosts, {_origin(u) for u in urls}

    def _record(self, request: Request, status: int, why: str) -> None:
        site_id = request.meta.get("site_id", "")
        first = request.meta.get("redirect_urls", [request.url])[0]  # the URL the site linked
        logger.warning("%s: redirect refused from %s: %s", site_id or "-", first, why)
        outcome = run_context.outcome_for(self.crawler, site_id)
        if outcome is None:
            return
        outcome.record_problem(KIND, first, why, status)
        cursor: Any = request.meta.get("cursor")
        context = run_context.find(self.crawler)
        if request.meta.get("kind") == "list" and cursor is not None and context is not None:
            source = context.sites[site_id].sources[cursor.source]
            outcome.record_list_failure(source.url, Verdict(KIND, why), cursor.page, first, status)
        elif request.meta.get("kind") == "detail":  # a chosen notice that was not stored
            outcome.record_failure("detail", KIND, first, status, why)
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"notices/problems/{KIND}")


def _origin(url: str) -> tuple[str, int | None]:
    parts = urlsplit(url)
    return (parts.hostname or "").lower(), parts.port or (
        443 if parts.scheme.lower() == "https" else 80
    )
