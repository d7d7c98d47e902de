"""The fetched page type (pipelines/common/fetched.py): what is stored, and notice or not."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from pipelines.common.fetched import FetchedAttachment, FetchedPage, stored_fields


def _page(record: dict[str, Any] | None) -> FetchedPage:
    return FetchedPage(
        "u", "u", "s", None, 200, datetime(2025, 1, 1, tzinfo=UTC), b"", record=record
    )


@pytest.mark.parametrize(
    ("record", "is_notice", "reason"),
    [
        ({"is_notice": True}, True, "not a rectification notice"),
        ({"is_notice": False}, False, "not a rectification notice"),
        ({}, False, "not a rectification notice"),
        (None, False, "no parsed record"),
    ],
)
def test_is_notice_and_reason(record: dict[str, Any] | None, is_notice: bool, reason: str) -> None:
    page = _page(record)
    assert page.is_notice is is_notice
    if not is_notice:
        assert page.non_notice_reason == reason


def test_the_cleaned_view_is_the_only_field_not_stored() -> None:
    page_fields = {f.name for f in stored_fields(FetchedPage)}
    assert {f for f in FetchedPage.__dataclass_fields__ if f not in page_fields} == {"cleaned"}
    assert len(stored_fields(FetchedAttachment)) == len(FetchedAttachment.__dataclass_fields__)
