"""A fetched detail page as a `FetchedPage` item: its attachment links, its verdict, the item;
and what an answer without content says of a stored notice (gone, or not modified)."""

from __future__ import annotations

import datetime as dt

from scrapy.http import Response, TextResponse

from crawler import attachments, listing
from crawler.blocks import Verdict, classify_response
from crawler.responses import charset, content_type, page_text, set_cookie_names, validators
from crawler.seeds import Site
from pipelines.common.fetched import FetchedPage
from pipelines.common.lifecycle import RemovedReason

# The verdicts that say the notice is gone. Blocks, rate limits, timeouts and 5xx are missing
# here on purpose: they say nothing of the notice.
_GONE = {
    ("not_found", 404): RemovedReason.NOT_FOUND,
    ("not_found", 410): RemovedReason.GONE,
    ("soft_404", 200): RemovedReason.SOFT_NOT_FOUND,
}


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


def removed_reason(verdict: Verdict, status: int) -> RemovedReason | None:
    """The removal reason a detail page's verdict gives its notice, or None (not a removal)."""
    return _GONE.get((verdict.kind, status))


def notice_page(site: Site, response: Response) -> FetchedPage:
    """The item of a detail page's answer; `listed` (request meta) says whether a list of the
    site showed it this run, when the spider knows."""
    sources = tuple(response.meta.get("redirect_urls") or ())
    etag, last_modified = validators(response)
    return FetchedPage(
        url=response.url,
        canonical_url=listing.canonical_url(response.url, site.hosts),
        site_id=site.id,
        region=site.region_name,
        status=response.status,
        fetched_at=dt.datetime.now(dt.UTC),
        body=response.body if isinstance(response, TextResponse) else b"",
        declared_encoding=charset(response),
        list_title=response.meta.get("list_title"),
        list_date=response.meta.get("list_date"),
        redirect_urls=sources,
        redirect_keys=tuple(listing.canonical_url(u, site.hosts) for u in sources),
        listed=response.meta.get("listed"),
        etag=etag,
        last_modified=last_modified,
    )


def not_modified_page(site: Site, response: Response) -> FetchedPage:
    """A 304 to a conditional request (`status` 304, no body): the stored version is current; the
    validators are those sent unless the answer renewed them."""
    page = notice_page(site, response)
    sent = response.request.headers if response.request is not None else {}
    for attr, header in (("etag", "If-None-Match"), ("last_modified", "If-Modified-Since")):
        if getattr(page, attr) is None and sent.get(header):
            setattr(page, attr, sent[header].decode("latin-1"))
    page.body = b""
    return page


def answer_page(site: Site, response: Response, reason: RemovedReason) -> FetchedPage:
    """An answer that says the notice is gone (`reason`): no version of the notice."""
    page = notice_page(site, response)
    page.body = b""  # the deletion page is no version of the notice
    page.removed_reason = reason.value
    return page
