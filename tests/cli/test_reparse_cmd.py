"""`notices reparse`: the report of a parser change, the dry run, and bad inputs as one line and
exit 2 (what is rewritten, field by field: tests/pipelines/test_reparse.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from crawler.cli import app
from models.notice import Notice
from models.runs import upsert_sites
from models.upsert import write_pages
from pipelines.parsing import notice as parser
from pipelines.parsing import units
from tests.e2e.conftest import FARM_SEEDS
from tests.stored_pages import T0, farm_page

runner = CliRunner()
BEFORE = {"市委第四巡察组", "县委第六巡察组"}  # the teams of 4520 and 4521


@pytest.fixture
def archive(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setenv("NOTICES_FARM_PORT", "1")  # the farm registry names its port
    upsert_sites(engine, [{"id": "farm-mutable", "name": "东湖", "region": "测试站群"}])
    write_pages(engine, [farm_page(1, "4520"), farm_page(1, "4521")], now=T0)
    monkeypatch.setattr(parser, "PARSER_VERSION", "9.0.0")
    monkeypatch.setattr(units, "find_team", lambda text: "测试巡察组")
    return engine


def reparse(url: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["reparse", "--url", url, "--seeds", str(FARM_SEEDS), *args])
    return result.exit_code, result.output


def teams(engine: Engine) -> set[str | None]:
    with engine.connect() as conn:
        return set(conn.execute(select(Notice.inspection_body)).scalars())


@pytest.mark.parametrize("dry_run", [True, False])
def test_report_of_a_parser_change(archive: Engine, migrated_url: str, dry_run: bool) -> None:
    code, out = reparse(migrated_url, "--region", "farm", *(["--dry-run"] if dry_run else []))
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0] == "re-parsed with parser 9.0.0" + (
        " (dry run: nothing written)" if dry_run else ""
    )
    assert lines[1].split() == ["notices", "2"]
    assert lines[2].split() == ["would", "change", "2"] if dry_run else ["changed", "2"]
    assert "fields changed:" in lines
    assert "  inspection_body          2" in lines
    assert {"      市委第四巡察组 → 测试巡察组", "      县委第六巡察组 → 测试巡察组"} <= set(lines)
    assert teams(archive) == (BEFORE if dry_run else {"测试巡察组"})


def test_since_version_skips_records_of_that_version(archive: Engine, migrated_url: str) -> None:
    code, out = reparse(migrated_url, "--since-version", "1.0.0")  # stored: 1.5.0
    assert code == 0, out
    assert out.splitlines()[1].split() == ["notices", "0"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--since-version", "soon"],
            "error: --since-version 'soon' is not a version such as 1.6.0",
        ),
        (
            ["--region", "火星"],
            (
                "error: unknown region '火星'; known regions: 测试站群 (farm, 990000),"
                " 盲测站群 (selectorfree, 990100)"
            ),
        ),
        (["--batch", "0"], "error: --batch 0: give at least 1"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    archive: Engine, migrated_url: str, args: list[str], message: str
) -> None:
    code, out = reparse(migrated_url, *args)
    assert (code, out.strip().splitlines()) == (2, [message])
    assert teams(archive) == BEFORE


def test_an_unreadable_registry_cleans_generically(archive: Engine, migrated_url: str) -> None:
    result = runner.invoke(app, ["reparse", "--url", migrated_url, "--seeds", "/no/such/seeds"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "warning: registry not read (/no/such/seeds: seed registry directory not found); "
        "generic cleaning rules"
    )
