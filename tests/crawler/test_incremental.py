"""The incremental decisions (crawler/incremental.py): validators sent back, rows known or not,
when a list page ends the paging of its list; and the run's state the spider asks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crawler.incremental import (
    Incremental,
    conditional_headers,
    fresh_keys,
    is_known,
    list_state,
    listed_rows,
    not_modified_state,
    page_key,
    stops_paging,
    stored_rows,
)
from crawler.listing import ListEntry
from pipelines.common.page_state import DETAIL, LIST, ArchiveState, ListRow, PageState

T1 = datetime(2026, 12, 1, tzinfo=UTC)
T2 = datetime(2026, 12, 2, tzinfo=UTC)
URL = "http://a.test/xsxc/202306/t20230619_1.html"
TITLE = "中共白石镇委员会关于县委第二轮巡察整改进展情况的通报"


def state(key: str = "http://a.test/xsxc/", kind: str = LIST, **kw: object) -> PageState:
    values: dict[str, object] = {
        "etag": None,
        "last_modified": None,
        "sha256": "s",
        "status": 200,
        "checked_at": T1,
        **kw,
    }
    return PageState(key=key, site_id="a", kind=kind, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "method", "body", "key"),
    [
        ("http://A.test:80/list/?b=2&a=1#top", "GET", None, "http://a.test/list/?a=1&b=2"),
        ("https://a.test/api", "post", b"pageNo=2", "POST http://a.test/api pageNo=2"),
        ("http://a.test/api", "POST", None, "POST http://a.test/api "),
    ],
)
def test_page_key(url: str, method: str, body: bytes | None, key: str) -> None:
    assert page_key(url, method, body) == key


@pytest.mark.parametrize(
    ("etag", "last_modified", "headers"),
    [
        (
            '"abc"',
            "Fri, 01 Sep 2023 09:00:00 GMT",
            {
                "If-None-Match": '"abc"',
                "If-Modified-Since": "Fri, 01 Sep 2023 09:00:00 GMT",
            },
        ),
        ('W/"abc"', None, {"If-None-Match": 'W/"abc"'}),
        (
            None,
            "Fri, 01 Sep 2023 09:00:00 GMT",
            {"If-Modified-Since": "Fri, 01 Sep 2023 09:00:00 GMT"},
        ),
        (None, None, {}),
    ],
)
def test_conditional_headers(
    etag: str | None, last_modified: str | None, headers: dict[str, str]
) -> None:
    assert conditional_headers(state(etag=etag, last_modified=last_modified)) == headers


def test_no_state_no_validators() -> None:
    assert conditional_headers(None) == {}


def test_listed_rows_keep_the_latest_listing_of_each_row() -> None:
    old = state("http://a.test/l/index.html", rows=(ListRow(URL, "旧标题", "2023-06-19"),))
    new = state(
        "http://a.test/l/index_1.html",
        checked_at=T2,
        rows=(ListRow(URL + "#x", "新标题", "2023-06-19"),),  # the same row, canonically
    )
    detail = state(URL, kind=DETAIL, rows=(ListRow("http://a.test/d", "x", None),))
    assert listed_rows([new, old, detail]) == {URL: ListRow(URL + "#x", "新标题", "2023-06-19")}


LISTED = {URL: ListRow(URL, TITLE, "2023-06-19")}
STORED = frozenset({URL})


@pytest.mark.parametrize(
    ("title", "date", "relevant", "stored", "listed", "known"),
    [
        # a row the crawler fetches: known when stored and listed as before
        (TITLE, "2023-06-19", True, STORED, LISTED, True),
        (TITLE, "2023-06-19", True, STORED, {}, True),  # stored before lists were kept
        (TITLE + "（更正）", "2023-06-19", True, STORED, LISTED, False),  # retitled: fetch
        (TITLE, "2023-06-20", True, STORED, LISTED, False),  # redated: fetch
        (TITLE, "2023-06-19", True, frozenset(), LISTED, False),  # listed, never stored
        # a row the crawler does not fetch (news, another host): known when listed as before
        (TITLE, "2023-06-19", False, frozenset(), LISTED, True),
        (TITLE, "2023-06-19", False, frozenset(), {}, False),
        ("别的标题", "2023-06-19", False, frozenset(), LISTED, False),
    ],
)
def test_is_known(
    title: str,
    date: str,
    relevant: bool,
    stored: frozenset[str],
    listed: dict[str, ListRow],
    known: bool,
) -> None:
    entry = ListEntry(URL + "?from=singlemessage", title, date)  # tracking query: same notice
    assert is_known(entry, relevant=relevant, stored=stored, listed=listed) is known


@pytest.mark.parametrize(
    ("rows", "site_known", "full", "stops"),
    [
        ([True, True], True, False, True),
        ([True, False], True, False, False),
        ([], True, False, False),  # no rows: another stop reason, not this one
        ([True, True], False, False, False),  # first crawl of the site: walk everything
        ([True, True], True, True, False),  # full walk
    ],
)
def test_stops_paging(rows: list[bool], site_known: bool, full: bool, stops: bool) -> None:
    assert stops_paging(rows, site_known=site_known, full=full) is stops


def test_list_state_and_its_304_keep_the_rows() -> None:
    entries = [ListEntry(URL, TITLE, "2023-06-19"), ListEntry("http://a.test/n", None, None)]
    read = list_state(
        "a",
        "http://a.test/xsxc/",
        etag='"e1"',
        last_modified=None,
        sha256="abc",
        status=200,
        rows=entries,
        now=T1,
    )
    assert stored_rows(read) == entries
    again = not_modified_state(read, etag=None, last_modified="Fri, 01 Sep 2023", now=T2)
    assert (again.etag, again.last_modified, again.sha256, again.status, again.checked_at) == (
        '"e1"',
        "Fri, 01 Sep 2023",
        "abc",
        304,
        T2,
    )
    assert stored_rows(again) == entries
    assert stored_rows(None) == []


def archive() -> ArchiveState:
    page = state(
        "http://a.test/xsxc/",
        etag='"e1"',
        last_modified="Fri, 01 Sep 2023 09:00:00 GMT",
        rows=(ListRow(URL, TITLE, "2023-06-19"),),
    )
    detail = state(URL, kind=DETAIL, etag='"d1"')
    return ArchiveState(
        pages={page.key: page, detail.key: detail}, stored=STORED, sites=frozenset({"a"})
    )


def test_incremental_answers_from_the_loaded_archive() -> None:
    run = Incremental()
    entry = ListEntry(URL, TITLE, "2023-06-19")
    assert run.list_headers("http://a.test/xsxc/") == {}  # nothing loaded: all new
    assert not run.known(entry, relevant=True)
    run.load(archive())
    assert run.site_known("a") and not run.site_known("b")
    assert run.list_headers("http://a.test/xsxc/") == {
        "If-None-Match": '"e1"',
        "If-Modified-Since": "Fri, 01 Sep 2023 09:00:00 GMT",
    }
    assert run.detail_headers(URL + "#frag") == {"If-None-Match": '"d1"'}
    assert run.known(entry, relevant=True)
    assert run.stops_paging("a", [True]) and not run.stops_paging("b", [True])


def test_a_full_walk_skips_nothing_and_downloads_every_page() -> None:
    run = Incremental(full=True)
    run.load(archive())
    assert run.list_headers("http://a.test/xsxc/") == {}
    assert run.detail_headers(URL) == {}  # a 304 would hide an attachment replaced behind it
    assert not run.known(ListEntry(URL, TITLE, "2023-06-19"), relevant=True)
    assert not run.stops_paging("a", [True])


def test_list_pages_seen_are_handed_back_once_each() -> None:
    run = Incremental()
    first, again = state(checked_at=T1), state(checked_at=T2)
    run.saw_list(first)
    run.saw_list(again)
    assert run.lists_seen() == [again]


def _row(n: int) -> ListEntry:
    return ListEntry(f"http://a.test/xsxc/{n}.html", TITLE, "2026-11-30")


@pytest.mark.parametrize(
    ("days", "rows", "fresh"),
    [
        (14, 20, {1, 3}),  # 2: first seen 20 days ago; 4: not a stored notice
        (14, 2, {1}),  # only the first two rows are in the window
        (30, 20, {1, 2, 3}),
        (0, 20, set()),  # the window is off
        (14, 0, set()),
    ],
)
def test_fresh_keys(days: int, rows: int, fresh: set[int]) -> None:
    first_seen = {
        "http://a.test/xsxc/1.html": T2 - timedelta(days=1),
        "http://a.test/xsxc/2.html": T2 - timedelta(days=20),
        "http://a.test/xsxc/3.html": T2 - timedelta(days=13),
    }
    entries = [_row(n) for n in (1, 2, 3, 4)]
    got = fresh_keys(entries, first_seen=first_seen, now=T2, days=days, rows=rows)
    assert got == {f"http://a.test/xsxc/{n}.html" for n in fresh}


def test_the_fresh_window_spans_the_first_rows_of_a_list_and_not_a_full_walk() -> None:
    archive = ArchiveState(first_seen={f"http://a.test/xsxc/{n}.html": T1 for n in (1, 2, 3)})
    inc = Incremental()
    inc.load(archive)
    page = [_row(n) for n in (1, 2, 3)]
    assert len(inc.fresh(page, before=0, now=T2, days=14, rows=2)) == 2
    assert inc.fresh(page, before=1, now=T2, days=14, rows=2) == {"http://a.test/xsxc/1.html"}
    assert inc.fresh(page, before=2, now=T2, days=14, rows=2) == frozenset()
    full = Incremental(full=True)
    full.load(archive)
    assert full.fresh(page, before=0, now=T2, days=14, rows=20) == frozenset()
