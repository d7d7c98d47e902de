"""A distributed night end to end: 3 `notices worker` processes, one of them killed with -9 while
it crawls, against a farm of 30 sites; the archive afterwards equals a single-process crawl of
the same farm, the night is one run with a row per site, and no host ever had more requests in
flight than its limit (the farm's request log)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from bench.crawl import write_seeds
from crawler.cli.distributed.night import done_count
from crawler.settings import CONCURRENT_REQUESTS_PER_DOMAIN
from models.crawl_run import CrawlRun, CrawlSiteOutcome
from models.db import make_engine
from models.notice import Notice, NoticeVersion
from tests.conftest import _upgrade
from tests.distributed.conftest import drop_queues
from tests.e2e.conftest import FAST
from tests.e2e.test_per_host_concurrency import most_in_flight
from tests.farm.bench_farm import bench_truth, start_bench_farm

pytestmark = [pytest.mark.postgres, pytest.mark.e2e]

SITES = 30
DETAILS = 3  # 3 detail pages a host could be sent at once: more than its limit of 2
WORKERS = 3
CONCURRENCY = 2  # per worker: 6 hosts crawled at once
LATENCY = 0.05  # per answer, so that requests to one host would overlap if they could
ROOT = Path(__file__).resolve().parents[2]
SETTINGS = {k: v for k, v in FAST.items() if k != "LOG_LEVEL"}  # no delays; per-host limits kept


def notices_cmd(*args: str) -> list[str]:
    sets = [a for k, v in SETTINGS.items() for a in ("--set", f"{k}={v}")]
    return [sys.executable, "-m", "crawler.cli", *args, *(sets if args[0] == "crawl" else [])]


def archive(engine: Engine) -> tuple[list[tuple[Any, ...]], Counter[tuple[str, str]]]:
    """The notices (without their times) and the versions of each, comparable across backends."""
    with engine.connect() as conn:
        notices = sorted(
            tuple(r)
            for r in conn.execute(
                select(
                    Notice.canonical_url,
                    Notice.site_id,
                    Notice.is_notice,
                    Notice.title,
                    Notice.content_sha256,
                    Notice.record_sha256,
                )
            )
        )
        versions = Counter(
            (r.canonical_url, r.body_sha256)
            for r in conn.execute(
                select(Notice.canonical_url, NoticeVersion.body_sha256).join(
                    NoticeVersion, NoticeVersion.notice_id == Notice.id
                )
            )
        )
    return notices, versions


def descendants(pid: int) -> list[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        children = [c for c, p in parents.items() if p in frontier]
        found += children
        frontier = children
    return found


@pytest.fixture
def farm_env(tmp_path: Path) -> Iterator[tuple[Any, dict[str, str], Path]]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_seeds(seeds, bench_truth(SITES, DETAILS))
    with start_bench_farm(sites=SITES, details_per_site=DETAILS) as farm:
        for site in farm.sites:
            farm.slow(site.site_id, LATENCY)
        env = {**os.environ, **farm.env(), "NOTICES_SPOOL": str(tmp_path / "spool.jsonl")}
        yield farm, env, seeds


def single_process(env: Mapping[str, str], seeds: Path, url: str) -> None:
    engine = make_engine(url)
    _upgrade(engine)
    engine.dispose()
    run = subprocess.run(
        notices_cmd("crawl", "--region", "bench", "--seeds", str(seeds)),
        env={**env, "NOTICES_DB_URL": url},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]


def kill_one_busy_worker(workers: list[subprocess.Popen[str]], engine: Engine) -> int:
    """At a random moment of the night, kill -9 a worker that has a site's crawl running."""
    wait_until = random.uniform(0, SITES / 3)  # sites done before the kill
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        run_ids = _runs(engine)
        if run_ids and done_count(engine, run_ids[0]) >= wait_until:
            for worker in random.sample(workers, len(workers)):
                # the forkserver and at least one site's process
                if len(descendants(worker.pid)) >= 2:
                    worker.send_signal(signal.SIGKILL)
                    worker.wait()
                    return done_count(engine, run_ids[0])
        time.sleep(0.05)
    raise AssertionError("no worker was ever busy")


def _runs(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(select(CrawlRun.id).order_by(CrawlRun.id)).scalars())


def test_three_workers_one_killed_equal_a_single_process(
    farm_env: tuple[Any, dict[str, str], Path], tmp_path: Path, pg_url: str
) -> None:
    farm, env, seeds = farm_env
    engine = make_engine(pg_url)
    _upgrade(engine)
    worker_env = {**env, "NOTICES_DB_URL": pg_url}
    worker_cmd = notices_cmd("worker", "--concurrency", str(CONCURRENCY))
    # the workers start (and import) while the single process crawls
    workers = [
        subprocess.Popen(worker_cmd, env=worker_env, stderr=subprocess.DEVNULL, text=True)
        for _ in range(WORKERS)
    ]
    local_url = f"sqlite:///{tmp_path / 'local.db'}"
    single_process(env, seeds, local_url)
    farm.reset()
    for site in farm.sites:
        farm.slow(site.site_id, LATENCY)
    try:
        enqueuer = subprocess.Popen(
            notices_cmd("crawl", "--region", "bench", "--seeds", str(seeds), "--distributed"),
            env=worker_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        done_at_kill = kill_one_busy_worker(workers, engine)
        out, err = enqueuer.communicate(timeout=180)
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
        drop_queues(pg_url)
    requests = farm.requests
    assert enqueuer.returncode == 0, err[-3000:] + out[-3000:]
    assert done_at_kill < SITES  # the kill came mid-run

    local = make_engine(local_url)
    try:
        assert archive(engine) == archive(local)
    finally:
        local.dispose()
    with engine.connect() as conn:
        runs = conn.execute(select(CrawlRun.id, CrawlRun.outcome)).all()
        sites = conn.execute(
            select(CrawlSiteOutcome.site_id, func.count()).group_by(CrawlSiteOutcome.site_id)
        ).all()
    engine.dispose()
    assert [r.outcome for r in runs] == ["ok"]  # one run for the night
    assert sorted(sites) == sorted((f"bench-{i}", 1) for i in range(1, SITES + 1))

    by_host: dict[str, list[Any]] = {}
    for r in requests:
        by_host.setdefault(r.host, []).append(r)
    assert len(by_host) == SITES
    assert max(most_in_flight(rs) for rs in by_host.values()) <= CONCURRENT_REQUESTS_PER_DOMAIN
    assert all(any(r.path == "/robots.txt" for r in rs) for rs in by_host.values())
