"""Upsert throughput: 10,000 synthetic notices with 10 problems each, written twice.

The first pass inserts everything; the second finds every record unchanged and only touches
`last_seen_at`. Prints notices/s for both passes on SQLite (a temporary file) and on PostgreSQL
(a temporary database on NOTICES_BENCH_PG_URL or NOTICES_TEST_PG_URL, skipped when neither is set).
Targets: first pass >= 2,000 notices/s on SQLite; second pass >= 5x the first.

    .venv/bin/python bench/store.py [--notices N] [--batch B]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from migrations import alembic_config
from models.db import make_engine
from models.upsert import write_pages
from pipelines.common.fetched import FetchedPage
from pipelines.common.settings import DB_BATCH

PARAGRAPH = "针对巡察反馈的问题，党组高度重视，召开专题会议研究部署整改工作，逐项制定整改措施。"


def synthetic_pages(n: int) -> list[FetchedPage]:
    fetched = datetime(2025, 1, 1, tzinfo=UTC)
    pages = []
    for i in range(n):
        body_text = "\n".join(f"{k}. {PARAGRAPH}" for k in range(20))
        problems = [
            {
                "seq": k,
                "aspect": f"方面{k // 4 + 1}",
                "title": f"第{k}个问题：落实主体责任不到位",
                "description": PARAGRAPH * 2,
                "rectification": PARAGRAPH * 3,
                "status": "done",
            }
            for k in range(1, 11)
        ]
        record = {
            "is_notice": True,
            "title": f"中共某某局党组关于巡察整改情况的通报（{i}）",
            "published_date": f"2024-{i % 12 + 1:02d}-15",
            "publisher": "中共某某局党组",
            "inspection_body": "市委第一巡察组",
            "inspection_level": "city",
            "inspection_kinds": ["常规"],
            "inspection_start": "2023-08-01",
            "inspection_end": "2023-09",
            "counts": {"aspects": 3, "items": None, "problems": 10, "measures": 30},
            "status_counts": {"done": 10, "in_progress": 0, "not_started": 0},
            "contact": {
                "phones": ["0517-1234567"],
                "emails": [],
                "address": None,
                "postcode": None,
            },
            "attachments": [],
            "problems": problems,
            "body_text": body_text,
            "parser_version": "bench",
        }
        url = f"http://127.0.0.1/col/{i // 100}/art_{i}.html"
        html = f"<html><head><title>{record['title']}</title></head><body>{body_text}</body></html>"
        pages.append(
            FetchedPage(
                url=url,
                canonical_url=url,
                site_id=f"site-{i % 20}",
                region="bench",
                status=200,
                fetched_at=fetched,
                body=html.encode(),
                record=record,
            )
        )
    return pages


def run_passes(url: str, pages: list[FetchedPage], batch: int) -> list[tuple[float, Counter[str]]]:
    engine = make_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    results = []
    try:
        for _ in range(2):
            counts: Counter[str] = Counter()
            start = time.perf_counter()
            for i in range(0, len(pages), batch):
                counts.update(write_pages(engine, pages[i : i + batch]))
            results.append((time.perf_counter() - start, counts))
    finally:
        engine.dispose()
    return results


@contextmanager
def temporary_pg_database(server_url: str) -> Iterator[str]:
    name = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def each_backend(run: Callable[[str, str], None], backends: Sequence[str]) -> None:
    """`run(backend, url)` on a throwaway SQLite file, then on a temporary PostgreSQL database of
    NOTICES_BENCH_PG_URL or NOTICES_TEST_PG_URL (skipped, and said so, when neither is set)."""
    if "sqlite" in backends:
        with tempfile.TemporaryDirectory() as tmp:
            run("sqlite", f"sqlite:///{Path(tmp) / 'bench.db'}")
    if "postgresql" not in backends:
        return
    pg = os.environ.get("NOTICES_BENCH_PG_URL") or os.environ.get("NOTICES_TEST_PG_URL")
    if not pg:
        print("postgresql skipped: set NOTICES_BENCH_PG_URL or NOTICES_TEST_PG_URL")
        return
    with temporary_pg_database(pg) as url:
        run("postgresql", url)


def report(backend: str, n: int, results: list[tuple[float, Counter[str]]]) -> None:
    (t1, c1), (t2, c2) = results
    print(f"{backend:<10} pass 1: {n / t1:>9,.0f} notices/s  ({t1:.2f} s, {_outcomes(c1)})")
    print(f"{backend:<10} pass 2: {n / t2:>9,.0f} notices/s  ({t2:.2f} s, {_outcomes(c2)})")
    print(f"{backend:<10} pass 2 is {t1 / t2:.1f}x faster than pass 1")


def _outcomes(counts: Counter[str]) -> str:
    return ", ".join(f"{n:,} {outcome}" for outcome, n in counts.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=DB_BATCH.default, help="pages per transaction")
    args = parser.parse_args()
    pages = synthetic_pages(args.notices)
    print(f"{args.notices:,} notices x 10 problems, {args.batch} pages per transaction")

    each_backend(
        lambda backend, url: report(backend, args.notices, run_passes(url, pages, args.batch)),
        ("sqlite", "postgresql"),
    )


if __name__ == "__main__":
    main()
