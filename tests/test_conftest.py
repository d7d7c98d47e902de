"""The PostgreSQL fixtures skip when NOTICES_TEST_PG_URL is unset and fail when it is set but the
server cannot be reached (run in a child pytest with a copy of tests/conftest.py); each test's
migrated SQLite database (a copy of one migrated file) is at the head and its own."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from models.db import schema_is_at_head
from models.notice import Notice
from models.upsert import write_pages
from tests.conftest import _stats_page

CONFTEST = Path(__file__).with_name("conftest.py")
TEST = """
def test_needs_postgres(pg_url):
    assert pg_url
"""


def run_child(tmp_path: Path, pg_env: str | None) -> subprocess.CompletedProcess[str]:
    shutil.copy(CONFTEST, tmp_path / "conftest.py")
    (tmp_path / "test_child.py").write_text(TEST)
    env = {k: v for k, v in os.environ.items() if k != "NOTICES_TEST_PG_URL"}
    if pg_env is not None:
        env["NOTICES_TEST_PG_URL"] = pg_env
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "test_child.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_unset_skips_with_a_reason(tmp_path: Path) -> None:
    proc = run_child(tmp_path, None)
    assert proc.returncode == 0, proc.stdout
    assert "set NOTICES_TEST_PG_URL to run PostgreSQL tests" in proc.stdout


def test_set_but_unreachable_fails(tmp_path: Path) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = run_child(tmp_path, f"postgresql+psycopg://postgres@127.0.0.1:{port}/test")
    assert proc.returncode != 0
    assert "is set but the server is unreachable" in proc.stdout
    assert "skipped" not in proc.stdout


@pytest.mark.parametrize("turn", [1, 2])  # the second finds none of the first's rows
def test_each_migrated_database_is_at_head_and_empty(turn: int, engine: Engine) -> None:
    assert schema_is_at_head(engine)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Notice)) == 0
    write_pages(engine, [_stats_page(turn, "a", "2024-05-01")])
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Notice)) == 1
