"""notices attachments column named as in the record

Revision ID: 794270a2b7ba
Revises: 4bde1d66f00a
Create Date: 2026-11-21 08:30:28.757443

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "794270a2b7ba"
down_revision: str | Sequence[str] | None = "4bde1d66f00a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


COMMENT = "the record's attachment links [{name, url}]; files: table attachments"


def upgrade() -> None:
    # A rename keeps the stored links (autogenerate would drop and re-add the column).
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.alter_column(
            "attachment_links",
            new_column_name="attachments",
            existing_type=sa.JSON(),
            existing_nullable=False,
            comment=COMMENT,
            existing_comment="the record's `attachments`: [{name, url}]",
        )


def downgrade() -> None:
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.alter_column(
            "attachments",
            new_column_name="attachment_links",
            existing_type=sa.JSON(),
            existing_nullable=False,
            comment="the record's `attachments`: [{name, url}]",
            existing_comment=COMMENT,
        )
