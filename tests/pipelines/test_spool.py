"""The spool keeps pages byte-exact across a round trip, is replayed exactly once, survives a torn
line and a crash during replay, and keeps crawl-run rows and pages with odd text."""

from __future__ import annotations

import base64
import dataclasses
import fcntl
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError, OperationalError

from migrations import alembic_config
from models import CrawlRun, CrawlSiteOutcome, Notice
from models.db import make_engine
from models.writes import Outcome
from pipelines import spool
from pipelines.common.cleaned import CleanedPage
from pipelines.common.fetched import FetchedAttachment, FetchedPage


def page(n: int) -> FetchedPage:
    return FetchedPage(
        url=f"http://127.0.0.1/a/{n}.html",
        canonical_url=f"http://127.0.0.1/a/{n}.html",
        site_id="s",
        region="demo",
        status=200,
        fetched_at=datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC),
        body="<html>通报</html>".encode("gb18030") + bytes(range(256)),
        record={"is_notice": True, "title": "通报", "problems": [], "body_text": "x"},
        attachments=[
            FetchedAttachment(
                "a.pdf", "http://127.0.0.1/a.pdf", 200, "application/pdf", b"\x00%PDF"
            ),
            FetchedAttachment("b.doc", "http://127.0.0.1/b.doc", 404, error="HTTP 404"),
        ],
        list_title="通报",
    )


@pytest.fixture
def migrated(sqlite_url: str) -> Engine:
    engine = make_engine(sqlite_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    return engine


def notices(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Notice)).scalar_one()


def test_round_trip_is_exact(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "spool.jsonl"
    assert spool.append(path, [page(1), page(2)]) == 2
    assert spool.append(path, [page(3)]) == 1
    assert spool.read(path) == [page(1), page(2), page(3)]


def test_every_stored_field_round_trips_and_pipeline_scratch_is_not_spooled(
    tmp_path: Path,
) -> None:
    full = page(1)
    full.declared_encoding, full.list_date = "gbk", "2025-01-01"
    full.cleaned = CleanedPage(text="正文")  # the pipelines' scratch: never spooled
    path = tmp_path / "spool.jsonl"
    spool.append(path, [full])
    line = json.loads(path.read_text(encoding="utf-8"))
    assert "cleaned" not in line and line["declared_encoding"] == "gbk"
    assert spool.read(path) == [dataclasses.replace(full, cleaned=None)]


def test_a_line_written_before_the_shared_page_type_still_reads(tmp_path: Path) -> None:
    # The format of the spool before FetchedPage: no declared_encoding or list_date keys.
    old = {
        "url": "http://127.0.0.1/a/1.html",
        "canonical_url": "http://127.0.0.1/a/1.html",
        "site_id": "s",
        "region": None,
        "status": None,
        "fetched_at": "2025-01-02T03:04:05+00:00",
        "body_b64": base64.b64encode(b"<html/>").decode(),
        "record": None,
        "list_title": "通报",
        "attachments": [
            {"name": "a.pdf", "url": "http://127.0.0.1/a.pdf", "status": 200,
             "content_type": "application/pdf", "body_b64": base64.b64encode(b"%PDF").decode(),
             "sha256": None, "text": None, "error": None},
            {"name": "b.doc", "url": "http://127.0.0.1/b.doc", "status": 404,
             "content_type": None, "body_b64": None, "sha256": None, "text": None,
             "error": "HTTP 404"},
        ],
    }  # fmt: skip
    path = tmp_path / "spool.jsonl"
    path.write_text(json.dumps(old, ensure_ascii=False) + "\n", encoding="utf-8")
    assert spool.read(path) == [
        FetchedPage(
            url="http://127.0.0.1/a/1.html",
            canonical_url="http://127.0.0.1/a/1.html",
            site_id="s",
            region=None,
            status=None,
            fetched_at=datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC),
            body=b"<html/>",
            list_title="通报",
            attachments=[
                FetchedAttachment(
                    "a.pdf", "http://127.0.0.1/a.pdf", 200, "application/pdf", b"%PDF"
                ),
                FetchedAttachment("b.doc", "http://127.0.0.1/b.doc", 404, error="HTTP 404"),
            ],
        )
    ]
    assert spool.to_json(spool.read(path)[0]) == {
        **old,
        "declared_encoding": None,
        "list_date": None,
        "etag": None,
        "last_modified": None,
        "not_modified": False,
        "rule": None,
    }


