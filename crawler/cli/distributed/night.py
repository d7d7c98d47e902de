"""The run record of a distributed night: one `crawl_runs` row for the night, one outcome row per
site, as a local crawl writes them, so that `notices stats` and `notices health` read both alike.

Each site is crawled by the project's spider in a process of its own, whose store records a run
of that one site as usual (models/runs.py). `fold_site_run` then moves that site's outcome into
the night's row and adds the site's counts to the night's stats, in one transaction that locks
the night's row (workers fold concurrently). A site already in the night is never folded twice,
so a job the broker hands out again after its worker died cannot count a site twice.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, delete, func, select, update

from crawler import outcomes
from crawler.outcomes import SiteOutcome
from models.runs import CRAWL_RUNS, SITE_OUTCOMES, ensure_sites, json_safe, record_crawl_run

RUNNING = "running"  # the night's outcome until its last site is in
LOST = "crawl_process_died"  # the failure kind of a site whose crawl left no run
STAT_SITES = "notices/distributed/sites"  # how many sites the night was given
FINISH_REASON = "finish_reason"


def open_night(engine: Engine, region: str, site_count: int) -> int:
    """The night's run row, before any job is on the queue; returns its id."""
    return record_crawl_run(
        engine,
        region=region,
        started_at=datetime.now(UTC),
        finished_at=None,
        outcome=RUNNING,
        stats={STAT_SITES: site_count, FINISH_REASON: outcomes.FINISHED},
    )


def merge_stats(night: Mapping[str, Any], site: Mapping[str, Any]) -> dict[str, Any]:
    """The night's stats with one site's run added: counts summed, a finish reason other than
    `finished` kept (the night did not finish cleanly if one site's crawl did not)."""
    out = dict(night)
    for key, value in site.items():
        if key == FINISH_REASON:
            if value != outcomes.FINISHED:
                out[key] = value
        elif isinstance(value, int | float) and not isinstance(value, bool):
            out[key] = out.get(key, 0) + value
    return out


def sites_in(conn: Connection, run_id: int) -> set[str]:
    rows = conn.execute(select(SITE_OUTCOMES.c.site_id).where(SITE_OUTCOMES.c.run_id == run_id))
    return {r.site_id for r in rows}


def fold_site_run(engine: Engine, run_id: int, site_id: str) -> bool:
    """Move the run the site's crawl recorded into night `run_id`; False when there is none to
    move or the night already holds the site.

    Runs of that one site recorded since the night began whose crawl was killed before its fold
    (the broker then crawled the site again) are folded too: the newest gives the site's outcome,
    all add their counts, none is left as a run of its own."""
    with engine.begin() as conn:
        night = conn.execute(
            select(CRAWL_RUNS.c.stats, CRAWL_RUNS.c.started_at)
            .where(CRAWL_RUNS.c.id == run_id)
            .with_for_update()
        ).one()
        if site_id in sites_in(conn, run_id):
            return False
        sites_per_run = (
            select(SITE_OUTCOMES.c.run_id)
            .group_by(SITE_OUTCOMES.c.run_id)
            .having(func.count() == 1)
            .scalar_subquery()
        )
        own = conn.execute(
            select(CRAWL_RUNS.c.id, CRAWL_RUNS.c.stats)
            .join(SITE_OUTCOMES, SITE_OUTCOMES.c.run_id == CRAWL_RUNS.c.id)
            .where(
                SITE_OUTCOMES.c.site_id == site_id,
                CRAWL_RUNS.c.id != run_id,
                CRAWL_RUNS.c.started_at >= night.started_at,
                CRAWL_RUNS.c.id.in_(sites_per_run),
            )
            .order_by(CRAWL_RUNS.c.id.desc())
        ).all()
        if not own:
            return False
        stats = dict(night.stats)
        for run in own:
            stats = merge_stats(stats, run.stats)
        newest, older = own[0].id, [r.id for r in own[1:]]
        conn.execute(
            update(SITE_OUTCOMES).where(SITE_OUTCOMES.c.run_id == newest).values(run_id=run_id)
        )
        conn.execute(
            update(CRAWL_RUNS).where(CRAWL_RUNS.c.id == run_id).values(stats=json_safe(stats))
        )
        conn.execute(delete(SITE_OUTCOMES).where(SITE_OUTCOMES.c.run_id.in_(older)))
        conn.execute(delete(CRAWL_RUNS).where(CRAWL_RUNS.c.id.in_([newest, *older])))
    return True


