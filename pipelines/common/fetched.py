"""The fetched page and its attachments: the one type the spider yields, the pipelines enrich
(`cleaned`, then `record`), the store writes and the spool keeps."""

from __future__ import annotations

from dataclasses import Field, dataclass, field, fields
from datetime import datetime
from typing import Any

from pipelines.common.cleaned import CleanedPage

# Metadata of a field the pipelines fill for each other and the store never writes or spools.
_PIPELINE_ONLY = "pipeline_only"
PIPELINE_ONLY = {_PIPELINE_ONLY: True}


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
class FetchedPage:
    """One fetched detail page that may hold a notice (or a 304 saying the stored one is current)."""

    url: str  # final URL as fetched
    canonical_url: str  # w3lib-canonicalised; the notice's key
    site_id: str
    region: str | None
    status: int | None
    fetched_at: datetime  # UTC
    body: bytes
    declared_encoding: str | None = None  # charset from the Content-Type header
    list_title: str | None = None
    list_date: str | None = None
    # Where the page was requested before redirects took it to `url`, as fetched and as keys:
    # the notice keeps its identity across a 301/302 (models/upsert.py).
    redirect_urls: tuple[str, ...] = ()
    redirect_keys: tuple[str, ...] = ()
    # What the page said about the stored notice: a removal reason (lifecycle.RemovedReason)
    # when it answered gone; `status` 304 when it answered "not modified".
    removed_reason: str | None = None
    # True: found on a list of its site this run; False: its site's lists were walked and it was
    # missing from them; None: not known (a re-check).
    listed: bool | None = None
    etag: str | None = None  # the answer's validators, sent back on the next fetch
    last_modified: str | None = None
    attachments: list[FetchedAttachment] = field(default_factory=list)
    # Filled by the pipelines, in order: the cleaner's view, then the record as stored
    # (`NoticeRecord.to_dict()`; None when no record could be made).
    cleaned: CleanedPage | None = field(default=None, metadata=PIPELINE_ONLY)
    record: dict[str, Any] | None = None
    rule: str | None = None  # the parser's rule that decided is_notice (parsing/classify.py)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def is_notice(self) -> bool:
        return bool(self.record and self.record.get("is_notice"))

    @property
    def non_notice_reason(self) -> str:
        if self.record is None:
            return self.rule or "no parsed record"  # a rule without a record: the cleaner's failure
        return self.rule or "not a rectification notice"  # no rule: spooled before rules were kept


def stored_fields(cls: type[Any]) -> tuple[Field[Any], ...]:
    """The fields of a fetched type that the store writes and the spool keeps."""
    return tuple(f for f in fields(cls) if not f.metadata.get(_PIPELINE_ONLY))
