"""`notices demo` end to end: serve the demo sites, crawl them, and find nothing new next time."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _demo(db_url: str, port: int, cwd: Path) -> tuple[int, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "demo", "--url", db_url, "--port", str(port)],
        capture_output=True,
        check=False,
        text=True,
        timeout=240,
        cwd=cwd,
    )
    return proc.returncode, proc.stdout + proc.stderr


def _figure(output: str, label: str) -> int:
    match = re.search(rf"^\s*{label}\s+(\d+)\s*$", output, re.MULTILINE)
    assert match, f"no '{label}' line in:\n{output}"
    return int(match.group(1))


def test_demo_twice_inserts_then_finds_nothing_new(tmp_path: Path) -> None:
    repo = Path(__file__).resolve().parents[2]
    db_url = f"sqlite:///{tmp_path / 'demo.db'}"
    port = _free_port()

    code, first = _demo(db_url, port, repo)
    assert code == 0, first
    assert _figure(first, "notices inserted") == 5
    assert _figure(first, "problems written") > 0
    assert re.search(r"flagged sites\s+none", first)

    code, second = _demo(db_url, port, repo)
    assert code == 0, second
    assert _figure(second, "notices inserted") == 0
    assert _figure(second, "notices updated") == 0
    # incremental: each list's first page answers 304 and holds only archived rows; the demo's
    # notices, first seen minutes ago, are in the fresh window: asked again, they are unchanged
    assert _figure(second, "pages fetched") == 3  # one list page per demo site
    assert _figure(second, "notices unchanged") == 5
    assert re.search(r"flagged sites\s+none", second)


def test_a_bad_setting_is_one_line_and_exit_2(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "demo", "--url", f"sqlite:///{tmp_path}/d.db"],
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**os.environ, "NOTICES_DB_BATCH": "abc"},
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == "error: NOTICES_DB_BATCH='abc' (environment) is not an integer"
    assert not (tmp_path / "d.db").exists()  # nothing was touched
