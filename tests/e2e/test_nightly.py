"""End to end: `notices nightly` (a child process, running `notices crawl` in its own) against the
farm, night after night, with one site whose list answers 404 from the second night on; then
`notices health`; and a second run while the lock is held."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from crawler import exit_codes
from crawler.monitors import FAILED
from models.archive_lock import archive_lock
from models.crawl_run import CrawlRun
from models.db import make_engine
from pipelines.common.lifecycle import RECHECK_STAT

from .conftest import FAST, ROOT

pytestmark = pytest.mark.e2e

# Two sites of the farm (tests/fixtures/farm_seeds/farm.yaml), so that each night is short.
SEEDS = """\
regions:
  - code: "990000"
    name: 测试站群
    pinyin: farm
    sites:
      - id: farm-trs
        name: 青垭市纪委监委
        platform: trs
        list_urls: ["http://127.0.0.11:${NOTICES_FARM_PORT}/xsxc/xczg/"]
      - id: farm-gbk
        name: 清江市红十字会
        platform: generic
        list_urls: ["http://127.0.0.14:${NOTICES_FARM_PORT}/news/list_7_1.html"]
        list:
          item: table.list tr
          link: td.title a @href
          title: [td.title a @title, td.title a]
          date: td.date
"""


def run_stats(db_url: str) -> list[dict[str, Any]]:
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return [r.stats for r in conn.execute(select(CrawlRun).order_by(CrawlRun.id))]
    finally:
        engine.dispose()


def notices(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def setup(farm: Any, sqlite_url: str, tmp_path: Path) -> tuple[dict[str, str], list[str]]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "farm.yaml").write_text(SEEDS, encoding="utf-8")
    env = {**farm.env(), "NOTICES_DB_URL": sqlite_url, "NOTICES_SPOOL": str(tmp_path / "spool")}
    assert notices(env, "db", "upgrade").returncode == 0
    sets = [arg for k, v in FAST.items() for arg in ("--set", f"{k}={v}")]
    return env, ["nightly", "--region", "farm", "--seeds", str(seeds), *sets]


def test_a_site_failing_three_nights_needs_a_person(farm: Any, setup: Any) -> None:
    env, nightly = setup
    farm.reset()
    first = notices(env, *nightly)
    assert first.returncode == exit_codes.OK, first.stdout[-3000:] + first.stderr[-3000:]
    assert "nightly: crawl: exit 0" in first.stdout and "No site needs a person." in first.stdout
    farm.fail("farm-gbk", "/news/", status=404, times=10_000)  # the column is gone
    for _ in range(3):  # no re-checks on these nights: the failing column is what is tested
        run = notices(env, *nightly, "--recheck-budget", "0")
        assert run.returncode == exit_codes.NEEDS_ATTENTION, run.stdout[-3000:]
        assert "nightly: crawl: exit 1" in run.stdout
    assert "1. farm-gbk (清江市红十字会): not_found×3 (3 run(s) in a row)" in run.stdout
    report = notices(env, "health", "--json", "--region", "farm", "--seeds", nightly[4])
    assert report.returncode == exit_codes.NEEDS_ATTENTION, report.stderr
    doc = json.loads(report.stdout)
    assert doc["needs_person"] == ["farm-gbk"]
    by_site = {s["site_id"]: s for s in doc["sites"]}
    gbk, trs = by_site["farm-gbk"], by_site["farm-trs"]
    assert gbk["consecutive_failures_by_kind"] == {"not_found": 3}
    assert gbk["nights_since_good"] == 0 and gbk["runs_in_window"] == 4
    assert gbk["new"] > 0  # stored on the first night, before the column went
    assert trs["latest"] == "ok" and trs["failures_in_window"] == {}
    # Spidermon judged each crawl as it ended; its verdicts are kept in the run rows
    # (each night also re-checks stored notices: those runs carry no crawl monitors)
    crawls = [s for s in run_stats(env["NOTICES_DB_URL"]) if RECHECK_STAT not in s]
    verdicts = [stats.get(FAILED) for stats in crawls]
    assert verdicts[0] == [] and len(verdicts) == 4
    assert all(
        v == ["crawl/no site flagged: yielded nothing or blocked: farm-gbk"] for v in verdicts[1:]
    )
    farm.reset()


def test_a_second_run_while_one_holds_the_lock_exits_3(farm: Any, setup: Any) -> None:
    env, nightly = setup
    farm.reset()
    with archive_lock(env["NOTICES_DB_URL"]):
        run = notices(env, *nightly)
    assert run.returncode == exit_codes.LOCKED, run.stdout + run.stderr
    assert "nightly: not started, another run holds the file lock" in run.stderr
    assert farm.requests == []  # nothing was crawled
