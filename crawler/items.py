"""Items the spider yields. The spider only fetches; pipelines clean, parse and store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type-only: the crawler package does not import pipelines at run time
    from pipelines.page import CleanedPage
    from pipelines.parsing.record import NoticeRecord


@dataclass(slots=True)
class FetchedAttachment:
    name: str
    url: str
    status: int | None = None
    content_type: str | None = None
    body: bytes | None = None
    sha256: str | None = None
    text: str | None = None  # extracted text, when the format is readable
    error: str | None = None  # why it was not fetched or not read


@dataclass(slots=True)
class NoticePage:
    """One fetched detail page that may hold a notice."""

    url: str  # final URL as fetched
    canonical_url: str  # w3lib-canonicalised; the notice's key
    site_id: str
    region: str
    status: int
    fetched_at: datetime  # UTC
    body: bytes
    declared_encoding: str | None = None  # charset from the Content-Type header
    list_title: str | None = None
    list_date: str | None = None
    attachments: list[FetchedAttachment] = field(default_factory=list)
    # Filled by the pipelines, in order.
    cleaned: CleanedPage | None = None
    record: NoticeRecord | None = None
    rule: str | None = None  # the parser's rule that decided is_notice (parsing/classify.py)
