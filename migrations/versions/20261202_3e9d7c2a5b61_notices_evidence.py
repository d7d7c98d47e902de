"""notices.evidence: where each value of the record was read

Record v2: a JSON map, field path -> {start, end} offsets into body_text or {from, key} (the
title, the page's metadata, the site). Notices stored before have an empty map until they are
parsed again (`notices reparse`); the server default gives it them.

Revision ID: 3e9d7c2a5b61
Revises: a3e9f1c27b64
Create Date: 2026-12-02 17:30:00.000000

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.types

# revision identifiers, used by Alembic.
revision: str = "3e9d7c2a5b61"
down_revision: str | Sequence[str] | None = "a3e9f1c27b64"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # recreate="never": SQLite adds the column in place; a copied table would take the rows of
    # the tables that cascade from notices with it
    with op.batch_alter_table("notices", schema=None, recreate="never") as batch_op:
        batch_op.add_column(
            sa.Column(
                "evidence",
                models.types.Json,
                nullable=False,
                server_default=sa.text("'{}'"),
                comment=(
                    "field path -> where its value was read: {start, end} offsets into "
                    "body_text, or {from: title | page meta | site, key}"
                ),
            )
        )


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":  # in place (SQLite 3.35+), for the same reason
        op.execute("ALTER TABLE notices DROP COLUMN evidence")
        return
    op.drop_column("notices", "evidence")
