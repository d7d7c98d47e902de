"""The notice tables (models/notice.py) hold every field of the record as it declares."""

from __future__ import annotations

from dataclasses import Field, fields
from typing import Any, cast

import pytest
from sqlalchemy import JSON, Boolean, Date, Integer, String, Table, Text

from models.notice import Notice, Problem, column_type
from pipelines.common.record import NoticeRecord, Spec, Storage, names, spec
from pipelines.common.record import Problem as RecordProblem

NOTICES = cast(Table, Notice.__table__)
PROBLEMS = cast(Table, Problem.__table__)
COLUMN_FIELDS = [f for f in fields(NoticeRecord) if spec(f).storage is not Storage.TABLE]


@pytest.mark.parametrize(
    ("table", "f"),
    [(NOTICES, f) for f in COLUMN_FIELDS] + [(PROBLEMS, f) for f in fields(RecordProblem)],
    ids=lambda v: getattr(v, "name", ""),
)
def test_every_record_field_has_its_column_with_its_kind_and_description(
    table: Table, f: Field[Any]
) -> None:
    declared = spec(f)
    column = table.c[f.name]
    expected = column_type(declared)
    assert type(column.type) is type(expected)
    assert getattr(column.type, "length", None) == getattr(expected, "length", None)
    assert column.comment == declared.description


def test_a_field_of_its_own_table_is_that_table() -> None:
    assert names(NoticeRecord, Storage.TABLE) == (PROBLEMS.name,)


@pytest.mark.parametrize(
    ("declared", "kind", "length"),
    [
        (Spec(Storage.FLAG, "x"), Boolean, None),
        (Spec(Storage.TEXT, "x"), Text, None),
        (Spec(Storage.LABEL, "x", length=20), String, 20),
        (Spec(Storage.LABEL, "x"), Text, None),
        (Spec(Storage.NUMBER, "x"), Integer, None),
        (Spec(Storage.DATE, "x"), Date, None),
        (Spec(Storage.PARTIAL_DATE, "x"), String, 10),
        (Spec(Storage.JSON, "x"), JSON, None),
    ],
)
def test_column_type_follows_the_storage(declared: Spec, kind: type, length: int | None) -> None:
    made = column_type(declared)
    assert type(made) is kind
    assert getattr(made, "length", None) == length


def test_a_table_of_its_own_is_no_column() -> None:
    with pytest.raises(ValueError, match="table of its own"):
        column_type(Spec(Storage.TABLE, "x"))
