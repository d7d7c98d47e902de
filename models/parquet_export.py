"""The archive as Parquet: one typed file per table, for pandas, R (arrow), Stata (via pandas),
DuckDB and Spark.

The Arrow type of every column comes from what is declared already: the column's SQL type (dates
as dates, counts as integers, instants as UTC timestamps) and, for the record's JSON columns, the
record's own dataclasses (`inspection_kinds` a list of strings, `counts` a struct of integers,
`attachments` a list of structs). JSON no declaration describes (`extra`, crawl statistics) is
kept as JSON text. Binary columns (raw page bytes) stay in the database: WARC is their export.
Rows stream in chunks, so an export never holds the archive in memory.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterator, Sequence
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any, cast

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    Select,
    Table,
    select,
)

from models.export import ExportFilters, notice_query
from models.inspection import FeedbackEvent, Inspection, InspectionNotice
from models.notice import Attachment, Notice, NoticeVersion, Problem
from models.site import Site
from models.types import UTCDateTime
from pipelines.common.record import NoticeRecord

CHUNK = 2_000
NOTICES = cast(Table, Notice.__table__)
INSPECTIONS = cast(Table, Inspection.__table__)
INSPECTION_NOTICES = cast(Table, InspectionNotice.__table__)
# Exported tables, parents first; each child is limited to the exported notices, the inspections
# to those of the exported notices (all of them, feedback-only ones too, when nothing is filtered).
TABLES: tuple[Table, ...] = tuple(
    cast(Table, m.__table__)
    for m in (
        Site,
        Notice,
        Problem,
        Attachment,
        NoticeVersion,
        Inspection,
        InspectionNotice,
        FeedbackEvent,
    )
)
# JSON columns of the inspection tables that hold a list of strings
_STRING_LISTS = {("inspections", "inspection_kinds")}


def arrow_type(column: Column[Any]) -> pa.DataType:
    """The Arrow type of a column: from the record's declaration for its JSON fields, else from
    the SQL type."""
    kind = column.type
    if isinstance(kind, JSON) and (column.table.name, column.name) in _STRING_LISTS:
        return pa.list_(pa.string())
    if isinstance(kind, JSON):
        hint = _record_hints(column.table.name).get(column.name)
        return _from_hint(hint) if hint is not None else pa.string()
    if isinstance(kind, Boolean):
        return pa.bool_()
    if isinstance(kind, Integer):
        return pa.int64()
    if isinstance(kind, Float):
        return pa.float64()
    if isinstance(kind, UTCDateTime | DateTime):
        return pa.timestamp("us", tz="UTC")
    if isinstance(kind, Date):
        return pa.date32()
    return pa.string()


def _record_hints(table: str) -> dict[str, Any]:
    return typing.get_type_hints(NoticeRecord) if table == "notices" else {}


def _from_hint(hint: Any) -> pa.DataType:
    """The Arrow type of a record annotation: int, str, bool, tuple[X, ...], a dataclass, X | None."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _from_hint(args[0])
    if origin is tuple:
        return pa.list_(_from_hint(args[0]))
    if is_dataclass(hint):
        nested = typing.get_type_hints(hint)
        return pa.struct([(f.name, _from_hint(nested[f.name])) for f in fields(hint)])
    return {int: pa.int64(), bool: pa.bool_(), float: pa.float64()}.get(hint, pa.string())


def exported_columns(table: Table) -> list[Column[Any]]:
    return [c for c in table.columns if not isinstance(c.type, LargeBinary)]


def schema(table: Table) -> pa.Schema:
    return pa.schema(
        [
            pa.field(c.name, arrow_type(c), nullable=c.nullable or not c.primary_key)
            for c in exported_columns(table)
        ],
        metadata={"description": table.comment or ""},
    )


def _query(table: Table, filters: ExportFilters) -> Select[Any]:
    notices = notice_query(filters)
    cols = exported_columns(table)
    if table is NOTICES:
        return notices.with_only_columns(*cols)
    ids = notices.with_only_columns(NOTICES.c.id).order_by(None)
    if table is INSPECTIONS or ("inspection_id" in table.c and "notice_id" not in table.c):
        query = select(*cols).order_by(*table.primary_key)
        if filters == ExportFilters():
            return query
        linked = select(INSPECTION_NOTICES.c.inspection_id).where(
            INSPECTION_NOTICES.c.notice_id.in_(ids)
        )
        key = table.c.id if table is INSPECTIONS else table.c.inspection_id
        return query.where(key.in_(linked))
    if "notice_id" in table.c:
        return select(*cols).where(table.c.notice_id.in_(ids)).order_by(*table.primary_key)
    sites = notices.with_only_columns(NOTICES.c.site_id).order_by(None)
    return select(*cols).where(table.c.id.in_(sites)).order_by(table.c.id)


def _batches(conn: Connection, table: Table, filters: ExportFilters) -> Iterator[Sequence[Any]]:
    result = conn.execute(_query(table, filters).execution_options(yield_per=CHUNK))
    yield from result.partitions()


def _column_values(rows: Sequence[Any], column: Column[Any], kind: pa.DataType) -> list[Any]:
    values = [row._mapping[column.name] for row in rows]
    if isinstance(column.type, JSON) and kind == pa.string():
        return [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
    return values


def write_table(conn: Connection, table: Table, path: Path, filters: ExportFilters) -> int:
    """Write one table to `path` (whole or not at all); returns its row count."""
    target = schema(table)
    cols = exported_columns(table)
    n = 0
    part = path.with_name(path.name + ".part")
    with pq.ParquetWriter(part, target, compression="zstd") as writer:
        for rows in _batches(conn, table, filters):
            arrays = [
                pa.array(_column_values(rows, c, f.type), type=f.type)
                for c, f in zip(cols, target, strict=True)
            ]
            writer.write_table(pa.Table.from_arrays(arrays, schema=target))
            n += len(rows)
    part.replace(path)
    return n


def write_all(conn: Connection, out_dir: Path, filters: ExportFilters) -> dict[str, int]:
    """Every exported table as `out_dir/<table>.parquet`; returns the row count of each."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return {
        table.name: write_table(conn, table, out_dir / f"{table.name}.parquet", filters)
        for table in TABLES
    }
