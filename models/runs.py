"""Crawl runs with their per-site outcomes, and the registry's sites they refer to."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table

from models.crawl_run import CrawlRun, CrawlSiteOutcome
from models.native_upsert import dialect_insert, on_conflict_nothing, on_conflict_update
from models.site import Site

SITES = cast(Table, Site.__table__)
CRAWL_RUNS = cast(Table, CrawlRun.__table__)
SITE_OUTCOMES = cast(Table, CrawlSiteOutcome.__table__)


def ensure_sites(conn: Connection, regions: Mapping[str, str | None], *, now: datetime) -> None:
    """Create a minimal row for each unknown site id, so that pages can reference it."""
    if not regions:
        return
    rows: list[dict[str, Any]] = [
        {"id": sid, "region": region, "list_urls": [], "first_seen_at": now, "last_seen_at": now}
        for sid, region in regions.items()
    ]
    conn.execute(on_conflict_nothing(dialect_insert(conn, SITES), ["id"]), rows)


def upsert_sites(
    engine: Engine, sites: Iterable[Mapping[str, Any]], *, now: datetime | None = None
) -> int:
    """Store the registry's sites (dicts with id, name, region, region_code, publisher, platform,
    list_urls); existing rows take the new values. Returns the number of sites written."""
    now = now or datetime.now(UTC)
    rows = [
        {
            "id": str(s["id"]),
            "name": s.get("name"),
            "region": s.get("region"),
            "region_code": s.get("region_code"),
            "publisher": s.get("publisher"),
            "platform": s.get("platform"),
            "list_urls": list(s.get("list_urls") or []),
            "first_seen_at": now,
            "last_seen_at": now,
        }
        for s in sites
    ]
    if not rows:
        return 0
    with engine.begin() as conn:
        stmt = dialect_insert(conn, SITES)
        keep = {"id", "first_seen_at"}
        stmt = on_conflict_update(
            stmt,
            ["id"],
            {c.name: stmt.excluded[c.name] for c in SITES.columns if c.name not in keep},
        )
        conn.execute(stmt, rows)
    return len(rows)


def record_crawl_run(
    engine: Engine,
    *,
    region: str | None,
    started_at: datetime,
    finished_at: datetime | None,
    outcome: str | None,
    stats: Mapping[str, Any],
    site_outcomes: Mapping[str, Mapping[str, Any]] | None = None,
) -> int:
    """Write one crawl run and its per-site outcomes; returns the run id."""
    site_outcomes = site_outcomes or {}
    with engine.begin() as conn:
        run_id = conn.execute(
            CRAWL_RUNS.insert().returning(CRAWL_RUNS.c.id),
            {
                "region": region,
                "started_at": started_at,
                "finished_at": finished_at,
                "outcome": outcome,
                "stats": json_safe(stats),
            },
        ).scalar_one()
        if site_outcomes:
            now = finished_at or datetime.now(UTC)
            ensure_sites(conn, dict.fromkeys(site_outcomes, region), now=now)
            rows = [
                {
                    "run_id": run_id,
                    "site_id": sid,
                    "outcome": str(details.get("outcome", "unknown")),
                    "details": json_safe(details),
                }
                for sid, details in site_outcomes.items()
            ]
            conn.execute(SITE_OUTCOMES.insert(), rows)
    return int(run_id)


def json_safe(value: Any) -> Any:
    """`value` with datetimes, dates and other non-JSON leaves turned into strings."""
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_safe(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)
