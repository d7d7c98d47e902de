"""`python -m tests.farm` serves a group of sites in a process and prints where."""

from __future__ import annotations

import subprocess
import sys
import urllib.request

import pytest


@pytest.mark.parametrize(
    ("group", "site", "path"),
    [("demo", "demo-vsb", "/xxgk/xczg.htm"), ("bench", "bench-2", "/xxgk/")],
)
def test_process_prints_port_and_sites_then_serves(group: str, site: str, path: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.farm", "--port", "0", "--sites", group],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline())
        bases = {}
        for _ in range(3 if group == "demo" else 4):
            site_id, base = proc.stdout.readline().split()
            bases[site_id] = base
        assert all(f":{port}" in base for base in bases.values())
        with urllib.request.urlopen(bases[site] + path, timeout=10) as response:
            assert response.status == 200
    finally:
        proc.terminate()
        assert proc.wait(timeout=10) == 0


def test_terminate_as_soon_as_ready_stops_cleanly() -> None:
    # SIGTERM the moment the ready line is out: the handler must already be there
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.farm", "--port", "0", "--sites", "demo"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        int(proc.stdout.readline())
    finally:
        proc.terminate()
        assert proc.wait(timeout=10) == 0
