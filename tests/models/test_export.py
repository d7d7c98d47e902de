"""models.export streams notices in chunks and attaches each notice's own problems."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine

from models import export
from models.upsert import write_pages
from pipelines.common.fetched import FetchedPage


def page(n: int, published: str | None) -> FetchedPage:
    url = f"http://127.0.0.1/{n}.html"
    record = {
        "is_notice": True,
        "title": f"t{n}",
        "published_date": published,
        "problems": [{"title": f"p{n}.{k}"} for k in range(1, n % 3 + 1)],
        "body_text": str(n),
        "inspection_level": "bogus" if n == 1 else None,
    }
    region = "even" if n % 2 == 0 else "odd"
    return FetchedPage(
        url, url, "s", region, 200, datetime(2025, 1, 1, tzinfo=UTC), b"x", record=record
    )


@pytest.fixture
def archive(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setattr(export, "STREAM_CHUNK", 2)  # several partitions from 7 notices
    write_pages(engine, [page(n, f"2024-0{n}-01") for n in range(1, 7)] + [page(7, None)])
    return engine


def test_problems_follow_their_notice_across_chunks(archive: Engine) -> None:
    with archive.connect() as conn:
        records = list(export.iter_records(conn))
    assert [r["title"] for r in records] == [f"t{n}" for n in range(1, 8)]
    for r in records:
        n = int(r["title"][1:])
        assert [p["title"] for p in r["problems"]] == [f"p{n}.{k}" for k in range(1, n % 3 + 1)]
        assert [p["seq"] for p in r["problems"]] == list(range(1, n % 3 + 1))
    assert records[0]["extra"] == {"inspection_level": "bogus"}
    assert records[0]["published_date"] == "2024-01-01"
    assert records[6]["published_date"] is None


@pytest.mark.parametrize(
    ("regions", "since", "titles"),
    [
        (["even"], None, ["t2", "t4", "t6"]),
        (None, date(2024, 5, 1), ["t5", "t6"]),
        (["odd"], date(2024, 3, 1), ["t3", "t5"]),
        (["odd", "even"], date(2024, 5, 1), ["t5", "t6"]),
    ],
)
def test_filters_apply_to_notices_and_problems(
    archive: Engine, regions: list[str] | None, since: date | None, titles: list[str]
) -> None:
    with archive.connect() as conn:
        records = list(
            export.iter_records(conn, export.ExportFilters(regions=regions, since=since))
        )
        problems = list(
            export.problem_rows(conn, export.ExportFilters(regions=regions, since=since))
        )
    assert [r["title"] for r in records] == titles
    ids = {r["id"] for r in records}
    assert {p.notice_id for p in problems} <= ids
    assert len(problems) == sum(len(r["problems"]) for r in records)
