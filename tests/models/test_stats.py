"""Counts over the archive per region, site and year, and the last runs, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from models import stats
from models.runs import record_crawl_run, upsert_sites
from models.upsert import write_pages
from models.writes import PageWrite


def page(n: int, site: str, published: str | None, *, notice: bool = True) -> PageWrite:
    url = f"http://127.0.0.1/{n}.html"
    record = {
        "is_notice": notice,
        "published_date": published,
        "body_text": str(n),
        "problems": [{"title": "p"}] * n,
    }
    return PageWrite(url, url, site, "demo", 200, datetime(2025, 1, 1, tzinfo=UTC), b"x", record)


@pytest.fixture
def archive(engine: Engine) -> Engine:
    upsert_sites(engine, [{"id": "a", "name": "甲站", "region": "demo"}])
    write_pages(
        engine,
        [
            page(1, "a", "2024-05-01"),
            page(2, "a", "2023-01-01"),
            page(3, "b", None),
            page(4, "b", None, notice=False),
        ],
    )
    t0 = datetime(2025, 1, 1, 8, 0, tzinfo=UTC)
    record_crawl_run(
        engine,
        region="demo",
        started_at=t0,
        finished_at=t0.replace(minute=2, second=5),
        outcome="finished",
        stats={"notices/db/inserted": 3, "notices/db/unchanged": 1},
    )
    return engine


def test_counts(archive: Engine) -> None:
    with archive.connect() as conn:
        assert stats.totals(conn) == {
            "notices": 3,
            "problems": 6,
            "other pages": 1,
            "sites": 2,
            "crawl runs": 1,
        }
        assert stats.by_region(conn) == [("demo", 3, 6)]
        assert stats.by_site(conn) == [("a", "甲站", 2, 0), ("b", None, 1, 1)]
        assert stats.by_year(conn) == [(2023, 1), (2024, 1), (None, 1)]
        [run] = stats.last_runs(conn)
    assert (run.region, run.outcome, run.inserted, run.unchanged, run.updated) == (
        "demo",
        "finished",
        3,
        1,
        0,
    )
