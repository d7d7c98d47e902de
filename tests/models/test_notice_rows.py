"""A page's record turned into its `notices` row (models/notice_rows.py), field by declaration."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from models.notice import Notice
from models.notice_rows import Prepared
from pipelines.common.fetched import FetchedPage
from pipelines.common.record import NoticeRecord, Storage, names

RECORD = NoticeRecord(is_notice=True, parser_version="1.0", title="通报").to_dict()


def row_of(record: dict[str, Any]) -> dict[str, Any]:
    url = "http://127.0.0.1/a.html"
    page = FetchedPage(
        url, url, "s", "demo", 200, datetime(2025, 1, 1, tzinfo=UTC), b"x", record=record
    )
    return Prepared.of(page, "fetch", "digest", has_nul=False).row


def test_every_record_field_with_a_column_gets_it() -> None:
    row = row_of(RECORD)
    columns = set(Notice.__table__.c.keys())
    stored = set(names(NoticeRecord)) - set(names(NoticeRecord, Storage.TABLE))
    assert stored <= set(row) <= columns
    assert row["extra"] == {}


@pytest.mark.parametrize(
    ("field", "value", "stored"),
    [
        ("title", "通报", "通报"),
        ("published_date", "2024-06-24", date(2024, 6, 24)),
        ("inspection_end", "2023-09", "2023-09"),
        ("inspection_level", "county", "county"),
        ("inspection_kinds", ["常规"], ["常规"]),
        ("counts", {"aspects": 3}, {"aspects": 3}),
    ],
)
def test_a_value_that_fits_is_stored(field: str, value: Any, stored: Any) -> None:
    row = row_of({**RECORD, field: value})
    assert (row[field], row["extra"]) == (stored, {})


@pytest.mark.parametrize(
    ("field", "value", "default"),
    [
        ("title", 123, None),  # text
        ("body_text", ["正文"], ""),  # text with its own default
        ("published_date", "2024年6月", None),  # date
        ("inspection_end", "9月底", None),  # partial date
        ("inspection_level", "municipal", None),  # label outside its values
        ("parser_version", "v" * 41, None),  # label longer than its column
        ("inspection_kinds", "常规", []),  # JSON list
        ("counts", [3, 11], {}),  # JSON object
        ("status_counts", [1], None),  # JSON object, null by default
    ],
)
def test_a_value_that_does_not_fit_goes_to_extra(field: str, value: Any, default: Any) -> None:
    row = row_of({**RECORD, field: value})
    assert (row[field], row["extra"]) == (default, {field: value})


def test_a_field_the_store_does_not_know_goes_to_extra() -> None:
    assert row_of({**RECORD, "source_path": "/tmp/a.txt"})["extra"] == {"source_path": "/tmp/a.txt"}


def test_every_stored_row_is_a_notice() -> None:
    assert row_of({**RECORD, "is_notice": "yes"})["is_notice"] is True
