"""StorePipeline (400): upserts parsed pages into the database in batched transactions.

Start: `preflight` (before the reactor) and `open_spider` refuse a URL that cannot work and a
database not at the schema head, mistakes a person must mend. A database that is unreachable,
read-only or locked does not stop the crawl: the fault is named once (on the run context and in the stats, for the summary and the run row)
and the pages go to the spool (`NOTICES_SPOOL`), written on the next run. Otherwise the spool is
replayed and the registry's sites are stored.

Items are buffered and written every `NOTICES_DB_BATCH` items and at close, in a thread, batch
after batch in the order they filled; outcomes are counted as `notices/db/<outcome>` when their
batch is written. A fault of the database is retried with backoff (awaited, so the reactor keeps
crawling meanwhile); a batch that still cannot be written is spooled, never dropped. A page the
database rejects for its data goes alone to `<spool>.rejected.jsonl`. Text is made storable
(lone surrogates, NUL) before it reaches the database. At close, a `crawl_runs` row is written,
or spooled when the database is down then.

For incremental crawls (crawler/incremental.py), the start also loads what the archive holds of
the crawled sites (page validators, stored URLs) into the run context, and the close keeps the
list pages the spider read; detail pages' validators are written with the pages.

The sites, the region and the per-site outcomes come from the run context (crawler/run_context.py);
a crawl of another spider has none, and stores its pages only. The awaits are asyncio's: the
crawl runs on Scrapy's asyncio reactor (crawler/settings.py, and Scrapy's default).
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping, Sequence
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
from models.db import (
    DatabaseUrlError,
    SchemaNotAtHead,
    fault_kind,
    make_engine,
    masked_url,
    probe_write,
    schema_is_at_head,
)
from models.lifecycle import stored_notices
from models.page_states import load_state, write_states
from models.runs import record_crawl_run, upsert_sites
from models.upsert import write_pages
from models.writes import Outcome
from pipelines import spool
from pipelines.common import settings
from pipelines.common.db_fault import DbFault, FaultKind
from pipelines.common.fetched import FetchedPage

logger = logging.getLogger(__name__)


class StoreNotReady(RuntimeError):
    """The database cannot take the crawl: not at the schema head, or not a usable URL."""


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
        timeout: float,
    ) -> None:
        self.crawler = crawler
        self.db_url = db_url
        self.spool_file = spool_file
        self.batch_size = max(1, batch_size)
        self.retries = max(0, retries)
        self.backoff = backoff
        self.timeout = timeout
        # awaited between tries; tests replace it to act between them
        self.sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        self.engine: Engine | None = None
        self.buffer: list[FetchedPage] = []
        self.started_at = datetime.now(UTC)
        self.fault: DbFault | None = None  # the first fault of the run
        # Batches are written one at a time, in the order they filled.
        self._writing = asyncio.Lock()
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
            timeout=settings.read(settings.DB_TIMEOUT, s),
        )
        # spider_closed carries the finish reason, which the stats only get after close_spider.
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    @staticmethod
    def preflight(scrapy_settings: Mapping[str, Any]) -> None:
        """Before the crawl starts (the crawl commands call it through crawler/preflight.py):
        raise SettingError, one line, for a database URL that cannot work or a schema not at
        head. A database that does not answer is left to open_spider, which names the fault and
        crawls on into the spool."""
        url = settings.read(settings.DB_URL, scrapy_settings)
        engine = make_engine(url, timeout=settings.read(settings.DB_TIMEOUT, scrapy_settings))
        try:
            at_head = schema_is_at_head(engine)
        except SQLAlchemyError:
            return
        finally:
            engine.dispose()
        if not at_head:
            raise SchemaNotAtHead(url)

    # -- Scrapy hooks ---------------------------------------------------------------------------

    def open_spider(self) -> None:
        # Synchronous on purpose: nothing is crawled before the pipelines are open.
        self.started_at = datetime.now(UTC)
        where = masked_url(self.db_url)
        try:
            engine = self.engine = make_engine(self.db_url, timeout=self.timeout, writer=True)
        except DatabaseUrlError as exc:
            self._refuse(str(exc))
        try:
            at_head = schema_is_at_head(engine)
            if at_head:
                probe_write(engine)
        except SQLAlchemyError as exc:
            kind = fault_kind(exc)
            if kind is None:
                self._refuse(f"database {where} cannot be read: {_reason(exc)}", exc)
            self.degraded = True
            self._record_fault(kind, exc)
            logger.error(
                "database %s is %s (%s): crawling on, pages go to the spool %s",
                where,
                kind,
                _reason(exc),
                self.spool_file,
            )
            return
        if not at_head:
            self._record_fault(FaultKind.NOT_AT_HEAD, None, refused=True)
            self._refuse(str(SchemaNotAtHead(self.db_url)))
        logger.info("storing into %s", where)
        self._count_replayed(self._replay_spool())
        context = run_context.find(self.crawler)
        if context is not None and context.sites:
            try:
                upsert_sites(engine, context.site_rows())
                # after the spool's replay, so that replayed pages count as known
                context.incremental.load(load_state(engine, context.sites))
                context.stored.update(stored_notices(engine, list(context.sites)))
            except SQLAlchemyError as exc:  # pages create the rows they need: go on, in full
                self._record_fault(fault_kind(exc) or FaultKind.UNREACHABLE, exc)
                logger.error(
                    "could not store the registry's sites or read the archive's state: %s",
                    _reason(exc),
                )

    def _refuse(self, message: str, cause: BaseException | None = None) -> NoReturn:
        # Raising here fails the crawl's start, so `scrapy crawl` exits non-zero; the log line
        # says why before Scrapy's traceback does.
        logger.error("refusing to crawl: %s", message)
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None
        raise StoreNotReady(message) from cause

    async def process_item(self, item: Any) -> Any:
        if isinstance(item, FetchedPage):
            self.buffer.append(spool.storable_page(item))
            if len(self.buffer) >= self.batch_size:
                await self.flush()
        return item

    async def close_spider(self) -> None:
        await self.flush()
        # the database may be back; if not, the spool waits for next run
        async with self._writing:
            self._count_replayed(await asyncio.to_thread(self._replay_spool))
            await asyncio.to_thread(self._keep_list_states)

    def _keep_list_states(self) -> None:
        context = run_context.find(self.crawler)
        if self.engine is None or context is None:
            return
        try:
            n = write_states(self.engine, context.incremental.lists_seen())
        except SQLAlchemyError as exc:
            # Only tomorrow's economy is lost: without them, the lists are read in full again.
            logger.error("list page validators not kept: %s", _reason(exc))
            return
        self._inc("notices/db/list_states", n)

    async def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.engine is None:  # open_spider refused: nothing to record, nowhere to record it
            return
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        context = run_context.find(self.crawler)
        run: dict[str, Any] = {
            "region": context.region_name if context else None,
            "started_at": self.started_at,
            "finished_at": datetime.now(UTC),
            # the sites' verdict (ok/partial/failed), or Scrapy's reason if it did not finish
            "outcome": run_outcome(context.outcomes.values(), reason) if context else reason,
            "stats": stats,
            "site_outcomes": context.outcomes.to_dicts() if context else {},
        }
        try:
            await asyncio.to_thread(record_crawl_run, self.engine, **run)
        except SQLAlchemyError as exc:
            await asyncio.to_thread(spool.append_run, self.spool_file, run)
            self._record_fault(fault_kind(exc) or FaultKind.UNREACHABLE, exc)
            logger.error(
                "could not record the crawl run (%s): spooled to %s, written on the next run",
                _reason(exc),
                self.spool_file,
            )
        finally:
            self.engine.dispose()

    # -- writing --------------------------------------------------------------------------------

    async def flush(self) -> None:
        """Write the buffered pages; what cannot be written goes to the spool."""
        if not self.buffer:
            return
        batch, self.buffer = self.buffer, []
        async with self._writing:
            await self._store(batch)

    async def _store(self, batch: list[FetchedPage]) -> None:
        written: Sequence[FetchedPage] = batch
        try:
            outcomes = await self._write_with_retry(batch)
        except Exception as exc:  # noqa: BLE001 - whatever fails, each page is stored or spooled
            kind = fault_kind(exc)
            if kind is not None:
                await self._spool(batch, kind, exc)
                return
            # The data of some page is at fault: write the others, set that one aside.
            written, outcomes, unwritten = await asyncio.to_thread(self._write_singly, batch)
            for page, page_exc in unwritten:
                page_kind = fault_kind(page_exc)
                if page_kind is None:
                    await self._reject(page, page_exc)
                else:
                    await self._spool([page], page_kind, page_exc)
        if written:
            self.degraded = False
        self._count(written, outcomes)

    async def _write_with_retry(self, batch: Sequence[FetchedPage]) -> list[Outcome]:
        assert self.engine is not None, "open_spider() was not called"
        attempts = 1 if self.degraded else self.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return await asyncio.to_thread(write_pages, self.engine, batch)
            except SQLAlchemyError as exc:
                if attempt == attempts or fault_kind(exc) is None:
                    raise
                delay = self.backoff * 2 ** (attempt - 1)
                logger.warning(
                    "database write failed (%s); retry %d/%d in %.1fs",
                    _reason(exc),
                    attempt,
                    attempts - 1,
                    delay,
                )
                await self.sleep(delay)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _write_singly(
        self, batch: Sequence[FetchedPage]
    ) -> tuple[list[FetchedPage], list[Outcome], list[tuple[FetchedPage, Exception]]]:
        """In a thread: each page in its own transaction; the pages that failed, with why."""
        assert self.engine is not None, "open_spider() was not called"
        written: list[FetchedPage] = []
        outcomes: list[Outcome] = []
        unwritten: list[tuple[FetchedPage, Exception]] = []
        for page in batch:
            try:
                outcomes += write_pages(self.engine, [page])
                written.append(page)
            except Exception as exc:  # noqa: BLE001 - this page is set aside, not the rest
                unwritten.append((page, exc))
        return written, outcomes, unwritten

    async def _spool(self, batch: Sequence[FetchedPage], kind: FaultKind, exc: Exception) -> None:
        self.degraded = True
        n = await asyncio.to_thread(spool.append, self.spool_file, batch)
        self._inc("notices/db/spooled", n)
        fault = self._record_fault(kind, exc)
        fault.spooled += n
        logger.error(
            "database %s is %s (%s): %d pages spooled to %s; they are written on the next run "
            "or by `notices db replay`",
            masked_url(self.db_url),
            kind,
            _reason(exc),
            n,
            self.spool_file,
        )

    async def _reject(self, page: FetchedPage, exc: Exception) -> None:
        path = spool.rejected_path(self.spool_file)
        await asyncio.to_thread(spool.append, path, [page])
        self._inc("notices/db/rejected", 1)
        logger.error("cannot store %s (%s): kept in %s", page.url, _reason(exc), path)
        context = run_context.find(self.crawler)
        if context is not None:  # the page's data is at fault, not the database: its site's
            context.outcomes.record_unstored(page.site_id, page.url, _reason(exc))

    def _record_fault(
        self, kind: FaultKind, exc: BaseException | None, *, refused: bool = False
    ) -> DbFault:
        """The run's database fault: the first one is kept (later ones are its consequences)."""
        if self.fault is None:
            detail = _reason(exc) if exc is not None else "run `notices db upgrade` first"
            self.fault = DbFault(
                kind, masked_url(self.db_url), detail, str(self.spool_file), refused=refused
            )
            context = run_context.find(self.crawler)
            if context is not None:
                context.db.fault = self.fault
            if self.crawler.stats is not None:
                for key, value in self.fault.to_stats().items():
                    self.crawler.stats.set_value(key, value)
        return self.fault

    def _replay_spool(self) -> Counter[str]:
        """Write what earlier runs spooled (in open_spider, and in a thread at close); a database
        that failed this run is not tried again for it."""
        if self.engine is None or self.degraded or not spool.pending(self.spool_file):
            return Counter()
        try:
            return spool.replay(self.engine, self.spool_file)
        except (SQLAlchemyError, OSError) as exc:
            logger.error("spool %s kept for later, not replayed: %s", self.spool_file, _reason(exc))
            return Counter()

    def _count_replayed(self, counts: Counter[str]) -> None:
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
