"""Which rows of a list page are worth a detail request."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from crawler import listing
from crawler.outcomes import SiteOutcome
from crawler.seeds import Site


def is_relevant(site: Site, entry: listing.ListEntry, since: str | None) -> bool:
    """A row the crawler would fetch: on the site, not older than `since`, a notice-like title."""
    return (
        (urlsplit(entry.url).hostname or "") in site.hosts
        and not (since and entry.date and entry.date < since)
        and site.titles.accepts(entry.title)
    )


def wanted_entries(
    site: Site,
    entries: list[listing.ListEntry],
    out: SiteOutcome,
    *,
    since: str | None,
    seen: set[str],
    count: Callable[[str], None],
    known: Callable[[listing.ListEntry], bool] = lambda entry: False,
) -> Iterator[listing.ListEntry]:
    """Rows on the site, not older than `since`, with a notice-like title, not seen before, and
    not `known` (already archived as listed: crawler/incremental.py).

    Every row is counted in `out`; `seen` collects the canonical URLs of the rows passed over.
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
        if known(entry):
            out.known += 1
            count("notices/incremental/known_rows")
            continue
        yield entry
