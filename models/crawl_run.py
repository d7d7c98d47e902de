"""The audit trail of crawls: one row per run, one row per site and run."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.types import UTCDateTime


class CrawlRun(Base):
    __tablename__ = "crawl_runs"
    __table_args__ = ({"comment": "one row per crawl run"},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    region: Mapped[str | None] = mapped_column(
        String(100), index=True, comment="the region crawled; NULL: all"
    )
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), comment="UTC")
    finished_at: Mapped[datetime | None] = mapped_column(
        UTCDateTime(), comment="UTC; NULL: not recorded"
    )
    outcome: Mapped[str | None] = mapped_column(
        String(100),
        comment="ok, partial (some sites need a person), failed (no site had anything to show), "
        "or Scrapy's finish reason when the crawl did not finish; finished: recorded before runs "
        "were judged by their sites",
    )
    stats: Mapped[dict[str, Any]] = mapped_column(default=dict, comment="Scrapy stats")

    site_outcomes: Mapped[list[CrawlSiteOutcome]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class CrawlSiteOutcome(Base):
    __tablename__ = "crawl_site_outcomes"
    __table_args__ = ({"comment": "what one crawl run did on one site"},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id", ondelete="CASCADE"), index=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"))
    outcome: Mapped[str] = mapped_column(
        String(100),
        comment="ok, partial, blocked, unreachable, not_found, error, layout_not_recognised or "
        "empty (crawler/outcomes.py)",
    )
    details: Mapped[dict[str, Any]] = mapped_column(
        default=dict, comment="the site's counts and stop reasons in that run"
    )
