"""At most CONCURRENT_REQUESTS_PER_DOMAIN requests in flight per host with DOWNLOAD_DELAY=0,
counted from the farm's request log (crawler/politeness.py `Downloader`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crawler.settings import CONCURRENT_REQUESTS_PER_DOMAIN
from tests.farm import RequestRecord

from .conftest import FARM_SEEDS, scrapy_crawl

pytestmark = pytest.mark.e2e


def most_in_flight(records: list[RequestRecord]) -> int:
    """The largest number of requests the server held at once: from arrival to answer."""
    events = sorted([(r.started, 1) for r in records] + [(r.ts, -1) for r in records])
    now = peak = 0
    for _, step in events:
        now += step
        peak = max(peak, now)
    return peak


def test_most_in_flight_counts_overlaps() -> None:
    def rec(start: float, end: float) -> RequestRecord:
        return RequestRecord(None, "GET", "/", "", "h", {}, b"", 200, False, end, start)

    assert most_in_flight([rec(0, 1), rec(0.5, 2), rec(1.5, 3), rec(2.5, 4)]) == 2
    assert most_in_flight([rec(0, 1), rec(1, 2)]) == 1  # one ends as the next arrives


def test_no_host_gets_more_than_the_per_domain_limit(farm: Any, tmp_path: Path) -> None:
    farm.reset()
    # every answer takes a while, so a burst would overlap; the site has pages and attachments
    farm.slow("farm-trs", 0.2)
    run = scrapy_crawl(
        ["region=farm", "site=farm-trs", f"seeds={FARM_SEEDS}"],
        env=farm.env(),
        dump=tmp_path / "items.jsonl",
    )
    records = farm.requests_for("farm-trs")
    farm.reset()
    assert run.returncode == 0, run.stderr[-3000:]
    assert len(records) > 10
    assert most_in_flight(records) <= CONCURRENT_REQUESTS_PER_DOMAIN
