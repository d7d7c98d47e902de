"""A job on a worker: the sites of one host, one after the other, each crawled in its own process
(crawler/cli/distributed/site_crawl.py), so the host never sees more than one crawl, that is more than
its own politeness limits (crawler/politeness.py), however many workers run.

Idempotent, because the broker may hand a job out again (its worker died before acknowledging
it, or RabbitMQ's consumer_timeout closed its channel while it ran: the copy then waits for the
host's lease, crawler/cli/distributed/lease.py): a site the night already holds is skipped, and
a site crawled again writes the same rows (the store's upsert; an unchanged page adds no
version).
"""

from __future__ import annotations

import multiprocessing
from typing import Any

from sqlalchemy import Engine

from crawler.cli.distributed.jobs import Job
from crawler.cli.distributed.lease import host_lease
from crawler.cli.distributed.night import fold_site_run, missing_sites, record_lost_site
from models.db import database_url, make_engine

# The forkserver imports the crawler once; each site's process is forked from it, clean (no
# broker connection or threads of the worker) and without paying the imports again.
_PRELOAD = ["crawler.cli.distributed.site_crawl"]  # which warms up the rest (preload.py)
_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(_PRELOAD)


def crawl_host(message: dict[str, Any]) -> None:
    """The `crawl_host` actor: crawl the job's sites into the worker's archive."""
    run_job(Job.from_message(message), database_url())


def start_forkserver() -> None:
    """Start the forkserver and wait until it forks: its imports are then paid before the first
    job, not by it (it imports them before it answers, and starting it does not wait for that)."""
    process = _context.Process(target=_forked, name="forkserver ready")
    process.start()
    process.join()


def _forked() -> None:
    """The first process forked, whose start shows the forkserver has imported the crawler."""


def _crawl_site(*args: Any) -> None:
    """In the site's process: the crawl, imported there (the forkserver holds it already), so
    that the worker itself never imports Scrapy and stays small."""
    from crawler.cli.distributed.site_crawl import crawl_site

    crawl_site(*args)


def run_job(job: Job, db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        with host_lease(engine, job.hosts):
            _crawl_sites(job, db_url, engine)
    finally:
        engine.dispose()


def _crawl_sites(job: Job, db_url: str, engine: Engine) -> None:
    for site_id in missing_sites(engine, job.run_id, job.site_ids):
        process = _context.Process(
            target=_crawl_site,
            args=(job.run_id, site_id, job.options, db_url),
            name=f"crawl {site_id}",
        )
        process.start()
        process.join()
        # a process that recorded its run but died before folding it leaves it to us
        fold_site_run(engine, job.run_id, site_id)
        if missing_sites(engine, job.run_id, [site_id]):
            where = ", ".join(job.hosts)
            reason = f"its crawl process exited with {process.exitcode} and left no run"
            record_lost_site(engine, job.run_id, site_id, where, reason)
