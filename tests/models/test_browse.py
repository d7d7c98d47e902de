"""The canned queries of models/browse.py run on the archive's tables. `inspections_never_disclosed`
keeps to SQL both backends read, so it runs on SQLite (Datasette) and PostgreSQL alike."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, insert, text

from models.browse import GRACE_MONTHS, QUERIES
from models.inspection import FeedbackEvent, Inspection
from models.raw_page import RawPage
from models.runs import upsert_sites

T0 = datetime(2025, 1, 1, tzinfo=UTC)
TODAY = datetime.now(UTC).date()
LONG_AGO = TODAY - timedelta(days=400)
# id: (feedback date, disclosures)
INSPECTIONS: dict[int, tuple[str, int]] = {
    1: (LONG_AGO.isoformat(), 0),  # never disclosed
    2: (LONG_AGO.isoformat()[:7], 0),  # the same, known to the month
    3: ((TODAY - timedelta(days=20)).isoformat(), 0),  # within the grace period
    4: (LONG_AGO.isoformat(), 1),  # disclosed
}


def _rows() -> dict[Any, list[dict[str, Any]]]:
    inspections = [
        {
            "id": i,
            "unit_key": f"431202:单位{i}",
            "inspected_unit": f"区单位{i}党组",
            "feedback_date": fed,
            "disclosures": disclosures,
            "notice_count": disclosures,
            "linked_at": T0,
        }
        for i, (fed, disclosures) in INSPECTIONS.items()
    ]
    pages = [
        {
            "id": i,
            "site_id": "a",
            "url": f"http://127.0.0.1/a/{i}.html",
            "canonical_url": f"http://127.0.0.1/a/{i}.html",
            "sha256": "0" * 64,
            "body_zlib": zlib.compress(b"<html></html>"),
            "reason": "feedback_title",
            "first_seen_at": T0,
            "last_seen_at": T0,
        }
        for i in INSPECTIONS
    ]
    events = [
        {
            "id": i,
            "inspection_id": i,
            "raw_page_id": i,
            "inspected_unit": f"区单位{i}党组",
            "feedback_date": fed,
        }
        for i, (fed, _) in INSPECTIONS.items()
    ]
    return {
        Inspection.__table__: inspections,
        RawPage.__table__: pages,
        FeedbackEvent.__table__: events,
    }


@pytest.fixture
def archive(engine: Engine) -> Engine:
    upsert_sites(engine, [{"id": "a", "name": "a", "region": "鹤城区"}])
    with engine.begin() as conn:
        for table, rows in _rows().items():
            conn.execute(insert(table), rows)  # type: ignore[arg-type]
    return engine


# grace_months as Datasette sends it -> the inspections listed, oldest feedback first
GRACE = [
    ("", [2, 1]),  # an empty box: the default
    (str(GRACE_MONTHS), [2, 1]),
    ("0", [2, 1, 3]),
    ("24", []),
]


def test_inspections_never_disclosed(archive: Engine) -> None:
    # one archive for every row of the table: its setup is most of the test's time
    sql = text(QUERIES["inspections_never_disclosed"]["sql"])
    with archive.connect() as conn:
        for grace_months, expected in GRACE:
            rows = conn.execute(sql, {"grace_months": grace_months}).all()
            assert [r.id for r in rows] == expected, grace_months
            for row in rows:
                assert row.feedback_news == 1
                assert row.news_url == f"http://127.0.0.1/a/{row.id}.html"
            assert all(r.months_waited >= 13 for r in rows if r.id in (1, 2))
