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

from crawler.cli.typer_apps import db_app
from migrations import alembic_config
from models.db import (
    DatabaseUrlError,
    check_url,
    database_url,
    make_engine,
    masked_url,
    schema_is_at_head,
    sqlite_path,
)
from pipelines import spool

URL_HELP = "Database URL; default: NOTICES_DB_URL, else sqlite:///data/notices.db."
UrlOption = Annotated[str | None, typer.Option("--url", help=URL_HELP, show_default=False)]


@db_app.command("upgrade")
def upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
    url: UrlOption = None,
) -> None:
    """Create or migrate the schema to the latest revision (Alembic `upgrade head`)."""
    url = checked_url(url)
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
    url = checked_url(url)
    engine = make_engine(url, read_only=_exists(url))
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
    """Write the pages (and crawl runs) spooled while the database was unreachable, then remove
    the spool."""
    url = checked_url(url)
    path = spool_file or spool.spool_path()
    if not spool.pending(path):
        typer.echo(f"nothing to replay: {path} does not exist")
        return
    engine = make_engine(url)
    try:
        counts = spool.replay(engine, path)
    except (SQLAlchemyError, OSError) as exc:
        _fail(f"replay into {masked_url(url)} failed, spool kept at {path}: {_first_line(exc)}")
    finally:
        engine.dispose()
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "no pages"
    typer.echo(f"replayed {path} into {masked_url(url)}: {summary}")


def checked_url(url: str | None) -> str:
    """The --url value, else NOTICES_DB_URL, else the default; a URL that cannot work is one
    line and exit 2 (a usage error)."""
    try:
        return check_url(url).render_as_string(hide_password=False) if url else database_url()
    except DatabaseUrlError as exc:
        _fail(str(exc), code=2)


def _fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _exists(url: str) -> bool:
    """False for a SQLite file not created yet (a writer would create it)."""
    path = sqlite_path(url)
    return path is None or path.exists()


def _first_line(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    lines = str(orig if orig is not None else exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def open_archive(url: str | None, *, write: bool = False) -> Engine:
    """A read-only engine on a reachable database at the schema head, else a clear error and
    exit 1 (2 for a URL that cannot work). Read-only, so that an archive on a read-only disk, or
    one the user may not write, can still be read; `write` for the maintenance commands."""
    url = checked_url(url)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        _fail(f"no database at {path}: run `notices db upgrade` first")
    engine = make_engine(url, read_only=not write)
    try:
        at_head = schema_is_at_head(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        _fail(f"cannot read {masked_url(url)}: {_first_line(exc)}")
    if not at_head:
        engine.dispose()
        _fail(f"{masked_url(url)} is not at the schema head: run `notices db upgrade` first")
    return engine
