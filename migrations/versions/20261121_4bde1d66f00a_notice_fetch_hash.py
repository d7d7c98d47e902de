"""notice fetch hash

Revision ID: 4bde1d66f00a
Revises: 5fb325062d0c
Create Date: 2026-11-21 08:26:24.201087

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "4bde1d66f00a"
down_revision: str | Sequence[str] | None = "5fb325062d0c"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "fetch_sha256",
                sa.String(length=64),
                nullable=True,
                comment="sha256 of raw bytes, parser version and files: equal means unchanged",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.drop_column("fetch_sha256")
