"""The spider's arguments (`-a region= site= since= max_pages= full= seeds=`), checked.

`check` runs the spider's own checks before a crawl starts, so both entry points refuse a bad
value with one line (exit 2) instead of a traceback from the spider's constructor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from crawler.run_context import RunContext
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


def check(spargs: Mapping[str, Any]) -> None:
    """Raise SeedError for what the spider's constructor would refuse: no region or site, one
    the registry does not know, a bad registry, a bad `since`, `max_pages` or `full`."""
    parse_since(spargs.get("since"))
    parse_max_pages(spargs.get("max_pages"))
    parse_full(spargs.get("full"))
    recheck = spargs.get("recheck")  # `notices recheck`'s stored notices, of any region
    only = {t.site_id for t in recheck} if recheck is not None else None
    RunContext.for_run(spargs.get("region"), spargs.get("site"), spargs.get("seeds"), only=only)
