"""`notices crawl --distributed`: the night's run row, one job per host on the queue, then wait
until every site is in and judge the night as a local crawl is judged.

The enqueuer holds what a local crawl holds: under `notices nightly`, the archive's lock
(models/archive_lock.py) stays with the nightly process for the whole night, waiting included.
Workers take no lock: they write pages and outcome rows as any crawl does, and the lock is about
nights, not writers.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from crawler.cli.crawl_cmd import CrawlSummary, summarise
from crawler.cli.distributed import broker as engine_broker
from crawler.cli.distributed import job as worker_job
from crawler.cli.distributed.jobs import CrawlOptions, night_jobs
from crawler.cli.distributed.night import (
    as_outcomes,
    close_night,
    missing_sites,
    open_night,
    record_lost_site,
    wait_for_night,
)
from crawler.run_context import RunContext
from models.db import make_engine
from pipelines.common import settings


def run_distributed(
    region: str | None,
    site: str | None,
    options: CrawlOptions,
    db_url: str,
    *,
    progress: Callable[[int, int], None] | None = None,
    poll: float = 0.25,  # a count of the night's rows: cheap, and the night's end is seen soon
) -> CrawlSummary:
    """Raises DistributedError (SQLite, no broker) or SeedError before anything is enqueued."""
    url = engine_broker.archive_url(db_url)
    context = RunContext.for_run(region, site, options.seeds)
    sites = list(context.sites.values())
    broker = engine_broker.connect()
    engine = make_engine(url)
    started = time.monotonic()
    try:
        actor = engine_broker.declare(broker, url, worker_job.crawl_host)
        run_id = open_night(engine, context.region_name, len(sites))
        for job in night_jobs(run_id, sites, options):
            actor.send(job.to_message())
        broker.close()
        deadline = started + 3600 * settings.read(settings.NIGHT_HOURS, options.settings)
        if not wait_for_night(
            engine, run_id, len(sites), poll=poll, progress=progress, deadline=deadline
        ):
            # a job lost for good (dead-lettered, no worker left): its sites count as lost
            why = "not crawled within NOTICES_NIGHT_HOURS of the night's start"
            for site_id in missing_sites(engine, run_id, [s.id for s in sites]):
                record_lost_site(
                    engine, run_id, site_id, context.sites[site_id].sources[0].url, why
                )
        night = close_night(engine, run_id)
    finally:
        broker.close()
        engine.dispose()
    names = {s.id: s.name for s in sites}
    return summarise(
        context.region_name,
        night.stats,
        as_outcomes(night.sites),
        names,
        time.monotonic() - started,
    )
