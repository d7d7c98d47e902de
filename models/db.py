"""Engine helpers: where the database is, how to connect, and whether its schema is current."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, InterfaceError, OperationalError

from models.types import json_text
from pipelines.common import settings


def database_url() -> str:
    """The URL from `NOTICES_DB_URL`, else the default SQLite file (its folder is created)."""
    url = settings.read(settings.DB_URL)
    ensure_sqlite_parent(url)
    return url


def ensure_sqlite_parent(url: str | URL) -> None:
    """Create the folder of a SQLite file so that a first run does not fail on a missing `data/`."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


def masked_url(url: str | URL) -> str:
    """The URL with its password replaced by ***, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:  # an unparsable URL is reported as such, never echoed with a secret
        return "<unparsable database URL>"


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    """An engine with pre-ping (survives a restarted server); SQLite gets foreign keys and WAL."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    connect_args: dict[str, Any] = dict(kwargs.pop("connect_args", {}))
    if backend == "sqlite":
        ensure_sqlite_parent(parsed)
        connect_args.setdefault("timeout", 30)  # wait for a concurrent writer, not fail at once
    elif backend == "postgresql":
        connect_args.setdefault("connect_timeout", 10)  # an unreachable server fails fast
    kwargs.setdefault("json_serializer", json_text)  # UTF-8 JSON text, not \u escapes
    engine = create_engine(parsed, pool_pre_ping=True, connect_args=connect_args, **kwargs)
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable across app crashes in WAL mode
    cursor.close()


def schema_is_at_head(engine: Engine) -> bool:
    """True when the database's Alembic revision is the head of `migrations/`."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from migrations import alembic_config

    heads = set(ScriptDirectory.from_config(alembic_config()).get_heads())
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == heads


def is_transient(exc: BaseException) -> bool:
    """True for failures of the connection or server (worth a retry and the spool); false for
    errors of the data or statement, which a retry would only repeat."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, OperationalError | InterfaceError)
