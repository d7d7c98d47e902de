"""column and table comments from the record declaration

Every table and column gets a comment (the record's fields: their declared description), so the
data dictionary (docs/data-dictionary.md) and a PostgreSQL client say what each holds. SQLite
keeps no comments: there this migration changes nothing.

Revision ID: 67958489a5a1
Revises: d9df44064059
Create Date: 2026-12-02 11:03:20.920782

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "67958489a5a1"
down_revision: str | Sequence[str] | None = "d9df44064059"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = {
    "attachment_files": "every attachment file ever fetched, once per content",
    "crawl_runs": "one row per crawl run",
    "sites": "the registry's sites (seeds/): a publisher's website and its lists",
    "crawl_site_outcomes": "what one crawl run did on one site",
    "notices": "one row per canonical URL: the notice's current record",
    "raw_pages": "fetched detail pages that are not notices, kept raw",
    "attachments": "the current record's attachment links, with the file behind each",
    "notice_versions": "every distinct fetched content of a notice, raw bytes kept",
    "problems": "the problems of a notice's current record",
    "notice_version_files": "the attachment files a version had",
}
COLUMNS = {
    ("attachment_files", "sha256"): "sha256 of the file bytes",
    ("attachment_files", "size"): "bytes",
    ("attachment_files", "first_seen_at"): "first fetched (UTC)",
    ("crawl_runs", "region"): "the region crawled; NULL: all",
    ("crawl_runs", "started_at"): "UTC",
    ("crawl_runs", "finished_at"): "UTC; NULL: not recorded",
    ("sites", "name"): "the site's name",
    ("sites", "region"): "its region's name in the registry",
    ("sites", "publisher"): "the unit publishing on it",
    ("sites", "list_urls"): "its list pages' URLs",
    ("sites", "first_seen_at"): "first stored (UTC)",
    ("sites", "last_seen_at"): "last stored (UTC)",
    ("crawl_site_outcomes", "outcome"): "ok, partial, blocked or empty (crawler/outcomes.py)",
    ("crawl_site_outcomes", "details"): "the site's counts and stop reasons in that run",
    ("notices", "region"): "the site's region",
    ("notices", "first_seen_at"): "first fetched (UTC)",
    ("notices", "last_seen_at"): "last fetched (UTC)",
    ("notices", "is_notice"): "the document is a rectification notice (not news of one)",
    ("notices", "title"): "the notice's own title line",
    ("notices", "published_date"): "the page's publication date, else the signature date",
    ("notices", "source"): "the page's 来源 value",
    ("notices", "author"): "the page's 作者 value",
    ("notices", "publisher"): "the unit issuing the notice",
    ("notices", "inspected_unit"): "the unit inspected",
    ("notices", "inspection_body"): "the inspection team as written (市委第一巡察组)",
    ("notices", "inspection_level"): "rank of the committee that sent the team",
    ("notices", "inspection_kinds"): "kinds named: 常规 专项 回头看 机动 提级 …",
    ("notices", "inspection_topic"): "the theme of a 专项 inspection",
    ("notices", "inspection_round"): "the round, e.g. 十九届中央第四轮",
    ("notices", "inspection_start"): "first day of the inspection",
    ("notices", "inspection_end"): "last day of the inspection",
    ("notices", "feedback_date"): "the day findings were fed back",
    ("notices", "counts"): "totals the text states about the feedback",
    ("notices", "status_counts"): "problems per status, when the text states them",
    ("notices", "contact"): "how to reach the publisher (欢迎…监督 paragraph)",
    ("notices", "signed_by"): "the signature block's unit",
    ("notices", "signed_date"): "the signature block's date",
    ("notices", "body_text"): "the cleaned notice text, one paragraph a line",
    ("notices", "parser_version"): "version of the parser that made the record",
    ("notices", "extra"): "record values that fit no column: unknown fields, odd shapes",
    ("raw_pages", "region"): "the site's region",
    ("raw_pages", "url"): "URL as last fetched",
    ("raw_pages", "canonical_url"): "w3lib-canonical URL",
    ("raw_pages", "sha256"): "sha256 of the raw bytes",
    ("raw_pages", "http_status"): "HTTP status of the fetch",
    ("raw_pages", "first_seen_at"): "first fetched (UTC)",
    ("raw_pages", "last_seen_at"): "last fetched (UTC)",
    ("attachments", "name"): "link text or file name",
    ("attachments", "url"): "the link",
    ("attachments", "http_status"): "HTTP status of its fetch",
    ("notice_versions", "raw_sha256"): "sha256 of the raw page bytes",
    ("notice_versions", "http_status"): "HTTP status of the fetch",
    ("notice_versions", "fetched_at"): "UTC",
    ("notice_versions", "parser_version"): "the parser that read this version",
    ("problems", "aspect"): "heading of the group it sits under (聚焦…方面); null when none",
    ("problems", "title"): "its short statement without numbering (≤ 80 chars)",
    ("problems", "description"): "the 问题表现 text",
    ("problems", "rectification"): "the measures text",
    ("problems", "status"): "how far its rectification is",
    ("notice_version_files", "url"): "its link on the page",
}
# The one comment this replaces: `extra` holds what fits no column, not later fields.
BEFORE = {
    ("notices", "extra"): "record fields added after contract version 1",
}


def upgrade() -> None:
    _comment(TABLES, COLUMNS)


def downgrade() -> None:
    _comment(dict.fromkeys(TABLES), {**dict.fromkeys(COLUMNS), **BEFORE})


def _comment(tables: dict[str, str | None], columns: dict[tuple[str, str], str | None]) -> None:
    if not op.get_context().dialect.supports_comments:
        return  # SQLite: no comments to keep, and batch mode would copy every table for nothing
    for table, text in tables.items():
        if text is None:
            op.drop_table_comment(table)
        else:
            op.create_table_comment(table, text)
    for (table, column), text in columns.items():
        op.alter_column(table, column, comment=text)
