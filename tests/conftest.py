"""Shared fixtures: throwaway database URLs (SQLite always, PostgreSQL when configured).

`sqlite_url` and `pg_url` give EMPTY databases (no schema), so tests can run the migrations
themselves; `db_url` is parametrised over both. `migrated_url` (and `engine` on it) gives a
database at the schema head with no rows, of each backend in turn.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

import models
from models.db import make_engine
from models.runs import record_crawl_run, upsert_sites
from models.upsert import write_pages
from pipelines.common.fetched import FetchedPage

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


def _create_database(server_url: str, prefix: str) -> str:
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def _drop_database(server_url: str, url: str) -> None:
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    finally:
        admin.dispose()


def _upgrade(engine: Engine) -> None:
    from alembic import command

    from migrations import alembic_config

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")


@pytest.fixture
def pg_url(pg_server_url: str) -> Iterator[str]:
    """A fresh, empty database `test_<random>` on the configured server, dropped afterwards, so
    that parallel tests (pytest -n) never share state."""
    url = _create_database(pg_server_url, "test")
    yield url
    _drop_database(pg_server_url, url)


@pytest.fixture(scope="session")
def _pg_migrated_session_url(pg_server_url: str) -> Iterator[str]:
    # One migrated database per test process; tests get it emptied by `migrated_url`.
    url = _create_database(pg_server_url, "test_migrated")
    engine = make_engine(url)
    _upgrade(engine)
    engine.dispose()
    yield url
    _drop_database(pg_server_url, url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """An empty database (no schema) of each backend in turn."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return str(request.getfixturevalue(name))


@pytest.fixture
def pg_migrated_url(_pg_migrated_session_url: str) -> str:
    """A PostgreSQL database at the schema head with no rows, for what only PostgreSQL does
    (concurrent writers, row locks)."""
    engine = make_engine(_pg_migrated_session_url)
    tables = ", ".join(t.name for t in models.Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE TABLE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return _pg_migrated_session_url


@pytest.fixture(scope="session")
def _sqlite_migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Migrating takes ~0.5 s; copying the migrated file takes a millisecond.
    path = tmp_path_factory.mktemp("sqlite-template") / "notices.db"
    engine = make_engine(f"sqlite:///{path}")
    _upgrade(engine)
    engine.dispose()  # the last connection's close folds the WAL into the file
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def migrated_url(request: pytest.FixtureRequest) -> str:
    """A database at the schema head with no rows, of each backend in turn."""
    if request.param == "sqlite":
        url = str(request.getfixturevalue("sqlite_url"))
        template: Path = request.getfixturevalue("_sqlite_migrated_template")
        shutil.copyfile(template, make_url(url).database or "")
        return url
    return str(request.getfixturevalue("pg_migrated_url"))


@pytest.fixture
def engine(migrated_url: str) -> Iterator[Engine]:
    """An engine on `migrated_url`."""
    eng = make_engine(migrated_url)
    yield eng
    eng.dispose()


def _stats_page(n: int, site: str, published: str | None, *, notice: bool = True) -> FetchedPage:
    url = f"http://127.0.0.1/{n}.html"
    record = {
        "is_notice": notice,
        "published_date": published,
        "body_text": str(n),
        "problems": [{"title": "p"}] * n,
    }
    return FetchedPage(
        url, url, site, "demo", 200, datetime(2025, 1, 1, tzinfo=UTC), b"x", record=record
    )


@pytest.fixture
def stats_archive(engine: Engine) -> Engine:
    """Two sites, four pages (one not a notice) and one crawl run, for the stats tests."""
    upsert_sites(engine, [{"id": "a", "name": "甲站", "region": "demo"}])
    write_pages(
        engine,
        [
            _stats_page(1, "a", "2024-05-01"),
            _stats_page(2, "a", "2023-01-01"),
            _stats_page(3, "b", None),
            _stats_page(4, "b", None, notice=False),
        ],
    )
    t0 = datetime(2025, 1, 1, 8, 0, tzinfo=UTC)
    record_crawl_run(
        engine,
        region="demo",
        started_at=t0,
        finished_at=t0.replace(minute=2, second=5),
        outcome="partial",
        stats={"notices/db/inserted": 3, "notices/db/unchanged": 1, "notices/sites_flagged": 1},
    )
    return engine
