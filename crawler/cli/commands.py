"""Which modules declare each `notices` command, so that a command imports its own module only.

Importing every command costs about 2 CPU-seconds (Scrapy, Datasette, pyarrow, Alembic, the
parser), paid by `notices search` and by each of a night's processes alike. The decorators in the
modules are the declaration; this table is tested against them (tests/cli/test_commands.py).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

# the first word after `notices` -> the modules (of crawler.cli) whose decorators declare it
COMMANDS: dict[str, tuple[str, ...]] = {
    "crawl": ("crawl_cmd",),
    "db": ("db_cmd", "search_cmd"),  # db reindex rebuilds the search index
    "demo": ("demo_cmd",),
    "explain": ("explain_cmd",),
    "export": ("export_cmd",),
    "health": ("health_cmd",),
    "history": ("history_cmd",),
    "link": ("link_cmd",),
    "nightly": ("nightly_cmd",),
    "parse": ("parse_cmd",),
    "recheck": ("recheck_cmd",),
    "reparse": ("reparse_cmd",),
    "search": ("search_cmd",),
    "serve": ("serve_cmd",),
    "sites": ("sites_cmd",),
    "stats": ("stats_cmd",),
    "worker": ("worker_cmd",),
}
ALL = tuple(dict.fromkeys(m for modules in COMMANDS.values() for m in modules))


def modules_for(argv: Sequence[str]) -> tuple[str, ...]:
    """The modules a command line needs: its command's, or all of them for the app's own help,
    no command, or a word that is no command (typer's message then lists them all)."""
    if argv and argv[0] in COMMANDS:
        return COMMANDS[argv[0]]
    return ALL


def load(modules: Sequence[str]) -> None:
    for name in modules:
        importlib.import_module(f"crawler.cli.{name}")
