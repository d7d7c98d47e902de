"""full-text search index of notices

SQLite: an FTS5 table without stored content; PostgreSQL: a tsvector column under a GIN index.
Both index the bigram tokens of pipelines/common/search_tokens.py (docs/search.md), so the index
of an existing archive is filled here; the store keeps it in step from then on.

Revision ID: 5e4c1b7a9d2f
Revises: b80a26b7d520
Create Date: 2026-12-02 13:40:00

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from pipelines.common.search_tokens import tokens

# revision identifiers, used by Alembic.
revision: str = "5e4c1b7a9d2f"
down_revision: str | Sequence[str] | None = "b80a26b7d520"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOTICES = sa.table(
    "notices", sa.column("id", sa.Integer), sa.column("title"), sa.column("body_text")
)
CHUNK = 500


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE notice_search USING fts5(title, body, content='')")
        insert = sa.text(
            "INSERT INTO notice_search (rowid, title, body) VALUES (:id, :title, :body)"
        )
    else:
        op.execute(
            "CREATE TABLE notice_search (notice_id INTEGER PRIMARY KEY "
            "REFERENCES notices (id) ON DELETE CASCADE, doc TSVECTOR NOT NULL)"
        )
        op.execute("CREATE INDEX ix_notice_search_doc ON notice_search USING GIN (doc)")
        op.execute("COMMENT ON TABLE notice_search IS 'full-text index of notices (bigram tokens)'")
        insert = sa.text(
            "INSERT INTO notice_search (notice_id, doc) VALUES (:id, "
            "setweight(to_tsvector('simple', :title), 'A') || to_tsvector('simple', :body))"
        )
    # On the statement, not the connection: the connection's options would stream Alembic's own
    # statements after this one too.
    result = conn.execute(
        sa.select(NOTICES).order_by(NOTICES.c.id).execution_options(yield_per=CHUNK)
    )
    for batch in result.partitions():
        conn.execute(
            insert,
            [
                {"id": r.id, "title": tokens(r.title or ""), "body": tokens(r.body_text or "")}
                for r in batch
            ],
        )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS notice_search")
