"""A notice (one row per canonical URL, holding the current record), its problems, the versions of
its page as fetched with the files each had, and its current attachments."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.attachment_file import AttachmentFile
from models.base import Base
from models.types import UTCDateTime

# A date that may have month precision only ('2024-08') as the record contract allows.
PartialDate = String(10)


class Notice(Base):
    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"), index=True)
    region: Mapped[str | None] = mapped_column(String(100), index=True)
    url: Mapped[str] = mapped_column(Text, comment="URL as last fetched")
    canonical_url: Mapped[str] = mapped_column(Text, unique=True, comment="w3lib-canonical URL")
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    content_sha256: Mapped[str] = mapped_column(
        String(64), comment="sha256 of the raw bytes of the current version"
    )
    fetch_sha256: Mapped[str | None] = mapped_column(
        String(64), comment="sha256 of raw bytes, parser version and files: equal means unchanged"
    )
    record_sha256: Mapped[str] = mapped_column(
        String(64), comment="sha256 of the stored record: equal means unchanged"
    )

    # The record of the contract (docs: notice-record.md), field for field.
    is_notice: Mapped[bool] = mapped_column(default=True)
    title: Mapped[str | None] = mapped_column(Text)
    published_date: Mapped[date | None] = mapped_column(Date, index=True)
    source: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    inspected_unit: Mapped[str | None] = mapped_column(Text)
    inspection_body: Mapped[str | None] = mapped_column(Text)
    inspection_level: Mapped[str | None] = mapped_column(String(20))
    inspection_kinds: Mapped[list[Any]] = mapped_column(default=list)
    inspection_topic: Mapped[str | None] = mapped_column(Text)
    inspection_round: Mapped[str | None] = mapped_column(Text)
    inspection_start: Mapped[str | None] = mapped_column(PartialDate)
    inspection_end: Mapped[str | None] = mapped_column(PartialDate)
    feedback_date: Mapped[str | None] = mapped_column(PartialDate)
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status_counts: Mapped[dict[str, Any] | None]
    contact: Mapped[dict[str, Any]] = mapped_column(default=dict)
    signed_by: Mapped[str | None] = mapped_column(Text)
    signed_date: Mapped[date | None] = mapped_column(Date)
    attachments: Mapped[list[Any]] = mapped_column(
        default=list,
        comment="the record's attachment links [{name, url}]; files: table attachments",
    )
    body_text: Mapped[str] = mapped_column(Text, default="")
    parser_version: Mapped[str | None] = mapped_column(String(40))
    extra: Mapped[dict[str, Any]] = mapped_column(
        default=dict, comment="record fields added after contract version 1"
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


class Problem(Base):
    __tablename__ = "problems"
    __table_args__ = (UniqueConstraint("notice_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(comment="position in the notice, from 1")
    aspect: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    rectification: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(Text)


class NoticeVersion(Base):
    """One distinct fetched content of a notice: its page (raw bytes kept for re-parsing) and the
    attachment files it had, so a file replaced behind the same page is a new version."""

    __tablename__ = "notice_versions"
    __table_args__ = (UniqueConstraint("notice_id", "raw_sha256", "files_sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    raw_sha256: Mapped[str] = mapped_column(String(64))
    files_sha256: Mapped[str | None] = mapped_column(
        String(64),
        comment="sha256 of its sorted (url, file sha256) pairs; NULL: files not recorded",
    )
    body_sha256: Mapped[str] = mapped_column(
        String(64), comment="sha256 of the normalised body text"
    )
    raw_zlib: Mapped[bytes] = mapped_column(LargeBinary, comment="raw page bytes, zlib")
    http_status: Mapped[int | None]
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime())
    parser_version: Mapped[str | None] = mapped_column(String(40))

    files: Mapped[list[NoticeVersionFile]] = relationship(
        order_by="NoticeVersionFile.url", cascade="all, delete-orphan", passive_deletes=True
    )


class NoticeVersionFile(Base):
    """An attachment file a version had, by its URL on the page."""

    __tablename__ = "notice_version_files"

    version_id: Mapped[int] = mapped_column(
        ForeignKey("notice_versions.id", ondelete="CASCADE"), primary_key=True
    )
    url: Mapped[str] = mapped_column(Text, primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_files.sha256"), index=True)

    file: Mapped[AttachmentFile] = relationship()


class Attachment(Base):
    """An attachment link of the notice's current record, with the file fetched behind it."""

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("notice_id", "url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(
        ForeignKey("attachment_files.sha256"), index=True, comment="NULL: no file was fetched"
    )
    http_status: Mapped[int | None]
    error: Mapped[str | None] = mapped_column(Text, comment="why it was not fetched or read")

    file: Mapped[AttachmentFile | None] = relationship()
