"""feedback events linked to inspections

`notices link` also reads the feedback news kept in `raw_pages` (a team reporting its findings
to a unit) and stores one row per unit fed back, with the inspection it joined; an inspection
known only by such rows was never disclosed. One new table, rebuilt by every link.

Revision ID: 7b47932c24c7
Revises: 5b8e2d4c7a90
Create Date: 2026-12-02 20:17:16.789418

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.types

# revision identifiers, used by Alembic.
revision: str = "7b47932c24c7"
down_revision: str | Sequence[str] | None = "5b8e2d4c7a90"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "feedback_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False, comment="its inspection"),
        sa.Column(
            "raw_page_id",
            sa.Integer(),
            nullable=False,
            comment="the stored page (raw_pages) that tells it",
        ),
        sa.Column(
            "unit_key",
            sa.Text(),
            nullable=True,
            comment="the fed-back unit's key (as record unit_key)",
        ),
        sa.Column(
            "inspected_unit", sa.Text(), nullable=False, comment="the unit fed back, as written"
        ),
        sa.Column(
            "inspecting_committee",
            sa.Text(),
            nullable=True,
            comment="the committee that sent the team",
        ),
        sa.Column("inspection_body", sa.Text(), nullable=True, comment="the team as written"),
        sa.Column(
            "inspection_level",
            sa.String(length=20),
            nullable=True,
            comment="rank of the committee that sent the team",
        ),
        sa.Column("term", sa.Integer(), nullable=True, comment="届 of the committee"),
        sa.Column("round", sa.Integer(), nullable=True, comment="轮 within the term or year"),
        sa.Column(
            "round_year", sa.Integer(), nullable=True, comment="the year the round is named by"
        ),
        sa.Column("team_number", sa.Integer(), nullable=True, comment="the team's number"),
        sa.Column(
            "feedback_date",
            sa.String(length=10),
            nullable=True,
            comment="the day of the feedback (partial ISO date): the text's, else the page's",
        ),
        sa.Column(
            "evidence",
            models.types.Json,
            nullable=False,
            comment="field -> where it was read: offsets into the page's cleaned text, or a place",
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_feedback_events_inspection_id_inspections"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["raw_page_id"],
            ["raw_pages.id"],
            name=op.f("fk_feedback_events_raw_page_id_raw_pages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_events")),
        comment=(
            "feedback news: an inspection team reporting its findings to one unit, read from "
            "a stored non-notice page, with the inspection it was linked to"
        ),
    )
    with op.batch_alter_table("feedback_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_feedback_events_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_feedback_events_raw_page_id"), ["raw_page_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("feedback_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_events_raw_page_id"))
        batch_op.drop_index(batch_op.f("ix_feedback_events_inspection_id"))

    op.drop_table("feedback_events")
