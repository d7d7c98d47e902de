"""The record's JSON Schema, generated from the dataclasses of record.py (docs/record.schema.json
is this, written by `python -m models.docs`)."""

from __future__ import annotations

import types
import typing
from dataclasses import fields, is_dataclass
from typing import Any

from pipelines.common.evidence import Place
from pipelines.common.record import NoticeRecord, Spec, Storage, spec

SCHEMA_ID = "https://notices.invalid/record.schema.json"  # a name only: nothing is served there
_SCALARS: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}
_PARTIAL_DATE = r"^\d{4}-\d{2}(-\d{2})?$"
# One value's evidence (pipelines/common/evidence.py): a span of body_text, or a place.
_EVIDENCE = {
    "anyOf": [
        {
            "type": "object",
            "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}},
            "required": ["start", "end"],
            "additionalProperties": False,
        },
        {
            "type": "object",
            "properties": {
                "from": {"type": "string", "enum": list(typing.get_args(Place))},
                "key": {"type": "string"},
            },
            "required": ["from"],
            "additionalProperties": False,
        },
    ]
}


def json_schema() -> dict[str, Any]:
    """Draft 2020-12 schema of `NoticeRecord.to_dict()`: every field present, none unknown."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "NoticeRecord",
        "description": "A parsed inspection-rectification notice (contract version 1).",
        **_object(NoticeRecord),
    }


def _object(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties = {f.name: _property(hints[f.name], spec(f)) for f in fields(cls)}
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),  # to_dict() writes every field, null when unknown
        "additionalProperties": False,
    }


def _property(hint: Any, declared: Spec) -> dict[str, Any]:
    schema = _type(hint)
    schema["description"] = declared.description
    if declared.storage is Storage.DATE:
        schema["format"] = "date"
    elif declared.storage is Storage.PARTIAL_DATE:
        schema["pattern"] = _PARTIAL_DATE
    if declared.values:
        schema["enum"] = [*declared.values, *([None] if _nullable(hint) else [])]
    if declared.length is not None:
        schema["maxLength"] = declared.length
    return schema


def _type(hint: Any) -> dict[str, Any]:
    if _nullable(hint):
        (inner,) = (a for a in typing.get_args(hint) if a is not type(None))
        schema = _type(inner)
        if "type" in schema and isinstance(schema["type"], str):
            schema["type"] = [schema["type"], "null"]
            return schema
        return {"anyOf": [schema, {"type": "null"}]}
    if typing.get_origin(hint) is dict:  # the evidence map: field path -> evidence
        return {"type": "object", "additionalProperties": _EVIDENCE}
    if typing.get_origin(hint) is tuple:
        item, _ellipsis = typing.get_args(hint)
        return {"type": "array", "items": _type(item)}
    if is_dataclass(hint) and isinstance(hint, type):
        return _object(hint)
    return {"type": _SCALARS[hint]}


def _nullable(hint: Any) -> bool:
    return isinstance(hint, types.UnionType) and type(None) in typing.get_args(hint)
