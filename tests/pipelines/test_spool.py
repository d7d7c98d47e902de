"""The spool keeps pages byte-exact across a round trip and is replayed exactly once."""

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
from models import Notice
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
        "rule": None,
        "redirect_urls": (),  # the fields a page has gained since
        "redirect_keys": (),
        "removed_reason": None,
        "listed": None,
        "etag": None,
        "last_modified": None,
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


def test_bad_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "spool.jsonl"
    spool.append(path, [page(1)])
    with path.open("a") as f:
        f.write('{"url": "x"}\n')
    with pytest.raises(spool.SpoolError, match=r"spool.jsonl:2: unreadable"):
        spool.read(path)


def test_replay_writes_and_removes_the_spool(migrated: Engine, tmp_path: Path) -> None:
    path = tmp_path / "spool.jsonl"
    spool.append(path, [page(1), page(2), page(1)])
    counts = spool.replay(migrated, path)
    assert counts == {Outcome.INSERTED: 2, Outcome.UNCHANGED: 1}
    assert not path.exists()
    assert notices(migrated) == 2
    assert spool.replay(migrated, path) == {}


def test_failed_replay_keeps_every_page(migrated: Engine, tmp_path: Path) -> None:
    path = tmp_path / "spool.jsonl"
    spool.append(path, [page(1)])
    with path.open("a") as f:
        f.write("not json\n")
    with pytest.raises(spool.SpoolError):
        spool.replay(migrated, path)
    assert len(path.read_text().splitlines()) == 2
    assert not path.with_name("spool.jsonl.replaying").exists()


def test_interrupted_replay_is_picked_up(migrated: Engine, tmp_path: Path) -> None:
    path = tmp_path / "spool.jsonl"
    spool.append(path.with_name("spool.jsonl.replaying"), [page(1)])
    spool.append(path, [page(2)])
    assert spool.replay(migrated, path) == {Outcome.INSERTED: 2}
    assert not path.exists() and not path.with_name("spool.jsonl.replaying").exists()


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
    assert spool.replay(migrated, path) == {Outcome.INSERTED: 2}
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
