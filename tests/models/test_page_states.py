"""Page validators (models/page_states.py): written with their pages, loaded as the archive's
state for a crawl, a 304 only marks the stored page seen; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from models import Notice, PageValidator, RawPage
from models.page_states import load_state, write_states
from models.upsert import write_pages
from models.writes import Outcome
from pipelines.common.fetched import FetchedPage
from pipelines.common.page_state import DETAIL, LIST, ListRow, PageState

T0 = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
T1 = T0 + timedelta(days=1)
NOTICE_URL = "http://a.test/1.html"
NEWS_URL = "http://a.test/2.html"


def page(url: str, *, notice: bool, **kw: object) -> FetchedPage:
    record = {"is_notice": notice, "title": "关于巡察整改情况的通报", "body_text": "正文"}
    values: dict[str, object] = {
        "url": url,
        "canonical_url": url,
        "site_id": "a",
        "region": "r",
        "status": 200,
        "fetched_at": T0,
        "body": b"<html>1</html>",
        "record": {**record, "parser_version": "1"} if notice else {"is_notice": False},
        "etag": '"e1"',
        "last_modified": "Tue, 01 Dec 2026 02:00:00 GMT",
        **kw,
    }
    return FetchedPage(**values)  # type: ignore[arg-type]


def validators(engine: Engine) -> dict[str, tuple[object, ...]]:
    with Session(engine) as session:
        return {
            v.page_key: (v.kind, v.etag, v.sha256, v.status, v.checked_at)
            for v in session.scalars(select(PageValidator))
        }


def test_validators_are_written_with_their_pages_and_a_304_only_touches(engine: Engine) -> None:
    write_pages(engine, [page(NOTICE_URL, notice=True), page(NEWS_URL, notice=False)], now=T0)
    first = validators(engine)
    assert {k: v[:2] for k, v in first.items()} == {
        NOTICE_URL: (DETAIL, '"e1"'),
        NEWS_URL: (DETAIL, '"e1"'),
    }
    digest = first[NOTICE_URL][2]
    assert digest is not None and len(str(digest)) == 64

    gone = {"body": b"", "status": 304, "not_modified": True, "record": None}
    outcomes = write_pages(
        engine,
        [page(NOTICE_URL, notice=True, **gone), page(NEWS_URL, notice=False, **gone)],
        now=T1,
    )
    assert outcomes == [Outcome.UNCHANGED, Outcome.UNCHANGED]
    after = validators(engine)
    assert after[NOTICE_URL] == (DETAIL, '"e1"', digest, 304, T1)  # the digest of the bytes kept
    with Session(engine) as session:
        notice = session.scalars(select(Notice)).one()
        raw = session.scalars(select(RawPage)).one()
        assert (notice.last_seen_at, notice.first_seen_at, notice.title) == (
            T1,
            T0,
            "关于巡察整改情况的通报",
        )
        assert (raw.last_seen_at, raw.body_zlib != b"") == (T1, True)


def test_the_archive_state_of_a_crawl(engine: Engine) -> None:
    write_pages(engine, [page(NOTICE_URL, notice=True), page(NEWS_URL, notice=False)], now=T0)
    rows = (
        ListRow(NOTICE_URL, "关于巡察整改情况的通报", "2026-11-30"),
        ListRow(NEWS_URL, None, None),
    )
    listed = PageState("http://a.test/list/", "a", LIST, None, "x", "s", 200, T0, rows)
    assert write_states(engine, [listed]) == 1
    assert write_states(engine, []) == 0

    state = load_state(engine, ["a", "unknown"])
    assert state.stored == {NOTICE_URL, NEWS_URL}
    assert state.sites == {"a"}
    assert state.pages["http://a.test/list/"] == listed
    assert state.pages[NOTICE_URL].kind == DETAIL
    assert load_state(engine, ["b"]).pages == {}
