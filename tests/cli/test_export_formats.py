"""`notices export --format parquet|warc` and the filters every format shares (--until, --site,
--level); bad values are one line and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from crawler.cli import app
from models.upsert import write_pages
from tests.db.test_upsert import page, record

runner = CliRunner()


@pytest.fixture
def archive(engine: Engine) -> Engine:
    write_pages(
        engine,
        [
            page(1, record(1, published_date="2024-06-24", inspection_level="city")),
            page(2, record(2, published_date="2021-03-01", inspection_level="county")),
            page(3, record(3, published_date="2023-01-01"), site_id="site-b"),
        ],
    )
    return engine


def _ids(migrated_url: str, *args: str) -> list[int]:
    result = runner.invoke(app, ["export", "--url", migrated_url, *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line)["id"] for line in result.stdout.splitlines()]


def test_filters(archive: Engine, migrated_url: str) -> None:
    assert _ids(migrated_url) == [1, 2, 3]
    assert _ids(migrated_url, "--until", "2023-06-01") == [2, 3]
    assert _ids(migrated_url, "--site", "site-b") == [3]
    assert _ids(migrated_url, "--site", "site-a", "--site", "site-b") == [1, 2, 3]
    assert _ids(migrated_url, "--level", "county") == [2]


def test_parquet_to_a_directory(archive: Engine, migrated_url: str, tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    result = runner.invoke(
        app, ["export", "--format", "parquet", "--out", str(out), "--url", migrated_url]
    )
    assert result.exit_code == 0, result.output
    assert "wrote 3 rows" in result.output
    assert pd.read_parquet(out / "notices.parquet")["id"].tolist() == [1, 2, 3]


def test_warc_to_a_file(archive: Engine, migrated_url: str, tmp_path: Path) -> None:
    out = tmp_path / "a.warc.gz"
    result = runner.invoke(
        app,
        [
            "export",
            "--format",
            "warc",
            "--out",
            str(out),
            "--level",
            "city",
            "--site",
            "site-a",
            "--url",
            migrated_url,
        ],
    )
    assert result.exit_code == 0, result.output
    assert "1 page versions and 0 attachment files" in result.output
    assert out.stat().st_size > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "parquet"], "--format parquet writes files: give --out"),
        (["--format", "warc"], "--format warc writes files: give --out"),
        (["--level", "township"], "unknown --level 'township'"),
        (["--until", "2023-13-01"], "2023-13-01"),
    ],
)
def test_bad_values_are_one_line_exit_2(
    archive: Engine, migrated_url: str, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["export", "--url", migrated_url, *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
