"""inspections linked from notices

`notices link` groups the notices that report on one inspection (models/linking.py) into
`inspections`, with `inspection_notices` saying which notice is at which stage. Two new tables,
rebuilt by every link; nothing existing changes.

Revision ID: 5b8e2d4c7a90
Revises: 42e7c9659f31
Create Date: 2026-12-02 18:24:28.335844

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.types

# revision identifiers, used by Alembic.
revision: str = "5b8e2d4c7a90"
down_revision: str | Sequence[str] | None = "42e7c9659f31"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inspections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "unit_key",
            sa.Text(),
            nullable=False,
            comment="the inspected unit's key (record unit_key, else region|name)",
        ),
        sa.Column("inspected_unit", sa.Text(), nullable=True, comment="the unit as first written"),
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
        sa.Column(
            "inspection_kinds",
            models.types.Json,
            nullable=False,
            comment="kinds named by any of its notices",
        ),
        sa.Column("term", sa.Integer(), nullable=True, comment="届 of the committee"),
        sa.Column("round", sa.Integer(), nullable=True, comment="轮 within the term or year"),
        sa.Column(
            "round_year", sa.Integer(), nullable=True, comment="the year the round is named by"
        ),
        sa.Column(
            "inspection_start",
            sa.String(length=10),
            nullable=True,
            comment="first day of the inspection (partial ISO date)",
        ),
        sa.Column(
            "inspection_end",
            sa.String(length=10),
            nullable=True,
            comment="last day of the inspection (partial ISO date)",
        ),
        sa.Column(
            "feedback_date",
            sa.String(length=10),
            nullable=True,
            comment="the day findings were fed back (partial ISO date)",
        ),
        sa.Column(
            "first_disclosed",
            sa.Date(),
            nullable=True,
            comment="publication date of its first notice on any site",
        ),
        sa.Column(
            "days_to_disclosure",
            sa.Integer(),
            nullable=True,
            comment="days from a full feedback date to first_disclosed",
        ),
        sa.Column(
            "disclosures", sa.Integer(), nullable=False, comment="its notices that are not reposts"
        ),
        sa.Column(
            "notice_count", sa.Integer(), nullable=False, comment="its notices, reposts included"
        ),
        sa.Column(
            "latest_completion_rate",
            sa.Float(),
            nullable=True,
            comment="completion rate reported by its latest notice that reports one",
        ),
        sa.Column(
            "linked_at", models.types.UTCDateTime(), nullable=False, comment="UTC: when linked"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspections")),
        comment="one row per inspection: the notices reporting on it, and figures over them",
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspections_unit_key"), ["unit_key"], unique=False)

    op.create_table(
        "inspection_notices",
        sa.Column("notice_id", sa.Integer(), nullable=False, comment="the notice"),
        sa.Column("inspection_id", sa.Integer(), nullable=False, comment="its inspection"),
        sa.Column(
            "stage",
            sa.String(length=40),
            nullable=True,
            comment="the notice's report_phase, or repost when an earlier one holds its text",
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_inspection_notices_inspection_id_inspections"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["notices.id"],
            name=op.f("fk_inspection_notices_notice_id_notices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("notice_id", name=op.f("pk_inspection_notices")),
        comment="which notices report on which inspection, at which stage",
    )
    with op.batch_alter_table("inspection_notices", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspection_notices_inspection_id"), ["inspection_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("inspection_notices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_notices_inspection_id"))

    op.drop_table("inspection_notices")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspections_unit_key"))

    op.drop_table("inspections")
