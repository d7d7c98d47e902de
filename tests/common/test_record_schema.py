"""The record's JSON Schema (pipelines/common/record_schema.py) describes what to_dict() writes."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pipelines.common.record import (
    Accountability,
    Attachment,
    Contact,
    Counts,
    Money,
    NoticeRecord,
    Problem,
    StatusCounts,
    names,
)
from pipelines.common.record_schema import json_schema

_TYPES = {
    "string": str, "integer": int, "number": int | float, "boolean": bool, "array": list,
    "object": dict,
}  # fmt: skip


def errors(schema: dict[str, Any], value: Any, where: str = "$") -> list[str]:
    """Violations of the keywords the generated schema uses (no validator is a dependency)."""
    if "anyOf" in schema:
        if all(errors(s, value, where) for s in schema["anyOf"]):
            return [f"{where}: matches no alternative"]
        return []
    kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    if not any(value is None if k == "null" else _is(value, k) for k in kinds):
        return [f"{where}: {value!r} is not {kinds}"]
    found: list[str] = []
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} not in enum")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        found.append(f"{where}: {value!r} does not match")
    if isinstance(value, str) and len(value) > schema.get("maxLength", len(value)):
        found.append(f"{where}: too long")
    if isinstance(value, list):
        for i, item in enumerate(value):
            found += errors(schema["items"], item, f"{where}[{i}]")
    if isinstance(value, dict) and "properties" not in schema:  # a map: its values' schema
        for key, item in value.items():
            found += errors(schema["additionalProperties"], item, f"{where}.{key}")
    elif isinstance(value, dict):
        if set(schema["required"]) - set(value) or set(value) - set(schema["properties"]):
            found.append(f"{where}: keys {sorted(value)}")
        for key, item in value.items():
            if key in schema["properties"]:
                found += errors(schema["properties"][key], item, f"{where}.{key}")
    return found


def _is(value: Any, kind: str) -> bool:
    if kind in ("integer", "number"):
        return isinstance(value, _TYPES[kind]) and not isinstance(value, bool)
    return isinstance(value, _TYPES[kind])


FULL = NoticeRecord(
    is_notice=True,
    parser_version="1.0",
    title="通报",
    published_date="2024-06-24",
    inspection_level="city",
    inspection_kinds=("常规",),
    inspection_start="2023-08",
    counts=Counts(3, 11, 21, None),
    status_counts=StatusCounts(done=20, in_progress=1, not_started=0),
    accountability=(Accountability("party_discipline", 18, "人", "党内警告18人", "党内警告"),),
    money=(Money("surrendered", 149000000.0, False, "退缴违规资金1.49亿元"),),
    rules_made=12,
    completion_rate=96.5,
    tally_date="2023-09",
    problems=(Problem(1, None, "问题", status="done"),),
    contact=Contact(("0517-1234567",), (), "地址", None),
    attachments=(Attachment("清单.docx"),),
    evidence={
        "title": {"from": "page meta", "key": "title"},
        "counts.aspects": {"start": 0, "end": 4},
    },
)


@pytest.mark.parametrize(
    "record",
    [FULL, NoticeRecord(is_notice=False, parser_version="1.0")],
    ids=["full", "empty"],
)
def test_records_satisfy_the_schema(record: NoticeRecord) -> None:
    assert errors(json_schema(), record.to_dict()) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"inspection_level": "municipal"}, "$.inspection_level: 'municipal' not in enum"),
        ({"inspection_end": "9月底"}, "$.inspection_end: '9月底' does not match"),
        ({"source_path": "/tmp/a.txt"}, "$: keys"),
        ({"counts": [3, 11]}, "$.counts: [3, 11] is not ['object']"),
        ({"evidence": {"title": {"start": 1}}}, "$.evidence.title: matches no alternative"),
        ({"evidence": {"title": {"from": "memory"}}}, "$.evidence.title: matches no alternative"),
    ],
)
def test_the_schema_rejects_what_the_record_cannot_be(
    change: dict[str, Any], expected: str
) -> None:
    found = errors(json_schema(), {**FULL.to_dict(), **change})
    assert any(e.startswith(expected) for e in found), found


def test_every_field_is_a_required_property_with_its_description() -> None:
    schema = json_schema()
    assert schema["required"] == list(names(NoticeRecord))
    assert schema["properties"]["feedback_date"]["description"] == "the day findings were fed back"
    assert schema["properties"]["published_date"]["format"] == "date"
