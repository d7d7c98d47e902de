"""StorePipeline: refusal at start, batched upserts with counted outcomes, the crawl-run row, and
database faults (named, retried without blocking the event loop, spooled, replayed), some through
a TCP proxy in front of PostgreSQL. The pipeline's coroutines run on an asyncio loop, as on
Scrapy's asyncio reactor."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from scrapy import Spider
from scrapy.utils.test import get_crawler
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError

from crawler import run_context
from crawler.listing import ListEntry
from crawler.outcomes import SiteOutcome
from crawler.run_context import RunContext
from migrations import alembic_config
from models import Attachment, CrawlRun, CrawlSiteOutcome, Notice, Problem, RawPage, Site
from models.db import make_engine
from pipelines import spool as spool_module
from pipelines import store
from pipelines.common.cleaned import CleanedPage
from pipelines.common.db_fault import FaultKind
from pipelines.common.fetched import FetchedAttachment, FetchedPage
from pipelines.common.page_state import LIST, ListRow, PageState
from pipelines.common.settings import SettingError
from pipelines.parse import ParsePipeline
from pipelines.store import StoreNotReady, StorePipeline

SEEDS = """regions:
  - code: "990000"
    name: demo
    pinyin: demo
    sites:
      - id: site-a
        name: 甲网站
        publisher: 甲
        platform: trs
        list_urls: ["http://127.0.0.1:8000/list/"]
        verified: 2026-01-01
