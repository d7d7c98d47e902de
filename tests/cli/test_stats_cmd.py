"""`notices stats` prints the archive's tables (counts: tests/models/test_stats.py)."""

from __future__ import annotations

from sqlalchemy import Engine
from typer.testing import CliRunner

from crawler.cli import app

runner = CliRunner()


def test_command_prints_the_tables(stats_archive: Engine, migrated_url: str) -> None:
    result = runner.invoke(app, ["stats", "--url", migrated_url])
    assert result.exit_code == 0, result.output
    for text in ("Notices per region", "甲站", "2024", "Last 10 crawl runs", "2m05s"):
        assert text in result.output
    run = next(line for line in result.output.splitlines() if "2m05s" in line).split()
    assert run[4:7] == ["partial", "1", "3"]  # outcome, sites flagged, new
