"""run outcomes judged by their sites

`crawl_runs.outcome` held Scrapy's finish reason, `finished` even when every site failed; it now
holds the sites' verdict (crawler/outcomes.py), and a site's outcome has more classes. Only the
column comments say so; rows written before keep `finished`. SQLite keeps no comments: there
this migration changes nothing.

Revision ID: 0c7e5a1f3b2d
Revises: 8c3f2a6d1e47
Create Date: 2026-12-02 13:35:00.000000

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0c7e5a1f3b2d"
down_revision: str | Sequence[str] | None = "8c3f2a6d1e47"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, column): (comment after, comment before); the first must match models/crawl_run.py
COMMENTS = {
    ("crawl_runs", "outcome"): (
        (
            "ok, partial (some sites need a person), failed (no site had anything to show), or "
            "Scrapy's finish reason when the crawl did not finish; finished: recorded before "
            "runs were judged by their sites"
        ),
        "Scrapy finish_reason",
    ),
    ("crawl_site_outcomes", "outcome"): (
        (
            "ok, partial, blocked, unreachable, not_found, error, layout_not_recognised or "
            "empty (crawler/outcomes.py)"
        ),
        "ok, partial, blocked or empty (crawler/outcomes.py)",
    ),
}


def upgrade() -> None:
    _comment(0)


def downgrade() -> None:
    _comment(1)


def _comment(which: int) -> None:
    if not op.get_context().dialect.supports_comments:
        return  # SQLite: no comments to keep, and batch mode would copy the tables for nothing
    for (table, column), texts in COMMENTS.items():
        op.alter_column(table, column, comment=texts[which], existing_comment=texts[1 - which])
