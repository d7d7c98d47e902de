"""`notices serve`: browse the archive in Datasette, with descriptions, facets, search and canned
queries (models/browse.py)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from datasette.app import Datasette
from datasette.plugins import pm
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from crawler.cli import datasette_plugin
from crawler.cli.db_cmd import UrlOption, open_archive
from crawler.cli.typer_apps import app, usage_error
from models import browse
from models.db import database_url, masked_url


@app.command("serve")
def serve(
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8001,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    url: UrlOption = None,
) -> None:
    """Open the archive in Datasette (read-only): tables with their descriptions, facets, the
    full-text search box and canned queries for common questions."""
    url = url or database_url()
    path = sqlite_file(url)
    open_archive(url).dispose()  # reachable and at the schema head, or one line and exit
    ds = build(path)
    typer.echo(f"serving {path} at http://{host}:{port}/ (Ctrl-C stops)")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")


def sqlite_file(url: str) -> Path:
    """The SQLite file of `url`; Datasette reads nothing else."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        usage_error(f"not a database URL: {masked_url(url)}")
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        usage_error(
            f"notices serve reads a SQLite file (Datasette's format), not {masked_url(url)}; "
            "pass --url sqlite:///PATH"
        )
    path = Path(parsed.database)
    if not path.is_file():
        usage_error(f"no archive at {path}: run `notices db upgrade` and a crawl first")
    return path


def build(path: Path) -> Datasette:
    """A started Datasette instance on the archive file, with our metadata and plugin."""
    if not pm.is_registered(datasette_plugin):
        pm.register(datasette_plugin, name="notices-search")
    name = path.stem
    ds = Datasette(
        files=[str(path)],
        metadata=browse.metadata(name),
        settings={"default_page_size": 50, "sql_time_limit_ms": 5000},
    )
    asyncio.run(ds.invoke_startup())
    return ds
