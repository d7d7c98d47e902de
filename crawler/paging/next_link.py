"""`next_link` and `vsb_next`: follow the page's own "next page" link."""

from __future__ import annotations

from urllib.parse import urljoin

from parsel import Selector

from crawler import listing
from crawler.paging.style import Next, Option, PagingStyle, ReadPage

_NEXT_TEXTS = ("下一页", "下页", "下一頁", "后页", "下一页>", "下一页>>", ">", "›")


def next_link(text: str, base_url: str, selector: str | None = None) -> str | None:
    """The "next page" link: a configured `css @href`, VSB's `span.p_next a`, or a 下一页 anchor."""
    sel = Selector(text=text)
    if selector:
        href = listing.select_first(sel, selector)
    else:
        href = sel.css("span.p_next a::attr(href), a[rel=next]::attr(href)").get()
        if not href:
            for a in sel.css("a[href]"):
                label = "".join(a.css("::text").getall()).strip()
                if label in _NEXT_TEXTS:
                    href = a.attrib["href"]
                    break
    if not href or href.strip().lower().startswith(listing.SKIP_HREF):
        return None
    return urljoin(base_url, href.strip())


def follow_next(page: ReadPage, selector: str | None) -> Next:
    """The page the next link points to; paging ends where there is none (or it loops)."""
    url = next_link(page.text, page.url, selector)
    if not url or url == page.url:
        return None, "no_next_link"
    return listing.PageRequest(url=url, page=page.number + 1), ""


class NextLink(PagingStyle):
    """follow a "下一页" style link (`next:` selector to override)."""

    name = "next_link"
    options = (Option("next", "selector"),)

    def next(self, page: ReadPage) -> Next:
        return follow_next(page, self.settings.get("next"))


class VsbNext(NextLink):
    """follow the `span.p_next a` link (VSB numbers pages backwards; never compute them)."""

    name = "vsb_next"
