"""Helpers for end-to-end crawls: the real spider in a subprocess against the local site farm."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from crawler.listing import canonical_url
from crawler.settings import ITEM_PIPELINES as PROJECT_PIPELINES
from tests.farm import start_farm

ROOT = Path(__file__).resolve().parents[2]
FARM_SEEDS = ROOT / "tests" / "fixtures" / "farm_seeds"
REPO_SEEDS = ROOT / "seeds"  # holds the offline `demo` region
# Politeness off for tests: no delays, no backoff (Retry-After is still honoured).
FAST = {
    "AUTOTHROTTLE_ENABLED": "0",
    "DOWNLOAD_DELAY": "0",
    "NOTICES_RETRY_BACKOFF": "0",
    "LOG_LEVEL": "INFO",
}


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    items: list[dict[str, Any]]
    outcomes: dict[str, dict[str, Any]]
    requests: list[Any] = field(default_factory=list)  # the farm's log, when a test keeps it

    def requests_for(self, site: str) -> list[Any]:
        return [r for r in self.requests if r.site == site]


def crawl_command(
    args: Sequence[str],
    settings: Mapping[str, str] | None = None,
    dump: Path | None = None,
    store: bool = False,
) -> list[str]:
    """`scrapy crawl notices` with `-a` args, the FAST settings and the optional dump pipeline
    (which replaces clean/parse/store unless `store` keeps them)."""
    cmd = [sys.executable, "-m", "scrapy", "crawl", "notices"]
    for arg in args:
        cmd += ["-a", arg]
    merged = {**FAST, **(settings or {})}
    if dump is not None:
        pipelines = dict(PROJECT_PIPELINES) if store else {}
        pipelines["tests.e2e.dump_pipeline.DumpPipeline"] = 900
        merged["ITEM_PIPELINES"] = json.dumps(pipelines)
        merged["DUMP_FILE"] = str(dump)
    for key, value in merged.items():
        cmd += ["-s", f"{key}={value}"]
    return cmd


def read_dump(dump: Path | None) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The items and per-site outcomes the dump pipeline wrote."""
    items: list[dict[str, Any]] = []
    outcomes: dict[str, dict[str, Any]] = {}
    if dump is not None and dump.exists():
        items = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
    if dump is not None and Path(str(dump) + ".outcomes.json").exists():
        outcomes = json.loads(Path(str(dump) + ".outcomes.json").read_text(encoding="utf-8"))
    return items, outcomes


def scrapy_crawl(
    args: Sequence[str],
    env: Mapping[str, str],
    settings: Mapping[str, str] | None = None,
    dump: Path | None = None,
    timeout: int = 120,
    store: bool = False,
) -> Run:
    """`scrapy crawl notices` in a subprocess from the repo root; optional JSON-lines dump.

    With a dump, the dump pipeline replaces clean/parse/store unless `store` keeps them.
    """
    proc = subprocess.run(
        crawl_command(args, settings, dump, store),
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    items, outcomes = read_dump(dump)
    return Run(proc.returncode, proc.stdout, proc.stderr, items, outcomes)


@pytest.fixture(scope="module")
def farm() -> Iterator[Any]:
    with start_farm(sites="all", port=0) as running:  # the demo sites and farm sites A–F
        yield running


def notice_key(farm: Any, site: str, path: str) -> str:
    """The key the spider gives a farm page: canonical, without the farm's port (its host is the
    site's own)."""
    return canonical_url(farm.url(site, path), (urlsplit(farm.base_url(site)).hostname or "",))
