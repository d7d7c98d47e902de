"""Entry point of the `notices` console script."""

from __future__ import annotations

import sys

# Importing the command modules registers their commands on the app.
from crawler.cli import (  # noqa: F401
    crawl_cmd,
    db_cmd,
    demo_cmd,
    explain_cmd,
    export_cmd,
    health_cmd,
    history_cmd,
    link_cmd,
    nightly_cmd,
    parse_cmd,
    recheck_cmd,
    reparse_cmd,
    search_cmd,
    serve_cmd,
    sites_cmd,
    stats_cmd,
    worker_cmd,
)
from crawler.cli.app import app
from crawler.usage_errors import USAGE_ERRORS, USAGE_EXIT, one_line


def main() -> None:
    try:
        app()
    except USAGE_ERRORS as exc:  # a mistake in what the user gave: one line, not a traceback
        print(one_line(exc), file=sys.stderr)
        sys.exit(USAGE_EXIT)
