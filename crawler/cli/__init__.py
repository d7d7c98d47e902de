"""Entry point of the `notices` console script."""

from __future__ import annotations

# Importing the command modules registers their commands on the app.
from crawler.cli import (  # noqa: F401
    crawl_cmd,
    db_cmd,
    demo_cmd,
    export_cmd,
    health_cmd,
    nightly_cmd,
    parse_cmd,
    sites_cmd,
    stats_cmd,
)
from crawler.cli.app import app


def main() -> None:
    app()
