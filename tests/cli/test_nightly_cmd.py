"""`notices nightly`: its steps and their command lines, the exit codes, the lock, bad input.

The steps' child processes are replaced here by a recorder; tests/e2e/test_nightly.py runs the
real thing against the farm."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from crawler import exit_codes
from crawler.cli import app, nightly_cmd
from crawler.cli.nightly_cmd import Night, crawl_argvs, recheck_argvs, run_night, top_regions
from crawler.outcomes import SiteOutcome
from crawler.seeds import load_registry
from models.archive_lock import archive_lock
from models.db import make_engine
from models.runs import record_crawl_run

runner = CliRunner()
FARM_SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "farm_seeds"


def night(**kw: Any) -> Night:
    base: dict[str, Any] = {
        "regions": ("farm",),
        "region": "farm",
        "recheck_budget": 50,
        "full": False,
        "settings": {},
    }
    return Night(**{**base, **kw})


class Steps:
    """Stands in for the child processes: records each command line, answers given codes."""

    def __init__(self, codes: Mapping[str, int] | None = None) -> None:
        self.codes = dict(codes or {})
        self.argvs: list[list[str]] = []

    def __call__(self, argv: list[str], env: Mapping[str, str]) -> int:
        self.argvs.append(argv)
        return self.codes.get(argv[0], 0)


@pytest.fixture(autouse=True)
def _farm_port(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOTICES_FARM_PORT", "1")


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> Steps:
    recorder = Steps()
    monkeypatch.setattr(nightly_cmd, "run_step", recorder)
    return recorder


ON = ["--set", "SPIDERMON_ENABLED=1"]  # the nightly crawl is judged by Spidermon


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({}, [["crawl", "--region", "farm", *ON]]),
        ({"full": True}, [["crawl", "--region", "farm", "--full", *ON]]),
        ({"distributed": True}, [["crawl", "--region", "farm", "--distributed", *ON]]),
        (
            {"settings": {"LOG_LEVEL": "INFO", "DOWNLOAD_DELAY": "0"}},
            [
                [
                    "crawl",
                    "--region",
                    "farm",
                    *ON,
                    "--set",
                    "LOG_LEVEL=INFO",
                    "--set",
                    "DOWNLOAD_DELAY=0",
                ]
            ],
        ),
        (
            {"settings": {"SPIDERMON_ENABLED": "0"}},
            [["crawl", "--region", "farm", "--set", "SPIDERMON_ENABLED=0"]],
        ),
        (
            {"regions": ("110000", "340000"), "region": None},
            [["crawl", "--region", "110000", *ON], ["crawl", "--region", "340000", *ON]],
        ),
    ],
)
def test_crawl_command_lines(kw: dict[str, Any], expected: list[list[str]]) -> None:
    assert crawl_argvs(night(**kw)) == expected


def test_recheck_command_lines() -> None:
    assert recheck_argvs(night()) == [["recheck", "--region", "farm", "--limit", "50"]]
    assert recheck_argvs(night(region=None)) == [["recheck", "--limit", "50"]]
    assert recheck_argvs(night(recheck_budget=0)) == []


def test_top_regions_are_the_ones_no_region_holds() -> None:
    registry = load_registry()
    tops = top_regions(registry)
    assert "340000" in [r.code for r in tops] and "340400" not in [r.code for r in tops]
    assert all(r.parent is None for r in tops)


def test_recheck_runs_with_its_budget(steps: Steps) -> None:
    assert run_night(night(), {}) == exit_codes.OK
    assert steps.argvs == [
        ["crawl", "--region", "farm", *ON],
        ["recheck", "--region", "farm", "--limit", "50"],
        ["link"],
    ]


def test_a_failed_step_does_not_stop_the_next(steps: Steps) -> None:
    steps.codes["crawl"] = 1
    assert run_night(night(), {}) == exit_codes.NEEDS_ATTENTION
    assert [a[0] for a in steps.argvs] == ["crawl", "recheck", "link"]


def test_a_step_refusing_its_arguments_stops_the_night(steps: Steps) -> None:
    steps.codes["crawl"] = 2
    assert run_night(night(), {}) == exit_codes.USAGE
    assert [a[0] for a in steps.argvs] == ["crawl"]


def test_a_killed_step_counts_as_failed(steps: Steps) -> None:
    steps.codes["crawl"] = -9  # subprocess's code for a child killed by SIGKILL
    assert run_night(night(), {}) == exit_codes.NEEDS_ATTENTION


def invoke(sqlite_url: str, *args: str) -> Any:
    return runner.invoke(
        app,
        ["nightly", "--region", "farm", "--seeds", str(FARM_SEEDS), *args],
        env={"NOTICES_DB_URL": sqlite_url},
    )


@pytest.fixture
def archive(migrated_url: str) -> str:
    return migrated_url


def test_a_good_night_exits_0(steps: Steps, archive: str) -> None:
    result = invoke(archive, "--set", "LOG_LEVEL=INFO")
    assert result.exit_code == exit_codes.OK, result.output
    assert steps.argvs[0] == ["crawl", "--region", "farm", *ON, "--set", "LOG_LEVEL=INFO"]
    assert "nightly: holding the" in result.output and "No site needs a person." in result.output


def test_a_site_needing_a_person_exits_1(steps: Steps, archive: str) -> None:
    engine = make_engine(archive)
    broken = SiteOutcome("farm-gbk")
    broken.list_pages = 2  # list pages without rows
    now = datetime.now(UTC) - timedelta(minutes=1)
    record_crawl_run(
        engine,
        region="测试站群",
        started_at=now,
        finished_at=now,
        outcome="finished",
        stats={},
        site_outcomes={"farm-gbk": broken.to_dict()},
    )
    engine.dispose()
    result = invoke(archive)
    assert result.exit_code == exit_codes.NEEDS_ATTENTION, result.output
    assert "1. farm-gbk" in result.output and "layout" in result.output


def test_a_failed_step_exits_1(steps: Steps, archive: str) -> None:
    steps.codes["crawl"] = 1
    assert invoke(archive).exit_code == exit_codes.NEEDS_ATTENTION


def test_a_second_run_exits_3_and_does_nothing(steps: Steps, archive: str) -> None:
    with archive_lock(archive):
        result = invoke(archive)
    assert result.exit_code == exit_codes.LOCKED, result.output
    assert "nightly: not started, another run holds the" in result.output
    assert steps.argvs == []


def test_full_needs_a_crawl_that_has_it(steps: Steps, archive: str) -> None:
    result = invoke(archive, "--full")
    if nightly_cmd.accepts("crawl", "--full"):
        assert result.exit_code == 0 and "--full" in steps.argvs[0]
    else:
        assert result.exit_code == exit_codes.USAGE and steps.argvs == []
        assert "has no --full" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--set", "NOEQUALS"], "error: --set takes KEY=VALUE"),
        (["--region", "nowhere"], "error: unknown region"),
        (["--recheck-budget", "-1"], "--recheck-budget"),
        (["--set", "NOTICES_DB_URL=not a url"], "error:"),
        (["--set", "NOTICES_DB_URL=mysql://u@h/d"], "error: no lock for mysql databases"),
    ],
)
def test_bad_input_exits_2_before_anything_runs(
    steps: Steps, archive: str, args: list[str], message: str
) -> None:
    result = invoke(archive, *args)
    assert result.exit_code == exit_codes.USAGE, result.output
    assert message in result.output and "Traceback" not in result.output
    assert steps.argvs == []
