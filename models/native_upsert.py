"""The dialect's own `INSERT ... ON CONFLICT` (SQLite, PostgreSQL), and chunked IN lists."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert


class UnsupportedDatabase(RuntimeError):
    """The database has no native upsert this module knows how to use."""


def dialect_insert(conn: Connection, table: Table) -> Any:
    """The dialect's own INSERT, which knows ON CONFLICT; both APIs are parallel."""
    name = conn.dialect.name
    if name == "sqlite":
        return sqlite.insert(table)
    if name == "postgresql":
        return postgresql.insert(table)
    raise UnsupportedDatabase(f"no native upsert for {name!r}: use SQLite or PostgreSQL")


def on_conflict_update(
    stmt: Any, keys: list[str], set_: dict[str, Any], where: Any = None
) -> Insert:
    return cast(Insert, stmt.on_conflict_do_update(index_elements=keys, set_=set_, where=where))


def on_conflict_nothing(stmt: Any, keys: list[str]) -> Insert:
    return cast(Insert, stmt.on_conflict_do_nothing(index_elements=keys))


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
