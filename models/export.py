"""Read the archive back as records: one dict per notice in the contract's shape, problems nested,
plus where and when it was found. Streams, so an export never holds the whole archive."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import Connection, Select, Table, select

from models.notice import Notice, Problem
from pipelines.common.record import NoticeRecord, Storage, names
from pipelines.common.record import Problem as RecordProblem

NOTICES = cast(Table, Notice.__table__)
PROBLEMS = cast(Table, Problem.__table__)

# Record fields with a column of `notices`, in the contract's order; `problems` (a table of its
# own) and `attachments` are filled after them, `extra` holds values that did not fit a column.
RECORD_FIELDS = tuple(
    f
    for f in names(NoticeRecord)
    if f != "attachments" and f not in names(NoticeRecord, Storage.TABLE)
)
LOCATION_FIELDS = (
    "id",
    "site_id",
    "region",
    "url",
    "canonical_url",
    "first_seen_at",
    "last_seen_at",
)
PROBLEM_FIELDS = names(RecordProblem)
STREAM_CHUNK = 500


@dataclass(frozen=True, slots=True)
class ExportFilters:
    """Which notices an export holds. `regions`: stored under one of these region names;
    `since`/`until`: published on or between these days (undated notices drop); `sites`: of these
    site ids; `level`: of this inspection level."""

    regions: Collection[str] | None = None
    since: date | None = None
    until: date | None = None
    sites: Collection[str] | None = None
    level: str | None = None


def notice_query(filters: ExportFilters = ExportFilters()) -> Select[Any]:
    """The filtered notices, ordered by id."""
    query = select(NOTICES).order_by(NOTICES.c.id)
    if filters.regions is not None:
        query = query.where(NOTICES.c.region.in_(list(filters.regions)))
    if filters.since is not None:
        query = query.where(NOTICES.c.published_date >= filters.since)
    if filters.until is not None:
        query = query.where(NOTICES.c.published_date <= filters.until)
    if filters.sites is not None:
        query = query.where(NOTICES.c.site_id.in_(list(filters.sites)))
    if filters.level is not None:
        query = query.where(NOTICES.c.inspection_level == filters.level)
    return query


def iter_records(
    conn: Connection, filters: ExportFilters = ExportFilters()
) -> Iterator[dict[str, Any]]:
    """Each notice as {location fields, contract fields, problems: [...], attachments, extra}."""
    result = conn.execute(notice_query(filters).execution_options(yield_per=STREAM_CHUNK))
    for rows in result.partitions():
        ids = [r.id for r in rows]
        problems: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
        pq = (
            select(PROBLEMS)
            .where(PROBLEMS.c.notice_id.in_(ids))
            .order_by(PROBLEMS.c.notice_id, PROBLEMS.c.seq)
        )
        for p in conn.execute(pq):
            problems[p.notice_id].append({f: getattr(p, f) for f in PROBLEM_FIELDS})
        for r in rows:
            yield to_record(r._mapping, problems[r.id])


def to_record(row: Any, problems: list[dict[str, Any]]) -> dict[str, Any]:
    record: dict[str, Any] = {f: _plain(row[f]) for f in LOCATION_FIELDS}
    record.update({f: _plain(row[f]) for f in RECORD_FIELDS})
    record["problems"] = problems
    record["attachments"] = row["attachments"]
    record["extra"] = row["extra"]
    return record


def problem_rows(conn: Connection, filters: ExportFilters = ExportFilters()) -> Any:
    """Problems with their notice id, in notice then document order."""
    ids = notice_query(filters).with_only_columns(NOTICES.c.id).order_by(None)
    query = (
        select(PROBLEMS.c.notice_id, *(PROBLEMS.c[f] for f in PROBLEM_FIELDS))
        .where(PROBLEMS.c.notice_id.in_(ids))
        .order_by(PROBLEMS.c.notice_id, PROBLEMS.c.seq)
    )
    return conn.execute(query.execution_options(yield_per=STREAM_CHUNK))


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
