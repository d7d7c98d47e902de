"""A site of the registry (seeds/): one publisher's website with its list pages."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.types import UTCDateTime


class Site(Base):
    __tablename__ = "sites"
    __table_args__ = (
        {"comment": "the registry's sites (seeds/): a publisher's website and its lists"},
    )

    id: Mapped[str] = mapped_column(String(100), primary_key=True, comment="site id from seeds/")
    name: Mapped[str | None] = mapped_column(Text, comment="the site's name")
    region: Mapped[str | None] = mapped_column(
        String(100), index=True, comment="its region's name in the registry"
    )
    region_code: Mapped[str | None] = mapped_column(String(20), comment="administrative code")
    publisher: Mapped[str | None] = mapped_column(Text, comment="the unit publishing on it")
    platform: Mapped[str | None] = mapped_column(String(50), comment="CMS family, e.g. trs, vsb")
    list_urls: Mapped[list[Any]] = mapped_column(default=list, comment="its list pages' URLs")
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), comment="first stored (UTC)")
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), comment="last stored (UTC)")
