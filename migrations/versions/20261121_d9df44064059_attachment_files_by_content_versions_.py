"""attachment files by content, versions with their files

Revision ID: d9df44064059
Revises: 794270a2b7ba
Create Date: 2026-11-21 09:18:26.355322

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.

Upgrade moves the stored attachment bytes into `attachment_files` (one row per sha256) and records
the current files on the version the current record was made from; older versions' files were
never kept, so their `files_sha256` stays NULL. Downgrade puts each current attachment's bytes
back in its row, and loses the files no current attachment has and all but the first version of
a page that differ only by their files.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "d9df44064059"
down_revision: str | Sequence[str] | None = "794270a2b7ba"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FILES_COMMENT = "sha256 of its sorted (url, file sha256) pairs; NULL: files not recorded"
SHA_COMMENT = "NULL: no file was fetched"


def upgrade() -> None:
    op.create_table(
        "attachment_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.Text(), nullable=True, comment="as first served"),
        sa.Column("body_zlib", sa.LargeBinary(), nullable=False, comment="file bytes, zlib"),
        sa.Column("text", sa.Text(), nullable=True, comment="extracted text"),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_files")),
    )
    op.create_index(op.f("ix_attachments_sha256"), "attachments", ["sha256"], unique=False)
    _move_attachment_bytes()

    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.alter_column("sha256", existing_type=sa.String(length=64), comment=SHA_COMMENT)
        batch_op.create_foreign_key(
            batch_op.f("fk_attachments_sha256_attachment_files"),
            "attachment_files",
            ["sha256"],
            ["sha256"],
        )
        batch_op.drop_column("body_zlib")
        batch_op.drop_column("size")
        batch_op.drop_column("content_type")
        batch_op.drop_column("text")

    with op.batch_alter_table("notice_versions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("files_sha256", sa.String(length=64), nullable=True, comment=FILES_COMMENT)
        )
        batch_op.drop_constraint(
            batch_op.f("uq_notice_versions_notice_id_raw_sha256"), type_="unique"
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_notice_versions_notice_id_raw_sha256_files_sha256"),
            ["notice_id", "raw_sha256", "files_sha256"],
        )

    op.create_table(
        "notice_version_files",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["attachment_files.sha256"],
            name=op.f("fk_notice_version_files_sha256_attachment_files"),
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["notice_versions.id"],
            name=op.f("fk_notice_version_files_version_id_notice_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("version_id", "url", name=op.f("pk_notice_version_files")),
    )
    op.create_index(
        op.f("ix_notice_version_files_sha256"), "notice_version_files", ["sha256"], unique=False
    )
    _record_current_files()


def _move_attachment_bytes() -> None:
    # One row per file; the old rows kept no fetch time, so first_seen_at is the earliest
    # last_seen_at of a notice holding the file: a time it was surely seen.
    op.execute(
        """
        INSERT INTO attachment_files (sha256, size, content_type, body_zlib, text, first_seen_at)
        SELECT a.sha256, a.size, a.content_type, a.body_zlib, a.text,
            (SELECT MIN(n.last_seen_at) FROM attachments o JOIN notices n ON n.id = o.notice_id
             WHERE o.sha256 = a.sha256)
        FROM attachments a
        WHERE a.body_zlib IS NOT NULL AND a.id = (
            SELECT MIN(o.id) FROM attachments o
            WHERE o.sha256 = a.sha256 AND o.body_zlib IS NOT NULL)
        """
    )
    # A hash without bytes names no stored file; the new foreign key needs it gone.
    op.execute("UPDATE attachments SET sha256 = NULL WHERE body_zlib IS NULL")


def _record_current_files() -> None:
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            """
            SELECT v.id, a.url, a.sha256 FROM notice_versions v
            JOIN notices n ON n.id = v.notice_id AND n.content_sha256 = v.raw_sha256
            LEFT JOIN attachments a ON a.notice_id = n.id AND a.sha256 IS NOT NULL
            """
        )
    )
    files: dict[int, list[tuple[str, str]]] = {}
    for vid, url, sha in rows:
        files.setdefault(vid, [])
        if sha is not None:
            files[vid].append((url, sha))
    if not files:
        return
    # The digest of models.hashing.files_digest, so a re-parse finds this version again.
    digests = [
        {
            "vid": vid,
            "digest": hashlib.sha256(
                json.dumps(sorted(pairs), ensure_ascii=False).encode()
            ).hexdigest(),
        }
        for vid, pairs in files.items()
    ]
    conn.execute(
        sa.text("UPDATE notice_versions SET files_sha256 = :digest WHERE id = :vid"), digests
    )
    links = [{"vid": vid, "url": u, "sha": s} for vid, pairs in files.items() for u, s in pairs]
    if links:
        conn.execute(
            sa.text(
                "INSERT INTO notice_version_files (version_id, url, sha256) "
                "VALUES (:vid, :url, :sha)"
            ),
            links,
        )


def downgrade() -> None:
    op.drop_index(op.f("ix_notice_version_files_sha256"), table_name="notice_version_files")
    op.drop_table("notice_version_files")
    # The old key allows one version per page bytes: the first fetched is kept.
    op.execute(
        "DELETE FROM notice_versions WHERE id NOT IN "
        "(SELECT MIN(id) FROM notice_versions GROUP BY notice_id, raw_sha256)"
    )
    with op.batch_alter_table("notice_versions", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("uq_notice_versions_notice_id_raw_sha256_files_sha256"), type_="unique"
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_notice_versions_notice_id_raw_sha256"), ["notice_id", "raw_sha256"]
        )
        batch_op.drop_column("files_sha256")

    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("content_type", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("size", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("body_zlib", sa.LargeBinary(), nullable=True, comment="file bytes, zlib")
        )
        batch_op.add_column(sa.Column("text", sa.Text(), nullable=True, comment="extracted text"))
        batch_op.drop_constraint(
            batch_op.f("fk_attachments_sha256_attachment_files"), type_="foreignkey"
        )
        batch_op.alter_column(
            "sha256", existing_type=sa.String(length=64), comment=None, existing_comment=SHA_COMMENT
        )
    op.execute(
        """
        UPDATE attachments SET
            content_type = (SELECT f.content_type FROM attachment_files f
                            WHERE f.sha256 = attachments.sha256),
            size = (SELECT f.size FROM attachment_files f WHERE f.sha256 = attachments.sha256),
            body_zlib = (SELECT f.body_zlib FROM attachment_files f
                         WHERE f.sha256 = attachments.sha256),
            text = (SELECT f.text FROM attachment_files f WHERE f.sha256 = attachments.sha256)
        WHERE sha256 IS NOT NULL
        """
    )
    op.drop_index(op.f("ix_attachments_sha256"), table_name="attachments")
    op.drop_table("attachment_files")
