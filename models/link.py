"""`notices link`: rebuild the inspections tables from the stored notices and the feedback news
among the stored non-notice pages, in one transaction (a reader sees the old grouping or the
new one, never half). Rules: models/linking.py.

Reading a feedback-news page's events needs the cleaner and the parser, which the database
layer does not import: the caller hands them in (`FeedbackReader`, pipelines/feedback.py)."""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol, cast

from sqlalchemy import Connection, Table, delete, func, insert, select

from models.inspection import FeedbackEvent, Inspection, InspectionNotice
from models.linking import REPOST, LinkInput, fingerprint, link
from models.native_upsert import chunks
from models.notice import Notice
from models.raw_page import RawPage
from pipelines.common.evidence import Evidence

NOTICES = cast(Table, Notice.__table__)
INSPECTIONS = cast(Table, Inspection.__table__)
MEMBERS = cast(Table, InspectionNotice.__table__)
EVENTS = cast(Table, FeedbackEvent.__table__)
RAW_PAGES = cast(Table, RawPage.__table__)
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
    events: int = 0  # feedback-news events in an inspection
    never_disclosed: int = 0  # inspections with feedback news and no notice


@dataclass(frozen=True, slots=True)
class StoredPage:
    """A stored non-notice page that may be feedback news."""

    id: int
    url: str
    region: str | None  # the site's region
    title: str | None  # from the list page
    body: bytes  # the raw page


class Event(Protocol):
    """What the link reads of one feedback-news event (pipelines/parsing/feedback_news.py)."""

    @property
    def unit(self) -> str: ...
    @property
    def unit_key(self) -> str | None: ...
    @property
    def team(self) -> str | None: ...
    @property
    def team_number(self) -> int | None: ...
    @property
    def committee(self) -> str | None: ...
    @property
    def inspection_level(self) -> str | None: ...
    @property
    def term(self) -> int | None: ...
    @property
    def round(self) -> int | None: ...
    @property
    def round_year(self) -> int | None: ...
    @property
    def feedback_date(self) -> str | None: ...
    @property
    def evidence(self) -> dict[str, Evidence]: ...


@dataclass(frozen=True, slots=True)
class FeedbackReader:
    """The stored pages that cannot be feedback news (by their `raw_pages.reason`), and the
    events of any other."""

    skipped: frozenset[str]
    events: Callable[[StoredPage], Sequence[Event]]


def rebuild(
    conn: Connection, now: datetime | None = None, feedback: FeedbackReader | None = None
) -> Linked:
    """Replace the inspections tables with the grouping of every stored notice and, given a
    reader, of the feedback news."""
    rows = {r.id: r for r in _notices(conn)}
    events = list(_events(conn, feedback)) if feedback is not None else []
    inputs = [_input(r) for r in rows.values()]
    inputs += [_event_input(number, told) for number, told in enumerate(events, 1)]
    found = link(inputs)
    linked_at = now or datetime.now(UTC)
    for table in (EVENTS, MEMBERS, INSPECTIONS):
        conn.execute(delete(table))
    inspections: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    for number, inspection in enumerate(found, 1):
        notes = [rows[m.notice_id] for m in inspection.members if not m.event]
        fed = [events[n - 1].event for n in inspection.events]
        figures = _figures(number, inspection.key, notes, inspection.stages, linked_at)
        inspections.append(_with_feedback(figures, fed))
        members.extend(
            {"notice_id": nid, "inspection_id": number, "stage": stage}
            for nid, stage in inspection.stages.items()
        )
        event_rows.extend(_event_row(n, number, events[n - 1]) for n in inspection.events)
    for table, values in ((INSPECTIONS, inspections), (MEMBERS, members), (EVENTS, event_rows)):
        for chunk in chunks(values, INSERT_BATCH):
            conn.execute(insert(table), chunk)
    never = sum(1 for i in found if i.events and not i.stages)
    return Linked(len(found), len(members), len(rows) - len(members), len(event_rows), never)


@dataclass(frozen=True, slots=True)
class _Told:
    """An event and the page that told it (not its bytes: they are read one page at a time)."""

    raw_page_id: int
    region: str | None
    event: Event


def _events(conn: Connection, feedback: FeedbackReader) -> Iterator[_Told]:
    """Each event of the stored pages the reader may read, in page order."""
    query = (
        select(
            RAW_PAGES.c.id,
            RAW_PAGES.c.url,
            RAW_PAGES.c.region,
            RAW_PAGES.c.title,
            RAW_PAGES.c.body_zlib,
        )
        .where(RAW_PAGES.c.reason.not_in(sorted(feedback.skipped)))
        .order_by(RAW_PAGES.c.id)
    )
    for r in conn.execute(query.execution_options(yield_per=READ_BATCH)):
        page = StoredPage(r.id, r.url, r.region, r.title, zlib.decompress(r.body_zlib))
        for event in feedback.events(page):
            yield _Told(page.id, page.region, event)


def _event_input(number: int, told: _Told) -> LinkInput:
    event = told.event
    return LinkInput(
        notice_id=number,
        published=_date(event.feedback_date),
        unit_key=event.unit_key,
        region=told.region,
        inspected_unit=event.unit,
        committee=event.committee,
        term=event.term,
        round=event.round,
        round_year=event.round_year,
        feedback=event.feedback_date,
        event=True,
    )


def _date(partial: str | None) -> date | None:
    return date.fromisoformat(partial) if partial and len(partial) == 10 else None


def _event_row(number: int, inspection: int, told: _Told) -> dict[str, Any]:
    event = told.event
    return {
        "id": number,
        "inspection_id": inspection,
        "raw_page_id": told.raw_page_id,
        "unit_key": event.unit_key,
        "inspected_unit": event.unit,
        "inspecting_committee": event.committee,
        "inspection_body": event.team,
        "inspection_level": event.inspection_level,
        "term": event.term,
        "round": event.round,
        "round_year": event.round_year,
        "team_number": event.team_number,
        "feedback_date": event.feedback_date,
        "evidence": {name: where.to_json() for name, where in event.evidence.items()},
    }


def _with_feedback(figures: dict[str, Any], events: Sequence[Event]) -> dict[str, Any]:
    """What the notices leave unstated, from the feedback news: the unit, the round, the team,
    and the feedback date (so days_to_disclosure follows)."""
    if not events:
        return figures
    stated = {
        "inspected_unit": Counter(e.unit for e in events).most_common(1)[0][0],
        "inspecting_committee": _first([e.committee for e in events]),
        "inspection_body": _first([e.team for e in events]),
        "inspection_level": _first([e.inspection_level for e in events]),
        "term": _first([e.term for e in events]),
        "round": _first([e.round for e in events]),
        "round_year": _first([e.round_year for e in events]),
        "feedback_date": _fullest([e.feedback_date for e in events]),
    }
    out = figures | {k: v for k, v in stated.items() if figures[k] is None}
    out["days_to_disclosure"] = _days(out["first_disclosed"], out["feedback_date"])
    return out


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


def _days(first: date | None, feedback: str | None) -> int | None:
    """Days from a full feedback date to the first disclosure."""
    fed = _date(feedback)
    return (first - fed).days if first is not None and fed is not None else None


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
        "days_to_disclosure": _days(first, feedback),
        "disclosures": sum(1 for stage in stages.values() if stage != REPOST),
        "notice_count": len(notes),
        "latest_completion_rate": latest.completion_rate if latest is not None else None,
        "linked_at": linked_at,
    }
