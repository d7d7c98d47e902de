"""Shared fixtures: throwaway database URLs (SQLite always, PostgreSQL when configured).

`sqlite_url` and `pg_url` give EMPTY databases (no schema), so tests can run the migrations
themselves; `db_url` is parametrised over both; `engine` is a migrated engine on `db_url`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

PG_ENV = "NOTICES_TEST_PG_URL"
PG_SKIP_REASON = f"set {PG_ENV} to run PostgreSQL tests"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'notices.db'}"


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    """The configured server; skip when unset, FAIL when set but unreachable."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(PG_SKIP_REASON)
    engine = create_engine(url, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        pytest.fail(f"{PG_ENV} is set but the server is unreachable: {exc}", pytrace=False)
    finally:
        engine.dispose()
    return url


@pytest.fixture
def pg_url(pg_server_url: str) -> Iterator[str]:
    """A fresh, empty database `test_<random>` on the configured server, dropped afterwards, so
    that parallel tests (pytest -n) never share state."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(pg_server_url).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """An empty database of each backend in turn."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return str(request.getfixturevalue(name))


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated (at head) database of each backend in turn."""
    from alembic import command

    from migrations import alembic_config
    from models.db import make_engine

    eng = make_engine(db_url)
    with eng.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    yield eng
    eng.dispose()
