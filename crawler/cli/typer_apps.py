"""The `notices` command: one typer app; each command lives in its own module."""

from __future__ import annotations

from typing import NoReturn

import typer

from crawler import exit_codes

app = typer.Typer(
    help="Archive of inspection-rectification notices: crawl, parse, store, export.",
    no_args_is_help=True,
    add_completion=False,
)
db_app = typer.Typer(help="Database schema and maintenance.", no_args_is_help=True)
sites_app = typer.Typer(help="The site registry in seeds/.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(sites_app, name="sites")


def usage_error(message: str) -> NoReturn:
    """A mistake in the command's input: one line on stderr, exit 2."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(exit_codes.USAGE)