"""


@dataclass
class FakeOutcome:
    outcome: str

    def to_dict(self) -> dict[str, Any]:
        return {"outcome": self.outcome, "items": 1}


def item(n: int, *, notice: bool = True) -> FetchedPage:
    url = f"http://127.0.0.1:8000/art/{n}.html"
    key = f"http://127.0.0.1/art/{n}.html"  # the site's host keys its pages without the port
    rec = {
        "is_notice": notice,
        "title": f"通报{n}",
        "problems": [{"seq": 1, "title": "问题"}] if notice else [],
        "body_text": f"正文{n}",
        "parser_version": "t",
    }
    return FetchedPage(
        url=url,
        canonical_url=key,
        site_id="site-a",
        region="demo",
        status=200,
        fetched_at=datetime(2025, 1, 1, tzinfo=UTC),
        body=f"<html>{n}</html>".encode(),
        attachments=[FetchedAttachment("a.pdf", f"{url}.pdf", 200, "application/pdf", b"%PDF")],
        record=rec,
    )


def upgrade(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    engine.dispose()


def make_pipeline(url: str, tmp_path: Path, **settings: Any) -> StorePipeline:
    crawler = get_crawler(
        Spider,
        {
            "NOTICES_DB_URL": url,
            "NOTICES_SPOOL": str(tmp_path / "spool.jsonl"),
            "NOTICES_DB_BATCH": 2,
            "NOTICES_DB_RETRY_BACKOFF": 0.01,
            **settings,
        },
    )
    crawler.spider = crawler._create_spider("notices")
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    (seeds / "demo.yaml").write_text(SEEDS, encoding="utf-8")
    context = RunContext.for_run("demo", None, str(seeds))
    context.outcomes["site-a"].items = 1  # an ok site
    run_context.attach(crawler, context)
    return StorePipeline.from_crawler(crawler)


@pytest.mark.parametrize(
    ("env", "scrapy", "expected"),
    [
        ({}, {}, (200, 3, 1.0)),  # the registry's defaults
        (
            {
                "NOTICES_DB_BATCH": "50",
                "NOTICES_DB_RETRIES": "5",
                "NOTICES_DB_RETRY_BACKOFF": "0.5",
            },
            {},
            (50, 5, 0.5),
        ),
        ({"NOTICES_DB_BATCH": "50"}, {"NOTICES_DB_BATCH": "7"}, (7, 3, 1.0)),  # -s wins
    ],
)
def test_database_settings_come_from_the_environment_or_scrapy(
    env: dict[str, str],
    scrapy: dict[str, str],
    expected: tuple[int, int, float],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("NOTICES_DB_BATCH", "NOTICES_DB_RETRIES", "NOTICES_DB_RETRY_BACKOFF"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    pipeline = StorePipeline.from_crawler(get_crawler(Spider, scrapy))
    assert (pipeline.batch_size, pipeline.retries, pipeline.backoff) == expected


def test_a_bad_database_setting_names_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOTICES_DB_BATCH", "abc")
    with pytest.raises(
        SettingError, match=r"^NOTICES_DB_BATCH='abc' \(environment\) is not an integer$"
    ):
        StorePipeline.from_crawler(get_crawler(Spider))


async def feed(pipeline: StorePipeline, items: list[FetchedPage]) -> None:
    for it in items:
        assert await pipeline.process_item(it) is it


async def finish(pipeline: StorePipeline) -> None:
    await pipeline.close_spider()
    await pipeline.spider_closed(pipeline.crawler.spider, "finished")


def notices_stats(pipeline: StorePipeline) -> dict[str, Any]:
    return {k: v for k, v in pipeline.crawler.stats.get_stats().items() if k.startswith("notices/")}


def run(pipeline: StorePipeline, items: list[FetchedPage]) -> dict[str, Any]:
    async def crawl() -> None:
        pipeline.open_spider()
        await feed(pipeline, items)
        await finish(pipeline)

    asyncio.run(crawl())
    return notices_stats(pipeline)


class Sleeps(list[float]):
    """Stands for asyncio.sleep between tries: records the delays, runs `then` at each."""

    def __init__(self, then: Any = None) -> None:
        super().__init__()
        self.then = then

    async def __call__(self, delay: float) -> None:
        self.append(delay)
        if self.then is not None:
            self.then()


def rows(url: str, model: Any) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(model)).scalar_one()
    engine.dispose()
    return n


def test_stores_counts_outcomes_and_records_the_run(migrated_url: str, tmp_path: Path) -> None:
    db_url = migrated_url
    items = [item(1), item(2), item(3, notice=False), item(4)]
    assert run(make_pipeline(db_url, tmp_path), items) == {
        "notices/db/inserted": 3,
        "notices/db/problems": 3,
        "notices/db/non_notice": 1,
    }
    assert run(make_pipeline(db_url, tmp_path), items) == {
        "notices/db/unchanged": 3,
        "notices/db/non_notice": 1,
    }
    assert (rows(db_url, Notice), rows(db_url, Problem), rows(db_url, RawPage)) == (3, 3, 1)
    assert rows(db_url, Attachment) == 3
    engine = make_engine(db_url)
    with engine.connect() as conn:
        runs = conn.execute(select(CrawlRun.__table__).order_by(CrawlRun.id)).all()
        site = conn.execute(select(Site.__table__)).one()
        outcomes = conn.execute(select(CrawlSiteOutcome.outcome)).scalars().all()
    engine.dispose()
    assert [(r.region, r.outcome, r.stats.get("notices/db/unchanged")) for r in runs] == [
        ("demo", "ok", None),  # the sites' verdict, not Scrapy's finish reason
        ("demo", "ok", 3),
    ]
    assert (site.name, site.platform) == ("甲网站", "trs")
    assert outcomes == ["ok", "ok"]


def test_a_non_notice_is_stored_with_the_rule_that_refused_it(
    migrated_url: str, tmp_path: Path
) -> None:
    page = item(5, notice=False)
    page.cleaned = CleanedPage(
        "县委第一巡察组进驻县人民医院开展巡察工作\n4月10日，巡察工作动员会召开。"
    )
    ParsePipeline.from_crawler(get_crawler()).process_item(page)
    run(make_pipeline(migrated_url, tmp_path), [page])
    engine = make_engine(migrated_url)
    with engine.connect() as conn:
        reason = conn.execute(select(RawPage.reason)).scalar_one()
    engine.dispose()
    assert reason == "meeting_title"


def free_port() -> int:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def spooled(tmp_path: Path, name: str = "spool.jsonl") -> spool_module.Contents:
    return spool_module.load(tmp_path / name)


def test_an_unreachable_database_is_named_and_the_crawl_spools_everything(
    tmp_path: Path,
) -> None:
    url = f"postgresql+psycopg://crawler:s3cret@127.0.0.1:{free_port()}/notices"
    pipeline = make_pipeline(url, tmp_path)
    stats = run(pipeline, [item(1), item(2), item(3)])
    fault = run_context.find(pipeline.crawler).db.fault  # type: ignore[union-attr]
    assert fault is not None and fault is pipeline.fault
    assert (fault.kind, fault.spooled, fault.refused) == (FaultKind.UNREACHABLE, 3, False)
    assert fault.database == "postgresql+psycopg://crawler:***@127.0.0.1:" + url.split(":")[3]
    assert "s3cret" not in fault.line() and "3 pages spooled to" in fault.line()
    assert stats["notices/db/spooled"] == 3 and stats["notices/db/fault"] == "unreachable"
    contents = spooled(tmp_path)
    assert [p.url for p in contents.pages] == [item(n).url for n in (1, 2, 3)]
    # the run row is spooled too, with the fault in its stats
    (row,) = contents.runs
    assert (row["region"], row["outcome"]) == (
        "demo",
        "ok",
    )  # the sites were ok; the database was not
    assert row["stats"]["notices/db/fault"] == "unreachable"
    assert row["site_outcomes"]["site-a"]["outcome"] == "ok"


def test_refuses_a_database_not_at_head(sqlite_url: str, tmp_path: Path) -> None:
    with pytest.raises(StoreNotReady, match="not at the schema head: run `notices db upgrade`"):
        make_pipeline(sqlite_url, tmp_path).open_spider()


SPIDER = """
import scrapy

