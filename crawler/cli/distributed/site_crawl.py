"""The crawl of one site of a job, in a process of its own forked from the worker's forkserver:
a fresh Twisted reactor per site (it starts once per process), memory returned when it ends, and
the project's imports paid once, in the forkserver, not once per site.

The process dies with its worker: when the worker is killed (even with -9), its end of the
process's sentinel pipe closes and the crawl stops at once, so the broker's redelivery of the
job never has two crawls of one host running.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import resource
import sys
import threading

from crawler.cli.crawl_cmd import run_crawl
from crawler.cli.distributed.jobs import CrawlOptions
from crawler.cli.distributed.night import fold_site_run
from crawler.cli.distributed.preload import warm_up
from crawler.seeds import SeedError
from models.db import make_engine
from pipelines.common.settings import SettingError

logger = logging.getLogger(__name__)

warm_up()  # this module is the forkserver's preload (crawler/cli/distributed/job.py)

ORPHANED = 70  # exit code of a crawl whose worker died (EX_SOFTWARE; never seen by the worker)


def _die_with_parent() -> None:
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(ORPHANED)  # no cleanup: the store's writes are committed batches, upserted again

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def crawl_site(run_id: int, site_id: str, options: CrawlOptions, db_url: str) -> None:
    """Crawl `site_id` as `notices crawl --site` does, then fold its run into night `run_id`."""
    _die_with_parent()
    try:
        summary = run_crawl(
            None,
            site=site_id,
            seeds_dir=options.seeds,
            db_url=db_url,
            since=options.since,
            max_pages=options.max_pages,
            full=options.full,
            settings=options.settings,
        )
    except (SeedError, SettingError) as exc:
        print(f"error: site {site_id}: {exc}", file=sys.stderr)
        sys.exit(2)
    engine = make_engine(db_url)
    try:
        fold_site_run(engine, run_id, site_id)
    finally:
        engine.dispose()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        f"worker: site {site_id} {summary.outcome} in {summary.elapsed:.1f} s, "
        f"{summary.pages_fetched} pages, CPU {usage.ru_utime + usage.ru_stime:.2f} s, "
        f"peak RSS {usage.ru_maxrss / 1024:.0f} MB",
        file=sys.stderr,
        flush=True,
    )
