"""Engine helpers: URL resolution, password masking, SQLite pragmas, schema head check."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    StatementError,
)

from models import db
from pipelines.common.settings import DB_URL


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
    assert (tmp_path / "data").is_dir()
    monkeypatch.setenv(DB_URL.name, f"sqlite:///{tmp_path}/x/y.db")
    assert db.database_url() == f"sqlite:///{tmp_path}/x/y.db"
    assert (tmp_path / "x").is_dir()


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


def test_invalidated_connection_is_transient() -> None:
    exc = DBAPIError("SELECT 1", {}, Exception("gone"), connection_invalidated=True)
    assert db.is_transient(exc)
