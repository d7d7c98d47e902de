"""Attachment downloads, refusals and failures as `FetchedAttachment` records of an item."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler import attachments
from crawler.blocks import classify_failure
from crawler.responses import content_type
from pipelines.common.attachment_types import FETCHED_EXTS, content_type_ext, ext_of
from pipelines.common.fetched import FetchedAttachment


def attachment_from(response: Response, link: attachments.Link, url: str) -> FetchedAttachment:
    ctype = content_type(response)
    header_name = attachments.disposition_name(response.headers.get("Content-Disposition"))
    name = link.name or header_name or url.rsplit("/", 1)[-1]
    att = FetchedAttachment(name=name, url=url, status=response.status, content_type=ctype)
    if response.status != 200:
        att.error = f"HTTP {response.status}"
        return att
    hint = link.ext or ext_of(name) or ext_of(header_name) or content_type_ext(ctype)
    ext = attachments.sniff_ext(response.body, hint)
    if ext == "html":
        att.error = "wrong_content_type: an HTML page was served instead of the file"
        return att
    att.body = response.body
    att.sha256 = attachments.sha256(response.body)
    att.text, att.error = attachments.extract_text(ext, response.body)
    return att


def not_downloaded(link: attachments.Link) -> FetchedAttachment:
    """A link of a type that is recorded, not fetched."""
    return FetchedAttachment(
        name=link.name,
        url=link.url,
        error=f"not downloaded: .{link.ext} (only {', '.join(FETCHED_EXTS)} are fetched)",
    )


def failed_attachment(link: attachments.Link, failure: Failure) -> FetchedAttachment:
    if failure.check(IgnoreRequest):  # robots.txt, or the site was stopped after blocks
        error = f"not fetched: {failure.value}"
    else:
        verdict = classify_failure(failure.value or Exception(str(failure)))
        error = f"{verdict.kind}: {verdict.detail}"
    return FetchedAttachment(name=link.name, url=link.url, error=error)
