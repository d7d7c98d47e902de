"""`notices worker` and `notices crawl --distributed` refuse what cannot be shared, in one line
and exit 2, before anything is queued or taken."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from crawler.cli import app

runner = CliRunner()
BENCH_SEEDS_REGION = ["--region", "demo"]


@pytest.mark.parametrize(
    ("argv", "env", "line"),
    [
        (["worker"], {}, "error: distributed crawls need a PostgreSQL archive"),
        (["crawl", *BENCH_SEEDS_REGION, "--distributed"], {}, "error: distributed crawls need"),
        (
            ["worker", "--concurrency", "2"],
            {
                "NOTICES_DB_URL": "postgresql+psycopg://postgres@127.0.0.1:1/x",
                "NOTICES_BROKER_URL": "amqp://guest:guest@127.0.0.1:1/%2F",
            },
            "error: cannot reach the broker at amqp://guest:***@127.0.0.1:1/",
        ),
        (["crawl", "--region", "nowhere", "--distributed"], {}, "error: "),
    ],
)
def test_refusals(
    argv: list[str], env: dict[str, str], line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NOTICES_DB_URL", f"sqlite:///{tmp_path / 'notices.db'}")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = runner.invoke(app, argv)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(line)
    assert result.stderr.count("\n") == 1
