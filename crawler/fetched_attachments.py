"""Attachment downloads, refusals and failures as `FetchedAttachment` records of an item.

The text of a downloaded file is read off the reactor by `AttachmentTextMiddleware`
(crawler/middlewares.py), which leaves it in the request's meta under `TEXT_META`; without
the middleware (tests, another spider) it is read here, bounded the same way but blocking.
"""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler import attachment_text, attachments
from crawler.blocks import classify_failure
from crawler.responses import content_type
from pipelines.common.attachment_types import FETCHED_EXTS, content_type_ext, ext_of
from pipelines.common.fetched import FetchedAttachment

TEXT_META = "attachment_text"  # (text, error) of the response's file


def file_name(response: Response, link: attachments.Link, url: str) -> str:
    header_name = attachments.disposition_name(response.headers.get("Content-Disposition"))
    return link.name or header_name or url.rsplit("/", 1)[-1]


def file_ext(response: Response, link: attachments.Link, url: str) -> str | None:
    """The type of a downloaded file: its bytes first, then the names and the Content-Type."""
    header_name = attachments.disposition_name(response.headers.get("Content-Disposition"))
    hint = (
        link.ext
        or ext_of(file_name(response, link, url))
        or ext_of(header_name)
        or content_type_ext(content_type(response))
    )
    return attachments.sniff_ext(response.body, hint)


def attachment_from(
    response: Response,
    link: attachments.Link,
    url: str,
    limits: attachment_text.Limits | None = None,
) -> FetchedAttachment:
    name = file_name(response, link, url)
    att = FetchedAttachment(
        name=name, url=url, status=response.status, content_type=content_type(response)
    )
    if response.status != 200:
        att.error = f"HTTP {response.status}"
        return att
    ext = file_ext(response, link, url)
    if ext == "html":
        att.error = "wrong_content_type: an HTML page was served instead of the file"
        return att
    att.body = response.body
    att.sha256 = attachments.sha256(response.body)
    read = _meta(response).get(TEXT_META)
    att.text, att.error = read or attachment_text.extract_text(ext, response.body, limits)
    return att


def _meta(response: Response) -> dict[str, Any]:
    # a response built without a request (tests) has no meta; Scrapy raises instead of {}
    return response.request.meta if response.request is not None else {}


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
