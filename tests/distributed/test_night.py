"""The night's run record: each site's own run folded into one row, once; a lost site recorded;
the night judged as a local run is, and read by `notices health` like one."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, select

from crawler.cli.distributed.enqueue import run_distributed
from crawler.cli.distributed.jobs import CrawlOptions
from crawler.cli.distributed.night import (
    LOST,
    close_night,
    done_count,
    fold_site_run,
    merge_stats,
    missing_sites,
    open_night,
    record_lost_site,
    wait_for_night,
)
from crawler.outcomes import SiteOutcome
from models.crawl_run import CrawlRun
from models.health import health
from models.runs import record_crawl_run
from tests.distributed.conftest import drop_queues


@pytest.mark.parametrize(
    ("night", "site", "merged"),
    [
        ({"a": 1}, {"a": 2, "b": 3}, {"a": 3, "b": 3}),
        (
            {"finish_reason": "finished"},
            {"finish_reason": "finished"},
            {"finish_reason": "finished"},
        ),
        (
            {"finish_reason": "finished"},
            {"finish_reason": "shutdown"},
            {"finish_reason": "shutdown"},
        ),
        ({"x": 1.5}, {"x": 1, "start_time": "2025-01-01", "flag": True}, {"x": 2.5}),
    ],
)
def test_merge_stats(night: dict[str, Any], site: dict[str, Any], merged: dict[str, Any]) -> None:
    assert merge_stats(night, site) == merged


def site_run(engine: Engine, site_id: str, items: int) -> int:
    """What the store records after a crawl of one site (pipelines/store.py)."""
    outcome = SiteOutcome(site_id, items=items, list_pages=1, entries=items)
    now = datetime.now(UTC)
    return record_crawl_run(
        engine,
        region="demo",
        started_at=now,
        finished_at=now,
        outcome="ok" if items else "failed",
        stats={"notices/db/inserted": items, "finish_reason": "finished"},
        site_outcomes={site_id: outcome.to_dict()},
    )


@pytest.mark.postgres
def test_a_night_is_one_run_with_a_row_per_site(pg_engine: Engine) -> None:
    night = open_night(pg_engine, "demo", 3)
    site_run(pg_engine, "a", 2)  # a crawl killed after recording its run, before its fold
    site_run(pg_engine, "a", 1)  # the broker's redelivery crawled the site again
    assert fold_site_run(pg_engine, night, "a")
    assert not fold_site_run(pg_engine, night, "a")  # once only
    site_run(pg_engine, "b", 0)
    assert fold_site_run(pg_engine, night, "b")
    assert not fold_site_run(pg_engine, night, "c")  # c left no run: nothing to fold
    assert missing_sites(pg_engine, night, ["a", "b", "c"]) == ["c"]
    record_lost_site(pg_engine, night, "c", "h3", "its crawl process exited with -9")
    record_lost_site(pg_engine, night, "c", "h3", "again")  # once only
    assert done_count(pg_engine, night) == 3

    closed = close_night(pg_engine, night)
    assert closed.outcome == "partial"  # b yielded nothing, c was lost
    assert closed.stats["notices/db/inserted"] == 3  # what both crawls of `a` wrote
    assert closed.sites["a"]["items"] == 1  # the newest crawl's outcome
    assert closed.sites["c"]["failed"] == {LOST: 1}
    with pg_engine.connect() as conn:
        runs = conn.execute(select(CrawlRun.id, CrawlRun.finished_at)).all()
        report = health(conn, now=datetime.now(UTC), nights=1)
    assert [r.id for r in runs] == [night] and runs[0].finished_at is not None
    by_site = {s.site_id: s for s in report.sites}
    assert {n.run_id for s in ("b", "c") for n in by_site[s].nights} == {night}
    assert by_site["b"].needs_person
    assert by_site["c"].nights[0].failed


def test_a_night_whose_jobs_no_worker_takes_ends_at_its_deadline(pg_migrated_url: str) -> None:
    options = CrawlOptions(settings={"NOTICES_NIGHT_HOURS": "0"})
    try:
        summary = run_distributed("demo", None, options, pg_migrated_url, poll=0.01)
    finally:
        drop_queues(pg_migrated_url)
    assert summary.sites and {s["failed"].get(LOST) for s in summary.sites} == {1}
    assert summary.outcome == "failed" and summary.exit_code != 0


def test_waiting_for_the_night_stops_at_the_deadline(pg_engine: Engine) -> None:
    night = open_night(pg_engine, "demo", 1)
    assert not wait_for_night(pg_engine, night, 1, poll=0.01, deadline=time.monotonic())
    record_lost_site(pg_engine, night, "a", "h1", "gone")
    assert wait_for_night(pg_engine, night, 1, poll=0.01, deadline=time.monotonic())
