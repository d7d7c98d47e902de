"""The Scrapy requests of a site (list, detail, attachment, cookie retry), with the site's meta."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import scrapy
from scrapy.http import Response

from crawler import attachments, listing
from crawler.blocks import Verdict
from crawler.incremental import CONDITIONAL_HEADERS, Incremental, page_key
from crawler.pagination import Cursor
from crawler.seeds import Site
from pipelines.common.fetched import FetchedPage

# Statuses the spider must see (Scrapy would otherwise drop them silently); redirects still
# follow because 301-308 are not listed. 304 answers our conditional requests.
SEEN_STATUSES = [304, 400, 401, 403, 404, 405, 410, 412, 429, 500, 502, 503, 504, 521, 522, 524]

Callback = Callable[..., Any]


def request_meta(site: Site, kind: str, **extra: Any) -> dict[str, Any]:
    meta = {"site_id": site.id, "kind": kind, "handle_httpstatus_list": SEEN_STATUSES, **extra}
    if site.politeness.get("obey_robots") is False:
        meta["dont_obey_robotstxt"] = True
    if "download_delay" in site.politeness:
        # AutoThrottle would pull the seed's delay down towards the global minimum
        meta["autothrottle_dont_adjust_delay"] = True
    return meta


def list_request(
    site: Site,
    cursor: Cursor,
    page: listing.PageRequest,
    *,
    incremental: Incremental,
    callback: Callback,
    errback: Callback,
) -> scrapy.Request:
    """The request of a list page, conditional when the archive has its validators."""
    key = page_key(page.url, page.method, page.body)
    return scrapy.Request(
        page.url,
        method=page.method,
        body=page.body,
        headers={**page.headers, **incremental.list_headers(key)},
        callback=callback,
        errback=errback,
        meta=request_meta(site, "list", cursor=cursor, page_key=key),
        dont_filter=page.method == "POST",  # POST pages differ only by body
    )


def unconditional(request: scrapy.Request) -> scrapy.Request:
    """The same request without validators: the page's body is needed after all."""
    headers = {
        k.decode(): v
        for k, v in request.headers.items()
        if k.decode().lower() not in {h.lower() for h in CONDITIONAL_HEADERS}
    }
    return request.replace(headers=headers, dont_filter=True)


def detail_request(
    site: Site,
    entry: listing.ListEntry,
    *,
    validators: Mapping[str, str],
    callback: Callback,
    errback: Callback,
) -> scrapy.Request:
    return scrapy.Request(
        entry.url,
        headers=dict(validators),
        callback=callback,
        errback=errback,
        meta=request_meta(site, "detail", list_title=entry.title, list_date=entry.date),
    )


def attachment_request(
    site: Site,
    item: FetchedPage,
    link: attachments.Link,
    rest: list[attachments.Link],
    *,
    maxsize: int,
    callback: Callback,
    errback: Callback,
) -> scrapy.Request:
    """The request for `link`; `rest` are the item's attachments still to fetch after it."""
    return scrapy.Request(
        link.url,
        callback=callback,
        errback=errback,
        dont_filter=True,
        headers={"Referer": item.url},
        meta=request_meta(site, "attachment", download_maxsize=maxsize),
        cb_kwargs={"item": item, "link": link, "rest": rest},
    )


def cookie_retry(site: Site, response: Response, verdict: Verdict | None) -> scrapy.Request | None:
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
    return response.request.replace(  # type: ignore[union-attr]
        cookies=cookies, dont_filter=True, meta={**response.meta, "js_cookie_tried": True}
    )
