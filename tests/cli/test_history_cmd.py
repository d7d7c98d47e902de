"""`notices history URL|ID`: the versions of an edited notice with their field diff, as text and
JSON; a URL or id of no notice is one line and exit 2."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from crawler.cli import app
from models.runs import upsert_sites
from models.upsert import write_pages
from pipelines.parsing import PARSER_VERSION
from pipelines.parsing import notice as parser
from tests.stored_pages import T0, farm_page

runner = CliRunner()
URL = "http://127.0.0.17/xcgk/4521.jhtml"


@pytest.fixture
def edited(engine: Engine) -> Engine:
    """4521 fetched on two days, a sentence added in between; 4513, not a notice."""
    upsert_sites(engine, [{"id": "farm-mutable", "name": "东湖", "region": "测试站群"}])
    write_pages(engine, [farm_page(1, "4521"), farm_page(1, "4513")], now=T0)
    later = T0 + timedelta(days=1)
    write_pages(engine, [farm_page(2, "4521", at=later)], now=later)
    return engine


def test_text_shows_each_version_and_the_sentence_added(edited: Engine, migrated_url: str) -> None:
    result = runner.invoke(app, ["history", URL, "--url", migrated_url])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"notice 1  {URL}"
    assert "2 versions; records derived from each version's stored bytes by today's " in lines[4]
    assert PARSER_VERSION in lines[4]
    v1 = lines.index(next(line for line in lines if line.startswith("version 1  2026-01-01")))
    assert lines[v1 + 1] == "  first version"
    assert lines[v1 + 2].startswith("version 2  2026-01-02 00:00:00 UTC  HTTP 200")
    # the edit stamped the page's 更新时间, then added the sentence
    assert lines[v1 + 3].startswith("  updated_date: ")
    assert lines[v1 + 4] == "  body_text:"
    added = [line.strip() for line in lines if line.strip().startswith("+")]
    assert added == ["+(2023年8月补充)截至7月底，上述整改任务已全部完成，相关制度已印发执行。"]
    assert any(line.startswith("    @@ ") for line in lines)
    assert "stored record was made" not in result.output  # made by today's parser


def test_a_record_of_an_older_parser_is_pointed_out(
    edited: Engine, migrated_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parser, "PARSER_VERSION", "9.0.0")
    result = runner.invoke(app, ["history", "1", "--url", migrated_url])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[5] == (
        f"  (the stored record was made by parser {PARSER_VERSION}: "
        "`notices reparse` brings it up to date)"
    )


def test_json_says_the_same(edited: Engine, migrated_url: str) -> None:
    result = runner.invoke(app, ["history", "1", "--json", "--url", migrated_url])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["notice"]["url"] == URL
    assert data["derived_by"]["parser_version"] == PARSER_VERSION
    first, second = data["versions"]
    # the edit stamped 更新时间 and added a sentence (the evidence's spans moving with it are no
    # change of the notice)
    changed = {c["field"]: c for c in second["changes"]}
    assert (first["changes"], list(changed)) == ([], ["updated_date", "body_text"])
    assert (
        "+(2023年8月补充)截至7月底，上述整改任务已全部完成，相关制度已印发执行。"
        in changed["body_text"]["diff"]
    )
    assert data["events"] == []


def test_events_are_shown_in_time_order(edited: Engine, migrated_url: str) -> None:
    with edited.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO notice_events (notice_id, at, kind, detail) "
                "VALUES (1, '2026-01-01 12:00:00', 'delisted', NULL)"
            )
        )
    result = runner.invoke(app, ["history", "1", "--url", migrated_url])
    assert result.exit_code == 0, result.output
    heads = [line.split()[0] for line in result.output.splitlines() if line[:1] in "ve"]
    assert heads == ["version", "event", "version"]
    assert "event    2026-01-01 12:00:00 UTC  delisted" in result.output


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("999", "error: no stored notice has the URL or id '999'"),
        ("http://127.0.0.17/nothing.html", "error: no stored notice has the URL or id"),
        (
            "http://127.0.0.17/xcgk/4513.jhtml",
            (
                "error: 'http://127.0.0.17/xcgk/4513.jhtml' is not a notice (stored as another "
                "page: meeting_title)"
            ),
        ),
        ("", "error: no stored notice has the URL or id ''"),
    ],
)
def test_no_such_notice_is_one_line_and_exit_2(
    edited: Engine, migrated_url: str, key: str, message: str
) -> None:
    result = runner.invoke(app, ["history", key, "--url", migrated_url])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1].startswith(message)
    assert len(result.output.strip().splitlines()) == 1


def test_a_negative_context_is_one_line_and_exit_2(migrated_url: str) -> None:
    result = runner.invoke(app, ["history", "1", "--context", "-1", "--url", migrated_url])
    assert (result.exit_code, result.output.strip().splitlines()) == (
        2,
        ["error: --context -1: give 0 or more sentences"],
    )


def test_a_missing_database_is_one_line_and_exit_1(sqlite_url: str) -> None:
    result = runner.invoke(app, ["history", "1", "--url", sqlite_url])
    assert result.exit_code == 1
    path = sqlite_url.removeprefix("sqlite:///")
    assert result.output.strip().splitlines() == [
        f"error: no database at {path}: run `notices db upgrade` first"
    ]


def test_a_database_without_the_schema_is_one_line_and_exit_1(sqlite_url: str) -> None:
    Path(sqlite_url.removeprefix("sqlite:///")).touch()  # a file, but no schema in it
    result = runner.invoke(app, ["history", "1", "--url", sqlite_url])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"error: {sqlite_url} is not at the schema head: run `notices db upgrade` first"
    ]
