"""`notices serve` refuses what Datasette cannot open with one line; its metadata describes the
archive (the browser test, test_serve_browser.py, serves it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import models
from crawler.cli import app
from models import browse

runner = CliRunner()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql+psycopg://u@127.0.0.1/x", "reads a SQLite file"),
        ("sqlite:///{tmp}/missing.db", "no archive at"),
        ("notaurl", "not a database URL"),
    ],
)
def test_refusals_are_one_line_exit_2(tmp_path: Path, url: str, message: str) -> None:
    result = runner.invoke(app, ["serve", "--url", url.format(tmp=tmp_path)])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_metadata_describes_every_table_and_commented_column() -> None:
    meta = browse.metadata("archive")["databases"]["archive"]
    for table in models.Base.metadata.sorted_tables:
        described = meta["tables"][table.name]
        assert described["description"] == table.comment
        for column in table.columns:
            if column.comment:
                assert described["columns"][column.name] == column.comment
    assert meta["tables"]["notices"]["fts_table"] == "notice_search"
    assert set(meta["queries"]) >= {
        "search",
        "problems_per_level",
        "days_feedback_to_publication",
        "inspections_and_their_notices",
    }
