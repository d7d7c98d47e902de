"""Polite retries (backoff, Retry-After), the per-site stop after repeated blocks, and attachment
text read beside the event loop."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from crawler import run_context
from crawler.attachment_text import Limits
from crawler.attachments import Link
from crawler.fetched_attachments import TEXT_META
from crawler.middlewares import (
    AttachmentTextMiddleware,
    PoliteRetryMiddleware,
    SiteGateMiddleware,
    retry_after_seconds,
)
from crawler.outcomes import OutcomeLedger, SiteOutcome
from crawler.run_context import RunContext
from pipelines.common.settings import RETRY_AFTER_MAX, RETRY_BACKOFF, RETRY_BACKOFF_MAX
from tests.farm.hostile import xml_bomb_docx


@pytest.mark.parametrize(
    ("value", "expected"),
    [(b"5", 5.0), ("120", 120.0), (None, None), (b"soon", None)],
)
def test_retry_after_seconds(value: bytes | str | None, expected: float | None) -> None:
    assert retry_after_seconds(value) == expected


def test_retry_after_http_date() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    header = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert retry_after_seconds(header, now=now.timestamp()) == 30.0


def with_context(crawler: Crawler) -> RunContext:
    """A run of one site "s", attached to the crawler as the spider's from_crawler does."""
    context = RunContext(
        region_name="r",
        sites={},
        clean_rules={},
        unusable_rules=(),
        outcomes=OutcomeLedger([SiteOutcome("s")]),
    )
    run_context.attach(crawler, context)
    crawler.spider = Spider.from_crawler(crawler, "fake")  # Scrapy's retry wants one
    return context


def make_retry(**settings: object) -> tuple[PoliteRetryMiddleware, RunContext]:
    crawler = get_crawler(
        settings_dict={
            "NOTICES_RETRY_BACKOFF": 0.0,
            "NOTICES_RETRY_AFTER_MAX": 0.0,  # never actually sleep in tests
            "RETRY_TIMES": 2,
            **settings,
        }
    )
    context = with_context(crawler)
    return PoliteRetryMiddleware.from_crawler(crawler), context


def test_wait_uses_retry_after_then_backoff() -> None:
    mw, _ = make_retry(NOTICES_RETRY_BACKOFF=2.0, NOTICES_RETRY_AFTER_MAX=60.0)
    request = Request("http://h/", meta={"retry_times": 2})
    limited = Response("http://h/", status=429, headers={"Retry-After": "7"})
    assert mw._wait(request, limited) == 7.0
    assert mw._wait(request) == 8.0  # 2 s doubled twice
    capped = Response("http://h/", status=429, headers={"Retry-After": "9999"})
    assert mw._wait(request, capped) == 60.0


def test_429_is_retried_and_reported_to_the_site() -> None:
    mw, context = make_retry()
    request = Request("http://h/list", meta={"site_id": "s"})
    limited = Response("http://h/list", status=429, headers={"Retry-After": "2"})
    retried = asyncio.run(mw.process_response(request, limited))
    assert isinstance(retried, Request) and retried.meta["retry_times"] == 1
    assert context.outcomes["s"].problems["rate_limited"] == 1
    ok = Response("http://h/list", status=200)
    assert asyncio.run(mw.process_response(request, ok)) is ok


def test_gives_up_after_retry_times() -> None:
    mw, _ = make_retry(RETRY_TIMES=1)
    request = Request("http://h/", meta={"retry_times": 1, "site_id": "s"})
    failing = Response("http://h/", status=503)
    assert asyncio.run(mw.process_response(request, failing)) is failing


def test_gate_drops_requests_of_a_stopped_site() -> None:
    crawler = get_crawler()
    context = with_context(crawler)
    gate = SiteGateMiddleware.from_crawler(crawler)
    request = Request("http://h/", meta={"site_id": "s"})
    assert gate.process_request(request) is None
    context.outcomes["s"].stopped = True
    with pytest.raises(IgnoreRequest):
        gate.process_request(request)
    assert gate.process_request(Request("http://other/")) is None


def test_without_a_run_context_the_middlewares_only_retry() -> None:
    # another spider's crawl (e.g. `scrapy runspider`): no ledger to record into or gate on
    crawler = get_crawler(settings_dict={"NOTICES_RETRY_AFTER_MAX": 0.0})
    crawler.spider = Spider.from_crawler(crawler, "other")
    mw = PoliteRetryMiddleware.from_crawler(crawler)
    request = Request("http://h/", meta={"site_id": "s"})
    limited = Response("http://h/", status=429, headers={"Retry-After": "1"})
    assert isinstance(asyncio.run(mw.process_response(request, limited)), Request)
    assert SiteGateMiddleware.from_crawler(crawler).process_request(request) is None


def test_backoff_defaults_are_the_registry_ones() -> None:
    mw = PoliteRetryMiddleware.from_crawler(get_crawler())
    assert (mw.backoff, mw.backoff_max, mw.retry_after_max) == (
        RETRY_BACKOFF.default,
        RETRY_BACKOFF_MAX.default,
        RETRY_AFTER_MAX.default,
    )
    assert (mw.backoff, mw.backoff_max, mw.retry_after_max) == (2.0, 60.0, 300.0)


def _file_response(url: str, body: bytes, meta: dict[str, Any], link: Link | None) -> Response:
    request = Request(url, meta=meta, cb_kwargs={"link": link} if link else {})
    return Response(url, body=body, request=request)


def test_attachment_text_is_read_beside_the_event_loop() -> None:
    middleware = AttachmentTextMiddleware(get_crawler().settings)
    url = "http://a/f/bomb.docx"
    response = _file_response(
        url, xml_bomb_docx(), {"kind": "attachment"}, Link("台账.docx", url, "docx")
    )
    middleware.limits = Limits(memory=256 * 1024 * 1024)
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    async def main() -> None:
        ticker = asyncio.create_task(tick())
        assert response.request is not None
        await middleware.process_response(response.request, response)
        ticker.cancel()

    asyncio.run(main())
    assert response.request is not None
    text, error = response.request.meta[TEXT_META]
    assert text is None and error.startswith("extraction_limit: docx")
    assert ticks > 0  # the loop kept running while the child read the file


@pytest.mark.parametrize(
    ("meta", "link", "body", "read"),
    [
        ({"kind": "attachment"}, Link("a.pdf", "http://a/a.pdf", "pdf"), b"%PDF-1.4 x", True),
        ({"kind": "attachment"}, Link("a.xls", "http://a/a.xls", "xls"), b"\0\1", False),
        ({"kind": "detail", "list_title": "通报.pdf"}, None, b"%PDF-1.4 x", True),  # a file
        ({"kind": "list"}, None, b"%PDF-1.4 x", False),
    ],
)
def test_only_downloaded_documents_are_read(
    meta: dict[str, Any], link: Link | None, body: bytes, read: bool
) -> None:
    middleware = AttachmentTextMiddleware(get_crawler().settings)
    response = _file_response("http://a/f", body, meta, link)
    assert response.request is not None
    asyncio.run(middleware.process_response(response.request, response))
    assert (TEXT_META in response.request.meta) is read
