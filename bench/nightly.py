"""Nightly benchmark: two nights of `notices nightly` against a generated farm, politeness off.

    .venv/bin/python bench/nightly.py [--sites 100] [--notices 200] [--recheck-budget 100]

Serves `sites x notices` TRS-style notices on loopback (tests/farm/bench_farm.py, one list URL
per site, 20 rows a page; the even sites honour validators with 304s, the odd ones send none).
Night 1 crawls everything into a throwaway SQLite database; night 2 comes after 1% of the
notices changed (`second_night`: on every tenth site, a third each new, edited and removed, the
edits and removals on the first list page; an edit leaves the list row as it was). Prints, per
night, the requests the farm answered (robots.txt not counted) and the wall time; on night 2,
for the unchanged sites, the list requests per list URL (target <= 2) and the detail requests
per site (the fresh window, NOTICES_FRESH_ROWS at most, plus their share of the re-check
budget), split by whether the site honours validators, and the share of the changes the
archive found: new notices stored, edited ones with a second version, removed ones marked
removed. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select

from bench.crawl import FAST, write_seeds
from crawler.listing import canonical_url
from models.db import make_engine
from models.notice import Notice, NoticeVersion
from tests.farm.bench_farm import (
    Changes,
    bench_truth,
    detail_path,
    is_list_path,
    second_night,
    start_bench_farm,
)

PER_PAGE = 20
# the crawl's own log level (WARNING) keeps a 20,000-page night's log small
SETTINGS = {k: v for k, v in FAST.items() if k != "LOG_LEVEL"}


def night(env: dict[str, str], seeds: Path, budget: int, log: Path) -> tuple[int, float]:
    cmd = [sys.executable, "-m", "crawler.cli", "nightly", "--region", "bench"]
    cmd += ["--seeds", str(seeds), "--recheck-budget", str(budget), "--nights", "2"]
    for key, value in SETTINGS.items():
        cmd += ["--set", f"{key}={value}"]
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.run(
            cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, check=False
        )
    return proc.returncode, time.monotonic() - started


def step_seconds(log: Path) -> dict[str, float]:
    """The seconds each step took, from the nightly's `nightly: <step>: exit N after X s` lines."""
    found = re.findall(
        r"^nightly: (\w+): exit -?\d+ after ([\d.]+) s$", log.read_text("utf-8"), re.MULTILINE
    )
    return {step: float(seconds) for step, seconds in found}


def requests_by_site(farm: Any) -> dict[str, Counter[str]]:
    """Per kind of page (list, detail), the requests each site answered."""
    by_kind: dict[str, Counter[str]] = {"list": Counter(), "detail": Counter()}
    for r in farm.requests:
        if r.site and r.path != "/robots.txt" and not r.is_asset:
            by_kind["list" if is_list_path(r.path) else "detail"][r.site] += 1
    return by_kind


def spread(counts: list[int]) -> dict[str, float | int | None]:
    return {
        "mean": round(statistics.mean(counts), 1) if counts else None,
        "max": max(counts, default=None),
    }