class One(scrapy.Spider):
    name = "one"

    async def start(self):
        return
        yield
"""


def test_scrapy_crawl_exits_nonzero_when_the_store_refuses(sqlite_url: str, tmp_path: Path) -> None:
    (tmp_path / "one.py").write_text(SPIDER)
    pipelines = json.dumps({"pipelines.store.StorePipeline": 400})
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "runspider",
            "one.py",
            "-s",
            f"ITEM_PIPELINES={pipelines}",
            "-s",
            f"NOTICES_DB_URL={sqlite_url}",
            "-s",
            "TELNETCONSOLE_ENABLED=0",
        ],
        cwd=tmp_path,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode != 0
    assert "notices db upgrade" in proc.stderr


def test_retries_then_spools_then_replays_next_run(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upgrade(sqlite_url)
    real_write = store.write_pages
    failures = {"left": 0}

    def flaky_write(engine: Any, pages: Any) -> Any:
        if failures["left"]:
            failures["left"] -= 1
            raise OperationalError("INSERT", {}, Exception("connection lost"))
        return real_write(engine, pages)

    monkeypatch.setattr(store, "write_pages", flaky_write)
    monkeypatch.setattr(spool_module, "write_pages", flaky_write)
    pipeline = make_pipeline(sqlite_url, tmp_path, NOTICES_DB_RETRIES=2)
    pipeline.sleep = sleeps = Sleeps()
    pipeline.open_spider()

    async def crawl() -> None:
        failures["left"] = 2  # fails twice, third try succeeds
        await feed(pipeline, [item(1), item(2)])
        assert sleeps == [0.01, 0.02]

        failures["left"] = 3  # every try fails: the batch goes to the spool
        await feed(pipeline, [item(3), item(4), item(5)])  # 5 is buffered; flushed at close
        failures["left"] = 1  # degraded: the flush tries once; no replay into a failing database
        await finish(pipeline)

    asyncio.run(crawl())
    assert sleeps == [0.01, 0.02, 0.01, 0.02]
    contents = spooled(tmp_path)
    assert [p.url for p in contents.pages] == [item(n).url for n in (3, 4, 5)]
    assert len(contents.runs) == 0  # the database was back for the run row
    assert pipeline.crawler.stats.get_value("notices/db/spooled") == 3
    assert pipeline.crawler.stats.get_value("notices/db/inserted") == 2
    assert rows(sqlite_url, Notice) == 2
    assert pipeline_outcome(pipeline).failures == []  # the database's fault, no site's
    assert rows(sqlite_url, CrawlRun) == 1

    stats = run(make_pipeline(sqlite_url, tmp_path), [])
    assert stats == {"notices/db/replayed/inserted": 3}
    assert not (tmp_path / "spool.jsonl").exists()
    assert rows(sqlite_url, Notice) == 5
    assert rows(sqlite_url, Attachment) == 5


def test_backoff_does_not_block_the_event_loop(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upgrade(sqlite_url)
    events: list[str] = []
    threads: set[int] = set()

    def lost(engine: Any, pages: Any) -> Any:
        threads.add(threading.get_ident())
        events.append("write")
        raise OperationalError("INSERT", {}, Exception("connection lost"))

    monkeypatch.setattr(store, "write_pages", lost)
    pipeline = make_pipeline(
        sqlite_url, tmp_path, NOTICES_DB_RETRIES=2, NOTICES_DB_RETRY_BACKOFF=0.2
    )
    pipeline.open_spider()

    async def ticker() -> None:  # stands for the downloads the reactor keeps serving
        while True:
            events.append("tick")
            await asyncio.sleep(0.01)

    async def crawl() -> None:
        task = asyncio.create_task(ticker())
        await feed(pipeline, [item(1), item(2)])  # 3 tries, 0.2 s then 0.4 s apart
        task.cancel()

    asyncio.run(crawl())
    tries = [i for i, e in enumerate(events) if e == "write"]
    assert len(tries) == 3
    assert threading.get_ident() not in threads  # the writes run off the event loop
    # A blocking sleep lets the ticker in only while a (here instant) write hops threads, once
    # or twice; a backoff awaited on the loop lets it tick all along (20 times in 0.2 s).
    assert all(events[a:b].count("tick") >= 5 for a, b in itertools.pairwise(tries))
    assert pipeline.crawler.stats.get_value("notices/db/spooled") == 2


def test_batches_are_written_in_the_order_they_filled(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upgrade(sqlite_url)
    real_write = store.write_pages
    order: list[list[str]] = []

    def slow_first(engine: Any, pages: Any) -> Any:
        if not order:
            time.sleep(0.3)  # the first batch is slow: the second must wait for it
        order.append([p.url for p in pages])
        return real_write(engine, pages)

    monkeypatch.setattr(store, "write_pages", slow_first)
    pipeline = make_pipeline(sqlite_url, tmp_path)
    pipeline.open_spider()

    async def crawl() -> None:
        # Scrapy hands items over concurrently: both batches fill while the first is written.
        await asyncio.gather(*(pipeline.process_item(item(n)) for n in (1, 2, 3, 4)))
        await finish(pipeline)

    asyncio.run(crawl())
    assert order == [[item(1).url, item(2).url], [item(3).url, item(4).url]]
    assert pipeline.crawler.stats.get_value("notices/db/inserted") == 4


@pytest.mark.parametrize(
    "error",
    [IntegrityError("INSERT", {}, Exception("value rejected")), TypeError("unexpected value")],
)
def test_a_page_with_bad_data_is_rejected_alone(
    error: Exception, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upgrade(sqlite_url)
    real_write = store.write_pages

    def picky_write(engine: Any, pages: Any) -> Any:
        if any(p.url.endswith("/2.html") for p in pages):
            raise error
        return real_write(engine, pages)

    monkeypatch.setattr(store, "write_pages", picky_write)
    pipeline = make_pipeline(sqlite_url, tmp_path, NOTICES_DB_BATCH=3)
    pipeline.sleep = sleeps = Sleeps()
    pipeline.open_spider()
    asyncio.run(feed(pipeline, [item(1), item(2), item(3)]))
    assert sleeps == []  # a data error is not retried
    assert pipeline.crawler.stats.get_value("notices/db/inserted") == 2
    assert pipeline.crawler.stats.get_value("notices/db/rejected") == 1
    assert pipeline.crawler.stats.get_value("notices/db/spooled") is None
    assert not pipeline.degraded and pipeline.fault is None
    assert not (tmp_path / "spool.jsonl").exists()  # never replayed into the same refusal
    assert [p.url for p in spooled(tmp_path, "spool.rejected.jsonl").pages] == [item(2).url]
    # fed back to the run's ledger: the page's site failed one page, the database did not
    site = pipeline_outcome(pipeline)
    assert site.store_rejected == 1 and site.flagged
    assert [str(f).split(" (")[0] for f in site.failures] == [f"store rejected {item(2).url}"]


def pipeline_outcome(pipeline: StorePipeline) -> SiteOutcome:
    context = run_context.find(pipeline.crawler)
    assert context is not None
    return context.outcomes["site-a"]


def odd_item(n: int) -> FetchedPage:
    page = item(n)
    assert page.record is not None
    page.record["title"] = "关于巡察整改\ud800情况的通报"  # a lone surrogate from a JSON API
    page.record["body_text"] = "正文\x00（PDF 文本）\udfff"
    page.list_title = "列表\ud800"
    page.attachments[0].text = "附件\x00"
    return page


def test_a_lone_surrogate_or_nul_does_not_cost_the_batch(migrated_url: str, tmp_path: Path) -> None:
    pipeline = make_pipeline(migrated_url, tmp_path, NOTICES_DB_BATCH=14)
    batch = [item(n) for n in range(1, 14)]
    batch.insert(6, odd_item(99))
    stats = run(pipeline, batch)
    assert stats["notices/db/inserted"] == 14
    assert "notices/db/spooled" not in stats and "notices/db/rejected" not in stats
    engine = make_engine(migrated_url)
    with engine.connect() as conn:
        title, body = conn.execute(
            select(Notice.title, Notice.body_text).where(Notice.url == item(99).url)
        ).one()
    engine.dispose()
    assert (title, body) == ("关于巡察整改\ufffd情况的通报", "正文（PDF 文本）\ufffd")
    assert batch[6].record["title"] == "关于巡察整改\ud800情况的通报"  # the item itself is left


def test_a_read_only_database_is_named_and_its_pages_spooled(
    sqlite_url: str, tmp_path: Path
) -> None:
    upgrade(sqlite_url)
    path = make_url(sqlite_url).database
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    pipeline = make_pipeline(read_only, tmp_path)
    stats = run(pipeline, [item(1), item(2), item(3)])
    assert pipeline.fault is not None
    assert (pipeline.fault.kind, pipeline.fault.spooled) == (FaultKind.READ_ONLY, 3)
    assert "is read-only: attempt to write a readonly database" in pipeline.fault.line()
    assert stats["notices/db/spooled"] == 3
    assert len(spooled(tmp_path).pages) == 3 and len(spooled(tmp_path).runs) == 1
    assert rows(sqlite_url, Notice) == 0
    # back to writable: the next run writes the pages and the run row
    run(make_pipeline(sqlite_url, tmp_path), [])
    assert (rows(sqlite_url, Notice), rows(sqlite_url, CrawlRun)) == (3, 2)


def test_a_locked_sqlite_database_is_a_named_transient_fault(
    sqlite_url: str, tmp_path: Path
) -> None:
    upgrade(sqlite_url)
    holder = sqlite3.connect(make_url(sqlite_url).database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another writer that does not let go
    try:
        pipeline = make_pipeline(sqlite_url, tmp_path, NOTICES_DB_TIMEOUT=0.2)
        started = time.monotonic()
        stats = run(pipeline, [item(1), item(2)])
        took = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    assert pipeline.fault is not None and pipeline.fault.kind is FaultKind.LOCKED
    assert "database is locked" in pipeline.fault.line()
    assert stats["notices/db/spooled"] == 2
    assert took < 60  # each wait is bounded by NOTICES_DB_TIMEOUT, not endless
    run(make_pipeline(sqlite_url, tmp_path), [])
    assert rows(sqlite_url, Notice) == 2


def test_the_run_row_is_spooled_when_the_database_goes_at_the_end(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upgrade(sqlite_url)

    def down(*_args: Any, **_kwargs: Any) -> int:
        raise OperationalError("INSERT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(store, "record_crawl_run", down)
    pipeline = make_pipeline(sqlite_url, tmp_path)
    run(pipeline, [item(1), item(2)])
    assert pipeline.fault is not None and pipeline.fault.kind is FaultKind.UNREACHABLE
    assert rows(sqlite_url, CrawlRun) == 0
    (row,) = spooled(tmp_path).runs
    assert row["started_at"] == pipeline.started_at
    assert row["stats"]["notices/db/inserted"] == 2

    monkeypatch.undo()
    stats = run(make_pipeline(sqlite_url, tmp_path), [])
    assert stats == {"notices/db/replayed/crawl_run": 1}
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        first = conn.execute(select(CrawlRun.__table__).order_by(CrawlRun.id)).first()
    engine.dispose()
    assert first is not None and first.stats["notices/db/inserted"] == 2


def test_a_leftover_replaying_file_is_written_by_the_next_crawl(
    sqlite_url: str, tmp_path: Path
) -> None:
    upgrade(sqlite_url)
    spool_module.append(tmp_path / "spool.jsonl.replaying", [item(1)])  # a crash mid-replay
    stats = run(make_pipeline(sqlite_url, tmp_path), [])
    assert stats == {"notices/db/replayed/inserted": 1}
    assert rows(sqlite_url, Notice) == 1
    assert not spool_module.pending(tmp_path / "spool.jsonl")


class SilentServer:
    """Accepts TCP connections and never answers: a stalled database server."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                self.held.append(self.listener.accept()[0])
            except OSError:
                return

    def close(self) -> None:
        for s in [*self.held, self.listener]:
            _close(s)


