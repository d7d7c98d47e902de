"""record v2 figures: accountability, money, rules made, completion rate, tally date; problems' status label

The new `notices` JSON lists start as [] on stored rows, through a server default that
PostgreSQL then drops (the models declare none). SQLite keeps it: dropping it there would copy
the table, and dropping `notices` cascades to its versions and attachments. `problems.status` keeps its values: a
stored record is in v1's three classes until `notices reparse` reads it again.

Revision ID: 42e7c9659f31
Revises: 3a7d9c2e5b14
Create Date: 2026-12-02 17:31:24.131663

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models.types import Json

# revision identifiers, used by Alembic.
revision: str = "42e7c9659f31"
down_revision: str | Sequence[str] | None = "3a7d9c2e5b14"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LISTS = {
    "accountability": "sanctions, cases and leads stated, in document order",
    "money": "amounts recovered, refunded or spent, in document order",
}


def upgrade() -> None:
    with op.batch_alter_table("notices", schema=None) as batch_op:
        for name, comment in LISTS.items():
            batch_op.add_column(
                sa.Column(name, Json, nullable=False, server_default="[]", comment=comment)
            )
        batch_op.add_column(
            sa.Column(
                "rules_made",
                sa.Integer(),
                nullable=True,
                comment="制度/规定/办法 made or revised, as the text states",
            )
        )
        batch_op.add_column(
            sa.Column(
                "completion_rate",
                sa.Float(),
                nullable=True,
                comment="the rectification completion rate as reported, in percent",
            )
        )
        batch_op.add_column(
            sa.Column(
                "tally_date",
                sa.String(length=10),
                nullable=True,
                comment="the date the tallies are as of (截至…)",
            )
        )
    if op.get_context().dialect.name == "postgresql":
        for name, comment in LISTS.items():
            op.alter_column(
                "notices", name, server_default=None, existing_type=Json, existing_comment=comment
            )

    with op.batch_alter_table("problems", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "status_label",
                sa.Text(),
                nullable=True,
                comment="the words its status was read from (基本完成, 已整改到位)",
            )
        )


def downgrade() -> None:
    # Not in batch mode: SQLite (3.35+) drops a column in place, while a batch copy of `notices`
    # would cascade-delete every problem, version and attachment of the old table.
    op.drop_column("problems", "status_label")
    for name in ("tally_date", "completion_rate", "rules_made", *LISTS):
        op.drop_column("notices", name)
