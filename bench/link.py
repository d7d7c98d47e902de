"""`notices link` at 100,000 notices: how long grouping the archive into inspections takes.

Synthetic notices are inserted straight into the notices table (the store is not what is
timed): units in several regions, each inspected in one to three rounds, each round disclosed by
one to three notices (progress, completion, look-back) and some reposted; a share of notices
state no round and are tied by their feedback date, a share name nothing but their unit.
Then `rebuild` runs once (the nightly's link step) and the inspections found are checked
against the rounds generated. Target: < 60 s at 100k.

    .venv/bin/python bench/link.py [--notices N] [--backend sqlite|postgresql]
PostgreSQL runs on a temporary database of NOTICES_BENCH_PG_URL or NOTICES_TEST_PG_URL when set.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store import each_backend  # the store bench's SQLite file and throwaway PG database

from migrations import alembic_config
from models.db import make_engine
from models.link import rebuild
from models.notice import Notice
from models.site import Site

T0 = datetime(2025, 1, 1, tzinfo=UTC)
PHASES = ("concentrated_progress", "completed", "look_back")
BATCH = 2000


def synthetic(n: int, seed: int = 11) -> Iterator[tuple[dict[str, Any], int]]:
    """(notice row, the generated inspection it belongs to), until n notices."""
    rng = random.Random(seed)
    made = inspection = 0
    unit = 0
    while made < n:
        unit += 1
        region = f"{430100 + unit % 900:06d}"
        name = f"第{unit}号单位"
        for round_no in range(1, rng.randint(1, 3) + 1):
            inspection += 1
            feedback = date(2019, 1, 1) + timedelta(days=400 * round_no + rng.randint(0, 90))
            text = f"根据统一部署，巡察组对{name}开展第{round_no}轮巡察并于{feedback}反馈意见。" * 2
            for stage in PHASES[: rng.randint(1, 3)]:
                copies = 2 if rng.random() < 0.2 else 1  # a repost on another site
                states_round = rng.random() < 0.8
                for _ in range(copies):
                    made += 1
                    published = feedback + timedelta(days=90 + 120 * PHASES.index(stage))
                    row = {
                        "id": made,
                        "site_id": "s",
                        "region": "synthetic",
                        "url": f"http://127.0.0.1/{made}.html",
                        "canonical_url": f"http://127.0.0.1/{made}.html",
                        "first_seen_at": T0,
                        "last_seen_at": T0,
                        "content_sha256": "0" * 64,
                        "record_sha256": "0" * 64,
                        "is_notice": True,
                        "title": f"{name}关于巡察整改情况的通报",
                        "published_date": published,
                        "inspected_unit": name,
                        "unit_key": f"{region}:{name}",
                        "term": 14 if states_round else None,
                        "round": round_no if states_round else None,
                        "feedback_date": feedback.isoformat(),
                        "report_phase": stage,
                        "completion_rate": 90.0 + rng.randint(0, 10),
                        "body_text": text,
                    }
                    yield row, inspection
                    if made >= n:
                        return


def bench(backend: str, url: str, n: int) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
        conn.execute(
            insert(Site.__table__),
            [
                {
                    "id": "s",
                    "name": "s",
                    "region": "synthetic",
                    "first_seen_at": T0,
                    "last_seen_at": T0,
                }
            ],
        )
    rows: list[dict[str, Any]] = []
    truth: set[int] = set()
    started = time.perf_counter()
    with engine.begin() as conn:
        for row, inspection in synthetic(n):
            rows.append(row)
            truth.add(inspection)
            if len(rows) == BATCH:
                conn.execute(insert(Notice.__table__), rows)
                rows = []
        if rows:
            conn.execute(insert(Notice.__table__), rows)
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    with engine.begin() as conn:
        linked = rebuild(conn)
    took = time.perf_counter() - started
    engine.dispose()
    print(
        f"{backend}: {n} notices loaded in {loaded:.1f} s; linked in {took:.1f} s "
        f"(target < 60 s): {linked.inspections} inspections found, {len(truth)} generated, "
        f"{linked.notices} notices linked, {linked.unlinked} without a unit"
    )


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
