"""The spider's `-a since=` and `-a max_pages=` arguments, checked."""

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
