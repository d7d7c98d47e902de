"""`notices worker`: take crawl jobs from the broker (NOTICES_BROKER_URL) and crawl them into the
shared archive (NOTICES_DB_URL), `--concurrency` hosts at a time, until SIGTERM or Ctrl-C.

Stopping a worker, or losing it, hands its unfinished jobs back to the broker (they were never
acknowledged); another worker crawls them again (docs/distributed.md).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from types import FrameType
from typing import Annotated

import typer

from crawler import exit_codes
from crawler.cli.typer_apps import app
from models.db import DatabaseUrlError, database_url, masked_url
from pipelines.common import settings

_STOP_TIMEOUT_MS = 5000  # then the process ends; a job still running goes back to the queue


@app.command("worker")
def worker(
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-c", min=1, help="Hosts crawled at once.")
    ] = 1,
) -> None:
    """Crawl the jobs of `notices crawl --distributed` (docs/distributed.md)."""
    # here, not at the top: every other `notices` command would pay for the engine's imports
    from dramatiq import Worker

    from crawler.cli.distributed import broker as engine_broker
    from crawler.cli.distributed import job as worker_job

    broker_url = settings.read(settings.BROKER_URL)
    try:
        url = engine_broker.archive_url(database_url())
        broker = engine_broker.connect(broker_url)
    except (engine_broker.DistributedError, DatabaseUrlError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exit_codes.USAGE) from None
    engine_broker.declare(broker, url, worker_job.crawl_host)
    worker_job.start_forkserver()
    dramatiq_worker = Worker(broker, worker_threads=concurrency)
    # one message per thread: a worker never sits on jobs that an idle worker could run
    dramatiq_worker.queue_prefetch = concurrency
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    dramatiq_worker.start()
    typer.echo(
        f"worker: {concurrency} at a time from {engine_broker.queue_name(url)} "
        f"on {masked_url(broker_url)}",
        err=True,
    )
    stop.wait()
    dramatiq_worker.stop(timeout=_STOP_TIMEOUT_MS)
    broker.close()
    sys.stderr.flush()
    # Not a normal exit: multiprocessing would join (or SIGTERM) the sites' processes still
    # crawling, and a crawl stopped gracefully records a run the night would count as done.
    # Gone at once, as after kill -9, they die with this process and the broker redelivers.
    os._exit(exit_codes.OK)
