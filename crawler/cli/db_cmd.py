"""`notices db ...`: bring the schema to head, show the revision, replay the spool."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer
from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.util.exc import CommandError
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from crawler.cli.app import db_app
from migrations import alembic_config
from models.db import database_url, make_engine, masked_url, schema_is_at_head
from pipelines import spool

URL_HELP = "Database URL; default: NOTICES_DB_URL, else sqlite:///data/notices.db."
UrlOption = Annotated[str | None, typer.Option("--url", help=URL_HELP, show_default=False)]


@db_app.command("upgrade")
def upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
    url: UrlOption = None,
) -> None:
    """Create or migrate the schema to the latest revision (Alembic `upgrade head`)."""
    url = url or database_url()
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), revision)
            current = MigrationContext.configure(conn).get_current_heads()
    except (SQLAlchemyError, CommandError) as exc:
        # CommandError: e.g. a revision this code does not know (a newer version migrated it).
        _fail(f"cannot upgrade {masked_url(url)}: {_first_line(exc)}")
    finally:
        engine.dispose()
    typer.echo(f"{masked_url(url)} is at revision {', '.join(current) or 'base'}")


@db_app.command("current")
def current(url: UrlOption = None) -> None:
    """Print the database's schema revision (empty: no schema yet)."""
    url = url or database_url()
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            heads = MigrationContext.configure(conn).get_current_heads()
    except SQLAlchemyError as exc:
        _fail(f"cannot read {masked_url(url)}: {_first_line(exc)}")
    finally:
        engine.dispose()
    typer.echo(", ".join(heads) or "base (no schema: run `notices db upgrade`)")


@db_app.command("replay")
def replay(
    spool_file: Annotated[
        Path | None,
        typer.Option("--spool", help="Spool file; default: NOTICES_SPOOL, else data/spool.jsonl."),
    ] = None,
    url: UrlOption = None,
) -> None:
    """Write the pages spooled while the database was unreachable, then remove the spool."""
    url = url or database_url()
    path = spool_file or spool.spool_path()
    if not path.exists() and not path.with_name(path.name + ".replaying").exists():
        typer.echo(f"nothing to replay: {path} does not exist")
        return
    path.touch()  # an interrupted replay left only the .replaying file
    engine = make_engine(url)
    try:
        counts = spool.replay(engine, path)
    except (SQLAlchemyError, spool.SpoolError) as exc:
        _fail(f"replay into {masked_url(url)} failed, spool kept at {path}: {_first_line(exc)}")
    finally:
        engine.dispose()
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "no pages"
    typer.echo(f"replayed {path} into {masked_url(url)}: {summary}")


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _first_line(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    lines = str(orig if orig is not None else exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def open_archive(url: str | None) -> Engine:
    """An engine on a reachable database at the schema head, else a clear error and exit 1."""
    url = url or database_url()
    engine = make_engine(url)
    try:
        at_head = schema_is_at_head(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        _fail(f"cannot read {masked_url(url)}: {_first_line(exc)}")
    if not at_head:
        engine.dispose()
        _fail(f"{masked_url(url)} is not at the schema head: run `notices db upgrade` first")
    return engine
