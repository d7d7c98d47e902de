"""Requests that re-check a stored notice's page: conditional (its stored ETag/Last-Modified, so
an unchanged page costs a 304), never filtered as duplicates (a redirect may lead to a page this
run already fetched), and marked so the detail callback knows what the answer means."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import scrapy

from crawler.seeds import Site
from crawler.site_requests import SEEN_STATUSES, request_meta
from pipelines.common.lifecycle import StoredNotice


def recheck_request(
    site: Site,
    target: StoredNotice,
    *,
    listed: bool | None,
    callback: Callable[..., Any],
    errback: Callable[..., Any],
) -> scrapy.Request:
    """`listed`: False when the site's walked lists no longer show it, None when not known."""
    headers = {}
    if target.etag:
        headers["If-None-Match"] = target.etag
    if target.last_modified:
        headers["If-Modified-Since"] = target.last_modified
    meta = request_meta(site, "detail", recheck=True, listed=listed)
    meta["handle_httpstatus_list"] = [*SEEN_STATUSES, 304]
    return scrapy.Request(
        target.url,
        headers=headers,
        callback=callback,
        errback=errback,
        meta=meta,
        dont_filter=True,
    )
