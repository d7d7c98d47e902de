"""`notices demo`: serve the bundled offline demo sites, crawl them into SQLite, print a summary."""

from __future__ import annotations

import errno
import os
from typing import Annotated

import typer

from crawler.cli.crawl_cmd import CrawlSummary, print_summary, run_crawl
from crawler.cli.db_cmd import upgrade
from crawler.cli.typer_apps import app
from crawler.demo import start_demo
from crawler.seeds import SeedError
from models.db import database_url
from pipelines.common import settings as notices_settings

DEMO_REGION = "demo"
# A notice's key is its canonical URL, port included: a fixed port keeps the keys stable from one
# demo run to the next, so the second run finds the notices already archived.
DEMO_PORT = 18765
LOCAL_SETTINGS = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0}


@app.command("demo")
def demo(
    url: Annotated[
        str | None,
        typer.Option(
            "--url", help="Database URL; default: NOTICES_DB_URL, else sqlite:///data/notices.db."
        ),
    ] = None,
    port: Annotated[
        int,
        typer.Option(
            "--port", min=0, max=65535, help="Port for the demo sites; 0 picks a free one."
        ),
    ] = DEMO_PORT,
) -> None:
    """Crawl the offline demo sites (served on 127.0.0.1) with the real spider and summarise."""
    try:
        summary = _serve_and_crawl(url, port)
    except (SeedError, notices_settings.SettingError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    print_summary(summary)
    raise typer.Exit(summary.exit_code)


def _serve_and_crawl(url: str | None, port: int) -> CrawlSummary:
    notices_settings.check()  # a bad NOTICES_* value is one line, before the database is touched
    url = url or database_url()
    upgrade(revision="head", url=url)
    try:
        farm = start_demo(port)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        typer.echo(
            f"port {port} is taken: serving on a free port instead, so the stored URLs differ "
            "from earlier demo runs (pass --port to choose one)",
            err=True,
        )
        farm = start_demo(0)
    with farm:
        # The demo seeds take the port from the environment (seeds/demo.yaml).
        os.environ.update(farm.env())
        typer.echo(f"demo sites served on 127.0.0.1:{farm.port}")
        # The demo sites are our own, on loopback: no need to throttle (real crawls keep it).
        return run_crawl(DEMO_REGION, db_url=url, settings=LOCAL_SETTINGS)
