"""Two workers writing the same notice at once (models/upsert.py under concurrency, PostgreSQL):
no deadlock, one row, one version per distinct content."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select

from models.notice import Notice, NoticeVersion
from models.upsert import write_pages
from pipelines.common.fetched import FetchedPage

pytestmark = pytest.mark.postgres

URL = "http://127.0.0.1/notice/1.html"
WRITERS = 2
ROUNDS = 10  # each round starts both writers together, on a fresh notice


def page(url: str, body: str) -> FetchedPage:
    record = {
        "is_notice": True,
        "title": "整改通报",
        "body_text": body,
        "problems": [{"title": "p"}],
    }
    return FetchedPage(
        url, url, "site-a", "demo", 200, datetime(2025, 1, 1, tzinfo=UTC), body.encode(),
        record=record,
    )  # fmt: skip


def write_together(engine: Engine, pages: list[FetchedPage]) -> list[BaseException]:
    """Each page written by its own thread, all released at the same instant."""
    start = threading.Barrier(len(pages))
    errors: list[BaseException] = []

    def write(p: FetchedPage) -> None:
        start.wait()
        try:
            write_pages(engine, [p])
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(p,)) for p in pages]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads), "a writer is stuck (deadlock?)"
    return errors


@pytest.mark.parametrize(
    ("bodies", "versions"),
    [
        (["同一正文"] * WRITERS, 1),  # a site crawled twice (a redelivered job): nothing new
        ([f"正文{i}" for i in range(WRITERS)], WRITERS),  # two contents: each is a version
    ],
)
def test_concurrent_writes_of_one_notice(
    pg_engine: Engine, bodies: list[str], versions: int
) -> None:
    for n in range(ROUNDS):
        url = f"{URL}?round={n}"
        errors = write_together(pg_engine, [page(url, b) for b in bodies])
        assert errors == []
        with pg_engine.connect() as conn:
            ids = conn.execute(select(Notice.id).where(Notice.canonical_url == url)).scalars().all()
            assert len(ids) == 1
            count = conn.execute(
                select(func.count())
                .select_from(NoticeVersion)
                .where(NoticeVersion.notice_id == ids[0])
            ).scalar_one()
        assert count == versions
