"""Crawl benchmark: the real spider and pipelines against a generated local farm, politeness off.

    .venv/bin/python bench/crawl.py [--sites 4] [--details 500]

Serves `sites x details` TRS-style detail pages on loopback (tests/farm/bench_farm.py),
crawls every one of them with `scrapy crawl notices` into a throwaway SQLite database, then runs
`scrapy bench` on this machine. Prints pages/min, notices stored/min, peak RSS of the crawl, and
the ratio of our pages/min to `scrapy bench`'s. Targets: ratio >= 0.5, RSS <= 300 MB.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.farm.bench_farm import bench_truth, start_bench_farm

# Politeness off: this is our own loopback farm.
FAST = {
    "AUTOTHROTTLE_ENABLED": "0",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS": "32",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "NOTICES_RETRY_BACKOFF": "0",
    "NOTICES_MAX_PAGES": "1000",
    "LOG_LEVEL": "INFO",
}


def write_seeds(directory: Path, truth: dict[str, Any]) -> None:
    """One region with every bench site; no title filter, so every detail page is fetched."""
    lines = ['regions:\n  - code: "990000"\n    name: 基准\n    pinyin: bench\n    sites:\n']
    for site_id, info in truth["sites"].items():
        start = info["start_paths"][0]
        lines.append(
            f"      - id: {site_id}\n        name: {site_id}\n        platform: trs\n"
            f'        list_urls: ["http://{info["host"]}:${{NOTICES_FARM_PORT}}{start}"]\n'
            "        titles: {include_any: [], require_any: []}\n"
        )
    (directory / "bench.yaml").write_text("".join(lines), encoding="utf-8")


def stats_from_log(log: str) -> dict[str, Any]:
    """The stats dict Scrapy dumps at the end of a crawl (INFO level)."""
    m = re.search(r"Dumping Scrapy stats:\n(\{.*?\})\n", log, re.DOTALL)
    if not m:
        return {}
    text = re.sub(r"datetime\.datetime\([^)]*\)", "None", m.group(1))
    return dict(ast.literal_eval(text))


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[str, float]:
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd[:4])} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return proc.stderr, elapsed


def our_crawl(sites: int, details: int, tmp: Path) -> dict[str, Any]:
    truth = bench_truth(sites, details)
    seeds = tmp / "seeds"
    seeds.mkdir()
    write_seeds(seeds, truth)
    db_url = f"sqlite:///{tmp / 'bench.db'}"
    with start_bench_farm(port=0, sites=sites, details_per_site=details) as farm:
        env = {
            **os.environ,
            **farm.env(),
            "NOTICES_DB_URL": db_url,
            "NOTICES_SPOOL": str(tmp / "spool.jsonl"),
        }
        py = sys.executable
        run([py, "-c", "from crawler.cli import main; main()", "db", "upgrade"], ROOT, env)
        cmd = [py, "-m", "scrapy", "crawl", "notices", "-a", "region=bench", "-a", f"seeds={seeds}"]
        for key, value in FAST.items():
            cmd += ["-s", f"{key}={value}"]
        log, elapsed = run(cmd, ROOT, env)
    stats = stats_from_log(log)
    # ru_maxrss of the largest finished child so far: the crawl (the upgrade is far smaller)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    pages = int(stats.get("response_received_count", 0))
    stored = sum(int(stats.get(f"notices/db/{k}", 0)) for k in ("inserted", "updated", "unchanged"))
    crawl_seconds = float(stats.get("elapsed_time_seconds") or elapsed)
    return {
        "detail_pages_served": sites * details,
        "pages": pages,
        "detail_pages": int(stats.get("notices/detail_pages", 0)),
        "notices_stored": stored,
        "non_notices": int(stats.get("notices/db/non_notice", 0)),
        "seconds": round(crawl_seconds, 1),
        "pages_per_min": round(pages / crawl_seconds * 60),
        "notices_per_min": round(stored / crawl_seconds * 60),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "scrapy_memusage_max_mb": round(int(stats.get("memusage/max", 0)) / 2**20, 1),
    }


def scrapy_bench(tmp: Path) -> dict[str, Any]:
    """`scrapy bench` outside the project (its own spider and settings), default 10 s run."""
    bench_dir = tmp / "scrapy-bench"
    bench_dir.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    log, _ = run([sys.executable, "-m", "scrapy", "bench"], bench_dir, env)
    stats = stats_from_log(log)
    pages = int(stats.get("response_received_count", 0))
    seconds = float(stats.get("elapsed_time_seconds") or 1)
    return {
        "pages": pages,
        "seconds": round(seconds, 1),
        "pages_per_min": round(pages / seconds * 60),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=4)
    parser.add_argument("--details", type=int, default=500, help="detail pages per site")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmp:
        ours = our_crawl(args.sites, args.details, Path(tmp))
        reference = scrapy_bench(Path(tmp))
    ratio = ours["pages_per_min"] / reference["pages_per_min"] if reference["pages_per_min"] else 0
    print(json.dumps({"notices_crawl": ours, "scrapy_bench": reference}, indent=2))
    print(
        f"notices crawl: {ours['pages_per_min']} pages/min, {ours['notices_per_min']} notices "
        f"stored/min, peak RSS {ours['peak_rss_mb']} MB ({ours['pages']} pages, "
        f"{ours['seconds']} s)"
    )
    print(f"scrapy bench:  {reference['pages_per_min']} pages/min")
    print(
        f"ratio {ratio:.2f} (target >= 0.5): {'ok' if ratio >= 0.5 else 'BELOW TARGET'}; "
        f"peak RSS target <= 300 MB: {'ok' if ours['peak_rss_mb'] <= 300 else 'ABOVE TARGET'}"
    )


if __name__ == "__main__":
    main()
