"""The `notices` spider: walks the list pages of registered sites and yields detail pages.

    scrapy crawl notices -a region=安徽 [-a site=ID] [-a since=2024-01-01] [-a max_pages=5]
                         [-a seeds=PATH] [-a full=1]

It only fetches: it picks detail links by list title and date, downloads their attachments,
classifies blocks and failures per site, and yields `FetchedPage` items. Cleaning, parsing
(`is_notice` decides) and storing happen in the pipelines. The spider orchestrates; requests,
pagination, row selection, items and attachments are built by the modules it imports.

Crawls are incremental (crawler/incremental.py): requests carry the validators the archive holds,
rows already archived are not fetched again, and a list stops paging at a page of known rows.
`-a full=1` walks and fetches everything.

Removals: a detail page answering 404, 410 or a CMS deletion page yields an answer item that
marks its stored notice removed; blocks, rate limits, timeouts and 5xx yield nothing. When the
lists are done, stored notices that a walked list range should have shown and did not are
re-checked (crawler/walks.py): still answering, they are delisted. Given `recheck` (stored
notices, from `notices recheck`), the spider re-checks those pages only, with conditional GETs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import deque
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler import attachments, listing, pagination, politeness, run_context, site_requests
from crawler.blocks import Verdict, classify_failure, classify_response
from crawler.entries import is_relevant, wanted_entries
from crawler.fetched_attachments import attachment_from, failed_attachment, not_downloaded
from crawler.incremental import list_state, not_modified_state, page_key, stored_rows
from crawler.notice_pages import (
    answer_page,
    detail_links,
    detail_verdict,
    not_modified_page,
    notice_page,
    removed_reason,
)
from crawler.outcomes import SiteOutcome
from crawler.pagination import Cursor
from crawler.paging import ReadPage
from crawler.rechecks import recheck_request
from crawler.responses import content_type, page_text, set_cookie_names, validators
from crawler.run_context import RunContext
from crawler.seeds import ListSource, SeedError, Site
from crawler.spider_args import parse_full, parse_max_pages, parse_since
from crawler.walks import SiteWalk
from pipelines.common import settings
from pipelines.common.fetched import FetchedPage
from pipelines.common.lifecycle import RECHECK_STAT, StoredNotice

logger = logging.getLogger(__name__)

# List URLs of one site in flight at once; the rest wait, so a site that keeps blocking us is
# left alone after `block_threshold` responses instead of receiving every start request.
START_WINDOW = 2


class NoticesSpider(scrapy.Spider):
    name = "notices"

    def __init__(
        self,
        region: str | None = None,
        site: str | None = None,
        since: str | None = None,
        max_pages: str | int | None = None,
        seeds: str | None = None,
        full: str | bool | None = None,
        recheck: Sequence[StoredNotice] | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if recheck is not None and not all(isinstance(t, StoredNotice) for t in recheck):
            raise SeedError("recheck takes stored notices: run `notices recheck`")
        only = {t.site_id for t in recheck} if recheck is not None else None
        self.context = RunContext.for_run(region, site, seeds, only=only, full=parse_full(full))
        self.recheck = recheck
        self.since = parse_since(since)
        self.max_pages = parse_max_pages(max_pages)
        self._sites = self.context.sites
        self._outcomes = self.context.outcomes
        self._seen: set[str] = set()  # canonical detail URLs already requested
        self._waiting: dict[str, deque[scrapy.Request]] = {}  # start requests held back
        self._rows_read: dict[tuple[str, int], int] = {}  # rows read per (site, list source)
        self._walks = {sid: SiteWalk(len(s.sources)) for sid, s in self._sites.items()}
        self._suspects_checked = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NoticesSpider:
        spider: NoticesSpider = super().from_crawler(crawler, *args, **kwargs)
        # the one place the run's context is handed to the middlewares and pipelines
        run_context.attach(crawler, spider.context)
        spider._apply_site_politeness(crawler)
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        crawler.signals.connect(spider._idle, signal=signals.spider_idle)
        return spider

    def _apply_site_politeness(self, crawler: Crawler) -> None:
        """Per-site delay/concurrency from seeds, as Scrapy download slots keyed by host."""
        slots = politeness.download_slots(
            self._sites.values(),
            crawler.settings.getdict("DOWNLOAD_SLOTS"),
            crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"),
        )
        if slots and not crawler.settings.frozen:
            crawler.settings.set("DOWNLOAD_SLOTS", slots, priority="spider")

    # --- requests ---------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.recheck is not None:
            # the run row tells a re-check from a crawl (no list pages were meant to be read)
            self._inc_by(RECHECK_STAT, len(self.recheck))
            for target in self.recheck:
                if target.site_id in self._sites:
                    yield self._recheck_request(self._sites[target.site_id], target, None)
            return
        for site in self._sites.values():
            queue = deque(
                self._list_request(site, *pagination.start(site, index))
                for index in range(len(site.sources))
            )
            self._waiting[site.id] = queue
            for _ in range(min(START_WINDOW, len(queue))):
                yield queue.popleft()

    def _release(self, site: Site) -> Iterator[scrapy.Request]:
        """The next held-back start request of a site, unless the site was stopped."""
        queue = self._waiting.get(site.id)
        if not queue:
            return
        out = self._outcomes[site.id]
        if out.stopped:
            out.record_not_requested(request.url for request in queue)
            queue.clear()
            return
        yield queue.popleft()

    def _recheck_request(
        self, site: Site, target: StoredNotice, listed: bool | None
    ) -> scrapy.Request:
        return recheck_request(
            site, target, listed=listed, callback=self.parse_detail, errback=self.request_failed
        )

    def _list_request(
        self, site: Site, cursor: Cursor, page: listing.PageRequest
    ) -> scrapy.Request:
        return site_requests.list_request(
            site,
            cursor,
            page,
            incremental=self.context.incremental,
            callback=self.parse_list,
            errback=self.request_failed,
        )

    # --- list pages -------------------------------------------------------------------------

    def parse_list(self, response: Response) -> Iterator[Any]:
        site = self._sites[response.meta["site_id"]]
        yield from self._read_list(site, response)
        yield from self._release(site)

    def _read_list(self, site: Site, response: Response) -> Iterator[Any]:
        cursor: Cursor = response.meta["cursor"]
        source = site.sources[cursor.source]
        out = self._outcomes[site.id]
        if response.status == 304:
            yield from self._not_modified_list(site, response, cursor, source, out)
            return
        verdict = classify_response(
            response.status,
            response.body,
            set_cookie_names=set_cookie_names(response),
            content_type=content_type(response),
        )
        retry = self._pass_cookie_challenge(site, response, verdict)
        if retry is not None:
            yield retry
            return
        if verdict is not None and verdict.kind == "not_found" and cursor.page > 1:
            self._stop(out, source, cursor, "missing_page")  # paged past the end
            return
        if verdict is not None:
            self._problem(site, response.url, verdict, response.status, listing_page=True)
            out.record_list_failure(source.url, verdict, cursor.page, response.url, response.status)
            self._walks[site.id].failed = True
            return
        out.list_pages += 1
        out.consecutive_blocks = 0
        self._inc("notices/list_pages")
        text = page_text(site, response)
        style = cursor.paging(source)
        entries, total = style.rows(text, response.url, site.list_rules)
        self._saw_list(site, response, entries)
        self._walks[site.id].saw(
            (listing.canonical_url(e.url, site.hosts) for e in entries), (e.date for e in entries)
        )
        if len(entries) >= listing.MAX_LIST_ROWS:  # the rest of the page was not read
            out.record_problem(
                "too_many_links", response.url, f"read {len(entries)} rows", response.status
            )
        signature = tuple(sorted(e.url for e in entries))
        if entries and signature in cursor.signatures:
            self._stop(out, source, cursor, "repeat_page")
            return
        cursor.signatures.add(signature)
        if not entries:
            if cursor.page == 1:
                self._problem(
                    site,
                    response.url,
                    Verdict("layout_not_recognised", "no list rows found"),
                    response.status,
                )
            self._stop(out, source, cursor, "empty_page")
            return
        yield from self._details(site, entries, out, cursor)
        dated = [e.date for e in entries if e.date]
        if self.since and dated and max(dated) < self.since:
            self._stop(out, source, cursor, "since")
            return
        limit = pagination.page_limit(
            site, source, self.max_pages, settings.read(settings.MAX_PAGES, self.settings)
        )
        if cursor.page >= limit:
            self._stop(out, source, cursor, "max_pages")
            return
        nxt, reason = style.next(ReadPage(cursor.page, response.url, text, entries, total))
        if nxt is None:
            self._stop(out, source, cursor, reason)
            return
        # a next page no crawl has read yet (an earlier walk was cut short) is walked anyway
        if self._only_known_rows(site, entries) and self._read_before(nxt):
            self._stop(out, source, cursor, "unchanged")
            return
        cursor.page += 1
        yield self._list_request(site, cursor, nxt)

    def _not_modified_list(
        self, site: Site, response: Response, cursor: Cursor, source: ListSource, out: SiteOutcome
    ) -> Iterator[Any]:
        """A 304: the page holds the rows it held last time. All known: the list ends here;
        otherwise the page is fetched again without validators, to page on from its body."""
        incremental = self.context.incremental
        state = incremental.state(_page_key(response))
        entries = stored_rows(state)
        if state is None or not self._only_known_rows(site, entries):
            self._inc("notices/incremental/list_refetched")
            yield site_requests.unconditional(response.request)  # type: ignore[arg-type]
            return
        out.list_pages += 1
        out.consecutive_blocks = 0
        self._inc("notices/list_pages")
        self._inc("notices/incremental/list_not_modified")
        etag, last_modified = validators(response)
        now = dt.datetime.now(dt.UTC)
        incremental.saw_list(
            not_modified_state(state, etag=etag, last_modified=last_modified, now=now)
        )
        yield from self._details(site, entries, out, cursor)  # the fresh window only
        self._stop(out, source, cursor, "unchanged")

    def _saw_list(self, site: Site, response: Response, entries: list[listing.ListEntry]) -> None:
        etag, last_modified = validators(response)
        state = list_state(
            site.id,
            _page_key(response),
            etag=etag,
            last_modified=last_modified,
            sha256=hashlib.sha256(response.body).hexdigest(),
            status=response.status,
            rows=entries,
            now=dt.datetime.now(dt.UTC),
        )
        previous = self.context.incremental.state(state.key)
        if previous is not None and previous.sha256 == state.sha256:
            self._inc("notices/incremental/list_same_bytes")  # a server ignoring validators
        self.context.incremental.saw_list(state)

    def _read_before(self, page: listing.PageRequest) -> bool:
        key = page_key(page.url, page.method, page.body)
        return self.context.incremental.state(key) is not None

    def _only_known_rows(self, site: Site, entries: list[listing.ListEntry]) -> bool:
        incremental = self.context.incremental
        known = [incremental.known(e, relevant=is_relevant(site, e, self.since)) for e in entries]
        return incremental.stops_paging(site.id, known)

    def _stop(self, out: SiteOutcome, source: ListSource, cursor: Cursor, reason: str) -> None:
        out.record_stop(source.url, reason, cursor.page)
        self._walks[out.site_id].ended(reason)
        self._inc(f"notices/stop/{reason}")

    def _details(
        self, site: Site, entries: list[listing.ListEntry], out: SiteOutcome, cursor: Cursor
    ) -> Iterator[scrapy.Request]:
        incremental = self.context.incremental
        list_key = (site.id, cursor.source)
        before = self._rows_read.get(list_key, 0)
        self._rows_read[list_key] = before + len(entries)
        fresh = incremental.fresh(
            entries,
            before=before,
            now=dt.datetime.now(dt.UTC),
            days=settings.read(settings.FRESH_DAYS, self.settings),
            rows=settings.read(settings.FRESH_ROWS, self.settings),
        )

        def known(entry: listing.ListEntry) -> bool:
            if not incremental.known(entry, relevant=True):
                return False
            if listing.canonical_url(entry.url, incremental.hosts) in fresh:
                self._inc("notices/incremental/fresh_rows")  # fetched again, conditionally
                return False
            return True

        wanted = wanted_entries(
            site, entries, out, since=self.since, seen=self._seen, count=self._inc, known=known
        )
        for entry in wanted:
            request = site_requests.detail_request(
                site,
                entry,
                validators=incremental.detail_headers(entry.url),
                callback=self.parse_detail,
                errback=self.request_failed,
            )
            request.meta["listed"] = True
            yield request

    # --- detail pages and attachments -------------------------------------------------------

    def parse_detail(self, response: Response) -> Iterator[Any]:
        site = self._sites[response.meta["site_id"]]
        out = self._outcomes[site.id]
        if response.status == 304:  # a conditional request: the stored version is current
            out.consecutive_blocks = 0
            out.detail_pages += 1
            self._inc("notices/detail_not_modified")
            yield self._emit(self._listed(site, not_modified_page(site, response)))
            return
        links = detail_links(site, response)
        verdict = detail_verdict(response, links)
        retry = self._pass_cookie_challenge(site, response, verdict)
        if retry is not None:
            yield retry
            return
        if verdict is not None:
            self._problem(site, response.url, verdict, response.status)
            reason = removed_reason(verdict, response.status)
            if reason is not None:  # the page says the notice is gone: its stored row says so
                self._inc(f"notices/detail_gone/{reason.value}")
                yield answer_page(site, response, reason)
            return
        out.consecutive_blocks = 0
        out.detail_pages += 1
        self._inc("notices/detail_pages")
        item = self._listed(site, notice_page(site, response))
        if not isinstance(response, TextResponse):
            item.attachments.append(attachment_from(response, links[0], response.url))
            yield self._emit(item)
            return
        pending = []
        for link in links:
            if link.fetchable:
                pending.append(link)
            else:
                item.attachments.append(not_downloaded(link))
        yield from self._continue(item, site, pending)

    def _continue(
        self, item: FetchedPage, site: Site, pending: list[attachments.Link]
    ) -> Iterator[Any]:
        if not pending:
            yield self._emit(item)
            return
        link, rest = pending[0], pending[1:]
        yield site_requests.attachment_request(
            site,
            item,
            link,
            rest,
            maxsize=settings.read(settings.ATTACHMENT_MAXSIZE, self.settings),
            callback=self.parse_attachment,
            errback=self.attachment_failed,
        )

    def parse_attachment(
        self,
        response: Response,
        item: FetchedPage,
        link: attachments.Link,
        rest: list[attachments.Link],
    ) -> Iterator[Any]:
        site = self._sites[item.site_id]
        att = attachment_from(response, link, link.url)
        out = self._outcomes[site.id]
        if att.body is None:
            out.record_attachment_failure(link.url, att.error, att.status)
            if att.error and att.error.startswith("wrong_content_type"):
                self._problem(site, link.url, Verdict("wrong_content_type", att.error), 200)
        else:
            out.attachments_fetched += 1
            self._inc("notices/attachments/fetched")
        item.attachments.append(att)
        yield from self._continue(item, site, rest)

    def attachment_failed(self, failure: Failure) -> Iterator[Any]:
        kwargs = failure.request.cb_kwargs  # type: ignore[attr-defined]
        item: FetchedPage = kwargs["item"]
        att = failed_attachment(kwargs["link"], failure)
        item.attachments.append(att)
        site = self._sites[item.site_id]
        self._outcomes[site.id].record_attachment_failure(att.url, att.error, None)
        yield from self._continue(item, site, kwargs["rest"])

    def _listed(self, site: Site, item: FetchedPage) -> FetchedPage:
        # a re-checked suspect that redirected to a listed page is listed after all
        if item.listed is False and item.canonical_url in self._walks[site.id].listed:
            item.listed = True
        return item

    def _emit(self, item: FetchedPage) -> FetchedPage:
        self._outcomes[item.site_id].items += 1
        self._inc("notices/items")
        return item

    def _pass_cookie_challenge(
        self, site: Site, response: Response, verdict: Verdict | None
    ) -> scrapy.Request | None:
        retry = site_requests.cookie_retry(site, response, verdict)
        if retry is not None:
            self._inc("notices/js_cookie/retried")
        return retry

    # --- failures ---------------------------------------------------------------------------

    def request_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        request = failure.request  # type: ignore[attr-defined]
        site = self._sites[request.meta["site_id"]]
        self._failed(site, request, failure)
        if request.meta.get("kind") == "list":
            yield from self._release(site)

    def _failed(self, site: Site, request: scrapy.Request, failure: Failure) -> None:
        """A list or detail request that got no response: a failure of the site either way."""
        if failure.check(IgnoreRequest):
            self._inc("notices/ignored")
            if "robots" in str(failure.value).lower():
                verdict = Verdict("robots_disallowed", "forbidden by robots.txt")
            else:  # e.g. the site gate, once the site was stopped after repeated blocks
                verdict = Verdict("not_requested", str(failure.value))
        else:
            verdict = classify_failure(failure.value or Exception(str(failure)))
        is_list = request.meta.get("kind") == "list"
        self._problem(site, request.url, verdict, None, listing_page=is_list)
        if is_list:
            cursor: Cursor = request.meta["cursor"]
            source = site.sources[cursor.source]
            self._outcomes[site.id].record_list_failure(
                source.url, verdict, cursor.page, request.url
            )
            self._walks[site.id].failed = True

    def _problem(
        self,
        site: Site,
        url: str,
        verdict: Verdict,
        status: int | None,
        *,
        listing_page: bool = False,
    ) -> None:
        """Record a verdict on a page of the site. Outside list pages (whose failures their
        callers record with the page number) a failure verdict is a chosen detail page lost."""
        out = self._outcomes[site.id]
        stopped = out.record_verdict(
            verdict, url, status, block_threshold=site.block_threshold, listing_page=listing_page
        )
        if not listing_page:
            out.record_detail_failure(verdict, url, status)
        self._inc(f"notices/problems/{verdict.kind}")
        if stopped:
            logger.warning(
                "%s: %d consecutive blocked responses; no more requests to this site",
                site.id,
                out.consecutive_blocks,
            )
        logger.warning("%s: %s %s (%s)", site.id, verdict.kind, url, verdict.detail)

    # --- stored notices the lists no longer show ---------------------------------------------

    def _idle(self, spider: scrapy.Spider) -> None:
        """Once the lists are done: re-check the stored notices they should have shown."""
        if self.recheck is not None or self._suspects_checked:
            return
        self._suspects_checked = True
        requests = [
            self._recheck_request(site, target, False)
            for sid, site in self._sites.items()
            if not self._outcomes[sid].stopped
            for target in self._walks[sid].suspects(self.context.stored.get(sid, ()))
        ]
        if not requests:
            return
        logger.info("re-checking %d stored notices missing from walked lists", len(requests))
        self._inc_by("notices/delisting_checks", len(requests))
        for request in requests:
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    # --- stats ------------------------------------------------------------------------------

    def _inc_by(self, key: str, n: int) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key, n)

    def _inc(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)

    def _closed(self, spider: scrapy.Spider) -> None:
        if self.crawler.stats is None:
            return
        flagged = self._outcomes.flagged
        self.crawler.stats.set_value("notices/sites", len(self._outcomes))
        self.crawler.stats.set_value("notices/sites_flagged", len(flagged))
        for sid in flagged:
            o = self._outcomes[sid]
            failed = "; ".join(str(f) for f in o.failures[:3]) or "no rows"
            logger.error("site %s needs a person (%s): %s", sid, o.outcome, failed)


def _page_key(response: Response) -> str:
    """The list page's state key, as its request was made (crawler/site_requests.py)."""
    request = response.request
    if "page_key" in response.meta or request is None:
        return str(response.meta["page_key"])
    return page_key(request.url, request.method, request.body)
