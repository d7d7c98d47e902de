"""Distributed crawl benchmark: one night of `notices crawl --distributed` with 1, 2 and 4
`notices worker` processes against a generated farm whose every answer takes 200 ms, with the
project's default politeness (1 s between requests to a host, AutoThrottle, 2 at a time).

    .venv/bin/python bench/distributed.py [--sites 60] [--details 5] [--concurrency 4]

Each worker count crawls the same farm into a throwaway PostgreSQL database (on
NOTICES_BENCH_PG_URL or NOTICES_TEST_PG_URL) through the RabbitMQ of NOTICES_BROKER_URL. The
wall time runs from the enqueue to the night's end, the workers started and idle before it.
Prints the wall time and speed-up per worker count, the peak RSS of the worker processes
themselves (VmHWM) and of the largest site crawl (each site is a process of its own), the CPU
time a site's crawl took on average, and the machine's load average at the end of the night
(the speed-up holds while the crawls find the CPU they need: 2 cores shared with other jobs
may not have it).
Targets: speed-up >= 1.8 at 2 workers and >= 3 at 4; peak RSS per worker <= 300 MB.
Without a PostgreSQL server or a reachable broker it says so in one line and exits 0, so that
`make bench` runs the other benchmarks.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.crawl import write_seeds
from bench.store import temporary_pg_database
from crawler.cli.distributed.broker import DistributedError, connect
from models.db import make_engine
from tests.conftest import _upgrade
from tests.distributed.conftest import drop_queues
from tests.farm.bench_farm import bench_truth, start_bench_farm

LATENCY = 0.2  # seconds per answer
WORKER_COUNTS = (1, 2, 4)
_READY = "worker: "  # the worker's first line: its forkserver is up, it takes jobs
_SITE_RSS = re.compile(r"peak RSS (\d+) MB")
_SITE_CPU = re.compile(r"CPU ([\d.]+) s")


def peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else 0.0


def night(
    workers: int, concurrency: int, farm: Any, seeds: Path, pg: str, tmp: Path
) -> dict[str, Any]:
    with temporary_pg_database(pg) as url:
        engine = make_engine(url)
        _upgrade(engine)
        engine.dispose()
        env = {
            **os.environ,
            **farm.env(),
            "NOTICES_DB_URL": url,
            "NOTICES_SPOOL": str(tmp / "spool"),
        }
        py = sys.executable
        logs = [tmp / f"worker-{workers}-{i}.log" for i in range(workers)]
        procs = [
            subprocess.Popen(
                [py, "-m", "crawler.cli", "worker", "--concurrency", str(concurrency)],
                env=env,
                stderr=log.open("w"),
                stdout=subprocess.DEVNULL,
            )
            for log in logs
        ]
        while not all(_READY in log.read_text() for log in logs):
            time.sleep(0.2)
        started = time.monotonic()
        run = subprocess.run(
            [
                py,
                "-m",
                "crawler.cli",
                "crawl",
                "--region",
                "bench",
                "--seeds",
                str(seeds),
                "--distributed",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.monotonic() - started
        worker_rss = max(peak_rss_mb(p.pid) for p in procs)
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=60)
        if run.returncode != 0:
            sys.exit(
                f"the night with {workers} workers failed ({run.returncode}):\n{run.stderr[-3000:]}{run.stdout[-3000:]}"
            )
        drop_queues(url)
        texts = [log.read_text() for log in logs]
        site_rss = max(int(m) for t in texts for m in _SITE_RSS.findall(t))
        cpu = [float(m) for t in texts for m in _SITE_CPU.findall(t)]
        shares = [len(_SITE_CPU.findall(t)) for t in texts]
    return {
        "workers": workers,
        "wall": wall,
        "worker_rss": worker_rss,
        "site_rss": site_rss,
        "site_cpu": sum(cpu) / len(cpu),
        "load": os.getloadavg()[0],
        "shares": shares,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=60)
    parser.add_argument("--details", type=int, default=5, help="detail pages per site")
    parser.add_argument("--concurrency", type=int, default=4, help="hosts per worker at once")
    args = parser.parse_args()
    pg = os.environ.get("NOTICES_BENCH_PG_URL") or os.environ.get("NOTICES_TEST_PG_URL")
    if not pg:
        print("distributed skipped: set NOTICES_BENCH_PG_URL or NOTICES_TEST_PG_URL")
        return
    try:
        connect().close()
    except DistributedError as exc:
        print(f"distributed skipped: {exc} (NOTICES_BROKER_URL)")
        return
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-distributed-") as tmp_dir:
        tmp = Path(tmp_dir)
        seeds = tmp / "seeds"
        seeds.mkdir()
        write_seeds(seeds, bench_truth(args.sites, args.details))
        with start_bench_farm(sites=args.sites, details_per_site=args.details) as farm:
            for count in WORKER_COUNTS:
                farm.reset()
                for site in farm.sites:
                    farm.slow(site.site_id, LATENCY)
                results.append(night(count, args.concurrency, farm, seeds, pg, tmp))
                print(f"{count} worker(s): {results[-1]['wall']:.1f} s", flush=True)
    base = results[0]["wall"]
    print(
        f"\n{args.sites} sites x {args.details} details, {LATENCY * 1000:.0f} ms per answer, "
        f"default politeness, --concurrency {args.concurrency} per worker"
    )
    print(
        "workers | wall (s) | speed-up | peak RSS worker (MB) | peak RSS site crawl (MB) | "
        "CPU per site (s) | load average | sites per worker"
    )
    for r in results:
        print(
            f"{r['workers']:>7} | {r['wall']:>8.1f} | {base / r['wall']:>7.2f}x | "
            f"{r['worker_rss']:>20.0f} | {r['site_rss']:>24} | {r['site_cpu']:>16.2f} | "
            f"{r['load']:>12.1f} | {'/'.join(map(str, r['shares']))}"
        )
    by = {r["workers"]: base / r["wall"] for r in results}
    rss = max(r["worker_rss"] for r in results)
    print(
        f"targets: 2 workers >= 1.8x: {'ok' if by[2] >= 1.8 else 'BELOW'}; "
        f"4 workers >= 3x: {'ok' if by[4] >= 3 else 'BELOW'}; "
        f"worker RSS <= 300 MB: {'ok' if rss <= 300 else 'ABOVE'}"
    )


if __name__ == "__main__":
    main()
