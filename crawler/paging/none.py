"""`none`: the list has one page."""

from __future__ import annotations

from crawler.paging.style import Next, PagingStyle, ReadPage


class SinglePage(PagingStyle):
    """only the first page."""

    name = "none"

    def next(self, page: ReadPage) -> Next:
        return None, "single_page"
