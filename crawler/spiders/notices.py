"""The `notices` spider: walks the list pages of registered sites and yields detail pages.

    scrapy crawl notices -a region=安徽 [-a site=ID] [-a since=2024-01-01] [-a max_pages=5]
                         [-a seeds=PATH]

It only fetches: it picks detail links by list title and date, downloads their attachments,
classifies blocks and failures per site, and yields `NoticePage` items. Cleaning, parsing
(`is_notice` decides) and storing happen in the pipelines.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import deque
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure
from w3lib.encoding import html_body_declared_encoding

from crawler import attachments, listing
from crawler.blocks import Verdict, classify_failure, classify_response
from crawler.items import FetchedAttachment, NoticePage
from crawler.outcomes import SiteOutcome
from crawler.seeds import ListSource, SeedError, Site, load_registry

logger = logging.getLogger(__name__)

# Statuses the spider must see (Scrapy would otherwise drop them silently); redirects still
# follow because 3xx is not listed.
SEEN_STATUSES = [400, 401, 403, 404, 405, 410, 412, 429, 500, 502, 503, 504, 521, 522, 524]
# List URLs of one site in flight at once; the rest wait, so a site that keeps blocking us is
# left alone after `block_threshold` responses instead of receiving every start request.
START_WINDOW = 2


@dataclass(slots=True)
class Cursor:
    """Where one list source is in its pagination."""

    site_id: str
    source: int  # index into site.sources
    page: int = 1
    signatures: set[tuple[str, ...]] = field(default_factory=set)
    hanweb: dict[str, int] = field(default_factory=dict)
    hanweb_nextgroup: str = ""


def _set_cookie_names(response: Response) -> list[str]:
    names = []
    for raw in response.headers.getlist("Set-Cookie"):
        names.append(raw.split(b"=", 1)[0].decode("latin-1").strip())
    return names


def _content_type(response: Response) -> str:
    return (response.headers.get("Content-Type") or b"").decode("latin-1").lower()


def _charset(response: Response) -> str | None:
    ctype = _content_type(response)
    if "charset=" in ctype:
        return ctype.split("charset=", 1)[1].split(";")[0].strip() or None
    return None


class NoticesSpider(scrapy.Spider):
    name = "notices"

    def __init__(
        self,
        region: str | None = None,
        site: str | None = None,
        since: str | None = None,
        max_pages: str | int | None = None,
        seeds: str | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        registry = load_registry(seeds)
        if not region and not site:
            raise SeedError(
                f"pass -a region=NAME (or -a site=ID); known regions: {registry.known_regions()}"
            )
        self.sites: list[Site] = registry.select(region, site)
        self.region_name = (
            registry.find_region(region).name if region else self.sites[0].region_name
        )
        self.since = _parse_since(since)
        self.max_pages = _parse_max_pages(max_pages)
        self.registry_sites = [s.to_dict() for s in self.sites]
        self.site_outcomes = {
            s.id: SiteOutcome(s.id, expected_empty=s.expected_empty) for s in self.sites
        }
        self._sites = {s.id: s for s in self.sites}
        self._seen: set[str] = set()  # canonical detail URLs already requested
        self._waiting: dict[str, deque[scrapy.Request]] = {}  # start requests held back

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NoticesSpider:
        spider: NoticesSpider = super().from_crawler(crawler, *args, **kwargs)
        spider._apply_site_politeness(crawler)
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        return spider

    def _apply_site_politeness(self, crawler: Crawler) -> None:
        """Per-site delay/concurrency from seeds, as Scrapy download slots keyed by host."""
        slots = dict(crawler.settings.getdict("DOWNLOAD_SLOTS"))
        for site in self.sites:
            slot: dict[str, Any] = {}
            if "download_delay" in site.politeness:
                slot["delay"] = float(site.politeness["download_delay"])
            if "concurrency" in site.politeness:
                # never above the global per-domain cap
                cap = crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
                slot["concurrency"] = min(int(site.politeness["concurrency"]), cap)
            for host in site.hosts if slot else ():
                slots[host] = {**slots.get(host, {}), **slot}
        if slots and not crawler.settings.frozen:
            crawler.settings.set("DOWNLOAD_SLOTS", slots, priority="spider")

    def site_options(self, site_id: str) -> Mapping[str, Any]:
        """Cleaning hints from the seed: content/title/date selectors, extra chrome, encoding."""
        return self._sites[site_id].options

    # --- requests ---------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for site in self.sites:
            queue = deque(
                self._list_request(site, Cursor(site.id, index), self._first_page(source))
                for index, source in enumerate(site.sources)
            )
            self._waiting[site.id] = queue
            for _ in range(min(START_WINDOW, len(queue))):
                yield queue.popleft()

    def _release(self, site: Site) -> Iterator[scrapy.Request]:
        """The next held-back start request of a site, unless the site was stopped."""
        queue = self._waiting.get(site.id)
        if not queue:
            return
        out = self.site_outcomes[site.id]
        if out.stopped:
            for request in queue:
                out.stop_reasons.append(f"{request.url}: not requested (site stopped)")
            queue.clear()
            return
        yield queue.popleft()

    def _first_page(self, source: ListSource) -> listing.PageRequest:
        if source.pagination["type"] == "json_api" and source.api:
            first = int(source.api.get("page_start", 1))
            return listing.api_request(source.api, source.url, first)
        return listing.PageRequest(url=source.url, page=1)

    def _meta(self, site: Site, kind: str, **extra: Any) -> dict[str, Any]:
        meta = {"site_id": site.id, "kind": kind, "handle_httpstatus_list": SEEN_STATUSES, **extra}
        if site.politeness.get("obey_robots") is False:
            meta["dont_obey_robotstxt"] = True
        if "download_delay" in site.politeness:
            # AutoThrottle would pull the seed's delay down towards the global minimum
            meta["autothrottle_dont_adjust_delay"] = True
        return meta

    def _list_request(
        self, site: Site, cursor: Cursor, page: listing.PageRequest
    ) -> scrapy.Request:
        return scrapy.Request(
            page.url,
            method=page.method,
            body=page.body,
            headers=dict(page.headers),
            callback=self.parse_list,
            errback=self.request_failed,
            meta=self._meta(site, "list", cursor=cursor, api_page=page.page),
            dont_filter=page.method == "POST",  # POST pages differ only by body
        )

    # --- list pages -------------------------------------------------------------------------

    def parse_list(self, response: Response) -> Iterator[Any]:
        site = self._sites[response.meta["site_id"]]
        yield from self._read_list(site, response)
        yield from self._release(site)

    def _read_list(self, site: Site, response: Response) -> Iterator[Any]:
        cursor: Cursor = response.meta["cursor"]
        source = site.sources[cursor.source]
        out = self.site_outcomes[site.id]
        verdict = classify_response(
            response.status,
            response.body,
            set_cookie_names=_set_cookie_names(response),
            content_type=_content_type(response),
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
            out.stop_reasons.append(f"{source.url}: {verdict.kind} on page {cursor.page}")
            return
        out.list_pages += 1
        out.consecutive_blocks = 0
        self._inc("notices/list_pages")
        ptype = source.pagination["type"]
        text = self._text(site, response)
        if ptype == "json_api":
            entries, total = self._api_entries(response, text, source)
        else:
            entries, total = listing.html_entries(text, response.url, site.list_rules), None
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
        yield from self._details(site, entries, out)
        dated = [e.date for e in entries if e.date]
        if self.since and dated and max(dated) < self.since:
            self._stop(out, source, cursor, "since")
            return
        if cursor.page >= self._page_limit(site, source):
            self._stop(out, source, cursor, "max_pages")
            return
        nxt, reason = self._next_page(site, source, cursor, response, text, entries, total)
        if nxt is None:
            self._stop(out, source, cursor, reason)
            return
        cursor.page += 1
        yield self._list_request(site, cursor, nxt)

    def _api_entries(
        self, response: Response, text: str, source: ListSource
    ) -> tuple[list[listing.ListEntry], int | None]:
        assert source.api is not None
        try:
            data = json.loads(text)
        except ValueError:
            return [], None
        return listing.api_entries(data, source.api, response.url)

    def _next_page(
        self,
        site: Site,
        source: ListSource,
        cursor: Cursor,
        response: Response,
        text: str,
        entries: list[listing.ListEntry],
        total: int | None,
    ) -> tuple[listing.PageRequest | None, str]:
        p = source.pagination
        ptype = p["type"]
        if ptype == "json_api":
            assert source.api is not None
            page = int(response.meta["api_page"])
            if listing.api_done(entries, total, page, source.api):
                return None, "last_page"
            return listing.api_request(source.api, source.url, page + 1), ""
        if ptype == "hanweb_dataproxy":
            if cursor.page == 1:
                cursor.hanweb = listing.jpage_settings(text)
                cursor.hanweb_nextgroup = text
            else:
                cursor.hanweb.update(listing.jpage_settings(text))
            if listing.dataproxy_done(cursor.hanweb, cursor.page):
                return None, "last_page"
            req = listing.dataproxy_request(
                cursor.hanweb_nextgroup,
                source.url,
                cursor.page + 1,
                str(p.get("method", "GET")),
                cursor.hanweb,
            )
            return req, "no_next_group"
        if ptype == "trs_js":
            found = listing.trs_page_count(text)
            if found:
                count, prefix, suffix = found
                if cursor.page >= count:
                    return None, "last_page"
                url = listing.trs_page_url(source.url, cursor.page, prefix, suffix)
                return listing.PageRequest(url=url, page=cursor.page + 1), ""
            return self._follow_next(response, text, p, cursor)
        if ptype in ("vsb_next", "next_link"):
            return self._follow_next(response, text, p, cursor)
        if ptype == "template":
            n = int(p.get("start", 2)) + cursor.page - 1
            url = urljoin(source.url, str(p.get("pattern", "index_{n}.html")).format(n=n))
            return listing.PageRequest(url=url, page=cursor.page + 1), ""
        if ptype == "page_param":
            n = int(p.get("start", 2)) + cursor.page - 1
            url = listing.with_query(source.url, **{str(p.get("param", "page")): n})
            return listing.PageRequest(url=url, page=cursor.page + 1), ""
        return None, "single_page"

    def _follow_next(
        self, response: Response, text: str, p: Mapping[str, Any], cursor: Cursor
    ) -> tuple[listing.PageRequest | None, str]:
        url = listing.next_link(text, response.url, p.get("next"))
        if not url or url == response.url:
            return None, "no_next_link"
        return listing.PageRequest(url=url, page=cursor.page + 1), ""

    def _page_limit(self, site: Site, source: ListSource) -> int:
        if self.max_pages:
            return self.max_pages
        configured = site.max_pages or source.pagination.get("max_pages")
        return int(configured or self.settings.getint("NOTICES_MAX_PAGES", 50))

    def _stop(self, out: SiteOutcome, source: ListSource, cursor: Cursor, reason: str) -> None:
        out.stop_reasons.append(f"{source.url}: {reason} after {cursor.page} page(s)")
        self._inc(f"notices/stop/{reason}")

    def _details(
        self, site: Site, entries: list[listing.ListEntry], out: SiteOutcome
    ) -> Iterator[scrapy.Request]:
        for entry in entries:
            out.entries += 1
            if (urlsplit(entry.url).hostname or "") not in site.hosts:
                out.external += 1
                continue
            if self.since and entry.date and entry.date < self.since:
                out.skipped_by_date += 1
                continue
            if not site.titles.accepts(entry.title):
                out.skipped_by_title += 1
                self._inc("notices/skipped/title")
                continue
            key = listing.canonical_url(entry.url)
            if key in self._seen:
                out.duplicates += 1
                continue
            self._seen.add(key)
            yield scrapy.Request(
                entry.url,
                callback=self.parse_detail,
                errback=self.request_failed,
                meta=self._meta(site, "detail", list_title=entry.title, list_date=entry.date),
            )

    # --- detail pages and attachments -------------------------------------------------------

    def parse_detail(self, response: Response) -> Iterator[Any]:
        site = self._sites[response.meta["site_id"]]
        out = self.site_outcomes[site.id]
        links: list[attachments.Link] = []
        if isinstance(response, TextResponse):
            links = attachments.find_links(self._text(site, response), response.url)
        elif response.status == 200 and attachments.sniff_ext(response.body, None) != "html":
            # the list links straight to a file: the notice is in the attachment
            name = response.meta.get("list_title") or ""
            links = [attachments.Link(name=name, url=response.url, ext=None)]
        verdict: Verdict | None
        if isinstance(response, TextResponse) or response.status != 200:
            verdict = classify_response(
                response.status,
                response.body,
                set_cookie_names=_set_cookie_names(response),
                content_type=_content_type(response),
                has_attachments=bool(links),
            )
        elif not links:  # binary content type, HTML bytes
            verdict = Verdict("wrong_content_type", "an HTML page served as a file")
        else:
            verdict = None
        retry = self._pass_cookie_challenge(site, response, verdict)
        if retry is not None:
            yield retry
            return
        if verdict is not None:
            self._problem(site, response.url, verdict, response.status)
            return
        out.consecutive_blocks = 0
        out.detail_pages += 1
        self._inc("notices/detail_pages")
        item = NoticePage(
            url=response.url,
            canonical_url=listing.canonical_url(response.url),
            site_id=site.id,
            region=site.region_name,
            status=response.status,
            fetched_at=dt.datetime.now(dt.UTC),
            body=response.body if isinstance(response, TextResponse) else b"",
            declared_encoding=_charset(response),
            list_title=response.meta.get("list_title"),
            list_date=response.meta.get("list_date"),
        )
        if not isinstance(response, TextResponse):
            item.attachments.append(self._attachment_from(response, links[0], response.url))
            yield self._emit(item)
            return
        pending = []
        for link in links:
            if link.fetchable:
                pending.append(link)
            else:
                item.attachments.append(
                    FetchedAttachment(
                        name=link.name,
                        url=link.url,
                        error=f"not downloaded: .{link.ext} (only "
                        f"{', '.join(attachments.FETCH_EXTS)} are fetched)",
                    )
                )
        yield from self._continue(item, site, pending)

    def _continue(
        self, item: NoticePage, site: Site, pending: list[attachments.Link]
    ) -> Iterator[Any]:
        if not pending:
            yield self._emit(item)
            return
        link, rest = pending[0], pending[1:]
        yield scrapy.Request(
            link.url,
            callback=self.parse_attachment,
            errback=self.attachment_failed,
            dont_filter=True,
            headers={"Referer": item.url},
            meta=self._meta(
                site,
                "attachment",
                download_maxsize=self.settings.getint(
                    "NOTICES_ATTACHMENT_MAXSIZE", attachments.MAX_BYTES
                ),
            ),
            cb_kwargs={"item": item, "link": link, "rest": rest},
        )

    def parse_attachment(
        self,
        response: Response,
        item: NoticePage,
        link: attachments.Link,
        rest: list[attachments.Link],
    ) -> Iterator[Any]:
        site = self._sites[item.site_id]
        att = self._attachment_from(response, link, link.url)
        out = self.site_outcomes[site.id]
        if att.body is None:
            out.attachments_failed += 1
            if att.error and att.error.startswith("wrong_content_type"):
                self._problem(site, link.url, Verdict("wrong_content_type", att.error), 200)
        else:
            out.attachments_fetched += 1
            self._inc("notices/attachments/fetched")
        item.attachments.append(att)
        yield from self._continue(item, site, rest)

    def _attachment_from(
        self, response: Response, link: attachments.Link, url: str
    ) -> FetchedAttachment:
        ctype = _content_type(response)
        header_name = attachments.disposition_name(response.headers.get("Content-Disposition"))
        name = link.name or header_name or url.rsplit("/", 1)[-1]
        att = FetchedAttachment(name=name, url=url, status=response.status, content_type=ctype)
        if response.status != 200:
            att.error = f"HTTP {response.status}"
            return att
        hint = link.ext or attachments.ext_of(name) or attachments.ext_of(header_name)
        ext = attachments.sniff_ext(response.body, hint)
        if ext == "html":
            att.error = "wrong_content_type: an HTML page was served instead of the file"
            return att
        att.body = response.body
        att.sha256 = attachments.sha256(response.body)
        att.text, att.error = attachments.extract_text(ext, response.body)
        return att

    def attachment_failed(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        kwargs = request.cb_kwargs
        item: NoticePage = kwargs["item"]
        link: attachments.Link = kwargs["link"]
        if failure.check(IgnoreRequest):  # robots.txt, or the site was stopped after blocks
            error = f"not fetched: {failure.value}"
        else:
            verdict = classify_failure(failure.value or Exception(str(failure)))
            error = f"{verdict.kind}: {verdict.detail}"
        item.attachments.append(FetchedAttachment(name=link.name, url=link.url, error=error))
        site = self._sites[item.site_id]
        self.site_outcomes[site.id].attachments_failed += 1
        yield from self._continue(item, site, kwargs["rest"])

    def _emit(self, item: NoticePage) -> NoticePage:
        self.site_outcomes[item.site_id].items += 1
        self._inc("notices/items")
        return item

    def _pass_cookie_challenge(
        self, site: Site, response: Response, verdict: Verdict | None
    ) -> scrapy.Request | None:
        """The same request with the cookies a JS challenge sets, when the seed opts in (once)."""
        if (
            verdict is None
            or verdict.kind != "js_challenge"
            or site.js_cookie is None
            or response.meta.get("js_cookie_tried")
        ):
            return None
        text = response.body.decode("utf-8", errors="replace")
        cookies = {m["k"]: m["v"] for m in site.js_cookie.finditer(text)}
        if not cookies:
            return None
        self._inc("notices/js_cookie/retried")
        return response.request.replace(  # type: ignore[union-attr]
            cookies=cookies, dont_filter=True, meta={**response.meta, "js_cookie_tried": True}
        )

    # --- failures ---------------------------------------------------------------------------

    def request_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        request = failure.request  # type: ignore[attr-defined]
        site = self._sites[request.meta["site_id"]]
        self._failed(site, request, failure)
        if request.meta.get("kind") == "list":
            yield from self._release(site)

    def _failed(self, site: Site, request: scrapy.Request, failure: Failure) -> None:
        if failure.check(IgnoreRequest):
            if "robots" in str(failure.value).lower():
                self._problem(
                    site, request.url, Verdict("robots_disallowed", "forbidden by robots.txt"), None
                )
            # otherwise the per-site stop after repeated blocks, already recorded
            self._inc("notices/ignored")
            return
        verdict = classify_failure(failure.value or Exception(str(failure)))
        is_list = request.meta.get("kind") == "list"
        self._problem(site, request.url, verdict, None, listing_page=is_list)
        if is_list:
            cursor: Cursor = request.meta["cursor"]
            out = self.site_outcomes[site.id]
            source = site.sources[cursor.source]
            out.stop_reasons.append(f"{source.url}: {verdict.kind} on page {cursor.page}")

    def _problem(
        self,
        site: Site,
        url: str,
        verdict: Verdict,
        status: int | None,
        *,
        listing_page: bool = False,
    ) -> None:
        out = self.site_outcomes[site.id]
        out.record_problem(verdict.kind, url, verdict.detail, status)
        self._inc(f"notices/problems/{verdict.kind}")
        if listing_page and verdict.is_block:
            out.list_pages_blocked += 1
        if verdict.is_block:
            out.consecutive_blocks += 1
            if out.consecutive_blocks >= site.block_threshold and not out.stopped:
                out.stopped = True
                logger.warning(
                    "%s: %d consecutive blocked responses; no more requests to this site",
                    site.id,
                    out.consecutive_blocks,
                )
        logger.warning("%s: %s %s (%s)", site.id, verdict.kind, url, verdict.detail)

    # --- helpers ----------------------------------------------------------------------------

    def _text(self, site: Site, response: Response) -> str:
        """The page as text: the seed's encoding, else the declared one, else UTF-8 or GB18030.

        Scrapy's guess for undeclared bodies misreads short GBK pages (as big5 or cp949).
        """
        encoding = site.options.get("encoding")
        if encoding:
            return response.body.decode(encoding, errors="replace")
        if isinstance(response, TextResponse) and (
            _charset(response) or html_body_declared_encoding(response.body)
        ):
            return response.text
        try:
            return response.body.decode("utf-8")
        except UnicodeDecodeError:
            return response.body.decode("gb18030", errors="replace")

    def _inc(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)

    def _closed(self, spider: scrapy.Spider) -> None:
        if self.crawler.stats is None:
            return
        flagged = [sid for sid, o in self.site_outcomes.items() if o.flagged]
        self.crawler.stats.set_value("notices/sites", len(self.site_outcomes))
        self.crawler.stats.set_value("notices/sites_flagged", len(flagged))
        for sid in flagged:
            o = self.site_outcomes[sid]
            logger.error(
                "site %s yielded nothing (%s): %s", sid, o.outcome, dict(o.problems) or "no rows"
            )


def _parse_since(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise SeedError(f"since must be a date like 2024-01-31, got {value!r}") from None


def _parse_max_pages(value: str | int | None) -> int | None:
    if value in (None, ""):
        return None
    try:
        n = int(value)
    except ValueError:
        raise SeedError(f"max_pages must be a positive integer, got {value!r}") from None
    if n < 1:
        raise SeedError(f"max_pages must be a positive integer, got {value!r}")
    return n
