"""A stored notice's standing as the store keeps it (models/lifecycle.py through write_pages):
removals, restorations, delistings, 304s, moves and merges, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, select

from models import Notice, NoticeEvent, NoticeUrl, NoticeVersion
from models.lifecycle import not_checked_since, recheck_targets, stored_notices
from models.upsert import write_pages
from models.writes import Outcome

from .test_upsert import T0, T1, count, page, record

T2 = T1 + timedelta(days=1)


def gone(n: int, reason: str, status: int, **kw: Any) -> Any:
    return page(n, rec={"is_notice": False}, body=b"", status=status, removed_reason=reason, **kw)


def standing(engine: Engine, n: int = 1) -> tuple[Any, ...]:
    with engine.connect() as conn:
        row = conn.execute(
            select(
                Notice.id,
                Notice.removed_at,
                Notice.removed_reason,
                Notice.delisted_at,
                Notice.last_checked_at,
            ).where(Notice.canonical_url == f"http://127.0.0.1/notice/{n}.html")
        ).one()
        events = conn.execute(
            select(NoticeEvent.kind).where(NoticeEvent.notice_id == row.id).order_by(NoticeEvent.id)
        ).scalars()
        return (row.removed_at, row.removed_reason, row.delisted_at, row.last_checked_at, [*events])


@pytest.mark.parametrize(
    ("reason", "status"), [("not_found", 404), ("gone", 410), ("soft_not_found", 200)]
)
def test_a_page_answering_gone_marks_its_notice_removed_once(
    engine: Engine, reason: str, status: int
) -> None:
    write_pages(engine, [page(1)], now=T0)
    assert write_pages(engine, [gone(1, reason, status, fetched_at=T1)], now=T1) == [
        Outcome.REMOVED
    ]
    assert standing(engine) == (T1, reason, None, T1, ["removed"])
    # still gone the next night: removed_at stays the first sighting, no second event
    write_pages(engine, [gone(1, reason, status, fetched_at=T2)], now=T2)
    assert standing(engine) == (T1, reason, None, T2, ["removed"])
    assert count(engine, NoticeVersion) == 1  # its versions stay


def test_a_removed_notice_that_answers_again_is_restored(engine: Engine) -> None:
    write_pages(engine, [page(1)], now=T0)
    write_pages(engine, [gone(1, "not_found", 404, fetched_at=T1)], now=T1)
    assert write_pages(engine, [page(1)], now=T2) == [Outcome.UNCHANGED]
    assert standing(engine) == (None, None, None, T2, ["removed", "restored"])


def test_gone_or_304_for_an_unknown_url_stores_nothing(engine: Engine) -> None:
    out = write_pages(engine, [gone(5, "gone", 410), page(6, status=304, body=b"")], now=T0)
    assert out == [Outcome.NOT_STORED, Outcome.NOT_STORED]
    assert count(engine, Notice) == 0


def test_a_304_confirms_and_restores(engine: Engine) -> None:
    write_pages(engine, [page(1)], now=T0)
    write_pages(engine, [gone(1, "not_found", 404)], now=T1)
    not_modified = page(1, status=304, body=b"", rec={"is_notice": False}, fetched_at=T2)
    assert write_pages(engine, [not_modified], now=T2) == [Outcome.UNCHANGED]
    assert standing(engine)[:2] == (None, None)
    assert standing(engine)[4] == ["removed", "restored"]


def test_a_304_after_a_redirect_is_a_move_with_both_urls(engine: Engine) -> None:
    # a re-check sends the old page's validators; the new URL has the same bytes: 304
    write_pages(engine, [page(1)], now=T0)
    old, new = "http://127.0.0.1/notice/1.html", "http://127.0.0.1/zgtb/1.html"
    moved = page(1, url=new, canonical_url=new, status=304, body=b"", rec={"is_notice": False})
    moved.redirect_urls, moved.redirect_keys = (old,), (old,)
    assert write_pages(engine, [moved], now=T1) == [Outcome.UNCHANGED]
    with engine.connect() as conn:
        (row,) = conn.execute(select(Notice.url, Notice.canonical_url)).all()
        urls = set(conn.execute(select(NoticeUrl.url)).scalars())
    assert (row.url, row.canonical_url, urls) == (new, new, {old, new})


def test_delisting_and_relisting_follow_what_the_lists_showed(engine: Engine) -> None:
    write_pages(engine, [page(1, listed=True)], now=T0)
    write_pages(engine, [page(1, listed=False, fetched_at=T1)], now=T1)
    assert standing(engine)[2] == T1
    write_pages(engine, [page(1, listed=None)], now=T1)  # a re-check says nothing of lists
    assert standing(engine)[2] == T1
    write_pages(engine, [page(1, listed=True)], now=T2)
    assert standing(engine)[2:] == (None, T2, ["delisted", "relisted"])


def test_a_redirect_keeps_the_notice_and_all_its_urls(engine: Engine) -> None:
    write_pages(engine, [page(1)], now=T0)
    old = "http://127.0.0.1/notice/1.html"
    new = "http://127.0.0.1/zgtb/1.html"
    moved = page(1, url=new, canonical_url=new, redirect_urls=(old,), redirect_keys=(old,))
    assert write_pages(engine, [moved], now=T1) == [Outcome.UNCHANGED]
    with engine.connect() as conn:
        (row,) = conn.execute(select(Notice.id, Notice.url, Notice.canonical_url)).all()
        urls = set(conn.execute(select(NoticeUrl.url)).scalars())
        kinds = list(conn.execute(select(NoticeEvent.kind)).scalars())
    assert (row.url, row.canonical_url, urls, kinds) == (new, new, {old, new}, ["moved"])
    # the old URL found again (an alias list row, say), even edited, is the same notice
    assert write_pages(engine, [page(1, rec=record(1, body="改"), body=b"v2")], now=T2) == [
        Outcome.UPDATED
    ]
    assert count(engine, Notice) == 1
    assert count(engine, NoticeVersion) == 2


def test_a_move_and_a_direct_fetch_of_the_new_url_in_one_batch_keep_both_urls(
    engine: Engine,
) -> None:
    write_pages(engine, [page(1)], now=T0)
    old, new = "http://127.0.0.1/notice/1.html", "http://127.0.0.1/zgtb/1.html"
    moved = page(1, url=new, canonical_url=new, redirect_urls=(old,), redirect_keys=(old,))
    direct = page(1, url=new, canonical_url=new)
    write_pages(engine, [moved, direct], now=T1)
    with engine.connect() as conn:
        urls = set(conn.execute(select(NoticeUrl.url)).scalars())
    assert (count(engine, Notice), urls) == (1, {old, new})


def test_a_notice_stored_under_its_new_url_meanwhile_is_merged(engine: Engine) -> None:
    old = "http://127.0.0.1/notice/1.html"
    new = "http://127.0.0.1/zgtb/1.html"
    write_pages(engine, [page(1)], now=T0)
    edited = record(1, body="正文（更正）")
    write_pages(engine, [page(9, url=new, canonical_url=new, rec=edited, body=b"v2")], now=T1)
    assert count(engine, Notice) == 2
    via = page(9, url=new, canonical_url=new, rec=edited, body=b"v2")
    via.redirect_urls, via.redirect_keys = (old,), (old,)
    write_pages(engine, [via], now=T2)
    with engine.connect() as conn:
        (row,) = conn.execute(select(Notice.canonical_url, Notice.first_seen_at)).all()
    assert (row.canonical_url, row.first_seen_at) == (new, T0)
    assert count(engine, NoticeVersion) == 2  # both contents, under the one notice


def test_recheck_targets_come_oldest_checked_first(engine: Engine) -> None:
    write_pages(engine, [page(1)], now=T1)
    write_pages(engine, [page(2)], now=T0)
    targets = recheck_targets(engine, ["site-a"], 5)
    assert [t.url.rsplit("/", 1)[1] for t in targets] == ["2.html", "1.html"]
    assert [t.url for t in recheck_targets(engine, ["site-a"], 1)] == [targets[0].url]
    assert recheck_targets(engine, ["other"], 5) == []
    assert not_checked_since(engine, [t.canonical_url for t in targets], T1) == 1


def test_the_recheck_budget_is_shared_among_the_sites(engine: Engine) -> None:
    # site-a's three notices are all checked longer ago than site-b's one
    write_pages(engine, [page(n) for n in (1, 2, 3)], now=T0)
    write_pages(engine, [page(4, site_id="site-b")], now=T1)
    sites = ["site-a", "site-b"]

    def picked(limit: int) -> list[str]:
        return [t.url.rsplit("/", 1)[1] for t in recheck_targets(engine, sites, limit)]

    assert picked(2) == ["1.html", "4.html"]  # one each, not site-a's two oldest
    assert picked(3) == ["1.html", "2.html", "4.html"]
    assert picked(4) == ["1.html", "2.html", "4.html", "3.html"]  # site-b's unused share


def test_recheck_targets_carry_the_validators_of_their_pages(engine: Engine) -> None:
    write_pages(engine, [page(1, etag='"e1"')])
    modified = "Tue, 01 Dec 2026 02:00:00 GMT"
    write_pages(
        engine, [page(1, etag='"e2"', last_modified=modified, body=b"", status=304)], now=T1
    )
    (target,) = recheck_targets(engine, ["site-a"], 5)
    assert (target.etag, target.last_modified) == ('"e2"', modified)  # the last answer's


def test_stored_notices_of_a_site_say_their_standing(engine: Engine) -> None:
    write_pages(engine, [page(1, etag='"e1"'), page(2)], now=T0)
    write_pages(engine, [gone(2, "not_found", 404)], now=T1)
    found = stored_notices(engine, ["site-a", "none"])
    assert found["none"] == []
    by_url = {s.url.rsplit("/", 1)[1]: s for s in found["site-a"]}
    assert (by_url["1.html"].removed, by_url["1.html"].etag) == (False, '"e1"')
    assert by_url["2.html"].removed
