"""`notices reparse` throughput and memory on SQLite (a temporary file).

Builds an archive of N notices from the mutable farm site's eight notice pages (each stored under
many URLs), then re-parses it three times: with the same parser (nothing to write), as a dry run
of a parser version bump, for real after the bump (every record restamped in place), and once
more (nothing left to write). Prints pages/s of each pass, and the peak of Python allocations
during the bump's dry run at N and at N/4 notices: bounded memory means the two peaks are close.

    .venv/bin/python bench/reparse.py [--notices N] [--batch B]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the farm pages live in tests/

from alembic import command
from sqlalchemy import Engine

from migrations import alembic_config
from models.db import make_engine
from models.runs import upsert_sites
from models.upsert import write_pages
from pipelines.cleaning import SiteCleanRules
from pipelines.parsing import notice as parser
from pipelines.reparse import ReparseReport, reparse
from tests.stored_pages import farm_page

NOTICE_PAGES = ("4514", "4515", "4516", "4517", "4518", "4519", "4520", "4521")


def archive(path: Path, n: int) -> Engine:
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    upsert_sites(engine, [{"id": "farm-mutable", "name": "东湖", "region": "测试站群"}])
    pages = [farm_page(1, name) for name in NOTICE_PAGES]
    copies = []
    for i in range(n):
        page = pages[i % len(pages)]
        url = f"{page.url}?copy={i}"
        copies.append(replace(page, url=url, canonical_url=url))
    for start in range(0, n, 500):
        write_pages(engine, copies[start : start + 500])
    return engine


def timed(label: str, n: int, run: Callable[[], ReparseReport]) -> ReparseReport:
    t0 = time.perf_counter()
    report = run()
    took = time.perf_counter() - t0
    print(
        f"{label:<28} {report.notices:>6} notices  {took:6.2f} s  {report.notices / took:7.0f}/s"
        f"  changed {report.changed}  restamped {report.stamped}"
    )
    return report


def peak_mib(engine: Engine, batch: int) -> float:
    tracemalloc.start()
    reparse(engine, generic, dry_run=True, batch=batch)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def generic(_site: str) -> SiteCleanRules:
    return SiteCleanRules()


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--notices", type=int, default=1000)
    args.add_argument("--batch", type=int, default=200)
    opts = args.parse_args()
    n, batch = opts.notices, opts.batch
    with tempfile.TemporaryDirectory() as tmp:
        engine = archive(Path(tmp) / "big.db", n)
        small = archive(Path(tmp) / "small.db", n // 4)
        print(f"archive: {n} notices, batch {batch}, SQLite")
        current = parser.PARSER_VERSION
        timed("same parser", n, lambda: reparse(engine, generic, batch=batch))
        parser.PARSER_VERSION = "99.0.0"  # a bump: every record gets the new version
        timed("bump, dry run", n, lambda: reparse(engine, generic, dry_run=True, batch=batch))
        big_peak, small_peak = peak_mib(engine, batch), peak_mib(small, batch)
        print(
            f"peak Python allocations of that dry run: {big_peak:.1f} MiB at {n} notices, "
            f"{small_peak:.1f} MiB at {n // 4}"
        )
        timed("bump, written", n, lambda: reparse(engine, generic, batch=batch))
        timed("bump again", n, lambda: reparse(engine, generic, batch=batch))
        parser.PARSER_VERSION = current
        engine.dispose()
        small.dispose()


if __name__ == "__main__":
    main()
