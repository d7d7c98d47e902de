"""`models.history`: a notice found by id or URL, its versions oldest first with their files, and
its lifecycle events only where the archive has a `notice_events` table."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import Engine, text

from models import history
from models.runs import upsert_sites
from models.upsert import write_pages
from tests.stored_pages import T0, farm_page

URL = "http://127.0.0.17/xcgk/4520.jhtml"


@pytest.fixture
def edited(engine: Engine) -> Engine:
    """One notice fetched twice, its title edited in between; and a page that is not a notice."""
    upsert_sites(engine, [{"id": "farm-mutable", "name": "东湖", "region": "测试站群"}])
    write_pages(engine, [farm_page(1, "4520"), farm_page(1, "4513")], now=T0)
    later = T0 + timedelta(days=1)
    write_pages(engine, [farm_page(2, "4520", at=later)], now=later)
    return engine


@pytest.mark.parametrize("key", ["1", URL])
def test_find_notice_by_id_or_url(edited: Engine, key: str) -> None:
    with edited.connect() as conn:
        found = history.find_notice(conn, key)
    assert found is not None
    assert (found.id, found.url, found.published_date) == (1, URL, "2023-01-25")


@pytest.mark.parametrize("key", ["2", "http://127.0.0.17/xcgk/4513.jhtml", "http://elsewhere/"])
def test_find_notice_of_no_notice(edited: Engine, key: str) -> None:
    with edited.connect() as conn:
        assert history.find_notice(conn, key) is None


def test_find_notice_by_canonical_form(edited: Engine) -> None:
    with edited.connect() as conn:
        assert history.find_notice(conn, URL + "#top", canonical=URL) is not None


def test_raw_page_reason(edited: Engine) -> None:
    with edited.connect() as conn:
        assert history.raw_page_reason(conn, {"http://127.0.0.17/xcgk/4513.jhtml"}) == (
            "meeting_title"
        )
        assert history.raw_page_reason(conn, {URL}) is None


def test_versions_oldest_first_with_their_bytes(edited: Engine) -> None:
    with edited.connect() as conn:
        versions = list(history.iter_versions(conn, 1))
    assert [v.fetched_at for v in versions] == [T0, T0 + timedelta(days=1)]
    assert "（更正）".encode() in versions[1].body and "（更正）".encode() not in versions[0].body
    assert [v.files for v in versions] == [(), ()]


def test_no_events_without_the_table(edited: Engine) -> None:
    with edited.connect() as conn:
        assert history.events(conn, 1) == []


@pytest.fixture
def events_table(edited: Engine) -> Iterator[Engine]:
    # The table as the removals work declares it; dropped after, the PostgreSQL database is shared.
    with edited.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE notice_events (id INTEGER PRIMARY KEY, notice_id INTEGER, "
                "at TIMESTAMP, kind VARCHAR(20), detail TEXT)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO notice_events (id, notice_id, at, kind, detail) VALUES "
                "(1, 1, '2026-01-03 08:00:00', 'removed', 'not_found'), "
                "(2, 1, '2026-01-02 08:00:00', 'delisted', NULL), "
                "(3, 9, '2026-01-02 08:00:00', 'removed', NULL)"
            )
        )
    yield edited
    with edited.begin() as conn:
        conn.execute(text("DROP TABLE notice_events"))


def test_events_where_the_table_exists(events_table: Engine) -> None:
    with events_table.connect() as conn:
        found = history.events(conn, 1)
    assert [(e.at, e.kind, e.detail) for e in found] == [
        (T0 + timedelta(days=1, hours=8), "delisted", None),
        (T0 + timedelta(days=2, hours=8), "removed", "not_found"),
    ]
