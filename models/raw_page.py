"""A fetched detail page that was not stored as a notice, kept so that no fetched page is lost."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.types import UTCDateTime


class RawPage(Base):
    __tablename__ = "raw_pages"
    __table_args__ = ({"comment": "fetched detail pages that are not notices, kept raw"},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"), index=True)
    region: Mapped[str | None] = mapped_column(String(100), comment="the site's region")
    url: Mapped[str] = mapped_column(Text, comment="URL as last fetched")
    canonical_url: Mapped[str] = mapped_column(Text, unique=True, comment="w3lib-canonical URL")
    sha256: Mapped[str] = mapped_column(String(64), comment="sha256 of the raw bytes")
    body_zlib: Mapped[bytes] = mapped_column(LargeBinary, comment="raw page bytes, zlib")
    http_status: Mapped[int | None] = mapped_column(comment="HTTP status of the fetch")
    reason: Mapped[str] = mapped_column(Text, comment="why it is not a notice")
    title: Mapped[str | None] = mapped_column(Text, comment="title from the list page")
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), comment="first fetched (UTC)")
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), comment="last fetched (UTC)")