def test_a_stalled_postgres_server_times_out_instead_of_freezing(tmp_path: Path) -> None:
    server = SilentServer()
    try:
        url = f"postgresql+psycopg://crawler@127.0.0.1:{server.port}/notices"
        pipeline = make_pipeline(url, tmp_path, NOTICES_DB_TIMEOUT=1, NOTICES_DB_RETRIES=0)
        started = time.monotonic()
        stats = run(pipeline, [item(1), item(2)])
        took = time.monotonic() - started
    finally:
        server.close()
    assert pipeline.fault is not None and pipeline.fault.kind is FaultKind.UNREACHABLE
    assert "timeout" in pipeline.fault.detail
    assert stats["notices/db/spooled"] == 2
    assert took < 60  # libpq's connect_timeout (2 s at least) per try, not endless


@pytest.mark.postgres
def test_a_postgres_lock_held_elsewhere_times_out_and_spools(pg_url: str, tmp_path: Path) -> None:
    upgrade(pg_url)
    holder = make_engine(pg_url)
    with holder.connect() as conn:
        conn.execute(text("BEGIN"))
        conn.execute(text("LOCK TABLE notices IN ACCESS EXCLUSIVE MODE"))
        pipeline = make_pipeline(pg_url, tmp_path, NOTICES_DB_TIMEOUT=0.5, NOTICES_DB_RETRIES=1)
        pipeline.sleep = Sleeps()
        started = time.monotonic()
        stats = run(pipeline, [item(1), item(2)])
        took = time.monotonic() - started
        conn.execute(text("ROLLBACK"))
    holder.dispose()
    assert pipeline.fault is not None and pipeline.fault.kind is FaultKind.LOCKED
    assert stats["notices/db/spooled"] == 2
    assert took < 60  # lock_timeout, not endless
    run(make_pipeline(pg_url, tmp_path), [])
    assert rows(pg_url, Notice) == 2


