"""Full-text search: index build time and query latency at 100,000 notices, against a LIKE scan.

Synthetic notices are assembled from the paragraphs of the dev corpus (tests/fixtures/corpus/dev),
8 paragraphs each, so every query word occurs with the frequencies of real notices. The notices are
written by the store (which indexes them as it goes); the index is then rebuilt by `reindex` to
time a build alone. Twenty queries (two-character words, phrases, two-word queries and filters)
run 5 times each; p50/p95 per backend, with `LIKE '%…%'` over title and body (what a researcher
without the index runs: every match, no ranking) as the baseline ratio. Target: p95 <= 100 ms on
SQLite at 100k and >= 20x faster than the scan.

    .venv/bin/python bench/search.py [--notices N]
PostgreSQL runs on a temporary database of NOTICES_BENCH_PG_URL or NOTICES_TEST_PG_URL when set.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store import each_backend  # the store bench's SQLite file and throwaway PG database

from migrations import alembic_config
from models import search
from models.db import make_engine
from models.upsert import write_pages
from pipelines.common.fetched import FetchedPage

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus" / "dev" / "texts"
PARAGRAPHS_PER_NOTICE = 8
LEVELS = ("provincial", "city", "county")
RUNS = 5
BATCH = 500
QUERIES: list[tuple[str, search.Filters]] = [
    *(
        (q, search.Filters())
        for q in ("整改", "巡察", "问责", "督查", "党委", "落实", "干部", "资金")
    ),
    *(
        (q, search.Filters())
        for q in ("形式主义", "违规吃喝", "八项规定", "主体责任", "选人用人", "意识形态")
    ),
    ("整改 问责", search.Filters()),
    ("巡察 资金", search.Filters()),
    ("整改", search.Filters(level="county")),
    ("问责", search.Filters(since=date(2023, 1, 1))),
    ("形式主义", search.Filters(level="city", since=date(2022, 1, 1))),
    ("主体责任", search.Filters(limit=100)),
]


def paragraphs() -> list[str]:
    found = []
    for path in sorted(CORPUS.glob("*.txt")):
        found += [p.strip() for p in path.read_text(encoding="utf-8").splitlines() if len(p) > 20]
    return found


def synthetic_pages(n: int, seed: int = 7) -> Iterator[list[FetchedPage]]:
    pool = paragraphs()
    rng = random.Random(seed)
    fetched = datetime(2025, 1, 1, tzinfo=UTC)
    batch: list[FetchedPage] = []
    for i in range(n):
        body = "\n".join(rng.sample(pool, PARAGRAPHS_PER_NOTICE))
        record = {
            "is_notice": True,
            "title": f"{rng.choice(pool)[:18]}情况的通报（{i}）",
            "published_date": f"{2018 + i % 7}-{i % 12 + 1:02d}-15",
            "inspection_level": LEVELS[i % 3],
            "body_text": body,
            "parser_version": "bench",
        }
        url = f"http://127.0.0.1/col/{i // 100}/art_{i}.html"
        batch.append(
            FetchedPage(url, url, f"site-{i % 50}", "bench", 200, fetched, b"x", record=record)
        )
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def timed(fn: Callable[..., object], *args: Any) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def like_scan(engine: Engine, query: str, filters: search.Filters) -> int:
    clauses = ["(title LIKE :q OR body_text LIKE :q)"]
    if filters.level:
        clauses.append("inspection_level = :level")
    if filters.since:
        clauses.append("published_date >= :since")
    with engine.connect() as conn:
        rows = conn.execute(
            text(f"SELECT id FROM notices WHERE {' AND '.join(clauses)}"),
            {"q": f"%{query.split()[0]}%", "level": filters.level, "since": filters.since},
        ).all()
    return len(rows)


def described(filters: search.Filters) -> str:
    shown = [f"level={filters.level}"] if filters.level else []
    shown += [f"since={filters.since}"] if filters.since else []
    shown += [f"limit={filters.limit}"] if filters.limit != search.Filters().limit else []
    return " ".join(shown) or "-"


def padded(text: str, width: int) -> str:
    """`text` left-aligned in `width` terminal columns (an ideograph takes two)."""
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in text)
    return text + " " * max(0, width - len(text) - wide)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def bench(backend: str, url: str, n: int) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        load = timed(lambda: [write_pages(engine, b) for b in synthetic_pages(n)])

        def rebuild() -> None:
            with engine.begin() as conn:
                search.reindex(conn)

        build = timed(rebuild)
        if backend == "postgresql":  # an archive at rest, as autovacuum leaves it
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
        print(f"{backend:<10} {n:,} notices stored in {load:.1f} s (indexed as written)")
        print(f"{backend:<10} index rebuilt in {build:.1f} s")
        print(
            f"{'query':<12} {'filters':<24} {'hits':>5} {'p50 ms':>8} {'p95 ms':>8} {'LIKE ms':>8}"
        )
        fts: list[float] = []
        scan: list[float] = []
        for query, filters in QUERIES:
            times: list[float] = []
            with engine.connect() as conn:
                hits = len(search.search(conn, query, filters))  # and warms the cache
                for _ in range(RUNS):
                    times.append(timed(search.search, conn, query, filters))
            scan.append(timed(like_scan, engine, query, filters))
            fts += times
            q50, q95 = percentile(times, 50) * 1000, percentile(times, 95) * 1000
            print(
                f"{padded(query, 12)} {described(filters):<24} {hits:>5} {q50:>8.1f} {q95:>8.1f} "
                f"{scan[-1] * 1000:>8.0f}"
            )
        p50, p95 = percentile(fts, 50) * 1000, percentile(fts, 95) * 1000
        scan50 = statistics.median(scan) * 1000
        print(
            f"{backend:<10} search p50 {p50:.1f} ms, p95 {p95:.1f} ms over {len(fts)} runs; "
            f"LIKE scan median {scan50:.0f} ms: {scan50 / p50:.0f}x the p50, "
            f"{scan50 / p95:.0f}x the p95"
        )
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=100_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), action="append")
    args = parser.parse_args()
    each_backend(
        lambda backend, url: bench(backend, url, args.notices),
        args.backend or ["sqlite", "postgresql"],
    )


if __name__ == "__main__":
    main()
