"""StorePipeline: refusal at start, batched upserts with counted outcomes, the crawl-run row, and
database faults (retry, spool, replay), the last through a TCP proxy in front of PostgreSQL."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from scrapy import Spider
from scrapy.utils.test import get_crawler
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError

from crawler import run_context
from crawler.outcomes import SiteOutcome
from crawler.run_context import RunContext
from migrations import alembic_config
from models import Attachment, CrawlRun, CrawlSiteOutcome, Notice, Problem, RawPage, Site
from models.db import make_engine
from pipelines import spool as spool_module
from pipelines import store
from pipelines.common.cleaned import CleanedPage
from pipelines.common.fetched import FetchedAttachment, FetchedPage
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
    rec = {
        "is_notice": notice,
        "title": f"通报{n}",
        "problems": [{"seq": 1, "title": "问题"}] if notice else [],
        "body_text": f"正文{n}",
        "parser_version": "t",
    }
    return FetchedPage(
        url=url,
        canonical_url=url,
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


def run(pipeline: StorePipeline, items: list[FetchedPage]) -> dict[str, Any]:
    pipeline.open_spider()
    for it in items:
        assert pipeline.process_item(it) is it
    pipeline.close_spider()
    pipeline.spider_closed(pipeline.crawler.spider, "finished")
    return {k: v for k, v in pipeline.crawler.stats.get_stats().items() if k.startswith("notices/")}


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


def test_refuses_an_unreachable_database_with_the_password_masked(tmp_path: Path) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql+psycopg://crawler:s3cret@127.0.0.1:{port}/notices"
    pipeline = make_pipeline(url, tmp_path)
    with pytest.raises(StoreNotReady, match="unreachable") as info:
        pipeline.open_spider()
    assert "crawler:***@127.0.0.1" in str(info.value)
    assert "s3cret" not in str(info.value)


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
    sleeps: list[float] = []
    pipeline.sleep = sleeps.append
    pipeline.open_spider()

    failures["left"] = 2  # fails twice, third try succeeds
    pipeline.process_item(item(1))
    pipeline.process_item(item(2))
    assert sleeps == [0.01, 0.02]

    failures["left"] = 3  # every try fails: the batch goes to the spool
    pipeline.process_item(item(3))
    pipeline.process_item(item(4))
    pipeline.process_item(item(5))  # buffered; flushed at close
    failures["left"] = 2  # degraded: the flush tries once, then the replay at close fails
    pipeline.close_spider()
    spool = tmp_path / "spool.jsonl"
    assert len(spool.read_text().splitlines()) == 3
    assert pipeline.crawler.stats.get_value("notices/db/spooled") == 3
    assert pipeline.crawler.stats.get_value("notices/db/inserted") == 2
    assert rows(sqlite_url, Notice) == 2
    assert pipeline_outcome(pipeline).failures == []  # the database's fault, no site's

    stats = run(make_pipeline(sqlite_url, tmp_path), [])
    assert stats == {"notices/db/replayed/inserted": 3}
    assert not spool.exists()
    assert rows(sqlite_url, Notice) == 5
    assert rows(sqlite_url, Attachment) == 5


@pytest.mark.parametrize(
    "error",
    [IntegrityError("INSERT", {}, Exception("value rejected")), TypeError("unexpected value")],
)
def test_a_page_with_bad_data_is_spooled_alone(
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
    sleeps: list[float] = []
    pipeline.sleep = sleeps.append
    pipeline.open_spider()
    for n in (1, 2, 3):
        pipeline.process_item(item(n))
    assert sleeps == []  # a data error is not retried
    assert pipeline.crawler.stats.get_value("notices/db/inserted") == 2
    assert pipeline.crawler.stats.get_value("notices/db/spooled") == 1
    assert not pipeline.degraded
    assert [json.loads(line)["url"] for line in (tmp_path / "spool.jsonl").open()] == [item(2).url]
    # fed back to the run's ledger: the page's site failed one page, the database did not
    site = pipeline_outcome(pipeline)
    assert site.store_rejected == 1 and site.flagged
    assert [str(f).split(" (")[0] for f in site.failures] == [f"store rejected {item(2).url}"]


def pipeline_outcome(pipeline: StorePipeline) -> SiteOutcome:
    context = run_context.find(pipeline.crawler)
    assert context is not None
    return context.outcomes["site-a"]


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
        pipeline.process_item(item(1))
        pipeline.process_item(item(2))  # batch of 2 written through the proxy

        # Lost, and back while the pipeline backs off: the retry writes the batch.
        proxy.cut()
        pipeline.sleep = lambda _delay: proxy.restore()
        pipeline.process_item(item(3))
        pipeline.process_item(item(4))
        assert pipeline.crawler.stats.get_value("notices/db/inserted") == 4

        # Lost for good: retries fail, the batch is spooled, the crawl goes on.
        proxy.cut()
        pipeline.sleep = lambda _delay: None
        for n in (5, 6, 7):
            pipeline.process_item(item(n))
        pipeline.close_spider()
        pipeline.spider_closed(pipeline.crawler.spider, "finished")
        assert pipeline.crawler.stats.get_value("notices/db/spooled") == 3
        assert rows(pg_url, Notice) == 4

        # The next run, with the database back, writes the spool first.
        proxy.restore()
        stats = run(make_pipeline(via_proxy, tmp_path), [item(8)])
        assert stats == {
            "notices/db/replayed/inserted": 3,
            "notices/db/inserted": 1,
            "notices/db/problems": 1,
        }
        assert rows(pg_url, Notice) == 8
        assert not (tmp_path / "spool.jsonl").exists()
    finally:
        proxy.close()