@pytest.mark.postgres
def test_a_read_only_postgres_is_named_and_its_pages_spooled(pg_url: str, tmp_path: Path) -> None:
    upgrade(pg_url)
    name = make_url(pg_url).database
    admin = make_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
    try:
        pipeline = make_pipeline(pg_url, tmp_path)
        stats = run(pipeline, [item(1), item(2), item(3)])
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = off'))
        admin.dispose()
    assert pipeline.fault is not None and pipeline.fault.kind is FaultKind.READ_ONLY
    assert "read-only transaction" in pipeline.fault.detail
    assert stats["notices/db/spooled"] == 3 and len(spooled(tmp_path).runs) == 1
    run(make_pipeline(pg_url, tmp_path), [])
    assert (rows(pg_url, Notice), rows(pg_url, CrawlRun)) == (3, 2)


@pytest.mark.postgres
def test_postgres_turned_read_only_mid_crawl_loses_nothing(pg_url: str, tmp_path: Path) -> None:
    """As after a failover to a read-only standby: the open connections drop, the new ones are
    read-only. The fault is named read-only, the later pages and the run row are spooled."""
    upgrade(pg_url)
    name = make_url(pg_url).database
    admin = make_engine(pg_url, isolation_level="AUTOCOMMIT")

    def read_only(on: bool) -> None:
        with admin.connect() as conn:
            value = "on" if on else "off"
            conn.execute(
                text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = {value}')
            )
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )

    pipeline = make_pipeline(pg_url, tmp_path, NOTICES_DB_RETRIES=1)
    pipeline.sleep = Sleeps()
    pipeline.open_spider()
    try:

        async def crawl() -> None:
            await feed(pipeline, [item(1), item(2)])
            read_only(True)
            await feed(pipeline, [item(3), item(4), item(5)])
            await finish(pipeline)

        asyncio.run(crawl())
    finally:
        read_only(False)
        admin.dispose()
    assert pipeline.fault is not None and pipeline.fault.kind is FaultKind.READ_ONLY
    assert pipeline.crawler.stats.get_value("notices/db/inserted") == 2
    contents = spooled(tmp_path)
    assert [p.url for p in contents.pages] == [item(n).url for n in (3, 4, 5)]
    assert len(contents.runs) == 1
    run(make_pipeline(pg_url, tmp_path), [])
    assert (rows(pg_url, Notice), rows(pg_url, CrawlRun)) == (5, 2)


