"""`template`: page URLs computed from a pattern, for sites whose pager is only numbered links."""

from __future__ import annotations

from urllib.parse import urljoin

from crawler import listing
from crawler.paging.style import Next, Option, PagingStyle, ReadPage


class Template(PagingStyle):
    """`pattern: "index_{n}.html"` (relative to the list URL) from `start:` (n of page 2);
    stops on a missing or repeated page."""

    name = "template"
    options = (Option("pattern", "text"), Option("start", "integer"))

    def next(self, page: ReadPage) -> Next:
        n = int(self.settings.get("start", 2)) + page.number - 1
        url = urljoin(self.url, str(self.settings.get("pattern", "index_{n}.html")).format(n=n))
        return listing.PageRequest(url=url, page=page.number + 1), ""
