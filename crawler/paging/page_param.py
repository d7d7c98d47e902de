"""`page_param`: the page number is a query parameter of the list URL."""

from __future__ import annotations

from crawler import listing
from crawler.paging.style import Next, Option, PagingStyle, ReadPage


class PageParam(PagingStyle):
    """`param: page` set in the query from `start:` (its value on page 2); a server that ignores
    it and serves page 1 again is detected and stopped (`repeat_page`)."""

    name = "page_param"
    options = (Option("param", "text"), Option("start", "integer"))

    def next(self, page: ReadPage) -> Next:
        n = int(self.settings.get("start", 2)) + page.number - 1
        url = listing.with_query(self.url, **{str(self.settings.get("param", "page")): n})
        return listing.PageRequest(url=url, page=page.number + 1), ""
