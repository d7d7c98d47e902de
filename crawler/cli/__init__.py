"""Entry point of the `notices` console script.

`notices X` imports only the modules that declare X (crawler/cli/commands.py); the whole app,
every command registered, is `crawler.cli.app`, loaded on first use.
"""

from __future__ import annotations

import sys

import typer

from crawler.cli import commands
from crawler.usage_errors import USAGE_ERRORS, USAGE_EXIT, one_line


def main() -> None:
    from crawler.cli.typer_apps import app

    commands.load(commands.modules_for(sys.argv[1:]))
    try:
        app()
    except USAGE_ERRORS as exc:  # a mistake in what the user gave: one line, not a traceback
        print(one_line(exc), file=sys.stderr)
        sys.exit(USAGE_EXIT)


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # `from crawler.cli import app`: every command registered
        commands.load(commands.ALL)
        from crawler.cli.typer_apps import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
