"""`notices stats` prints the archive's tables (counts: tests/models/test_stats.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from crawler.cli import app
from models.runs import record_crawl_run, upsert_sites
from models.upsert import write_pages
from models.writes import PageWrite

runner = CliRunner()


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


def test_command_prints_the_tables(archive: Engine, migrated_url: str) -> None:
    result = runner.invoke(app, ["stats", "--url", migrated_url])
    assert result.exit_code == 0, result.output
    for text in ("Notices per region", "甲站", "2024", "Last 10 crawl runs", "finished", "2m05s"):
        assert text in result.output