def test_a_non_notice_keeps_its_rule_through_the_spool(tmp_path: Path) -> None:
    path = tmp_path / "spool.jsonl"
    refused = page(1)
    refused.record = {"is_notice": False}
    refused.rule = "list_page"
    spool.append(path, [refused])
    assert spool.read(path)[0].non_notice_reason == "list_page"


def test_spool_path_setting_then_env_then_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(spool.SPOOL_ENV, raising=False)
    assert spool.spool_path() == Path("data/spool.jsonl")
    monkeypatch.setenv(spool.SPOOL_ENV, "/var/spool.jsonl")
    assert spool.spool_path() == Path("/var/spool.jsonl")
    assert spool.spool_path("x.jsonl") == Path("x.jsonl")


def test_a_bad_line_is_listed_with_its_number_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "spool.jsonl"
    spool.append(path, [page(1)])
    with path.open("a") as f:
        f.write('{"url": "x"}\n[1]\n')
    spool.append(path, [page(2)])
    contents = spool.load(path)
    assert contents.pages == [page(1), page(2)]
    assert [(b.number, b.raw, b.reason.split(":")[0]) for b in contents.bad] == [
        (2, b'{"url": "x"}\n', "KeyError"),
        (3, b"[1]\n", "TypeError"),
    ]
    assert spool.read(path) == [page(1), page(2)]


def test_replay_writes_and_removes_the_spool(migrated: Engine, tmp_path: Path) -> None:
    path = tmp_path / "spool.jsonl"
    spool.append(path, [page(1), page(2), page(1)])
    counts = spool.replay(migrated, path)
    assert counts == {Outcome.INSERTED: 2, Outcome.UNCHANGED: 1}
    assert not path.exists()
    assert notices(migrated) == 2
    assert spool.replay(migrated, path) == {}