def record_lost_site(engine: Engine, run_id: int, site_id: str, url: str, reason: str) -> None:
    """A site whose crawl ended without a run of its own (its process died): an `error` row, so
    that the night completes and `notices health` shows the site."""
    lost = SiteOutcome(site_id)
    lost.record_failure("site", LOST, url, detail=reason)
    details = json_safe(lost.to_dict())
    with engine.begin() as conn:
        conn.execute(select(CRAWL_RUNS.c.id).where(CRAWL_RUNS.c.id == run_id).with_for_update())
        if site_id in sites_in(conn, run_id):
            return
        ensure_sites(conn, {site_id: None}, now=datetime.now(UTC))
        conn.execute(
            SITE_OUTCOMES.insert(),
            {"run_id": run_id, "site_id": site_id, "outcome": lost.outcome, "details": details},
        )


@dataclass(frozen=True, slots=True)
class Night:
    """The night's row and its sites' outcome details, once every site is in."""

    run_id: int
    region: str | None
    outcome: str
    stats: dict[str, Any]
    sites: dict[str, dict[str, Any]]  # outcome details by site id


@dataclass(frozen=True, slots=True)
class StoredOutcome:
    """A site's outcome as its row holds it, with what `outcomes.run_outcome` and the crawl's
    summary read of a SiteOutcome."""

    details: Mapping[str, Any]

    @property
    def flagged(self) -> bool:
        return bool(self.details.get("flagged"))

    @property
    def outcome(self) -> str:
        return str(self.details.get("outcome"))

    def to_dict(self) -> dict[str, Any]:
        return dict(self.details)


def as_outcomes(details: Mapping[str, Mapping[str, Any]]) -> dict[str, SiteOutcome]:
    """The stored details where SiteOutcomes are read (they are only read, never counted into)."""
    return cast(dict[str, SiteOutcome], {sid: StoredOutcome(d) for sid, d in details.items()})


def done_count(engine: Engine, run_id: int) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count(func.distinct(SITE_OUTCOMES.c.site_id))).where(
                    SITE_OUTCOMES.c.run_id == run_id
                )
            ).scalar_one()
        )


def wait_for_night(
    engine: Engine,
    run_id: int,
    expected: int,
    *,
    poll: float = 1.0,
    progress: Any = None,
    deadline: float = float("inf"),
) -> bool:
    """Block until `expected` sites are in the night (`progress(done, expected)` on each change)
    or the monotonic `deadline` passes: True when they are all in."""
    last = -1
    while True:
        done = done_count(engine, run_id)
        if done != last and progress is not None:
            progress(done, expected)
        last = done
        if done >= expected:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(poll)


def close_night(engine: Engine, run_id: int) -> Night:
    """Judge the night from its sites as a local run is judged (crawler/outcomes.py)."""
    with engine.begin() as conn:
        row = conn.execute(
            select(CRAWL_RUNS.c.region, CRAWL_RUNS.c.stats).where(CRAWL_RUNS.c.id == run_id)
        ).one()
        details = {
            r.site_id: dict(r.details)
            for r in conn.execute(
                select(SITE_OUTCOMES.c.site_id, SITE_OUTCOMES.c.details)
                .where(SITE_OUTCOMES.c.run_id == run_id)
                .order_by(SITE_OUTCOMES.c.id)
            )
        }
        stats = dict(row.stats)
        outcome = outcomes.run_outcome(as_outcomes(details).values(), stats.get(FINISH_REASON))
        conn.execute(
            update(CRAWL_RUNS)
            .where(CRAWL_RUNS.c.id == run_id)
            .values(outcome=outcome, finished_at=datetime.now(UTC))
        )
    return Night(run_id, row.region, outcome, stats, details)


def missing_sites(engine: Engine, run_id: int, site_ids: Collection[str]) -> list[str]:
    with engine.connect() as conn:
        have = sites_in(conn, run_id)
    return [s for s in site_ids if s not in have]
