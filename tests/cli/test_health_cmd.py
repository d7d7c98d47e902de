"""`notices health`: the table, the JSON form, the exit code and the bad-input lines (the report
itself: tests/db/test_health.py)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from crawler.cli import app
from crawler.outcomes import SiteOutcome
from models.runs import record_crawl_run

runner = CliRunner()
FARM_SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "farm_seeds"


@pytest.fixture(autouse=True)
def _farm_port(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOTICES_FARM_PORT", "1")  # the farm seeds' URLs need one


def _record(engine: Engine, days_ago: int, **sites: SiteOutcome) -> None:
    started = datetime.now(UTC) - timedelta(days=days_ago, minutes=1)
    record_crawl_run(
        engine,
        region="测试站群",
        started_at=started,
        finished_at=started,
        outcome="finished",
        stats={},
        site_outcomes={sid: o.to_dict() for sid, o in sites.items()},
    )


def _ok(sid: str) -> SiteOutcome:
    o = SiteOutcome(sid)
    o.list_pages, o.entries, o.items = 2, 10, 5
    return o


def _no_rows(sid: str) -> SiteOutcome:
    o = SiteOutcome(sid)
    o.list_pages = 2
    return o


@pytest.fixture
def broken(engine: Engine) -> Engine:
    """farm-trs fine both nights; farm-gbk fine, then list pages without rows last night."""
    _record(engine, 2, **{"farm-trs": _ok("farm-trs"), "farm-gbk": _ok("farm-gbk")})
    _record(engine, 1, **{"farm-trs": _ok("farm-trs"), "farm-gbk": _no_rows("farm-gbk")})
    return engine


def test_table_and_who_needs_a_person(broken: Engine, migrated_url: str) -> None:
    result = runner.invoke(app, ["health", "--url", migrated_url])
    assert result.exit_code == 1, result.output
    out = result.output
    assert "Health of 2 sites over the last 7 nights" in out
    assert "farm-gbk ⚠" in out and "yield_dropped×1" in out
    assert "1 site(s) need a person, most urgent first:" in out
    assert "1. farm-gbk: yield_dropped×1 (1 run(s) in a row); last good" in out


def test_json_form(broken: Engine, migrated_url: str) -> None:
    result = runner.invoke(app, ["health", "--json", "--nights", "3", "--url", migrated_url])
    assert result.exit_code == 1, result.output
    doc = json.loads(result.output)
    assert doc["nights"] == 3 and doc["needs_person"] == ["farm-gbk"]
    by_site = {s["site_id"]: s for s in doc["sites"]}
    assert by_site["farm-trs"]["latest"] == "ok" and by_site["farm-trs"]["nights_since_good"] == 1


def test_region_selects_the_registry_sites(broken: Engine, migrated_url: str) -> None:
    args = ["health", "--json", "--region", "farm", "--seeds", str(FARM_SEEDS)]
    result = runner.invoke(app, [*args, "--url", migrated_url])
    by_site = {s["site_id"]: s for s in json.loads(result.output)["sites"]}
    assert by_site["farm-vsb"]["latest"] == "not_crawled"  # in the region, never crawled
    assert by_site["farm-gbk"]["needs_person"] and len(by_site) == 8


def test_nothing_wrong_exits_0(engine: Engine, migrated_url: str) -> None:
    _record(engine, 1, **{"farm-trs": _ok("farm-trs")})
    result = runner.invoke(app, ["health", "--url", migrated_url])
    assert result.exit_code == 0, result.output
    assert "No site needs a person." in result.output


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--region", "nowhere", "--seeds", str(FARM_SEEDS)], 2, "error: unknown region"),
        (["--url", "not a url"], 2, "error: database URL 'not a url' is not a URL"),
        (["--nights", "0"], 2, "--nights"),
        (["--url", "postgresql+psycopg://nobody@127.0.0.1:9/none"], 1, "error: cannot read"),
    ],
)
def test_bad_input_is_one_line(args: list[str], code: int, message: str) -> None:
    result = runner.invoke(app, ["health", *args])
    assert result.exit_code == code, result.output
    assert message in result.output and "Traceback" not in result.output