class CuttableProxy:
    """A loopback TCP proxy whose link can be cut (open connections dropped, new ones closed at
    once) and restored, to play a database that goes away in the middle of a crawl."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.up = True
        self.lock = threading.Lock()
        self.open: list[socket.socket] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def cut(self) -> None:
        with self.lock:
            self.up = False
            for s in self.open:
                _close(s)
            self.open.clear()

    def restore(self) -> None:
        with self.lock:
            self.up = True

    def close(self) -> None:
        self.cut()
        _close(self.listener)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self.lock:
                if not self.up:
                    _close(client)
                    continue
                upstream = socket.create_connection(self.target)
                self.open += [client, upstream]
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            _close(src)
            _close(dst)


def _close(s: socket.socket) -> None:
    with contextlib.suppress(OSError):
        s.shutdown(socket.SHUT_RDWR)
    s.close()


@pytest.mark.postgres
def test_postgres_lost_mid_crawl_loses_nothing(pg_url: str, tmp_path: Path) -> None:
    upgrade(pg_url)
    target = make_url(pg_url)
    proxy = CuttableProxy(target.host or "127.0.0.1", target.port or 5432)
    via_proxy = target.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    try:
        pipeline = make_pipeline(via_proxy, tmp_path, NOTICES_DB_RETRIES=2)
        pipeline.open_spider()

        async def crawl() -> None:
            await feed(pipeline, [item(1), item(2)])  # batch of 2 written through the proxy

            # Lost, and back while the pipeline backs off: the retry writes the batch.
            proxy.cut()
            pipeline.sleep = Sleeps(then=proxy.restore)
            await feed(pipeline, [item(3), item(4)])
            assert pipeline.crawler.stats.get_value("notices/db/inserted") == 4

            # Lost for good: retries fail, the batch is spooled, the crawl goes on.
            proxy.cut()
            pipeline.sleep = Sleeps()
            await feed(pipeline, [item(5), item(6), item(7)])
            await finish(pipeline)

        asyncio.run(crawl())
        assert pipeline.crawler.stats.get_value("notices/db/spooled") == 3
        assert pipeline.fault is not None and pipeline.fault.kind is FaultKind.UNREACHABLE
        assert rows(pg_url, Notice) == 4
        assert len(spooled(tmp_path).runs) == 1  # down at the end: the run row waits too

        # The next run, with the database back, writes the spool first.
        proxy.restore()
        stats = run(make_pipeline(via_proxy, tmp_path), [item(8)])
        assert stats == {
            "notices/db/replayed/inserted": 3,
            "notices/db/replayed/crawl_run": 1,
            "notices/db/inserted": 1,
            "notices/db/problems": 1,
        }
        assert rows(pg_url, Notice) == 8
        assert rows(pg_url, CrawlRun) == 2
        assert not (tmp_path / "spool.jsonl").exists()
    finally:
        proxy.close()


def test_the_archive_state_is_loaded_at_start_and_list_pages_kept_at_close(
    migrated_url: str, tmp_path: Path
) -> None:
    first = make_pipeline(migrated_url, tmp_path)
    context = run_context.find(first.crawler)
    assert context is not None
    listed = PageState(
        "http://127.0.0.1:8000/list/",
        "site-a",
        LIST,
        '"L1"',
        None,
        "s",
        200,
        datetime(2025, 1, 1, tzinfo=UTC),
        (ListRow(item(1).url, "通报1", None),),
    )
    context.incremental.saw_list(listed)  # as the spider does when it reads the list page
    assert run(first, [item(1), item(2, notice=False)])["notices/db/list_states"] == 1

    second = make_pipeline(migrated_url, tmp_path)
    second.open_spider()
    incremental = run_context.find(second.crawler).incremental  # type: ignore[union-attr]
    assert incremental.site_known("site-a")
    assert incremental.state(listed.key) == listed
    assert incremental.list_headers(listed.key) == {"If-None-Match": '"L1"'}
    assert incremental.known(ListEntry(item(1).url, "通报1", None), relevant=True)
    assert not incremental.known(ListEntry(item(5).url, "通报5", None), relevant=True)
    second.close_spider()
    second.spider_closed(second.crawler.spider, "finished")  # disposes of the engine
