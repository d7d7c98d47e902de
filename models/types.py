"""Column types shared by the models."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

# JSON values: jsonb on PostgreSQL (its operators and indexes, and `col::text LIKE '%专项%'`),
# JSON text on SQLite. Written as UTF-8, not \u-escaped (`json_text`), so a LIKE on the column
# and Datasette's filters see the characters.
Json = JSON().with_variant(JSONB(), "postgresql")


def json_text(value: Any) -> str:
    """The engines' JSON serializer."""
    return json.dumps(value, ensure_ascii=False)


class UTCDateTime(TypeDecorator[datetime]):
    """A UTC instant stored without tzinfo (SQLite drops it anyway) and read back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: store aware UTC datetimes only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)
