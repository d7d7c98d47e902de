"""StorePipeline (400): upserts parsed pages into the database in batched transactions.

Start: refuse (the crawl exits non-zero) when the database is unreachable or not at the schema
head; then replay the spool and store the registry's sites. Items are buffered and written every
`NOTICES_DB_BATCH` items and at close; outcomes are counted as `notices/db/<outcome>` when their
batch is written. A lost database is retried with backoff; a batch that still cannot be written is
appended to the spool (`NOTICES_SPOOL`), never dropped. At close, a `crawl_runs` row is written.
The sites, the region and the per-site outcomes come from the run context (crawler/run_context.py);
a crawl of another spider has none, and stores its pages only.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.spiders import Spider
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from crawler import run_context
from crawler.outcomes import run_outcome
from models.db import is_transient, make_engine, masked_url, schema_is_at_head
from models.runs import record_crawl_run, upsert_sites
from models.upsert import write_pages
from models.writes import Outcome
from pipelines import spool
from pipelines.common import settings
from pipelines.common.fetched import FetchedPage

logger = logging.getLogger(__name__)

SUPPORTED_DIALECTS = ("sqlite", "postgresql")  # the ones models.native_upsert knows


class StoreNotReady(RuntimeError):
    """The database cannot take the crawl: unreachable or not at the schema head."""


class StorePipeline:
    def __init__(
        self,
        crawler: Crawler,
        *,
        db_url: str,
        spool_file: Path,
        batch_size: int,
        retries: int,
        backoff: float,
    ) -> None:
        self.crawler = crawler
        self.db_url = db_url
        self.spool_file = spool_file
        self.batch_size = max(1, batch_size)
        self.retries = max(0, retries)
        self.backoff = backoff
        self.sleep: Callable[[float], None] = time.sleep  # tests replace it to act between tries
        self.engine: Engine | None = None
        self.buffer: list[FetchedPage] = []
        self.started_at = datetime.now(UTC)
        # After a batch had to be spooled, later batches try once only, so a dead database
        # does not stall the crawl with backoff on every batch.
        self.degraded = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        s = crawler.settings
        pipeline = cls(
            crawler,
            db_url=settings.read(settings.DB_URL, s),
            spool_file=Path(settings.read(settings.SPOOL, s)),
            batch_size=settings.read(settings.DB_BATCH, s),
            retries=settings.read(settings.DB_RETRIES, s),
            backoff=settings.read(settings.DB_RETRY_BACKOFF, s),
        )
        # spider_closed carries the finish reason, which the stats only get after close_spider.
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    # -- Scrapy hooks ---------------------------------------------------------------------------

    def open_spider(self) -> None:
        self.started_at = datetime.now(UTC)
        self.engine = make_engine(self.db_url)
        where = masked_url(self.db_url)
        if self.engine.dialect.name not in SUPPORTED_DIALECTS:
            self._refuse(f"database {where}: only SQLite and PostgreSQL are supported")
        try:
            at_head = schema_is_at_head(self.engine)
        except SQLAlchemyError as exc:
            self._refuse(f"database {where} is unreachable: {_reason(exc)}", exc)
        if not at_head:
            self._refuse(
                f"database {where} is not at the schema head: run `notices db upgrade` "
                "with the same NOTICES_DB_URL first"
            )
        logger.info("storing into %s", where)
        self._replay_spool()
        context = run_context.find(self.crawler)
        if context is not None and context.sites:
            upsert_sites(self.engine, context.site_rows())

    def _refuse(self, message: str, cause: BaseException | None = None) -> NoReturn:
        # Raising here fails the crawl's start, so `scrapy crawl` exits non-zero; the log line
        # says why before Scrapy's traceback does.
        logger.error("refusing to crawl: %s", message)
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None
        raise StoreNotReady(message) from cause

    def process_item(self, item: Any) -> Any:
        if isinstance(item, FetchedPage):
            self.buffer.append(item)
            if len(self.buffer) >= self.batch_size:
                self.flush()
        return item

    def close_spider(self) -> None:
        self.flush()
        self._replay_spool()  # the database may be back; if not, the spool waits for next run

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.engine is None:  # open_spider refused: nothing to record, nowhere to record it
            return
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        context = run_context.find(self.crawler)
        try:
            record_crawl_run(
                self.engine,
                region=context.region_name if context else None,
                started_at=self.started_at,
                finished_at=datetime.now(UTC),
                # the sites' verdict (ok/partial/failed), or Scrapy's reason if it did not finish
                outcome=run_outcome(context.outcomes.values(), reason) if context else reason,
                stats=stats,
                site_outcomes=context.outcomes.to_dicts() if context else {},
            )
        except SQLAlchemyError as exc:
            logger.error("could not record the crawl run: %s", _reason(exc))
        finally:
            self.engine.dispose()

    # -- writing --------------------------------------------------------------------------------

    def flush(self) -> None:
        """Write the buffered pages; what cannot be written goes to the spool."""
        if not self.buffer:
            return
        batch, self.buffer = self.buffer, []
        written: Sequence[FetchedPage] = batch
        try:
            outcomes = self._write_with_retry(batch)
        except Exception as exc:  # noqa: BLE001 - whatever fails, each page is stored or spooled
            if is_transient(exc):
                self._spool(batch, exc)
                return
            # The data of some page is at fault: write the others, spool that one.
            written, outcomes = self._write_singly(batch)
        self.degraded = False
        self._count(written, outcomes)

    def _write_with_retry(self, batch: Sequence[FetchedPage]) -> list[Outcome]:
        assert self.engine is not None, "open_spider() was not called"
        attempts = 1 if self.degraded else self.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return write_pages(self.engine, batch)
            except SQLAlchemyError as exc:
                if attempt == attempts or not is_transient(exc):
                    raise
                delay = self.backoff * 2 ** (attempt - 1)
                logger.warning(
                    "database write failed (%s); retry %d/%d in %.1fs",
                    _reason(exc),
                    attempt,
                    attempts - 1,
                    delay,
                )
                self.sleep(delay)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _write_singly(
        self, batch: Sequence[FetchedPage]
    ) -> tuple[list[FetchedPage], list[Outcome]]:
        assert self.engine is not None, "open_spider() was not called"
        written: list[FetchedPage] = []
        outcomes: list[Outcome] = []
        for page in batch:
            try:
                outcomes += write_pages(self.engine, [page])
                written.append(page)
            except Exception as exc:  # noqa: BLE001 - this page goes to the spool, not the rest
                logger.error("cannot store %s: %s", page.url, _reason(exc))
                self._spool([page], exc)
                context = run_context.find(self.crawler)
                # the page's data is at fault, not the database: its site is partial
                if context is not None and not is_transient(exc):
                    context.outcomes.record_unstored(page.site_id, page.url, _reason(exc))
        return written, outcomes

    def _spool(self, batch: Sequence[FetchedPage], exc: Exception) -> None:
        self.degraded = True
        n = spool.append(self.spool_file, batch)
        self._inc("notices/db/spooled", n)
        logger.error(
            "database %s failed (%s): %d pages spooled to %s; they are written on the next run "
            "or by `notices db replay`",
            masked_url(self.db_url),
            _reason(exc),
            n,
            self.spool_file,
        )

    def _replay_spool(self) -> None:
        if self.engine is None or not self.spool_file.exists():
            return
        try:
            counts = spool.replay(self.engine, self.spool_file)
        except (SQLAlchemyError, spool.SpoolError, OSError) as exc:
            logger.error("spool %s kept for later, not replayed: %s", self.spool_file, _reason(exc))
            return
        for outcome, n in counts.items():
            self._inc(f"notices/db/replayed/{outcome}", n)

    def _count(self, pages: Sequence[FetchedPage], outcomes: Sequence[Outcome]) -> None:
        for outcome, n in Counter(outcomes).items():
            self._inc(f"notices/db/{outcome}", n)
        stored = (Outcome.INSERTED, Outcome.UPDATED)
        problems = sum(
            len((p.record or {}).get("problems") or [])
            for p, o in zip(pages, outcomes, strict=True)
            if o in stored
        )
        self._inc("notices/db/problems", problems)

    def _inc(self, key: str, n: int) -> None:
        if n and self.crawler.stats is not None:
            self.crawler.stats.inc_value(key, n)


def _reason(exc: BaseException) -> str:
    # The driver's own message, without SQLAlchemy's statement dump (which can be huge).
    orig = getattr(exc, "orig", None)
    lines = str(orig if orig is not None else exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