def test_a_torn_line_neither_blocks_the_spool_nor_glues_the_next_record(
    migrated: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "spool.jsonl"
    spool.append(path, [page(1)])
    whole = path.read_bytes()
    with path.open("ab") as f:  # a crash in the middle of writing page 2
        f.write(whole[: len(whole) // 2])
    torn = path.read_bytes()[len(whole) :]
    spool.append(path, [page(3)])
    assert path.read_bytes() == whole + torn + b"\n" + whole.replace(b"/1.html", b"/3.html")
    assert spool.replay(migrated, path) == {Outcome.INSERTED: 2, "torn": 1}
    assert notices(migrated) == 2
    assert not path.exists()
    assert (tmp_path / "spool.torn.jsonl").read_bytes() == torn + b"\n"
    assert "spool.jsonl.replaying:2: not a whole spool record" in caplog.text


def test_a_torn_replaying_file_does_not_glue_on_the_new_spool(
    migrated: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "spool.jsonl"
    work = tmp_path / "spool.jsonl.replaying"
    spool.append(work, [page(1)])
    with work.open("ab") as f:
        f.write(b'{"url": "http://127.0.0.1/a/2.ht')
    spool.append(path, [page(3)])
    assert spool.replay(migrated, path) == {Outcome.INSERTED: 2, "torn": 1}
    assert notices(migrated) == 2


def test_interrupted_replay_is_picked_up(migrated: Engine, tmp_path: Path) -> None:
    path = tmp_path / "spool.jsonl"
    spool.append(path.with_name("spool.jsonl.replaying"), [page(1)])
    spool.append(path, [page(2)])
    assert spool.replay(migrated, path) == {Outcome.INSERTED: 2}
    assert not path.exists() and not path.with_name("spool.jsonl.replaying").exists()


def test_a_leftover_replaying_file_alone_is_picked_up(migrated: Engine, tmp_path: Path) -> None:
    # A crash during replay, then nothing new spooled: the spool itself does not exist.
    path = tmp_path / "spool.jsonl"
    spool.append(path.with_name("spool.jsonl.replaying"), [page(1)])
    assert spool.pending(path)
    assert spool.replay(migrated, path) == {Outcome.INSERTED: 1}
    assert not spool.pending(path)


def test_text_that_utf8_cannot_hold_is_spooled_made_storable(
    migrated: Engine, tmp_path: Path
) -> None:
    odd = page(1)
    odd.list_title = "通报\ud800"  # a lone surrogate, as a JSON API's title may hold
    assert odd.record is not None
    odd.record["title"] = "标题\x00\udfff"
    odd.attachments[0].text = "附件\ud83d\ude00"  # a pair: the character it encodes
    path = tmp_path / "spool.jsonl"
    spool.append(path, [odd, page(2)])
    (back, second) = spool.read(path)
    assert back.list_title == "通报\ufffd"
    assert back.record is not None and back.record["title"] == "标题\ufffd"
    assert back.attachments[0].text == "附件😀"
    assert back.body == odd.body and second == page(2)
    assert spool.replay(migrated, path) == {Outcome.INSERTED: 2}


RUN = {
    "region": "demo",
    "started_at": datetime(2025, 1, 2, 3, 0, tzinfo=UTC),
    "finished_at": datetime(2025, 1, 2, 3, 30, tzinfo=UTC),
    "outcome": "finished",
    "stats": {"notices/db/spooled": 2, "start_time": datetime(2025, 1, 2, 3, 0, tzinfo=UTC)},
    "site_outcomes": {"s": {"outcome": "ok", "items": 2}},
}


def test_a_crawl_run_row_is_spooled_and_written_after_the_pages(
    migrated: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "spool.jsonl"
    spool.append(path, [page(1)])
    spool.append_run(path, RUN)
    spool.append(path, [page(2)])
    contents = spool.load(path)
    assert [p.url for p in contents.pages] == [page(1).url, page(2).url]
    assert contents.runs == [
        {**RUN, "stats": {"notices/db/spooled": 2, "start_time": "2025-01-02T03:00:00+00:00"}}
    ]
    assert spool.replay(migrated, path) == {Outcome.INSERTED: 2, "crawl_run": 1}
    with migrated.connect() as conn:
        run = conn.execute(select(CrawlRun.__table__)).one()
        site = conn.execute(select(CrawlSiteOutcome.__table__)).one()
    assert (run.region, run.outcome, run.stats["notices/db/spooled"]) == ("demo", "finished", 2)
    assert run.started_at.replace(tzinfo=UTC) == RUN["started_at"]
    assert (site.site_id, site.outcome) == ("s", "ok")


def test_a_page_the_database_rejects_is_moved_aside(
    migrated: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = spool.write_pages

    def picky_write(engine: Engine, pages: list[FetchedPage]) -> list[Outcome]:
        if any(p.url.endswith("/2.html") for p in pages):
            raise IntegrityError("INSERT", {}, Exception("value rejected"))
        return real_write(engine, pages)

    monkeypatch.setattr(spool, "write_pages", picky_write)
    path = tmp_path / "spool.jsonl"
    spool.append(path, [page(1), page(2), page(3)])
    assert spool.replay(migrated, path) == {Outcome.INSERTED: 2, "rejected": 1}
    assert not path.exists()
    assert [p.url for p in spool.read(tmp_path / "spool.rejected.jsonl")] == [page(2).url]
    assert notices(migrated) == 2


def test_a_lost_database_keeps_the_whole_spool(
    migrated: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def lost(engine: Engine, pages: list[FetchedPage]) -> list[Outcome]:
        raise OperationalError("INSERT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(spool, "write_pages", lost)
    path = tmp_path / "spool.jsonl"
    spool.append(path, [page(1), page(2)])
    with pytest.raises(OperationalError):
        spool.replay(migrated, path)
    assert spool.read(path) == [page(1), page(2)]
    assert not (tmp_path / "spool.rejected.jsonl").exists()


def test_a_replay_running_elsewhere_is_left_alone(migrated: Engine, tmp_path: Path) -> None:
    path = tmp_path / "spool.jsonl"
    spool.append(path, [page(1)])
    with (tmp_path / "spool.jsonl.replay.lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as another crawl's replay would
        assert spool.replay(migrated, path) == {}
    assert spool.read(path) == [page(1)]
    assert spool.replay(migrated, path) == {Outcome.INSERTED: 1}
