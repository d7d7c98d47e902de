"""Attachment files by content: every file ever fetched, once, so a replaced file is never lost."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.types import UTCDateTime


class AttachmentFile(Base):
    __tablename__ = "attachment_files"
    __table_args__ = ({"comment": "every attachment file ever fetched, once per content"},)

    sha256: Mapped[str] = mapped_column(
        String(64), primary_key=True, comment="sha256 of the file bytes"
    )
    size: Mapped[int] = mapped_column(comment="bytes")
    content_type: Mapped[str | None] = mapped_column(Text, comment="as first served")
    body_zlib: Mapped[bytes] = mapped_column(LargeBinary, comment="file bytes, zlib")
    text: Mapped[str | None] = mapped_column(Text, comment="extracted text")
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), comment="first fetched (UTC)")
