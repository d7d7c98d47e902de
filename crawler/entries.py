"""The rows of a list page, and which of them are worth a detail request."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from crawler import listing
from crawler.outcomes import SiteOutcome
from crawler.seeds import ListSource, Site


def page_entries(
    source: ListSource, text: str, url: str, list_rules: Mapping[str, Any]
) -> tuple[list[listing.ListEntry], int | None]:
    """The rows of a list page (HTML or JSON API) and, for an API, the total it reports."""
    if source.pagination["type"] == "json_api":
        return _api_entries(text, url, source)
    return listing.html_entries(text, url, list_rules), None


def _api_entries(
    text: str, url: str, source: ListSource
) -> tuple[list[listing.ListEntry], int | None]:
    assert source.api is not None
    try:
        data = json.loads(text)
    except ValueError:
        return [], None
    return listing.api_entries(data, source.api, url)


def wanted_entries(
    site: Site,
    entries: list[listing.ListEntry],
    out: SiteOutcome,
    *,
    since: str | None,
    seen: set[str],
    count: Callable[[str], None],
) -> Iterator[listing.ListEntry]:
    """Rows on the site, not older than `since`, with a notice-like title, not seen before.

    Every row is counted in `out`; `seen` collects the canonical URLs of the rows yielded.
    """
    for entry in entries:
        out.entries += 1
        if (urlsplit(entry.url).hostname or "") not in site.hosts:
            out.external += 1
            continue
        if since and entry.date and entry.date < since:
            out.skipped_by_date += 1
            continue
        if not site.titles.accepts(entry.title):
            out.skipped_by_title += 1
            count("notices/skipped/title")
            continue
        key = listing.canonical_url(entry.url)
        if key in seen:
            out.duplicates += 1
            continue
        seen.add(key)
        yield entry
