"""Engine helpers: where the database is, how to connect (with timeouts, read-only for readers),
whether its schema is current, and how a failure of the database is named."""

from __future__ import annotations

import math
import os
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    InterfaceError,
    NoSuchModuleError,
    OperationalError,
)

from models.types import json_text
from pipelines.common import settings
from pipelines.common.db_fault import FaultKind

# What users type for PostgreSQL, and the driver this project installs for it.
_PG_ALIASES = ("postgres", "postgresql")
_PG_DRIVER = "postgresql+psycopg"
SUPPORTED = "sqlite:///PATH or postgresql://USER@HOST/DB"


class DatabaseUrlError(settings.SettingError):
    """A database URL that is not one, or names a database other than SQLite or PostgreSQL."""


class SchemaNotAtHead(settings.SettingError):
    """The database's schema is not the one this code writes: `notices db upgrade` first."""

    def __init__(self, url: str | URL) -> None:
        super().__init__(
            f"database {masked_url(url)} is not at the schema head: run `notices db upgrade` "
            "with the same NOTICES_DB_URL first"
        )


def check_url(url: str | URL) -> URL:
    """The parsed URL, `postgres://` and `postgresql://` read as psycopg's; DatabaseUrlError
    (one line, the password masked) when it is not a SQLite or PostgreSQL URL."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseUrlError(
            f"database URL {_shown(url)} is not a URL: expected {SUPPORTED}"
        ) from None
    if parsed.drivername in _PG_ALIASES:
        parsed = parsed.set(drivername=_PG_DRIVER)
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseUrlError(
            f"database URL {masked_url(parsed)}: only SQLite and PostgreSQL are supported "
            f"({SUPPORTED})"
        )
    try:
        parsed.get_dialect()
    except (NoSuchModuleError, ImportError) as exc:
        raise DatabaseUrlError(
            f"database URL {masked_url(parsed)}: driver {parsed.drivername!r} is not available "
            f"({exc}); use {SUPPORTED}"
        ) from None
    if backend == "sqlite" and parsed.database in (None, ""):
        raise DatabaseUrlError(
            f"database URL {masked_url(parsed)} names no file: expected sqlite:///PATH"
        )
    return parsed


def _shown(url: str | URL) -> str:
    # Not a URL, so no password can be found in it to mask: show only a short prefix.
    shown = str(url)
    return repr(shown if len(shown) <= 40 and "@" not in shown else shown[:12] + "…")


def database_url() -> str:
    """The checked URL from `NOTICES_DB_URL`, else the default SQLite file."""
    return check_url(settings.read(settings.DB_URL)).render_as_string(hide_password=False)


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


def sqlite_path(url: str | URL) -> Path | None:
    """The file of a SQLite URL; None for another database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def make_engine(
    url: str | URL,
    *,
    timeout: float | None = None,
    writer: bool = False,
    read_only: bool = False,
    **kwargs: Any,
) -> Engine:
    """An engine with pre-ping (survives a restarted server) and a connect timeout
    (`NOTICES_DB_TIMEOUT` unless given); SQLite gets foreign keys and WAL.

    `writer`: the crawl's store, whose statements and lock waits are bounded by the same timeout
    so that a stalled database fails a batch (retried, then spooled) instead of freezing the
    crawl. `read_only`: a reader (stats, export) that must work on a database it cannot write:
    SQLite opens the file with `mode=ro`, or `immutable=1` when its folder is not writable (a
    WAL database then cannot get its shared-memory file); PostgreSQL reads in read-only
    transactions.
    """
    parsed = check_url(url)
    seconds = settings.read(settings.DB_TIMEOUT) if timeout is None else timeout
    backend = parsed.get_backend_name()
    connect_args: dict[str, Any] = dict(kwargs.pop("connect_args", {}))
    if backend == "sqlite":
        # The busy timeout: how long to wait for another writer before "database is locked".
        connect_args.setdefault("timeout", seconds)
        if read_only:
            parsed = _read_only_sqlite(parsed)
        else:
            ensure_sqlite_parent(parsed)
    elif backend == "postgresql":
        connect_args.update(_pg_connect_args(seconds, writer=writer, read_only=read_only))
    kwargs.setdefault("json_serializer", json_text)  # UTF-8 JSON text, not \u escapes
    engine = create_engine(parsed, pool_pre_ping=True, connect_args=connect_args, **kwargs)
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas_ro if read_only else _sqlite_pragmas)
    return engine


