"""docs/operations.md and the unit and cron files it ships: they parse, they run `notices nightly`
with options this build accepts, and the exit codes and health kinds they list are the code's."""

from __future__ import annotations

import configparser
import re
import shlex
from pathlib import Path

import pytest
import typer.main

from crawler import exit_codes
from crawler.cli import app
from crawler.seeds import load_registry
from models.health import FAILURES, Failure
from pipelines.common.settings import SETTINGS

DOCS = Path(__file__).resolve().parents[1] / "docs"
SYSTEMD = DOCS / "systemd"
OPERATIONS = (DOCS / "operations.md").read_text(encoding="utf-8")


def unit(name: str) -> configparser.ConfigParser:
    # systemd unit files are INI-like; repeated keys are legal there, so not strict
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read_string((SYSTEMD / name).read_text(encoding="utf-8"))
    return parser


def check_nightly_command(command: str) -> None:
    """`command` runs the installed `notices nightly` with options and a region that exist."""
    argv = shlex.split(command)
    assert argv[0].endswith("/.venv/bin/notices") and argv[1] == "nightly", argv
    nightly = getattr(typer.main.get_command(app), "commands", {})["nightly"]
    ctx = nightly.make_context("nightly", argv[2:])  # raises on an unknown option or bad value
    load_registry().find_region(ctx.params["region"])


def test_the_service_runs_nightly_with_the_locked_code_as_success() -> None:
    service = unit("notices-nightly.service")
    assert service["Service"]["Type"] == "oneshot"
    check_nightly_command(service["Service"]["ExecStart"])
    assert service["Service"]["SuccessExitStatus"] == str(exit_codes.LOCKED)
    assert service["Service"]["EnvironmentFile"] == "/etc/notices/notices.env"
    assert "/etc/notices/notices.env" in OPERATIONS


def test_the_timer_starts_the_service_every_night() -> None:
    timer = unit("notices-nightly.timer")
    assert timer["Timer"]["Unit"] == "notices-nightly.service"
    assert (SYSTEMD / timer["Timer"]["Unit"]).is_file()
    assert re.fullmatch(r"\*-\*-\* \d\d:\d\d:\d\d", timer["Timer"]["OnCalendar"])
    assert timer["Install"]["WantedBy"] == "timers.target"


def test_the_environment_file_sets_declared_settings_only() -> None:
    lines = (SYSTEMD / "notices.env").read_text(encoding="utf-8").splitlines()
    keys = [line.partition("=")[0] for line in lines if line and not line.startswith("#")]
    assert keys and set(keys) <= set(SETTINGS)


def test_the_cron_line_runs_nightly() -> None:
    lines = (DOCS / "cron" / "notices-nightly").read_text(encoding="utf-8").splitlines()
    jobs = [line for line in lines if line and not line.startswith("#") and "=" not in line[:10]]
    assert len(jobs) == 1
    minute, hour, dom, month, dow, user, command = jobs[0].split(None, 6)
    assert (int(minute), int(hour), dom, month, dow, user) == (30, 2, "*", "*", "*", "notices")
    nightly = command.split(" && ")[-1].split(" >> ")[0]
    check_nightly_command(nightly)
    assert nightly in OPERATIONS  # the recipe in the doc is the shipped line


@pytest.mark.parametrize("code", sorted(exit_codes.MEANINGS))
def test_every_exit_code_is_documented(code: int) -> None:
    assert f"| {code} | {exit_codes.MEANINGS[code]} |" in OPERATIONS


@pytest.mark.parametrize("failure", FAILURES, ids=lambda f: f.kind)
def test_every_kind_of_failure_is_documented_with_its_threshold(failure: Failure) -> None:
    kind, after = failure.kind, failure.person_after
    row = next((line for line in OPERATIONS.splitlines() if line.startswith(f"| `{kind}` |")), "")
    assert row.endswith((f"| {after} run |", f"| {after} runs |")), kind
