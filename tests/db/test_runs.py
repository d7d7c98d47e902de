"""Sites and crawl runs of models.runs, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine, select

from models import CrawlRun, CrawlSiteOutcome, Site
from models.runs import json_safe, record_crawl_run, upsert_sites

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
T1 = T0 + timedelta(days=1)


def test_upsert_sites_inserts_then_updates(engine: Engine) -> None:
    site = {
        "id": "site-a",
        "name": "甲",
        "region": "demo",
        "region_code": "320800",
        "publisher": "某局",
        "platform": "trs",
        "list_urls": ["http://127.0.0.1/list/"],
    }
    assert upsert_sites(engine, [site], now=T0) == 1
    upsert_sites(engine, [{**site, "name": "甲（新）"}], now=T1)
    with engine.connect() as conn:
        row = conn.execute(select(Site.__table__)).one()
    assert (row.name, row.platform, row.list_urls) == (
        "甲（新）",
        "trs",
        ["http://127.0.0.1/list/"],
    )
    assert (row.first_seen_at, row.last_seen_at) == (T0, T1)


def test_record_crawl_run_with_site_outcomes(engine: Engine) -> None:
    stats = {"start_time": T0, "item_scraped_count": 3, "notices/db/inserted": 2}
    run_id = record_crawl_run(
        engine,
        region="demo",
        started_at=T0,
        finished_at=T1,
        outcome="finished",
        stats=stats,
        site_outcomes={"site-b": {"outcome": "ok", "items": 3}},
    )
    with engine.connect() as conn:
        run = conn.execute(select(CrawlRun.__table__).where(CrawlRun.id == run_id)).one()
        site_rows = conn.execute(select(CrawlSiteOutcome.__table__)).all()
    assert run.stats == {
        "start_time": T0.isoformat(),
        "item_scraped_count": 3,
        "notices/db/inserted": 2,
    }
    assert (run.outcome, run.finished_at) == ("finished", T1)
    assert [(r.site_id, r.outcome, r.details["items"]) for r in site_rows] == [("site-b", "ok", 3)]


def test_json_safe() -> None:
    value = {"a": (1, date(2024, 1, 2)), 3: {"b": {1.5, None} - {None}}, "c": object}
    assert json_safe(value) == {"a": [1, "2024-01-02"], "3": {"b": [1.5]}, "c": str(object)}
