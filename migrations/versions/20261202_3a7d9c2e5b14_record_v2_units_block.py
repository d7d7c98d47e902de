"""record v2 units block: rounds and teams apart, dates apart, report phase, units to places

Adds to `notices` the columns of the units block of record v2 (pipelines/common/record.py):
term, round, round_year, inspecting_committee, team_number, written_date, updated_date,
report_phase, region_code, committee_region_code, unit_type, sector, unit_key; indexes
region_code and unit_key (the panel of units across rounds is read by them). Stored notices get
them on their next parse (`notices reparse`); until then they are null.

Revision ID: 3a7d9c2e5b14
Revises: 3e9d7c2a5b61
Create Date: 2026-12-02 17:30:00.000000

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "3a7d9c2e5b14"
down_revision: str | Sequence[str] | None = "3e9d7c2a5b61"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The columns as models/notice.py declares them (type and comment from the record) at this
# revision; written out so the migration does not change when the record does.
COLUMNS = [
    ("term", sa.Integer(), "the committee's term (届): 十九届 -> 19"),
    ("round", sa.Integer(), "the inspection round (轮): 第三轮 -> 3"),
    ("round_year", sa.Integer(), "the year of the round, when stated (2023年第二轮)"),
    (
        "inspecting_committee",
        sa.Text(),
        "the committee that sent the team, with its place when named (湖南省委, 市委)",
    ),
    ("team_number", sa.Integer(), "the team's number: 第九巡视组 -> 9"),
    ("written_date", sa.Date(), "the document's date: 成文日期, else the signature date"),
    ("updated_date", sa.Date(), "the page's 更新时间 at the source"),
    (
        "report_phase",
        sa.String(30),
        "what the notice reports (整改情况, 整改进展 …), from the title and opening",
    ),
    ("region_code", sa.String(6), "GB/T 2260 code of the inspected unit's division"),
    (
        "committee_region_code",
        sa.String(6),
        "GB/T 2260 code of the inspecting committee's division",
    ),
    ("unit_type", sa.String(10), "the inspected unit's party organ (党委, 党组 …)"),
    ("sector", sa.String(30), "the inspected unit's field of work"),
    (
        "unit_key",
        sa.Text(),
        "region_code:normalised name, the same for one unit across rounds and sites",
    ),
]
INDEXED = ("region_code", "unit_key")


def upgrade() -> None:
    with op.batch_alter_table("notices", schema=None) as batch_op:
        for name, kind, comment in COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True, comment=comment))
        for name in INDEXED:
            batch_op.create_index(batch_op.f(f"ix_notices_{name}"), [name], unique=False)


def downgrade() -> None:
    # Not in batch mode: SQLite (3.35+) drops a column in place, while a batch copy of `notices`
    # would cascade-delete every problem, version and attachment of the old table.
    for name in INDEXED:
        op.drop_index(op.f(f"ix_notices_{name}"), table_name="notices")
    for name, _, _ in reversed(COLUMNS):
        op.drop_column("notices", name)
