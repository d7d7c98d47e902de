"""Polite retries (backoff, Retry-After) and the per-site stop after repeated blocks."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from crawler.middlewares import PoliteRetryMiddleware, SiteGateMiddleware, retry_after_seconds
from crawler.outcomes import SiteOutcome
from pipelines.common.settings import RETRY_AFTER_MAX, RETRY_BACKOFF, RETRY_BACKOFF_MAX


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


class FakeSpider:
    name = "fake"

    def __init__(self) -> None:
        self.site_outcomes = {"s": SiteOutcome("s")}


def make_retry(**settings: object) -> tuple[PoliteRetryMiddleware, FakeSpider]:
    crawler = get_crawler(
        settings_dict={
            "NOTICES_RETRY_BACKOFF": 0.0,
            "NOTICES_RETRY_AFTER_MAX": 0.0,  # never actually sleep in tests
            "RETRY_TIMES": 2,
            **settings,
        }
    )
    spider = FakeSpider()
    spider.crawler = crawler  # type: ignore[attr-defined]
    crawler.spider = spider  # type: ignore[assignment]
    mw = PoliteRetryMiddleware.from_crawler(crawler)
    return mw, spider


def test_wait_uses_retry_after_then_backoff() -> None:
    mw, _ = make_retry(NOTICES_RETRY_BACKOFF=2.0, NOTICES_RETRY_AFTER_MAX=60.0)
    request = Request("http://h/", meta={"retry_times": 2})
    limited = Response("http://h/", status=429, headers={"Retry-After": "7"})
    assert mw._wait(request, limited) == 7.0
    assert mw._wait(request) == 8.0  # 2 s doubled twice
    capped = Response("http://h/", status=429, headers={"Retry-After": "9999"})
    assert mw._wait(request, capped) == 60.0


def test_429_is_retried_and_reported_to_the_site() -> None:
    mw, spider = make_retry()
    request = Request("http://h/list", meta={"site_id": "s"})
    limited = Response("http://h/list", status=429, headers={"Retry-After": "2"})
    retried = asyncio.run(mw.process_response(request, limited))
    assert isinstance(retried, Request) and retried.meta["retry_times"] == 1
    assert spider.site_outcomes["s"].problems["rate_limited"] == 1
    ok = Response("http://h/list", status=200)
    assert asyncio.run(mw.process_response(request, ok)) is ok


def test_gives_up_after_retry_times() -> None:
    mw, _ = make_retry(RETRY_TIMES=1)
    request = Request("http://h/", meta={"retry_times": 1, "site_id": "s"})
    failing = Response("http://h/", status=503)
    assert asyncio.run(mw.process_response(request, failing)) is failing


def test_gate_drops_requests_of_a_stopped_site() -> None:
    crawler = get_crawler()
    spider = FakeSpider()
    crawler.spider = spider  # type: ignore[assignment]
    gate = SiteGateMiddleware.from_crawler(crawler)
    request = Request("http://h/", meta={"site_id": "s"})
    assert gate.process_request(request) is None
    spider.site_outcomes["s"].stopped = True
    with pytest.raises(IgnoreRequest):
        gate.process_request(request)
    assert gate.process_request(Request("http://other/")) is None


def test_backoff_defaults_are_the_registry_ones() -> None:
    mw = PoliteRetryMiddleware.from_crawler(get_crawler())
    assert (mw.backoff, mw.backoff_max, mw.retry_after_max) == (
        RETRY_BACKOFF.default,
        RETRY_BACKOFF_MAX.default,
        RETRY_AFTER_MAX.default,
    )
    assert (mw.backoff, mw.backoff_max, mw.retry_after_max) == (2.0, 60.0, 300.0)
