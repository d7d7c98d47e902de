"""`notices link`: rebuild the inspections tables from the stored notices, in one transaction
(a reader sees the old grouping or the new one, never half). Rules: models/linking.py."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, delete, func, insert, select

from models.inspection import Inspection, InspectionNotice
from models.linking import REPOST, LinkInput, fingerprint, link
from models.native_upsert import chunks
from models.notice import Notice

NOTICES = cast(Table, Notice.__table__)
INSPECTIONS = cast(Table, Inspection.__table__)
MEMBERS = cast(Table, InspectionNotice.__table__)
FINGERPRINT_CHARS = 600  # the head of a body holds its first long line
READ_BATCH = 5000
INSERT_BATCH = 1000
_COLUMNS = (
    NOTICES.c.id,
    NOTICES.c.published_date,
    NOTICES.c.region,
    NOTICES.c.unit_key,
    NOTICES.c.inspected_unit,
    NOTICES.c.inspecting_committee,
    NOTICES.c.inspection_body,
    NOTICES.c.inspection_level,
    NOTICES.c.inspection_kinds,
    NOTICES.c.term,
    NOTICES.c.round,
    NOTICES.c.round_year,
    NOTICES.c.inspection_start,
    NOTICES.c.inspection_end,
    NOTICES.c.feedback_date,
    NOTICES.c.report_phase,
    NOTICES.c.completion_rate,
    func.substr(NOTICES.c.body_text, 1, FINGERPRINT_CHARS).label("head"),
)


@dataclass(frozen=True, slots=True)
class Linked:
    inspections: int
    notices: int  # notices in an inspection
    unlinked: int  # notices without a unit to link by


def rebuild(conn: Connection, now: datetime | None = None) -> Linked:
    """Replace the inspections tables with the grouping of every stored notice."""
    rows = {r.id: r for r in _notices(conn)}
    found = link(_input(r) for r in rows.values())
    linked_at = now or datetime.now(UTC)
    conn.execute(delete(MEMBERS))
    conn.execute(delete(INSPECTIONS))
    inspections: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    for number, inspection in enumerate(found, 1):
        notes = [rows[m.notice_id] for m in inspection.members]
        inspections.append(_figures(number, inspection.key, notes, inspection.stages, linked_at))
        members.extend(
            {"notice_id": nid, "inspection_id": number, "stage": stage}
            for nid, stage in inspection.stages.items()
        )
    for table, values in ((INSPECTIONS, inspections), (MEMBERS, members)):
        for chunk in chunks(values, INSERT_BATCH):
            conn.execute(insert(table), chunk)
    return Linked(len(found), len(members), len(rows) - len(members))


def _notices(conn: Connection) -> Iterator[Any]:
    query = select(*_COLUMNS).where(NOTICES.c.is_notice.is_(True)).order_by(NOTICES.c.id)
    # On the statement: a connection's own options would outlive this read (a server-side
    # cursor for the DELETEs that follow).
    yield from conn.execute(query.execution_options(yield_per=READ_BATCH))


def _input(row: Any) -> LinkInput:
    return LinkInput(
        notice_id=row.id,
        published=row.published_date,
        unit_key=row.unit_key,
        region=row.region,
        inspected_unit=row.inspected_unit,
        committee=row.inspecting_committee,
        term=row.term,
        round=row.round,
        round_year=row.round_year,
        feedback=row.feedback_date,
        start=row.inspection_start,
        phase=row.report_phase,
        fingerprint=fingerprint(row.head),
    )


def _first(values: Sequence[Any]) -> Any:
    return next((v for v in values if v is not None), None)


def _fullest(values: Sequence[str | None]) -> str | None:
    """The most precise of partial dates ('2024-05-12' over '2024-05')."""
    return max((v for v in values if v), key=len, default=None)


def _figures(
    number: int,
    key: str,
    notes: Sequence[Any],
    stages: dict[int, str | None],
    linked_at: datetime,
) -> dict[str, Any]:
    published = [n.published_date for n in notes if n.published_date is not None]
    first: date | None = min(published, default=None)
    feedback = _fullest([n.feedback_date for n in notes])
    days = None
    if first is not None and feedback is not None and len(feedback) == 10:
        days = (first - date.fromisoformat(feedback)).days
    rated = [n for n in notes if n.completion_rate is not None and n.published_date is not None]
    latest = max(rated, key=lambda n: (n.published_date, n.id), default=None)
    units = Counter(n.inspected_unit for n in notes if n.inspected_unit)
    kinds = sorted({k for n in notes for k in (n.inspection_kinds or [])})
    return {
        "id": number,
        "unit_key": key,
        "inspected_unit": units.most_common(1)[0][0] if units else None,
        "inspecting_committee": _first([n.inspecting_committee for n in notes]),
        "inspection_body": _first([n.inspection_body for n in notes]),
        "inspection_level": _first([n.inspection_level for n in notes]),
        "inspection_kinds": kinds,
        "term": _first([n.term for n in notes]),
        "round": _first([n.round for n in notes]),
        "round_year": _first([n.round_year for n in notes]),
        "inspection_start": _fullest([n.inspection_start for n in notes]),
        "inspection_end": _fullest([n.inspection_end for n in notes]),
        "feedback_date": feedback,
        "first_disclosed": first,
        "days_to_disclosure": days,
        "disclosures": sum(1 for stage in stages.values() if stage != REPOST),
        "notice_count": len(notes),
        "latest_completion_rate": latest.completion_rate if latest is not None else None,
        "linked_at": linked_at,
    }
