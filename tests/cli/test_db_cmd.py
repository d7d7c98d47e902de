"""`notices db upgrade | current | replay` through the real typer app."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crawler.cli import app
from pipelines import spool
from pipelines.common.fetched import FetchedPage

runner = CliRunner()


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_url: str) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NOTICES_DB_URL", db_url)
    monkeypatch.setenv("NOTICES_SPOOL", str(tmp_path / "spool.jsonl"))


def test_upgrade_then_current() -> None:
    before = runner.invoke(app, ["db", "current"])
    assert before.exit_code == 0, before.output
    assert "base (no schema" in before.output
    up = runner.invoke(app, ["db", "upgrade"])
    assert up.exit_code == 0, up.output
    assert "is at revision" in up.output
    after = runner.invoke(app, ["db", "current"])
    assert after.output.strip() in up.output
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0  # idempotent


def test_upgrade_unreachable_is_a_clear_error_with_masked_password() -> None:
    result = runner.invoke(
        app, ["db", "upgrade", "--url", "postgresql+psycopg://u:s3cret@127.0.0.1:1/x"]
    )
    assert result.exit_code == 1
    assert "cannot upgrade postgresql+psycopg://u:***@127.0.0.1:1/x" in result.output
    assert "s3cret" not in result.output


def test_replay(tmp_path: Path) -> None:
    assert "nothing to replay" in runner.invoke(app, ["db", "replay"]).output
    page = FetchedPage(
        url="http://127.0.0.1/a.html",
        canonical_url="http://127.0.0.1/a.html",
        site_id="s",
        region="demo",
        status=200,
        fetched_at=datetime(2025, 1, 1, tzinfo=UTC),
        body=b"<html/>",
        record={"is_notice": True, "problems": [], "body_text": "x"},
    )
    spool.append(tmp_path / "spool.jsonl", [page])
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    result = runner.invoke(app, ["db", "replay"])
    assert result.exit_code == 0, result.output
    assert "inserted 1" in result.output
    assert not (tmp_path / "spool.jsonl").exists()


def test_upgrade_of_a_database_from_a_newer_version_is_a_clear_error(db_url: str) -> None:
    from sqlalchemy import text

    from models.db import make_engine

    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    engine.dispose()
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 1
    assert "Can't locate revision identified by 'ffffffffffff'" in result.output
