"""notice validators kept once: `page_validators` is the one store of a page's ETag/Last-Modified

`notices.etag` and `notices.last_modified` repeated the validators that the store writes, in the
same transaction, to the notice's page in `page_validators` (docs/incremental.md); `notices
recheck` now reads them from there. Upgrading first copies into `page_validators` the validators
of notices that have no row there yet (stored before that table existed), then drops the two
columns; downgrading adds them back, filled from `page_validators`.

Revision ID: a3e9f1c27b64
Revises: 0c7e5a1f3b2d
Create Date: 2026-12-02 17:00:00.000000

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "a3e9f1c27b64"
down_revision: str | Sequence[str] | None = "0c7e5a1f3b2d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = {
    "etag": "ETag of the last answer with content, sent back by `notices recheck`",
    "last_modified": "Last-Modified of the last answer with content, sent back likewise",
}


def upgrade() -> None:
    empty_rows = "CAST('[]' AS JSONB)" if op.get_bind().dialect.name == "postgresql" else "'[]'"
    op.execute(
        "INSERT INTO page_validators "
        "(page_key, site_id, kind, etag, last_modified, sha256, status, checked_at, rows) "
        "SELECT n.canonical_url, n.site_id, 'detail', n.etag, n.last_modified, NULL, NULL, "
        f"COALESCE(n.last_checked_at, n.last_seen_at), {empty_rows} FROM notices n "
        "WHERE (n.etag IS NOT NULL OR n.last_modified IS NOT NULL) AND NOT EXISTS "
        "(SELECT 1 FROM page_validators v WHERE v.page_key = n.canonical_url)"
    )
    # Not in batch mode: SQLite (3.35+) drops a column in place, while a batch copy of `notices`
    # would cascade-delete every problem, version and attachment of the old table.
    for column in COLUMNS:
        op.drop_column("notices", column)


def downgrade() -> None:
    for column, comment in COLUMNS.items():
        op.add_column("notices", sa.Column(column, sa.Text(), nullable=True, comment=comment))
    for column in COLUMNS:
        op.execute(
            f"UPDATE notices SET {column} = (SELECT v.{column} FROM page_validators v "
            "WHERE v.page_key = notices.canonical_url)"
        )
