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

    id: Mapped[str] = mapped_column(String(100), primary_key=True, comment="site id from seeds/")
    name: Mapped[str | None] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(String(100), index=True)
    region_code: Mapped[str | None] = mapped_column(String(20), comment="administrative code")
    publisher: Mapped[str | None] = mapped_column(Text)
    platform: Mapped[str | None] = mapped_column(String(50), comment="CMS family, e.g. trs, vsb")
    list_urls: Mapped[list[Any]] = mapped_column(default=list)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
