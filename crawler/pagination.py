"""Where one list source stands in the spider: its page, the rows it has seen, its paging style.

How the source pages is its style's business (`crawler/paging/`); the cursor only carries the
style's instance from one response to the next, and the stops that hold for every style (a
repeated page, the page limit) stay with the spider.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crawler import listing
from crawler.paging import PagingStyle, pager
from crawler.seeds import ListSource, Site


@dataclass(slots=True)
class Cursor:
    """Where one list source is in its pagination."""

    site_id: str
    source: int  # index into site.sources
    page: int = 1
    signatures: set[tuple[str, ...]] = field(default_factory=set)
    style: PagingStyle | None = None  # made on first use, then keeps the style's state

    def paging(self, source: ListSource) -> PagingStyle:
        """The paging state of `source` (the list source this cursor walks)."""
        if self.style is None:
            self.style = pager(source)
        return self.style


def start(site: Site, index: int) -> tuple[Cursor, listing.PageRequest]:
    """The cursor of list source `index` of `site`, and its first page."""
    cursor = Cursor(site.id, index)
    return cursor, cursor.paging(site.sources[index]).first()


def page_limit(site: Site, source: ListSource, override: int | None, default: int) -> int:
    """Pages to read: `-a max_pages`, else the seed's limit, else `NOTICES_MAX_PAGES`."""
    if override:
        return override
    configured = site.max_pages or source.pagination.get("max_pages")
    return int(configured or default)
