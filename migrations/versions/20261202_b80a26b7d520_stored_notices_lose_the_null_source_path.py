"""stored notices lose the null source_path

The parser's record used to carry source_path (which file `notices parse` read), always null in a
crawl, so every stored notice kept extra = {"source_path": null}. It is no field of the record
any more; this drops that key where it is null (a non-null one is data and stays). The downgrade
leaves the rows as they are: a null key adds nothing to put back.

Revision ID: b80a26b7d520
Revises: 67958489a5a1
Create Date: 2026-12-02 11:06:34.797915

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "b80a26b7d520"
down_revision: str | Sequence[str] | None = "67958489a5a1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


NOTICES = sa.table("notices", sa.column("id", sa.Integer), sa.column("extra", sa.JSON))


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.select(NOTICES.c.id, NOTICES.c.extra)).all()
    for notice_id, extra in rows:
        if isinstance(extra, dict) and "source_path" in extra and extra["source_path"] is None:
            kept = {k: v for k, v in extra.items() if k != "source_path"}
            conn.execute(NOTICES.update().where(NOTICES.c.id == notice_id).values(extra=kept))


def downgrade() -> None:
    pass
