"""Downloader middlewares: polite retries, the per-site stop after repeated blocks, and the
reading of attachment text beside the downloads.

Both work on the run's outcomes ledger (crawler/run_context.py): the retry middleware records
the rate limits it waited out, the gate drops requests of a site the spider stopped. A crawl of
another spider has no ledger: then they only retry, and never drop."""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares import cookies as scrapy_cookies
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.response import response_status_message
from tldextract import TLDExtract
from twisted.internet import reactor
from twisted.internet.task import deferLater

from crawler import attachment_text, run_context
from crawler.attachments import Link
from crawler.fetched_attachments import TEXT_META, file_ext
from pipelines.common.settings import (
    ATTACHMENT_READERS,
    RETRY_AFTER_MAX,
    RETRY_BACKOFF,
    RETRY_BACKOFF_MAX,
    read,
)

logger = logging.getLogger(__name__)

# Scrapy's cookie middleware asks tldextract for the public-suffix list, and tldextract downloads
# it from GitHub on first use. A crawl must contact only the sites it crawls (and tests run
# offline), so use the snapshot bundled with tldextract instead.
scrapy_cookies._split_domain = TLDExtract(suffix_list_urls=(), include_psl_private_domains=True)


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header: either delta-seconds or an HTTP date."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


async def _sleep(seconds: float) -> None:
    if seconds > 0:
        await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))


class PoliteRetryMiddleware(RetryMiddleware):
    """Scrapy's retry, plus exponential backoff and `Retry-After` before each retry.

    Settings: NOTICES_RETRY_BACKOFF (first wait, seconds; doubles per retry),
    NOTICES_RETRY_BACKOFF_MAX and NOTICES_RETRY_AFTER_MAX (caps).
    """

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.backoff = read(RETRY_BACKOFF, settings)
        self.backoff_max = read(RETRY_BACKOFF_MAX, settings)
        self.retry_after_max = read(RETRY_AFTER_MAX, settings)

    def _wait(self, request: Request, response: Response | None = None) -> float:
        header = response.headers.get("Retry-After") if response is not None else None
        asked = retry_after_seconds(header)
        if asked is not None:
            return min(asked, self.retry_after_max)
        tries = int(request.meta.get("retry_times", 0))
        return min(self.backoff * (2**tries), self.backoff_max)

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        wait = self._wait(request, response)
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        if response.status == 429:
            self._note_rate_limit(request, wait)
        await _sleep(wait)
        return retry

    def _note_rate_limit(self, request: Request, wait: float) -> None:
        """Rate limits that a retry got past still belong in the site's run report."""
        outcome = run_context.outcome_for(self.crawler, request.meta.get("site_id", ""))
        if outcome is not None:
            outcome.record_problem(
                "rate_limited", request.url, f"HTTP 429; retried after {wait:.1f} s", 429
            )

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        wait = self._wait(request)
        retry = super().process_exception(request, exception)
        if retry is not None:
            await _sleep(wait)
        return retry


class SiteGateMiddleware:
    """Drops requests for a site the spider stopped after too many consecutive blocks."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SiteGateMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        outcome = run_context.outcome_for(self.crawler, request.meta.get("site_id", ""))
        if outcome is not None and outcome.stopped:
            raise IgnoreRequest(f"site {outcome.site_id} stopped after repeated blocks")


class AttachmentTextMiddleware:
    """Reads the text of each downloaded document in a bounded child process and leaves it in
    the request's meta for the spider. Awaiting the child keeps the reactor free: one hostile
    file no longer stalls every other download. At most NOTICES_ATTACHMENT_READERS at once."""

    def __init__(self, settings: Any, crawler: Crawler | None = None) -> None:
        self.limits = attachment_text.Limits.from_settings(settings)
        self.readers = asyncio.Semaphore(read(ATTACHMENT_READERS, settings))
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AttachmentTextMiddleware:
        return cls(crawler.settings, crawler)

    async def process_response(self, request: Request, response: Response) -> Response:
        link = self._file_link(request, response)
        if link is None:
            return response
        ext = file_ext(response, link, response.url)
        if attachment_text.is_readable(ext):
            async with self.readers:
                request.meta[TEXT_META] = await attachment_text.extract_text_async(
                    ext, response.body, self.limits
                )
            if self.crawler is not None and self.crawler.stats is not None:
                self.crawler.stats.inc_value("notices/attachments/read")
        return response

    @staticmethod
    def _file_link(request: Request, response: Response) -> Link | None:
        """The link a downloaded file answers: an attachment's, or a detail URL that is a file
        (as crawler/notice_pages.py reads it); None for pages."""
        if response.status != 200:
            return None
        kind = request.meta.get("kind")
        if kind == "attachment":
            link = request.cb_kwargs.get("link")
            return link if isinstance(link, Link) else None
        if kind == "detail" and not isinstance(response, TextResponse):
            return Link(name=request.meta.get("list_title") or "", url=response.url, ext=None)
        return None
