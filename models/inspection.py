"""Inspections, the researchers' unit of analysis: the notices that report on one inspection,
grouped by `notices link` (models/link.py, rules in models/linking.py and docs/linking.md)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.types import Json, UTCDateTime


class Inspection(Base):
    __tablename__ = "inspections"
    __table_args__ = (
        {"comment": "one row per inspection: the notices reporting on it, and figures over them"},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_key: Mapped[str] = mapped_column(
        Text, index=True, comment="the inspected unit's key (record unit_key, else region|name)"
    )
    inspected_unit: Mapped[str | None] = mapped_column(Text, comment="the unit as first written")
    inspecting_committee: Mapped[str | None] = mapped_column(
        Text, comment="the committee that sent the team"
    )
    inspection_body: Mapped[str | None] = mapped_column(Text, comment="the team as written")
    inspection_level: Mapped[str | None] = mapped_column(
        String(20), comment="rank of the committee that sent the team"
    )
    inspection_kinds: Mapped[list[Any]] = mapped_column(
        Json, default=list, comment="kinds named by any of its notices"
    )
    term: Mapped[int | None] = mapped_column(comment="届 of the committee")
    round: Mapped[int | None] = mapped_column(comment="轮 within the term or year")
    round_year: Mapped[int | None] = mapped_column(comment="the year the round is named by")
    inspection_start: Mapped[str | None] = mapped_column(
        String(10), comment="first day of the inspection (partial ISO date)"
    )
    inspection_end: Mapped[str | None] = mapped_column(
        String(10), comment="last day of the inspection (partial ISO date)"
    )
    feedback_date: Mapped[str | None] = mapped_column(
        String(10), comment="the day findings were fed back (partial ISO date)"
    )
    first_disclosed: Mapped[date | None] = mapped_column(
        Date, comment="publication date of its first notice on any site"
    )
    days_to_disclosure: Mapped[int | None] = mapped_column(
        comment="days from a full feedback date to first_disclosed"
    )
    disclosures: Mapped[int] = mapped_column(comment="its notices that are not reposts")
    notice_count: Mapped[int] = mapped_column(comment="its notices, reposts included")
    latest_completion_rate: Mapped[float | None] = mapped_column(
        Float, comment="completion rate reported by its latest notice that reports one"
    )
    linked_at: Mapped[datetime] = mapped_column(UTCDateTime(), comment="UTC: when linked")

    notices: Mapped[list[InspectionNotice]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class InspectionNotice(Base):
    __tablename__ = "inspection_notices"
    __table_args__ = ({"comment": "which notices report on which inspection, at which stage"},)

    notice_id: Mapped[int] = mapped_column(
        ForeignKey("notices.id", ondelete="CASCADE"), primary_key=True, comment="the notice"
    )
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspections.id", ondelete="CASCADE"), index=True, comment="its inspection"
    )
    stage: Mapped[str | None] = mapped_column(
        String(40),
        comment="the notice's report_phase, or repost when an earlier one holds its text",
    )


class FeedbackEvent(Base):
    __tablename__ = "feedback_events"
    __table_args__ = (
        {
            "comment": "feedback news: an inspection team reporting its findings to one unit, "
            "read from a stored non-notice page, with the inspection it was linked to"
        },
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspections.id", ondelete="CASCADE"), index=True, comment="its inspection"
    )
    raw_page_id: Mapped[int] = mapped_column(
        ForeignKey("raw_pages.id", ondelete="CASCADE"),
        index=True,
        comment="the stored page (raw_pages) that tells it",
    )
    unit_key: Mapped[str | None] = mapped_column(
        Text, comment="the fed-back unit's key (as record unit_key)"
    )
    inspected_unit: Mapped[str] = mapped_column(Text, comment="the unit fed back, as written")
    inspecting_committee: Mapped[str | None] = mapped_column(
        Text, comment="the committee that sent the team"
    )
    inspection_body: Mapped[str | None] = mapped_column(Text, comment="the team as written")
    inspection_level: Mapped[str | None] = mapped_column(
        String(20), comment="rank of the committee that sent the team"
    )
    term: Mapped[int | None] = mapped_column(comment="届 of the committee")
    round: Mapped[int | None] = mapped_column(comment="轮 within the term or year")
    round_year: Mapped[int | None] = mapped_column(comment="the year the round is named by")
    team_number: Mapped[int | None] = mapped_column(comment="the team's number")
    feedback_date: Mapped[str | None] = mapped_column(
        String(10),
        comment="the day of the feedback (partial ISO date): the text's, else the page's",
    )
    evidence: Mapped[dict[str, Any]] = mapped_column(
        Json,
        default=dict,
        comment="field -> where it was read: offsets into the page's cleaned text, or a place",
    )