def found(db_url: str, port: int, hosts: dict[str, str], plan: dict[str, Changes], notices: int):
    """Per kind of change, (found, total)."""

    def url(site: str, n: int) -> str:
        # keyed as the store keys it: on the site's own host, without the port
        return canonical_url(f"http://{hosts[site]}:{port}{detail_path(n)}", (hosts[site],))

    new = [url(s, n) for s, c in plan.items() for n in range(notices, notices + c.added)]
    edited = [url(s, n) for s, c in plan.items() for n in c.edited]
    removed = [url(s, n) for s, c in plan.items() for n in c.removed]
    table = Notice.__table__
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            stored = set(
                conn.execute(select(table.c.canonical_url).where(table.c.canonical_url.in_(new)))
                .scalars()
                .all()
            )
            versions = dict(
                conn.execute(
                    select(table.c.canonical_url, func.count(NoticeVersion.id))
                    .join(NoticeVersion, NoticeVersion.notice_id == table.c.id)
                    .where(table.c.canonical_url.in_(edited))
                    .group_by(table.c.canonical_url)
                ).all()
            )
            gone: int | None = None
            if "removed_at" in table.c:  # the removals work records it
                gone = conn.execute(
                    select(func.count()).where(
                        table.c.canonical_url.in_(removed), table.c.removed_at.is_not(None)
                    )
                ).scalar_one()
    finally:
        engine.dispose()
    return {
        "new": (len(stored), len(new)),
        "edited": (sum(1 for u in edited if versions.get(u, 0) >= 2), len(edited)),
        "removed": (gone, len(removed)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=100)
    parser.add_argument("--notices", type=int, default=200, help="notices per site")
    parser.add_argument("--recheck-budget", type=int, default=100)
    args = parser.parse_args()
    truth = bench_truth(args.sites, args.notices, PER_PAGE)
    plan = second_night(args.sites, args.notices, PER_PAGE)
    hosts = {sid: info["host"] for sid, info in truth["sites"].items()}
    figures: dict[str, Any] = {"sites": args.sites, "notices_per_site": args.notices}
    with tempfile.TemporaryDirectory(prefix="bench-nightly-") as tmp_dir:
        tmp = Path(tmp_dir)
        seeds = tmp / "seeds"
        seeds.mkdir()
        write_seeds(seeds, truth)
        db_url = f"sqlite:///{tmp / 'bench.db'}"
        with start_bench_farm(
            0, args.sites, args.notices, PER_PAGE, all_notices=True, changes=plan, validators=True
        ) as farm:
            env = {
                **os.environ,
                **farm.env(),
                "NOTICES_DB_URL": db_url,
                "NOTICES_SPOOL": str(tmp / "spool.jsonl"),
            }
            upgrade = [sys.executable, "-m", "crawler.cli", "db", "upgrade"]
            subprocess.run(upgrade, cwd=ROOT, env=env, check=True, capture_output=True)
            for n in (1, 2):
                if n == 2:
                    farm.reset()
                    farm.set_epoch(2)
                code, seconds = night(env, seeds, args.recheck_budget, tmp / f"night{n}.log")
                by_site = requests_by_site(farm)
                figures[f"night{n}"] = {
                    "exit": code,
                    "requests": sum(sum(c.values()) for c in by_site.values()),
                    "seconds": round(seconds, 1),
                    "step_seconds": step_seconds(tmp / f"night{n}.log"),
                }
                if code not in (0, 1):
                    print((tmp / f"night{n}.log").read_text(encoding="utf-8")[-3000:])
            unchanged = [s for s in hosts if s not in plan]
            honour = {s.site_id for s in farm.sites if s.validators and s.site_id not in plan}
            per: dict[str, Any] = {}
            for label, group in (("honour", honour), ("ignore", set(unchanged) - honour)):
                per[label] = {
                    # one list URL per site
                    "list_requests_per_list_url": spread([by_site["list"][s] for s in group]),
                    "detail_requests_per_site": spread([by_site["detail"][s] for s in group]),
                }
            figures["night2"]["unchanged_sites"] = per
            figures["night2"]["changes"] = {k: c.count for k, c in plan.items()}
            figures["night2"]["found"] = found(db_url, farm.port, hosts, plan, args.notices)
    report(figures)


def report(f: dict[str, Any]) -> None:
    print(json.dumps(f, indent=2, ensure_ascii=False))
    total = f["sites"] * f["notices_per_site"]
    for n in (1, 2):
        night_ = f[f"night{n}"]
        steps = ", ".join(f"{k} {v} s" for k, v in night_["step_seconds"].items())
        print(
            f"night {n}: {night_['requests']} requests, {night_['seconds']} s wall "
            f"({steps}), exit {night_['exit']}"
        )
    for label, per in f["night2"]["unchanged_sites"].items():
        lists, details = per["list_requests_per_list_url"], per["detail_requests_per_site"]
        verdict = "ok" if lists["max"] is not None and lists["max"] <= 2 else "ABOVE TARGET"
        print(
            f"night 2, unchanged sites that {label} validators: {lists['mean']} list requests "
            f"per list URL on average, {lists['max']} at most (target <= 2): {verdict}; "
            f"detail requests per site (fresh window + re-checks) {details['mean']} on average, "
            f"{details['max']} at most"
        )
    changes = sum(f["night2"]["changes"].values())
    print(f"night 2 changes: {changes} of {total} notices ({changes / total:.1%})")
    for kind, (got, of) in f["night2"]["found"].items():
        share = "not recorded by this build" if got is None else f"{got}/{of} ({got / of:.0%})"
        print(f"  {kind}: found {share}")


if __name__ == "__main__":
    main()
