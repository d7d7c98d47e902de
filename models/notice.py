"""A notice (one row per canonical URL, holding the current record), its problems, the versions of
its page as fetched with the files each had, and its current attachments."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeEngine

from models.attachment_file import AttachmentFile
from models.base import Base
from models.types import Json, UTCDateTime
from pipelines.common.lifecycle import ARCHIVE_FIELDS, EventKind, RemovedReason
from pipelines.common.record import NoticeRecord, Spec, Storage, declared
from pipelines.common.record import Problem as RecordProblem

# A date that may have month precision only ('2024-08') as the record contract allows.
PartialDate = String(10)


def column_type(declared: Spec) -> TypeEngine[Any]:
    """The column type of a record field stored as `declared` says (TABLE: no column)."""
    match declared.storage:
        case Storage.FLAG:
            return Boolean()
        case Storage.TEXT:
            return Text()
        case Storage.LABEL:
            return String(declared.length) if declared.length is not None else Text()
        case Storage.NUMBER:
            return Integer()
        case Storage.REAL:
            return Float()
        case Storage.DATE:
            return Date()
        case Storage.PARTIAL_DATE:
            return PartialDate
        case Storage.JSON:
            return Json
    raise ValueError(f"{declared.storage} is stored in a table of its own, not a column")


def archive_column(name: str, column_type: TypeEngine[Any], **kw: Any) -> Any:
    """A column of an archive field, commented with its meaning (pipelines/common/lifecycle.py)."""
    return mapped_column(column_type, comment=ARCHIVE_FIELDS[name], **kw)


# Long enough for every removal reason and event kind.
LABEL = String(max(len(v) for v in [*RemovedReason, *EventKind]))


def record_column(name: str, of: type = NoticeRecord, **kw: Any) -> Any:
    """The column of field `name` of record dataclass `of`, commented with its description."""
    field = declared(of, name)
    return mapped_column(column_type(field), comment=field.description, **kw)


class Notice(Base):
    __tablename__ = "notices"
    __table_args__ = ({"comment": "one row per canonical URL: the notice's current record"},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"), index=True)
    region: Mapped[str | None] = mapped_column(String(100), index=True, comment="the site's region")
    url: Mapped[str] = archive_column("url", Text())
    canonical_url: Mapped[str] = mapped_column(
        Text,
        unique=True,
        comment="the notice's key: w3lib-canonical URL of its current page, with the port, "
        "scheme and www. of the site's own hosts normalised away",
    )
    first_seen_at: Mapped[datetime] = archive_column("first_seen_at", UTCDateTime())
    last_seen_at: Mapped[datetime] = archive_column("last_seen_at", UTCDateTime())
    last_checked_at: Mapped[datetime | None] = archive_column(
        "last_checked_at", UTCDateTime(), index=True
    )
    removed_at: Mapped[datetime | None] = archive_column("removed_at", UTCDateTime())
    removed_reason: Mapped[str | None] = archive_column("removed_reason", LABEL)
    delisted_at: Mapped[datetime | None] = archive_column("delisted_at", UTCDateTime())
    content_sha256: Mapped[str] = mapped_column(
        String(64), comment="sha256 of the raw bytes of the current version"
    )
    fetch_sha256: Mapped[str | None] = mapped_column(
        String(64), comment="sha256 of raw bytes, parser version and files: equal means unchanged"
    )
    record_sha256: Mapped[str] = mapped_column(
        String(64), comment="sha256 of the stored record: equal means unchanged"
    )

    # The record's fields: type and comment from their declaration (pipelines/common/record.py);
    # tests/models/test_notice.py checks every field has its column here.
    is_notice: Mapped[bool] = record_column("is_notice", default=True)
    title: Mapped[str | None] = record_column("title")
    published_date: Mapped[date | None] = record_column("published_date", index=True)
    source: Mapped[str | None] = record_column("source")
    author: Mapped[str | None] = record_column("author")
    publisher: Mapped[str | None] = record_column("publisher")
    inspected_unit: Mapped[str | None] = record_column("inspected_unit")
    inspection_body: Mapped[str | None] = record_column("inspection_body")
    inspection_level: Mapped[str | None] = record_column("inspection_level")
    inspection_kinds: Mapped[list[Any]] = record_column("inspection_kinds", default=list)
    inspection_topic: Mapped[str | None] = record_column("inspection_topic")
    inspection_round: Mapped[str | None] = record_column("inspection_round")
    inspection_start: Mapped[str | None] = record_column("inspection_start")
    inspection_end: Mapped[str | None] = record_column("inspection_end")
    feedback_date: Mapped[str | None] = record_column("feedback_date")
    term: Mapped[int | None] = record_column("term")
    round: Mapped[int | None] = record_column("round")
    round_year: Mapped[int | None] = record_column("round_year")
    inspecting_committee: Mapped[str | None] = record_column("inspecting_committee")
    team_number: Mapped[int | None] = record_column("team_number")
    written_date: Mapped[date | None] = record_column("written_date")
    updated_date: Mapped[date | None] = record_column("updated_date")
    report_phase: Mapped[str | None] = record_column("report_phase")
    region_code: Mapped[str | None] = record_column("region_code", index=True)
    committee_region_code: Mapped[str | None] = record_column("committee_region_code")
    unit_type: Mapped[str | None] = record_column("unit_type")
    sector: Mapped[str | None] = record_column("sector")
    unit_key: Mapped[str | None] = record_column("unit_key", index=True)
    counts: Mapped[dict[str, Any]] = record_column("counts", default=dict)
    status_counts: Mapped[dict[str, Any] | None] = record_column("status_counts")
    accountability: Mapped[list[Any]] = record_column("accountability", default=list)
    money: Mapped[list[Any]] = record_column("money", default=list)
    rules_made: Mapped[int | None] = record_column("rules_made")
    completion_rate: Mapped[float | None] = record_column("completion_rate")
    tally_date: Mapped[str | None] = record_column("tally_date")
    contact: Mapped[dict[str, Any]] = record_column("contact", default=dict)
    signed_by: Mapped[str | None] = record_column("signed_by")
    signed_date: Mapped[date | None] = record_column("signed_date")
    attachments: Mapped[list[Any]] = record_column("attachments", default=list)
    body_text: Mapped[str] = record_column("body_text", default="")
    parser_version: Mapped[str | None] = record_column("parser_version")
    evidence: Mapped[dict[str, Any]] = record_column("evidence", default=dict)
    extra: Mapped[dict[str, Any]] = mapped_column(
        default=dict, comment="record values that fit no column: unknown fields, odd shapes"
    )

    problems: Mapped[list[Problem]] = relationship(
        order_by="Problem.seq", cascade="all, delete-orphan", passive_deletes=True
    )
    versions: Mapped[list[NoticeVersion]] = relationship(
        order_by="NoticeVersion.fetched_at", cascade="all, delete-orphan", passive_deletes=True
    )
    files: Mapped[list[Attachment]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    urls: Mapped[list[NoticeUrl]] = relationship(
        order_by="NoticeUrl.first_seen_at", cascade="all, delete-orphan", passive_deletes=True
    )
    events: Mapped[list[NoticeEvent]] = relationship(
        order_by="NoticeEvent.at", cascade="all, delete-orphan", passive_deletes=True
    )


class NoticeUrl(Base):
    """A URL a notice was seen at: where it is now, where it was before a redirect, an alias."""

    __tablename__ = "notice_urls"
    __table_args__ = ({"comment": "every URL a notice was seen at; one notice, many URLs"},)

    url: Mapped[str] = mapped_column(Text, primary_key=True, comment="as fetched or requested")
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), index=True)
    canonical_url: Mapped[str] = mapped_column(
        Text, index=True, comment="its key, as notices.canonical_url: how a page finds its notice"
    )
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), comment="UTC")


class NoticeEvent(Base):
    """One change of a notice's standing in the archive (its content changes are versions)."""

    __tablename__ = "notice_events"
    __table_args__ = ({"comment": "removals, restorations, delistings and moves of notices"},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), comment="UTC")
    kind: Mapped[str] = mapped_column(
        LABEL, comment="one of: " + ", ".join(k.value for k in EventKind)
    )
    detail: Mapped[str | None] = mapped_column(Text, comment="what was seen, e.g. HTTP 404")


