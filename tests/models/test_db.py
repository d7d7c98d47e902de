"""Engine helpers: URL checks and resolution, password masking, SQLite pragmas, read-only
readers, timeouts, and the naming of database faults."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    StatementError,
)

from models import db
from pipelines.common.db_fault import FaultKind
from pipelines.common.settings import DB_URL, SettingError


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql+psycopg://u:s3cret@h:5432/d", "postgresql+psycopg://u:***@h:5432/d"),
        ("postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d"),
        ("sqlite:///data/notices.db", "sqlite:///data/notices.db"),
        ("not a url", "<unparsable database URL>"),
    ],
)
def test_masked_url(url: str, shown: str) -> None:
    assert db.masked_url(url) == shown


def test_database_url_from_env_or_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(DB_URL.name, raising=False)
    assert db.database_url() == "sqlite:///data/notices.db"
    monkeypatch.setenv(DB_URL.name, f"sqlite:///{tmp_path}/x/y.db")
    assert db.database_url() == f"sqlite:///{tmp_path}/x/y.db"
    monkeypatch.setenv(DB_URL.name, "postgres://u:pw@h/d")
    assert db.database_url() == "postgresql+psycopg://u:pw@h/d"
    monkeypatch.setenv(DB_URL.name, "notaurl")
    with pytest.raises(db.DatabaseUrlError, match="'notaurl' is not a URL"):
        db.database_url()


def test_a_writer_creates_the_folder_of_its_sqlite_file(tmp_path: Path) -> None:
    db.make_engine(f"sqlite:///{tmp_path}/x/y.db").dispose()
    assert (tmp_path / "x").is_dir()


@pytest.mark.parametrize(
    ("url", "checked"),
    [
        ("sqlite:///data/notices.db", "sqlite:///data/notices.db"),
        ("postgres://u@h/d", "postgresql+psycopg://u@h/d"),  # what users type
        ("postgresql://u@h:5433/d", "postgresql+psycopg://u@h:5433/d"),
        ("postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d"),
    ],
)
def test_check_url_accepts_sqlite_and_postgres(url: str, checked: str) -> None:
    assert db.check_url(url).render_as_string(hide_password=False) == checked


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("notaurl", "database URL 'notaurl' is not a URL: expected sqlite:///PATH or postgresql"),
        ("", "database URL '' is not a URL"),
        (
            "mysql://u:s3cret@h/d",
            "database URL mysql://u:***@h/d: only SQLite and PostgreSQL are supported",
        ),
        ("oracle://h/d", "database URL oracle://h/d: only SQLite and PostgreSQL are supported"),
        ("postgresql+nodriver://h/d", "database URL postgresql+nodriver://h/d: driver"),
        ("sqlite://", "database URL sqlite:// names no file"),
    ],
)
def test_check_url_refuses_with_one_line(url: str, message: str) -> None:
    with pytest.raises(db.DatabaseUrlError) as info:
        db.check_url(url)
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value) and "s3cret" not in str(info.value)
    assert isinstance(info.value, SettingError)  # the commands' usage error: exit 2


def test_postgres_engines_bound_connects_and_the_store_s_statements() -> None:
    assert db._pg_connect_args(5, writer=True, read_only=False) == {
        "connect_timeout": 5,
        "keepalives": 1,
        "keepalives_idle": 2,
        "keepalives_interval": 1,
        "keepalives_count": 3,
        "tcp_user_timeout": 5000,
        "options": "-c lock_timeout=5000 -c statement_timeout=10000",
    }
    assert db._pg_connect_args(0.5, writer=False, read_only=True)["options"] == (
        "-c default_transaction_read_only=on"
    )
    assert db._pg_connect_args(0.5, writer=False, read_only=False)["connect_timeout"] == 2


def test_a_read_only_reader_reads_and_cannot_write(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    writer = db.make_engine(f"sqlite:///{path}")
    with writer.begin() as conn:
        conn.execute(text("CREATE TABLE t (a int)"))
        conn.execute(text("INSERT INTO t VALUES (1)"))
    writer.dispose()
    url = f"sqlite:///{path}"
    assert db._read_only_sqlite(make_url(url)).query == {"mode": "ro", "uri": "true"}
    reader = db.make_engine(url, read_only=True)
    with reader.connect() as conn:
        assert conn.execute(text("SELECT a FROM t")).scalar() == 1
        with pytest.raises(OperationalError) as info:
            conn.execute(text("INSERT INTO t VALUES (2)"))
    reader.dispose()
    assert db.fault_kind(info.value) is FaultKind.READ_ONLY


@pytest.mark.postgres
def test_a_postgres_reader_reads_in_read_only_transactions(pg_url: str) -> None:
    reader = db.make_engine(pg_url, read_only=True)
    with reader.connect() as conn:
        assert conn.execute(text("SHOW transaction_read_only")).scalar() == "on"
        with pytest.raises(DBAPIError) as info:
            conn.execute(text("CREATE TABLE t (a int)"))
    reader.dispose()
    assert db.fault_kind(info.value) is FaultKind.READ_ONLY


def test_a_reader_in_a_folder_it_cannot_write_opens_the_file_immutable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A read-only folder, as the process sees it (root sees every folder writable).
    real_access = os.access
    monkeypatch.setattr(
        db.os, "access", lambda p, mode: False if Path(p) == tmp_path else real_access(p, mode)
    )
    url = make_url(f"sqlite:///{tmp_path}/n.db")
    assert db._read_only_sqlite(url).query == {"immutable": "1", "uri": "true"}


def test_sqlite_engine_has_foreign_keys_and_wal(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path}/sub/n.db")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    engine.dispose()


@pytest.mark.parametrize(
    ("exc", "transient"),
    [
        (OperationalError("SELECT 1", {}, Exception("server closed the connection")), True),
        (InterfaceError("SELECT 1", {}, Exception("connection already closed")), True),
        (IntegrityError("INSERT", {}, Exception("duplicate key")), False),
        (DataError("INSERT", {}, Exception("invalid byte sequence")), False),
        (StatementError("bad parameter", "INSERT", {}, TypeError("x")), False),
    ],
)
def test_is_transient(exc: Exception, transient: bool) -> None:
    assert db.is_transient(exc) is transient


class SqliteError(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.sqlite_errorname = name


class PgError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("orig", "kind"),
    [
        (SqliteError("SQLITE_BUSY"), FaultKind.LOCKED),  # "database is locked"
        (SqliteError("SQLITE_BUSY_SNAPSHOT"), FaultKind.LOCKED),
        (SqliteError("SQLITE_READONLY"), FaultKind.READ_ONLY),
        (SqliteError("SQLITE_READONLY_DIRECTORY"), FaultKind.READ_ONLY),
        (SqliteError("SQLITE_CANTOPEN"), FaultKind.UNREACHABLE),
        (SqliteError("SQLITE_ERROR"), None),  # a statement's own error
        (PgError("25006"), FaultKind.READ_ONLY),  # read-only transaction, hot standby
        (PgError("57014"), FaultKind.TIMED_OUT),  # statement_timeout
        (PgError("55P03"), FaultKind.LOCKED),  # lock_timeout
        (PgError("08006"), FaultKind.UNREACHABLE),
        (PgError("57P01"), FaultKind.UNREACHABLE),  # admin shutdown
        (PgError("23505"), None),  # unique violation: the data's
        (PgError("22021"), None),  # invalid byte sequence: the data's
        (Exception("server closed the connection"), FaultKind.UNREACHABLE),
    ],
)
def test_fault_kind_names_the_database_s_own_faults(
    orig: Exception, kind: FaultKind | None
) -> None:
    assert db.fault_kind(OperationalError("INSERT", {}, orig)) is kind


def test_invalidated_connection_is_transient() -> None:
    exc = DBAPIError("SELECT 1", {}, Exception("gone"), connection_invalidated=True)
    assert db.is_transient(exc)
