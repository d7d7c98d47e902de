"""A fetched detail page as a `FetchedPage` item: its attachment links, its verdict, the item."""

from __future__ import annotations

import datetime as dt

from scrapy.http import Response, TextResponse

from crawler import attachments, listing
from crawler.blocks import Verdict, classify_response
from crawler.responses import charset, content_type, page_text, set_cookie_names, validators
from crawler.seeds import Site
from pipelines.common.fetched import FetchedPage


def detail_links(site: Site, response: Response) -> list[attachments.Link]:
    """The attachment links of a detail page, or the response itself when it is a file."""
    if isinstance(response, TextResponse):
        return attachments.find_links(page_text(site, response), response.url)
    if response.status == 200 and attachments.sniff_ext(response.body, None) != "html":
        # the list links straight to a file: the notice is in the attachment
        name = response.meta.get("list_title") or ""
        return [attachments.Link(name=name, url=response.url, ext=None)]
    return []


def detail_verdict(response: Response, links: list[attachments.Link]) -> Verdict | None:
    """Why the detail page cannot be an item (blocked, failed, wrong type), or None."""
    if isinstance(response, TextResponse) or response.status != 200:
        return classify_response(
            response.status,
            response.body,
            set_cookie_names=set_cookie_names(response),
            content_type=content_type(response),
            has_attachments=bool(links),
        )
    if not links:  # binary content type, HTML bytes
        return Verdict("wrong_content_type", "an HTML page served as a file")
    return None


def notice_page(site: Site, response: Response) -> FetchedPage:
    etag, last_modified = validators(response)
    return FetchedPage(
        url=response.url,
        canonical_url=listing.canonical_url(response.url),
        site_id=site.id,
        region=site.region_name,
        status=response.status,
        fetched_at=dt.datetime.now(dt.UTC),
        body=response.body if isinstance(response, TextResponse) else b"",
        declared_encoding=charset(response),
        list_title=response.meta.get("list_title"),
        list_date=response.meta.get("list_date"),
        etag=etag,
        last_modified=last_modified,
    )


def not_modified_page(site: Site, response: Response) -> FetchedPage:
    """A 304 to a conditional request: no body; the validators are those sent unless renewed."""
    page = notice_page(site, response)
    sent = response.request.headers if response.request is not None else {}
    for attr, header in (("etag", "If-None-Match"), ("last_modified", "If-Modified-Since")):
        if getattr(page, attr) is None and sent.get(header):
            setattr(page, attr, sent[header].decode("latin-1"))
    page.body = b""
    page.not_modified = True
    return page
