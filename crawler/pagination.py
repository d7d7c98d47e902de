"""Paging through one list source: where it stands, its first page, its next page, its limit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from scrapy.http import Response

from crawler import listing
from crawler.seeds import ListSource, Site


@dataclass(slots=True)
class Cursor:
    """Where one list source is in its pagination."""

    site_id: str
    source: int  # index into site.sources
    page: int = 1
    signatures: set[tuple[str, ...]] = field(default_factory=set)
    hanweb: dict[str, int] = field(default_factory=dict)
    hanweb_nextgroup: str = ""


def first_page(source: ListSource) -> listing.PageRequest:
    if source.pagination["type"] == "json_api" and source.api:
        first = int(source.api.get("page_start", 1))
        return listing.api_request(source.api, source.url, first)
    return listing.PageRequest(url=source.url, page=1)


def next_page(
    source: ListSource,
    cursor: Cursor,
    response: Response,
    text: str,
    entries: list[listing.ListEntry],
    total: int | None,
) -> tuple[listing.PageRequest | None, str]:
    """The request for the page after `cursor.page`, or None and why paging ends here."""
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
        return _follow_next(response, text, p, cursor)
    if ptype in ("vsb_next", "next_link"):
        return _follow_next(response, text, p, cursor)
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
    response: Response, text: str, p: Mapping[str, Any], cursor: Cursor
) -> tuple[listing.PageRequest | None, str]:
    url = listing.next_link(text, response.url, p.get("next"))
    if not url or url == response.url:
        return None, "no_next_link"
    return listing.PageRequest(url=url, page=cursor.page + 1), ""


def page_limit(site: Site, source: ListSource, override: int | None, default: int) -> int:
    """Pages to read: `-a max_pages`, else the seed's limit, else `NOTICES_MAX_PAGES`."""
    if override:
        return override
    configured = site.max_pages or source.pagination.get("max_pages")
    return int(configured or default)
