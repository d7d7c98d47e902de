"""The spider's `-a since=`, `-a max_pages=` and `-a full=` arguments, checked."""

from __future__ import annotations

import datetime as dt

from crawler.seeds import SeedError


def parse_since(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise SeedError(f"since must be a date like 2024-01-31, got {value!r}") from None


def parse_max_pages(value: str | int | None) -> int | None:
    if value in (None, ""):
        return None
    try:
        n = int(value)
    except ValueError:
        raise SeedError(f"max_pages must be a positive integer, got {value!r}") from None
    if n < 1:
        raise SeedError(f"max_pages must be a positive integer, got {value!r}")
    return n


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("", "0", "false", "no", "off")


def parse_full(value: str | bool | None) -> bool:
    """`-a full=1`: walk every list page and fetch every row (crawler/incremental.py)."""
    if value is None or isinstance(value, bool):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE + _FALSE:
        return text in _TRUE
    raise SeedError(f"full must be 1 or 0 (true/false), got {value!r}")
