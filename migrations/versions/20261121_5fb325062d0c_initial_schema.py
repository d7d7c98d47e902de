"""initial schema

Revision ID: 5fb325062d0c
Revises:
Create Date: 2026-11-21 08:19:21.491751

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "5fb325062d0c"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=100), nullable=True, comment="Scrapy finish_reason"),
        sa.Column("stats", sa.JSON(), nullable=False, comment="Scrapy stats"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crawl_runs")),
    )
    with op.batch_alter_table("crawl_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_crawl_runs_region"), ["region"], unique=False)

    op.create_table(
        "sites",
        sa.Column("id", sa.String(length=100), nullable=False, comment="site id from seeds/"),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column(
            "region_code", sa.String(length=20), nullable=True, comment="administrative code"
        ),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column(
            "platform", sa.String(length=50), nullable=True, comment="CMS family, e.g. trs, vsb"
        ),
        sa.Column("list_urls", sa.JSON(), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sites")),
    )
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sites_region"), ["region"], unique=False)

    op.create_table(
        "crawl_site_outcomes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.String(length=100), nullable=False),
        sa.Column("outcome", sa.String(length=100), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["crawl_runs.id"],
            name=op.f("fk_crawl_site_outcomes_run_id_crawl_runs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_crawl_site_outcomes_site_id_sites")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crawl_site_outcomes")),
    )
    with op.batch_alter_table("crawl_site_outcomes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_crawl_site_outcomes_run_id"), ["run_id"], unique=False)

    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("url", sa.Text(), nullable=False, comment="URL as last fetched"),
        sa.Column("canonical_url", sa.Text(), nullable=False, comment="w3lib-canonical URL"),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column(
            "content_sha256",
            sa.String(length=64),
            nullable=False,
            comment="sha256 of the raw bytes of the current version",
        ),
        sa.Column(
            "record_sha256",
            sa.String(length=64),
            nullable=False,
            comment="sha256 of the stored record: equal means unchanged",
        ),
        sa.Column("is_notice", sa.Boolean(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published_date", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("inspected_unit", sa.Text(), nullable=True),
        sa.Column("inspection_body", sa.Text(), nullable=True),
        sa.Column("inspection_level", sa.String(length=20), nullable=True),
        sa.Column("inspection_kinds", sa.JSON(), nullable=False),
        sa.Column("inspection_topic", sa.Text(), nullable=True),
        sa.Column("inspection_round", sa.Text(), nullable=True),
        sa.Column("inspection_start", sa.String(length=10), nullable=True),
        sa.Column("inspection_end", sa.String(length=10), nullable=True),
        sa.Column("feedback_date", sa.String(length=10), nullable=True),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("status_counts", sa.JSON(), nullable=True),
        sa.Column("contact", sa.JSON(), nullable=False),
        sa.Column("signed_by", sa.Text(), nullable=True),
        sa.Column("signed_date", sa.Date(), nullable=True),
        sa.Column(
            "attachment_links",
            sa.JSON(),
            nullable=False,
            comment="the record's `attachments`: [{name, url}]",
        ),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("parser_version", sa.String(length=40), nullable=True),
        sa.Column(
            "extra",
            sa.JSON(),
            nullable=False,
            comment="record fields added after contract version 1",
        ),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_notices_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
        sa.UniqueConstraint("canonical_url", name=op.f("uq_notices_canonical_url")),
    )
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notices_published_date"), ["published_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_notices_region"), ["region"], unique=False)
        batch_op.create_index(batch_op.f("ix_notices_site_id"), ["site_id"], unique=False)

    op.create_table(
        "raw_pages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("canonical_url", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("body_zlib", sa.LargeBinary(), nullable=False, comment="raw page bytes, zlib"),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False, comment="why it is not a notice"),
        sa.Column("title", sa.Text(), nullable=True, comment="title from the list page"),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_raw_pages_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_raw_pages")),
        sa.UniqueConstraint("canonical_url", name=op.f("uq_raw_pages_canonical_url")),
    )
    with op.batch_alter_table("raw_pages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_raw_pages_site_id"), ["site_id"], unique=False)

    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("content_type", sa.Text(), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("body_zlib", sa.LargeBinary(), nullable=True, comment="file bytes, zlib"),
        sa.Column("text", sa.Text(), nullable=True, comment="extracted text"),
        sa.Column("error", sa.Text(), nullable=True, comment="why it was not fetched or read"),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["notices.id"],
            name=op.f("fk_attachments_notice_id_notices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
        sa.UniqueConstraint("notice_id", "url", name=op.f("uq_attachments_notice_id_url")),
    )
    op.create_table(
        "notice_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("raw_sha256", sa.String(length=64), nullable=False),
        sa.Column(
            "body_sha256",
            sa.String(length=64),
            nullable=False,
            comment="sha256 of the normalised body text",
        ),
        sa.Column("raw_zlib", sa.LargeBinary(), nullable=False, comment="raw page bytes, zlib"),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("parser_version", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["notices.id"],
            name=op.f("fk_notice_versions_notice_id_notices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_versions")),
        sa.UniqueConstraint(
            "notice_id", "raw_sha256", name=op.f("uq_notice_versions_notice_id_raw_sha256")
        ),
    )
    op.create_table(
        "problems",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False, comment="position in the notice, from 1"),
        sa.Column("aspect", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("rectification", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["notices.id"],
            name=op.f("fk_problems_notice_id_notices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_problems")),
        sa.UniqueConstraint("notice_id", "seq", name=op.f("uq_problems_notice_id_seq")),
    )


def downgrade() -> None:
    op.drop_table("problems")
    op.drop_table("notice_versions")
    op.drop_table("attachments")
    with op.batch_alter_table("raw_pages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_raw_pages_site_id"))

    op.drop_table("raw_pages")
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notices_site_id"))
        batch_op.drop_index(batch_op.f("ix_notices_region"))
        batch_op.drop_index(batch_op.f("ix_notices_published_date"))

    op.drop_table("notices")
    with op.batch_alter_table("crawl_site_outcomes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_crawl_site_outcomes_run_id"))

    op.drop_table("crawl_site_outcomes")
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sites_region"))

    op.drop_table("sites")
    with op.batch_alter_table("crawl_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_crawl_runs_region"))

    op.drop_table("crawl_runs")
