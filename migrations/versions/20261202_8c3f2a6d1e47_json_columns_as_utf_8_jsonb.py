"""JSON columns as UTF-8: jsonb on PostgreSQL, unescaped text on SQLite

Values used to be written \\u-escaped (`"\\u4e13\\u9879"` for 专项), so `LIKE '%专项%'` and
Datasette's filters found nothing. From now on the engines write UTF-8 (models/types.py); this
rewrites what is stored: on PostgreSQL every json column becomes jsonb (its text form is UTF-8);
on SQLite every JSON column's text is re-serialised without escapes. The columns are found in the
database's own catalogue, so the list is the schema as it stands at this revision.

Revision ID: 8c3f2a6d1e47
Revises: 7654bdeb857f
Create Date: 2026-12-02 13:40:00

Every migration must run on both SQLite (batch mode) and PostgreSQL: tests/db/test_migrations.py.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "8c3f2a6d1e47"
down_revision: str | Sequence[str] | None = "7654bdeb857f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 500


def _pg_columns(conn: sa.Connection, data_type: str) -> list[tuple[str, str]]:
    rows = conn.execute(
        sa.text(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND data_type = :t ORDER BY 1, 2"
        ),
        {"t": data_type},
    )
    return [(t, c) for t, c in rows]


def _sqlite_json_columns(conn: sa.Connection) -> list[tuple[str, str]]:
    found = []
    tables = conn.execute(
        sa.text("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'")
    ).scalars()
    for table in list(tables):
        for row in conn.execute(sa.text(f'PRAGMA table_info("{table}")')):
            if str(row.type).upper() == "JSON":
                found.append((table, row.name))
    return found


def _unescape_sqlite(conn: sa.Connection, table: str, column: str) -> None:
    rows = conn.execute(
        sa.text(f'SELECT rowid, "{column}" FROM "{table}" WHERE "{column}" LIKE :esc'),
        {"esc": "%\\u%"},
    ).all()
    update = sa.text(f'UPDATE "{table}" SET "{column}" = :v WHERE rowid = :id')
    for start in range(0, len(rows), CHUNK):
        batch = [
            {"id": rowid, "v": json.dumps(json.loads(value), ensure_ascii=False)}
            for rowid, value in rows[start : start + CHUNK]
        ]
        conn.execute(update, batch)


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        for table, column in _pg_columns(conn, "json"):
            op.execute(
                f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE jsonb USING "{column}"::jsonb'
            )
        return
    for table, column in _sqlite_json_columns(conn):
        _unescape_sqlite(conn, table, column)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        for table, column in _pg_columns(conn, "jsonb"):
            op.execute(
                f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE json USING "{column}"::json'
            )
    # SQLite: unescaped JSON is the same JSON; nothing to put back.
