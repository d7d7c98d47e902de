"""Which rows of a list page are worth a detail request."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from crawler import listing
from crawler.outcomes import SiteOutcome
from crawler.seeds import Site


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
        key = listing.canonical_url(entry.url, site.hosts)
        if key in seen:
            out.duplicates += 1
            continue
        seen.add(key)
        yield entry
