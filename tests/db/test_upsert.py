"""Upsert semantics of models.upsert, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import zlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from models import (
    Attachment,
    AttachmentFile,
    Notice,
    NoticeVersion,
    Problem,
    RawPage,
    Site,
    upsert,
)
from models.upsert import write_pages
from pipelines.parsing import parse_notice

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "dev"
from models.writes import Outcome
from pipelines.common.fetched import FetchedAttachment, FetchedPage

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
T1 = T0 + timedelta(days=1)


def record(n: int = 1, *, body: str = "正文", problems: int = 2, **fields: Any) -> dict[str, Any]:
    return {
        "is_notice": True,
        "title": f"关于巡察整改情况的通报 {n}",
        "published_date": "2024-06-24",
        "publisher": "中共某某局党组",
        "inspection_level": "city",
        "inspection_kinds": ["常规"],
        "inspection_start": "2023-08",
        "counts": {"aspects": 3, "items": None, "problems": problems, "measures": None},
        "status_counts": None,
        "contact": {"phones": ["0517-1234567"], "emails": [], "address": None, "postcode": None},
        "attachments": [],
        "problems": [
            {
                "seq": i,
                "aspect": "方面一",
                "title": f"问题{i}",
                "description": "d",
                "rectification": "r",
                "status": "done",
            }
            for i in range(1, problems + 1)
        ],
        "body_text": body,
        "parser_version": "1.0",
        **fields,
    }


def page(n: int = 1, rec: dict[str, Any] | None = None, **kw: Any) -> FetchedPage:
    url = f"http://127.0.0.1/notice/{n}.html"
    values: dict[str, Any] = {
        "url": url,
        "canonical_url": url,
        "site_id": "site-a",
        "region": "demo",
        "status": 200,
        "fetched_at": T0,
        "body": f"<html>notice {n}</html>".encode(),
        "record": record(n) if rec is None else rec,
    }
    values.update(kw)
    return FetchedPage(**values)


def count(engine: Engine, model: Any) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def notice_row(engine: Engine, n: int = 1) -> dict[str, Any]:
    with engine.connect() as conn:
        row = conn.execute(
            select(Notice.__table__).where(Notice.url == f"http://127.0.0.1/notice/{n}.html")
        ).one()
    return dict(row._mapping)


def test_first_write_inserts_notice_problems_version(engine: Engine) -> None:
    assert write_pages(engine, [page(1), page(2)], now=T0) == [Outcome.INSERTED] * 2
    assert count(engine, Notice) == 2
    assert count(engine, Problem) == 4
    assert count(engine, NoticeVersion) == 2
    row = notice_row(engine)
    assert row["published_date"] == date(2024, 6, 24)
    assert row["inspection_start"] == "2023-08"
    assert row["counts"]["aspects"] == 3
    assert row["first_seen_at"] == row["last_seen_at"] == T0
    with engine.connect() as conn:
        version = conn.execute(select(NoticeVersion.__table__).limit(1)).one()._mapping
    assert zlib.decompress(version["raw_zlib"]).startswith(b"<html>notice")
    assert version["http_status"] == 200
    assert version["fetched_at"] == T0


def test_same_record_again_is_unchanged_and_touches_only_last_seen(engine: Engine) -> None:
    write_pages(engine, [page(1)], now=T0)
    before = notice_row(engine)
    # Different raw bytes (a visitor counter, say) but the same record: nothing to store.
    again = page(1, body=b"<html>notice 1 visits 42</html>")
    assert write_pages(engine, [again], now=T1) == [Outcome.UNCHANGED]
    after = notice_row(engine)
    for touched in ("last_seen_at", "last_checked_at"):
        assert after.pop(touched) == T1
        before.pop(touched)
    assert after == before
    assert count(engine, NoticeVersion) == 1
    assert count(engine, Problem) == 2


def test_changed_record_updates_adds_version_and_replaces_problems(engine: Engine) -> None:
    write_pages(engine, [page(1)], now=T0)
    edited = page(1, rec=record(1, body="正文（修订）", problems=3), body=b"<html>edited</html>")
    assert write_pages(engine, [edited], now=T1) == [Outcome.UPDATED]
    row = notice_row(engine)
    assert row["body_text"] == "正文（修订）"
    assert row["first_seen_at"] == T0
    assert row["last_seen_at"] == T1
    assert count(engine, NoticeVersion) == 2
    with engine.connect() as conn:
        titles = conn.execute(select(Problem.title).order_by(Problem.seq)).scalars().all()
    assert titles == ["问题1", "问题2", "问题3"]


def test_new_parser_on_same_bytes_updates_record_without_duplicating_raw(engine: Engine) -> None:
    write_pages(engine, [page(1)], now=T0)
    reparsed = page(1, rec=record(1, parser_version="1.1"))
    assert write_pages(engine, [reparsed], now=T1) == [Outcome.UPDATED]
    assert notice_row(engine)["parser_version"] == "1.1"
    assert count(engine, NoticeVersion) == 1


def test_same_url_twice_in_one_batch(engine: Engine) -> None:
    edited = page(1, rec=record(1, body="第二次"), body=b"<html>second</html>")
    outcomes = write_pages(engine, [page(1), page(1), edited], now=T0)
    assert outcomes == [Outcome.INSERTED, Outcome.UNCHANGED, Outcome.UPDATED]
    assert count(engine, Notice) == 1
    assert notice_row(engine)["body_text"] == "第二次"


def test_non_notices_are_kept_as_raw_pages(engine: Engine) -> None:
    news = page(7, rec={"is_notice": False, "title": "动员会召开"}, list_title="动员会召开")
    unparsed = page(8, rec={})
    unparsed.record = None
    assert write_pages(engine, [news, unparsed, news], now=T0) == [Outcome.NON_NOTICE] * 3
    assert count(engine, Notice) == 0
    with engine.connect() as conn:
        rows = conn.execute(select(RawPage.__table__).order_by(RawPage.url)).all()
    assert [(r.reason, r.title) for r in rows] == [
        ("not a rectification notice", "动员会召开"),
        ("no parsed record", None),
    ]
    assert zlib.decompress(rows[0].body_zlib) == b"<html>notice 7</html>"


def test_a_non_notice_keeps_the_rule_that_refused_it(engine: Engine) -> None:
    news = page(7, rec={"is_notice": False}, rule="meeting_title")
    write_pages(engine, [news], now=T0)
    with engine.connect() as conn:
        assert conn.execute(select(RawPage.reason)).scalar_one() == "meeting_title"


def test_unknown_site_gets_a_minimal_row(engine: Engine) -> None:
    write_pages(engine, [page(1, site_id="never-registered")], now=T0)
    with engine.connect() as conn:
        site = conn.execute(select(Site.__table__).where(Site.id == "never-registered")).one()
    assert site.region == "demo"


def test_values_that_do_not_fit_their_column_go_to_extra(engine: Engine) -> None:
    odd = record(
        1,
        published_date="2024年6月",
        inspection_end="9月底",
        inspection_level="municipal",
        phase_of_report="中期",  # a field the store does not know
    )
    write_pages(engine, [page(1, rec=odd)], now=T0)
    row = notice_row(engine)
    assert row["published_date"] is None
    assert row["inspection_end"] is None
    assert row["inspection_level"] is None
    assert row["extra"] == {
        "published_date": "2024年6月",
        "inspection_end": "9月底",
        "inspection_level": "municipal",
        "phase_of_report": "中期",
    }


def test_a_parsed_record_fits_its_columns_with_nothing_left_over(engine: Engine) -> None:
    text = (CORPUS / "texts" / "004_bbd2ed656ee4c473.txt").read_text(encoding="utf-8")
    parsed = parse_notice(text).to_dict()
    write_pages(engine, [page(1, rec=parsed)], now=T0)
    row = notice_row(engine)
    assert row["extra"] == {}
    assert (row["title"], row["inspection_body"]) == (parsed["title"], "市委巡察办第一巡察组")


PDF_URL = "http://127.0.0.1/a.pdf"


def pdf(body: bytes) -> FetchedAttachment:
    return FetchedAttachment("清单.pdf", PDF_URL, 200, "application/pdf", body, text="清单")


def files(engine: Engine) -> dict[str, bytes]:
    with engine.connect() as conn:
        rows = conn.execute(select(AttachmentFile.sha256, AttachmentFile.body_zlib)).all()
    return {sha: zlib.decompress(body) for sha, body in rows}


def version_files(engine: Engine) -> list[list[bytes]]:
    """For each version, oldest first, the bytes of the files it had."""
    with Session(engine) as session:
        versions = session.scalars(select(NoticeVersion).order_by(NoticeVersion.id)).all()
        return [[zlib.decompress(f.file.body_zlib) for f in v.files] for v in versions]


def test_attachments_are_stored_by_content(engine: Engine) -> None:
    broken = FetchedAttachment("x.doc", "http://127.0.0.1/x.doc", 404, error="HTTP 404")
    write_pages(engine, [page(1, attachments=[pdf(b"%PDF-1"), broken, pdf(b"%PDF-1")])], now=T0)
    write_pages(engine, [page(2, attachments=[pdf(b"%PDF-1")])], now=T0)
    with Session(engine) as session:
        rows = session.scalars(select(Attachment).order_by(Attachment.notice_id, Attachment.url))
        links = [(a.name, a.error, a.file and a.file.size) for a in rows]
        file = session.scalars(select(AttachmentFile)).one()
        assert (file.content_type, file.text, file.first_seen_at) == ("application/pdf", "清单", T0)
    assert links == [("清单.pdf", None, 6), ("x.doc", "HTTP 404", None), ("清单.pdf", None, 6)]
    assert list(files(engine).values()) == [b"%PDF-1"]  # two notices, one file
    assert version_files(engine) == [[b"%PDF-1"], [b"%PDF-1"]]


def test_replaced_attachment_updates_with_a_new_version_keeping_both_files(
    engine: Engine,
) -> None:
    write_pages(engine, [page(1, attachments=[pdf(b"%PDF-1")])], now=T0)
    # The same page with another file behind the same URL is a change of the notice.
    assert write_pages(engine, [page(1, attachments=[pdf(b"%PDF-2")])], now=T1) == [Outcome.UPDATED]
    assert sorted(files(engine).values()) == [b"%PDF-1", b"%PDF-2"]
    assert version_files(engine) == [[b"%PDF-1"], [b"%PDF-2"]]
    with engine.connect() as conn:
        raw = conn.execute(select(NoticeVersion.raw_sha256)).scalars().all()
        current = conn.execute(select(Attachment.sha256)).scalars().all()
    assert raw[0] == raw[1]
    assert [files(engine)[sha] for sha in current] == [b"%PDF-2"]

    # The old file again is the first version again: nothing new to keep.
    assert write_pages(engine, [page(1, attachments=[pdf(b"%PDF-1")])], now=T1) == [Outcome.UPDATED]
    assert count(engine, NoticeVersion) == 2


def test_same_page_and_files_again_is_unchanged(engine: Engine) -> None:
    write_pages(engine, [page(1, attachments=[pdf(b"%PDF-1")])], now=T0)
    assert write_pages(engine, [page(1, attachments=[pdf(b"%PDF-1")])], now=T1) == [
        Outcome.UNCHANGED
    ]
    # A new parser on the same page and files updates the record, not the archive.
    reparsed = page(1, rec=record(1, parser_version="1.1"), attachments=[pdf(b"%PDF-1")])
    assert write_pages(engine, [reparsed], now=T1) == [Outcome.UPDATED]
    assert (count(engine, NoticeVersion), count(engine, AttachmentFile)) == (1, 1)
    assert version_files(engine) == [[b"%PDF-1"]]


def test_nul_characters_are_dropped_from_text(engine: Engine) -> None:
    # PostgreSQL text cannot hold NUL: without this the whole batch would fail there.
    rec = record(1, title="通\x00报", body="正\x00文")
    rec["problems"][0]["title"] = "问\x00题"
    news = page(2, rec={"is_notice": False}, list_title="新\x00闻")
    write_pages(engine, [page(1, rec=rec), news], now=T0)
    row = notice_row(engine)
    assert (row["title"], row["body_text"]) == ("通报", "正文")
    with engine.connect() as conn:
        assert conn.execute(select(Problem.title).where(Problem.seq == 1)).scalar_one() == "问题"
        assert conn.execute(select(RawPage.title)).scalar_one() == "新闻"


def test_values_of_the_wrong_shape_are_kept_in_extra(engine: Engine) -> None:
    odd = record(
        1,
        title=123,
        counts=[3, 11],
        inspection_kinds="常规",
        contact=None,
        signed_date=20240101,
    )
    odd["problems"] = [{"title": ["a", "b"], "status": "done"}, "junk"]
    assert write_pages(engine, [page(1, rec=odd)], now=T0) == [Outcome.INSERTED]
    row = notice_row(engine)
    assert (row["title"], row["counts"], row["inspection_kinds"], row["contact"]) == (
        None,
        {},
        [],
        {},
    )
    assert row["extra"] == {
        "title": 123,
        "counts": [3, 11],
        "inspection_kinds": "常规",
        "signed_date": 20240101,
        "problems": ["junk"],
    }
    with engine.connect() as conn:
        assert conn.execute(select(Problem.title)).scalars().all() == ['["a", "b"]']


def test_raw_page_fetched_again_is_touched_or_replaced(engine: Engine) -> None:
    news = page(7, rec={"is_notice": False})
    write_pages(engine, [news], now=T0)
    with engine.connect() as conn:
        before = dict(conn.execute(select(RawPage.__table__)).one()._mapping)
    write_pages(engine, [news], now=T1)
    with engine.connect() as conn:
        after = dict(conn.execute(select(RawPage.__table__)).one()._mapping)
    assert after.pop("last_seen_at") == T1
    before.pop("last_seen_at")
    assert after == before

    edited = page(7, rec={"is_notice": False}, body=b"<html>edited</html>")
    write_pages(engine, [edited], now=T1)
    with engine.connect() as conn:
        row = conn.execute(select(RawPage.__table__)).one()
    assert zlib.decompress(row.body_zlib) == b"<html>edited</html>"
    assert (row.first_seen_at, row.last_seen_at) == (T0, T1)


def test_lookups_split_into_chunks(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(upsert, "LOOKUP_CHUNK", 3)
    pages = [page(n) for n in range(1, 11)]
    assert write_pages(engine, pages, now=T0) == [Outcome.INSERTED] * 10
    assert write_pages(engine, pages, now=T1) == [Outcome.UNCHANGED] * 10
    edited = [page(n, rec=record(n, body="新"), body=b"new") for n in range(1, 11)]
    assert write_pages(engine, edited, now=T1) == [Outcome.UPDATED] * 10
    assert count(engine, Problem) == 20
    with engine.connect() as conn:
        seen = conn.execute(select(Notice.last_seen_at).distinct()).scalars().all()
    assert seen == [T1]