class Problem(Base):
    __tablename__ = "problems"
    __table_args__ = (
        UniqueConstraint("notice_id", "seq"),
        {"comment": "the problems of a notice's current record"},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    seq: Mapped[int] = record_column("seq", RecordProblem)
    aspect: Mapped[str | None] = record_column("aspect", RecordProblem)
    title: Mapped[str | None] = record_column("title", RecordProblem)
    description: Mapped[str | None] = record_column("description", RecordProblem)
    rectification: Mapped[str | None] = record_column("rectification", RecordProblem)
    status: Mapped[str | None] = record_column("status", RecordProblem)
    status_label: Mapped[str | None] = record_column("status_label", RecordProblem)


class NoticeVersion(Base):
    """One distinct fetched content of a notice: its page (raw bytes kept for re-parsing) and the
    attachment files it had, so a file replaced behind the same page is a new version."""

    __tablename__ = "notice_versions"
    __table_args__ = (
        UniqueConstraint("notice_id", "raw_sha256", "files_sha256"),
        {"comment": "every distinct fetched content of a notice, raw bytes kept"},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    raw_sha256: Mapped[str] = mapped_column(String(64), comment="sha256 of the raw page bytes")
    files_sha256: Mapped[str | None] = mapped_column(
        String(64),
        comment="sha256 of its sorted (url, file sha256) pairs; NULL: files not recorded",
    )
    body_sha256: Mapped[str] = mapped_column(
        String(64), comment="sha256 of the normalised body text"
    )
    raw_zlib: Mapped[bytes] = mapped_column(LargeBinary, comment="raw page bytes, zlib")
    http_status: Mapped[int | None] = mapped_column(comment="HTTP status of the fetch")
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime(), comment="UTC")
    parser_version: Mapped[str | None] = mapped_column(
        String(40), comment="the parser that read this version"
    )

    files: Mapped[list[NoticeVersionFile]] = relationship(
        order_by="NoticeVersionFile.url", cascade="all, delete-orphan", passive_deletes=True
    )


class NoticeVersionFile(Base):
    """An attachment file a version had, by its URL on the page."""

    __tablename__ = "notice_version_files"
    __table_args__ = ({"comment": "the attachment files a version had"},)

    version_id: Mapped[int] = mapped_column(
        ForeignKey("notice_versions.id", ondelete="CASCADE"), primary_key=True
    )
    url: Mapped[str] = mapped_column(Text, primary_key=True, comment="its link on the page")
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_files.sha256"), index=True)

    file: Mapped[AttachmentFile] = relationship()


class Attachment(Base):
    """An attachment link of the notice's current record, with the file fetched behind it."""

    __tablename__ = "attachments"
    __table_args__ = (
        UniqueConstraint("notice_id", "url"),
        {"comment": "the current record's attachment links, with the file behind each"},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text, comment="link text or file name")
    url: Mapped[str] = mapped_column(Text, comment="the link")
    sha256: Mapped[str | None] = mapped_column(
        ForeignKey("attachment_files.sha256"), index=True, comment="NULL: no file was fetched"
    )
    http_status: Mapped[int | None] = mapped_column(comment="HTTP status of its fetch")
    error: Mapped[str | None] = mapped_column(Text, comment="why it was not fetched or read")

    file: Mapped[AttachmentFile | None] = relationship()
