"""Full-text search (models.search) on SQLite and PostgreSQL: matching, ranking, filters, and the
index kept in step by the store."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, event, text

from migrations import alembic_config
from models import search
from models.db import make_engine
from models.reparse import update_notice
from models.search import Filters, SearchQueryError
from models.upsert import write_pages
from pipelines.common.fetched import FetchedPage

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)

BODIES = {
    1: (
        "关于巡察整改情况的通报",
        "针对形式主义、官僚主义问题，已问责3人。违规吃喝问题已整改。",
        "city",
    ),
    2: ("巡察反馈会召开", "会议强调要抓好整改落实。", "county"),
    3: ("整改进展情况", "整改，整改，再整改。形式上完成了。", "county"),
    4: ("某某局党组关于落实巡视反馈意见的报告", "处罚2人，Audit report 已完成。", "provincial"),
    5: ("情况说明", "形式、主义和仪式主持。", "provincial"),  # 形式主义's bigrams, apart
}


def _page(n: int, title: str, body: str, level: str, **record: Any) -> FetchedPage:
    url = f"http://127.0.0.1/notice/{n}.html"
    rec = {
        "is_notice": True,
        "title": title,
        "published_date": f"202{n}-06-01",
        "inspection_level": level,
        "body_text": body,
        "parser_version": "1.0",
        **record,
    }
    return FetchedPage(
        url, url, "site-a", "demo", 200, T0, f"<p>{n}{body}</p>".encode(), record=rec
    )


@pytest.fixture
def archive(engine: Engine) -> Engine:
    write_pages(engine, [_page(n, *v) for n, v in BODIES.items()])
    return engine


def _ids(engine: Engine, query: str, **filters: Any) -> list[int]:
    with engine.connect() as conn:
        return [h.notice_id for h in search.search(conn, query, Filters(**filters))]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("问责", {1}),  # a two-character word
        ("形式主义", {1}),  # a phrase: 3 holds 形式 but not 形式主义
        ("“违规吃喝”", {1}),  # quotes and punctuation are no part of the phrase
        ("整改 问责", {1}),  # every run must occur
        ("巡视反馈", {4}),  # in the title only
        ("audit", {4}),  # Latin words, any case
        ("罚", {4}),  # one character: matched on the text
        ("主义问", {1}),  # across a word boundary: bigrams hold every substring
        ("审计", set()),
    ],
)
def test_matches(archive: Engine, query: str, expected: set[int]) -> None:
    assert set(_ids(archive, query)) == expected


def test_ranking_prefers_more_hits_and_title_hits(archive: Engine) -> None:
    ids = _ids(archive, "整改")
    assert set(ids) == {1, 2, 3}
    assert ids[0] == 3  # 整改 in the title and four times in the body
    assert ids[-1] == 2  # once, in the body


@pytest.mark.parametrize(
    ("query", "filters", "cap", "expected"),
    [
        ("整改", {}, 1, [3]),  # only the newest match is ranked
        ("整改", {}, 2, [3, 2]),
        ("整改", {"level": "city"}, 1, [1]),  # the cap counts matches that pass the filters
        ("整改 问责", {}, 1, [1]),  # every run must occur before the cap counts a match
        ("整改 吃", {}, 1, [1]),  # a one-character run too
        ("形式主义", {}, 1, [1]),  # and a phrase: 5 holds its bigrams, not the phrase
    ],
)
def test_only_the_newest_matches_are_ranked(
    archive: Engine, query: str, filters: dict[str, Any], cap: int, expected: list[int]
) -> None:
    with archive.connect() as conn:
        hits = search.search(conn, query, Filters(**filters), cap=cap)
    assert [h.notice_id for h in hits] == expected


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ("整改", {}),
        ("形式主义", {"level": "city", "since": date(2022, 1, 1)}),
        ("整改", {"regions": ["elsewhere"]}),
        ("整改", {"removed": True}),
        ("整改 吃", {}),  # a one-character run beside a word is checked on the walked rows only
    ],
)
def test_sqlite_filters_do_not_scan_the_notices(
    sqlite_url: str, query: str, filters: dict[str, Any]
) -> None:
    engine = make_engine(sqlite_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    write_pages(engine, [_page(n, *v) for n, v in BODIES.items()])
    statements: list[tuple[str, Any]] = []

    def record(*args: Any) -> None:
        statements.append((args[2], args[3]))

    event.listen(engine, "before_cursor_execute", record)
    with engine.connect() as conn:
        search.search(conn, query, Filters(**filters))
        event.remove(engine, "before_cursor_execute", record)
        plans = [
            row[3]
            for sql, params in statements
            for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)
        ]
    engine.dispose()
    # Driven by the FTS5 index: notices are read by id only, never scanned or walked by an index.
    assert not [p for p in plans if p.startswith(("SCAN notices", "SEARCH notices USING INDEX"))]


def test_filters(archive: Engine) -> None:
    assert set(_ids(archive, "整改", level="county")) == {2, 3}
    assert set(_ids(archive, "整改", since=date(2023, 1, 1))) == {3}
    assert _ids(archive, "整改", regions=["elsewhere"]) == []
    assert len(_ids(archive, "整改", limit=1)) == 1
    assert _ids(archive, "整改", removed=True) == []
    with archive.begin() as conn:
        conn.execute(text("UPDATE notices SET removed_at = '2025-01-01 00:00:00' WHERE id = 2"))
    assert _ids(archive, "整改", removed=True) == [2]


def test_snippet_shows_the_hit(archive: Engine) -> None:
    with archive.connect() as conn:
        (hit,) = search.search(conn, "违规吃喝")
    start, end = hit.spans[0]
    assert hit.snippet[start:end] == "违规吃喝"
    assert hit.to_dict()["published_date"] == "2021-06-01"


def test_an_empty_query_is_refused(archive: Engine) -> None:
    with archive.connect() as conn, pytest.raises(SearchQueryError, match="nothing to search"):
        search.search(conn, "，。！")


def test_the_store_keeps_the_index_in_step_when_a_notice_changes(archive: Engine) -> None:
    title, _, level = BODIES[1]
    edited = _page(1, title, "全文已改写，只谈督查。", level)
    write_pages(archive, [edited], now=T0)
    assert _ids(archive, "问责") == []
    assert _ids(archive, "督查") == [1]


def test_reindex_rebuilds_a_lost_index(archive: Engine) -> None:
    with archive.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.execute(text("INSERT INTO notice_search (notice_search) VALUES ('delete-all')"))
        else:
            conn.execute(text("DELETE FROM notice_search"))
    assert _ids(archive, "问责") == []
    with archive.begin() as conn:
        assert search.reindex(conn) == len(BODIES)
    assert _ids(archive, "问责") == [1]
    assert set(_ids(archive, "整改")) == {1, 2, 3}


def test_reparse_keeps_the_index_in_step(archive: Engine) -> None:
    with archive.begin() as conn:
        update_notice(conn, 1, {"title": "巡察整改", "body_text": "改写后只谈督查。"}, [])
    assert _ids(archive, "问责") == []
    assert _ids(archive, "督查") == [1]
