"""`notices recheck`: its bad inputs and an archive with nothing to re-check (the re-check itself
runs against the farm in tests/e2e/test_removals.py)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from crawler.cli import app

runner = CliRunner()
FARM_SEEDS = "tests/fixtures/farm_seeds"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--region", "火星"], "unknown region '火星'"),
        (["--site", "nope"], "unknown site 'nope'"),
        (["--set", "NOVALUE"], "--set takes KEY=VALUE, got 'NOVALUE'"),
    ],
)
def test_a_bad_selection_is_one_line_and_exit_2(
    args: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NOTICES_FARM_PORT", "1")
    result = runner.invoke(app, ["recheck", "--seeds", FARM_SEEDS, *args])
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_limit_must_be_positive() -> None:
    result = runner.invoke(app, ["recheck", "--limit", "0"])
    assert result.exit_code == 2


def test_an_archive_without_notices_has_nothing_to_recheck(
    migrated_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NOTICES_FARM_PORT", "1")
    monkeypatch.setenv("NOTICES_DB_URL", migrated_url)
    result = runner.invoke(app, ["recheck", "--seeds", FARM_SEEDS, "--region", "farm"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "no stored notices to re-check"
