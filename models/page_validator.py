"""The validators and digest of every fetched list and detail page, kept for conditional GETs and
for telling an unchanged list page from a changed one on the next crawl (docs/incremental.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.types import UTCDateTime


class PageValidator(Base):
    __tablename__ = "page_validators"
    __table_args__ = (
        {"comment": "HTTP validators and byte digest of each fetched list and detail page"},
    )

    page_key: Mapped[str] = mapped_column(
        Text, primary_key=True, comment="canonical URL; a POST list page: 'POST <url> <body>'"
    )
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10), comment="list or detail")
    etag: Mapped[str | None] = mapped_column(Text, comment="ETag of the last answer")
    last_modified: Mapped[str | None] = mapped_column(
        Text, comment="Last-Modified of the last answer, as sent"
    )
    sha256: Mapped[str | None] = mapped_column(
        String(64), comment="sha256 of the bytes last downloaded"
    )
    status: Mapped[int | None] = mapped_column(comment="HTTP status of the last answer (304 too)")
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime(), comment="last fetched (UTC)")
    rows: Mapped[list[Any]] = mapped_column(
        default=list, comment="a list page's rows [{url, title, date}] as last listed"
    )
