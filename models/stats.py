"""Counts over the archive for `notices stats`: per region, site and year, and recent runs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, extract, func, select

from models.crawl_run import CrawlRun
from models.notice import Notice, Problem
from models.raw_page import RawPage
from models.site import Site

NOTICES = cast(Table, Notice.__table__)
PROBLEMS = cast(Table, Problem.__table__)
RAW_PAGES = cast(Table, RawPage.__table__)
SITES = cast(Table, Site.__table__)
RUNS = cast(Table, CrawlRun.__table__)


@dataclass(frozen=True, slots=True)
class RunSummary:
    id: int
    region: str | None
    started_at: datetime
    finished_at: datetime | None
    outcome: str | None
    flagged: int  # sites that needed a person
    inserted: int
    updated: int
    unchanged: int
    spooled: int


def totals(conn: Connection) -> dict[str, int]:
    def n(table: Table) -> int:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())

    return {
        "notices": n(NOTICES),
        "problems": n(PROBLEMS),
        "other pages": n(RAW_PAGES),
        "sites": n(SITES),
        "crawl runs": n(RUNS),
    }


def by_region(conn: Connection) -> list[tuple[str | None, int, int]]:
    """(region, notices, problems), most notices first."""
    problems = (
        select(PROBLEMS.c.notice_id, func.count().label("n"))
        .group_by(PROBLEMS.c.notice_id)
        .subquery()
    )
    query = (
        select(
            NOTICES.c.region,
            func.count(NOTICES.c.id),
            func.coalesce(func.sum(problems.c.n), 0),
        )
        .outerjoin(problems, problems.c.notice_id == NOTICES.c.id)
        .group_by(NOTICES.c.region)
        .order_by(func.count(NOTICES.c.id).desc(), NOTICES.c.region)
    )
    return [(r, int(n), int(p)) for r, n, p in conn.execute(query)]


def by_site(conn: Connection) -> list[tuple[str, str | None, int, int]]:
    """(site id, site name, notices, other pages) for every site seen, most notices first."""
    notices = (
        select(NOTICES.c.site_id, func.count().label("n")).group_by(NOTICES.c.site_id).subquery()
    )
    raw = (
        select(RAW_PAGES.c.site_id, func.count().label("n"))
        .group_by(RAW_PAGES.c.site_id)
        .subquery()
    )
    n_notices = func.coalesce(notices.c.n, 0)
    query = (
        select(SITES.c.id, SITES.c.name, n_notices, func.coalesce(raw.c.n, 0))
        .outerjoin(notices, notices.c.site_id == SITES.c.id)
        .outerjoin(raw, raw.c.site_id == SITES.c.id)
        .order_by(n_notices.desc(), SITES.c.id)
    )
    return [(sid, name, int(n), int(r)) for sid, name, n, r in conn.execute(query)]


def by_year(conn: Connection) -> list[tuple[int | None, int]]:
    """(publication year or None when undated, notices), in year order, undated last."""
    year = extract("year", NOTICES.c.published_date)
    query = select(year, func.count()).group_by(year).order_by(year.is_(None), year)
    return [(int(y) if y is not None else None, int(n)) for y, n in conn.execute(query)]


def last_runs(conn: Connection, limit: int = 10) -> list[RunSummary]:
    query = select(RUNS).order_by(RUNS.c.started_at.desc(), RUNS.c.id.desc()).limit(limit)
    return [_summary(r._mapping) for r in conn.execute(query)]


def _summary(row: Any) -> RunSummary:
    stats = row["stats"] or {}

    def count(outcome: str) -> int:
        return int(stats.get(f"notices/db/{outcome}", 0))

    return RunSummary(
        id=row["id"],
        region=row["region"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        outcome=row["outcome"],
        flagged=int(stats.get("notices/sites_flagged", 0)),
        inserted=count("inserted"),
        updated=count("updated"),
        unchanged=count("unchanged"),
        spooled=count("spooled"),
    )