def _pg_connect_args(seconds: float, *, writer: bool, read_only: bool) -> dict[str, Any]:
    ms = max(1, int(seconds * 1000))
    args: dict[str, Any] = {
        # libpq takes whole seconds and treats less than 2 as 2
        "connect_timeout": max(2, math.ceil(seconds)),
        # a server that vanished without closing the connection is noticed, not waited for
        "keepalives": 1,
        "keepalives_idle": max(1, math.ceil(seconds / 3)),
        "keepalives_interval": max(1, math.ceil(seconds / 9)),
        "keepalives_count": 3,
    }
    options = []
    if writer:
        args["tcp_user_timeout"] = ms
        # a statement may first wait for a lock, then run: it gets twice the lock's time
        options += [f"-c lock_timeout={ms}", f"-c statement_timeout={2 * ms}"]
    if read_only:
        options.append("-c default_transaction_read_only=on")
    if options:
        args["options"] = " ".join(options)
    return args


def _read_only_sqlite(parsed: URL) -> URL:
    path = Path(str(parsed.database)).resolve()
    mode = {"mode": "ro"} if os.access(path.parent, os.W_OK) else {"immutable": "1"}
    # uri=true: SQLAlchemy hands the file and the other parameters to SQLite as a file: URI
    return URL.create("sqlite", database=f"file:{quote(str(path))}", query={**mode, "uri": "true"})


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable across app crashes in WAL mode
    cursor.close()


def _sqlite_pragmas_ro(dbapi_connection: Any, _record: Any) -> None:
    # A reader changes nothing: setting the journal mode would be a write.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@cache
def head_revisions() -> frozenset[str]:
    """The heads of `migrations/`, read once per process (they are the build's): a distributed
    worker's forkserver reads them for every site's process (crawler/cli/distributed/preload.py)."""
    from alembic.script import ScriptDirectory

    from migrations import alembic_config

    return frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


def schema_is_at_head(engine: Engine) -> bool:
    """True when the database's Alembic revision is the head of `migrations/`."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == head_revisions()


def probe_write(engine: Engine) -> None:
    """Raise what a write would raise now (read-only, locked, unreachable); writes nothing.

    A schema at head has its `alembic_version` row, which is updated to itself and rolled back.
    """
    with engine.connect() as conn, conn.begin() as transaction:
        conn.execute(text("UPDATE alembic_version SET version_num = version_num"))
        transaction.rollback()


# SQLite's result codes (sqlite3 exceptions carry them as `sqlite_errorname`) by fault; an
# extended code (SQLITE_READONLY_DIRECTORY) counts as its primary one.
_SQLITE_FAULTS = {
    "SQLITE_BUSY": FaultKind.LOCKED,
    "SQLITE_LOCKED": FaultKind.LOCKED,
    "SQLITE_READONLY": FaultKind.READ_ONLY,
    "SQLITE_CANTOPEN": FaultKind.UNREACHABLE,
    "SQLITE_IOERR": FaultKind.UNREACHABLE,
    "SQLITE_FULL": FaultKind.UNREACHABLE,
    "SQLITE_PERM": FaultKind.READ_ONLY,
}
# PostgreSQL's SQLSTATEs (and classes) by fault.
_PG_FAULTS = {
    "25006": FaultKind.READ_ONLY,  # read_only_sql_transaction (also a hot standby)
    "57014": FaultKind.TIMED_OUT,  # query_canceled: statement_timeout
    "55P03": FaultKind.LOCKED,  # lock_not_available: lock_timeout
    "40P01": FaultKind.LOCKED,  # deadlock_detected
    "40001": FaultKind.LOCKED,  # serialization_failure
    "08": FaultKind.UNREACHABLE,  # connection exceptions
    "57P": FaultKind.UNREACHABLE,  # operator intervention: shutdown, cannot connect now
    "53": FaultKind.UNREACHABLE,  # insufficient resources: disk full, too many connections
    "58": FaultKind.UNREACHABLE,  # system error: I/O
}


def fault_kind(exc: BaseException) -> FaultKind | None:
    """The database's fault behind `exc` (worth a retry, then the spool); None for an error of
    the data or the statement, which a retry would only repeat."""
    orig = getattr(exc, "orig", None)
    name = getattr(orig, "sqlite_errorname", None)
    if isinstance(name, str):
        return _SQLITE_FAULTS.get(name) or _SQLITE_FAULTS.get("_".join(name.split("_")[:2]))
    state = getattr(orig, "sqlstate", None)
    if isinstance(state, str):  # any other code is the statement's or the data's
        return next((_PG_FAULTS[p] for p in (state, state[:3], state[:2]) if p in _PG_FAULTS), None)
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return FaultKind.UNREACHABLE
    if isinstance(exc, OperationalError | InterfaceError):  # no code: the connection failed
        return FaultKind.UNREACHABLE
    return None


def is_transient(exc: BaseException) -> bool:
    """True for failures of the connection or server (worth a retry and the spool); false for
    errors of the data or statement, which a retry would only repeat."""
    return fault_kind(exc) is not None
