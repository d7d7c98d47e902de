"""`notices search`: hits with snippets, JSON lines, and one line for a bad query."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from crawler.cli import app
from models.upsert import write_pages
from pipelines.common.fetched import FetchedPage

runner = CliRunner()
T0 = datetime(2025, 3, 1, tzinfo=UTC)


@pytest.fixture
def archive(engine: Engine) -> Engine:
    pages = []
    for n, (title, body) in enumerate(
        [
            ("关于巡察整改情况的通报", "针对形式主义问题，已问责3人。"),
            ("巡察反馈会召开", "会议要求抓好整改。"),
        ],
        1,
    ):
        url = f"http://127.0.0.1/{n}.html"
        record = {
            "is_notice": True,
            "title": title,
            "published_date": "2024-06-01",
            "inspection_level": "county",
            "body_text": body,
            "parser_version": "1.0",
        }
        pages.append(FetchedPage(url, url, "s", "demo", 200, T0, b"x", record=record))
    write_pages(engine, pages)
    return engine


def test_prints_hits_with_snippets(archive: Engine, migrated_url: str) -> None:
    result = runner.invoke(app, ["search", "形式主义", "--url", migrated_url])
    assert result.exit_code == 0, result.output
    assert "关于巡察整改情况的通报" in result.output
    assert "针对形式主义问题" in result.output
    assert "1 hit(s)" in result.output


def test_json_lines(archive: Engine, migrated_url: str) -> None:
    result = runner.invoke(app, ["search", "整改", "--json", "--url", migrated_url])
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.output.splitlines()]
    assert {h["title"] for h in hits} == {"关于巡察整改情况的通报", "巡察反馈会召开"}
    assert all(h["published_date"] == "2024-06-01" for h in hits)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["，。"], "nothing to search for"),
        (["整改", "--level", "township"], "unknown --level 'township'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    archive: Engine, migrated_url: str, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["search", *args, "--url", migrated_url])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_reindex(archive: Engine, migrated_url: str) -> None:
    result = runner.invoke(app, ["db", "reindex", "--url", migrated_url])
    assert result.exit_code == 0, result.output
    assert "search index rebuilt: 2 notices" in result.output
