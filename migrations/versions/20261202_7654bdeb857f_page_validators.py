"""page validators: ETag, Last-Modified and byte digest of each fetched list and detail page

Incremental crawling (docs/incremental.md) sends the validators back and compares the rows of a
list page with the ones it held last time. A new table; nothing existing changes.

Revision ID: 7654bdeb857f
Revises: 5e4c1b7a9d2f
Create Date: 2026-12-02 13:20:00.000000

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.types

# revision identifiers, used by Alembic.
revision: str = "7654bdeb857f"
down_revision: str | Sequence[str] | None = "5e4c1b7a9d2f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "page_validators",
        sa.Column(
            "page_key",
            sa.Text(),
            nullable=False,
            comment="canonical URL; a POST list page: 'POST <url> <body>'",
        ),
        sa.Column("site_id", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False, comment="list or detail"),
        sa.Column("etag", sa.Text(), nullable=True, comment="ETag of the last answer"),
        sa.Column(
            "last_modified",
            sa.Text(),
            nullable=True,
            comment="Last-Modified of the last answer, as sent",
        ),
        sa.Column(
            "sha256",
            sa.String(length=64),
            nullable=True,
            comment="sha256 of the bytes last downloaded",
        ),
        sa.Column(
            "status",
            sa.Integer(),
            nullable=True,
            comment="HTTP status of the last answer (304 too)",
        ),
        sa.Column(
            "checked_at",
            models.types.UTCDateTime(),
            nullable=False,
            comment="last fetched (UTC)",
        ),
        sa.Column(
            "rows",
            sa.JSON(),
            nullable=False,
            comment="a list page's rows [{url, title, date}] as last listed",
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_page_validators_site_id_sites")
        ),
        sa.PrimaryKeyConstraint("page_key", name=op.f("pk_page_validators")),
        comment="HTTP validators and byte digest of each fetched list and detail page",
    )
    with op.batch_alter_table("page_validators", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_page_validators_site_id"), ["site_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("page_validators", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_page_validators_site_id"))
    op.drop_table("page_validators")
