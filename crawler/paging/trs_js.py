"""`trs_js`: TRS writes its pager with a script; the page count is in the script, not in links."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from crawler import listing
from crawler.paging.next_link import follow_next
from crawler.paging.style import Next, Option, PagingStyle, ReadPage

_TRS_CALL_RE = re.compile(
    r"createPageHTML\(\s*(\w+)\s*,\s*(\w+)\s*,\s*[\"']([\w-]+)[\"']\s*,\s*[\"'](\w+)[\"']"
)
_TRS_PAGER_RE = re.compile(
    r"Pager\(\{[^}]*?size\s*:\s*(\d+)[^}]*?prefix\s*:\s*[\"']([\w-]+)[\"'][^}]*?"
    r"suffix\s*:\s*[\"'](\w+)[\"']",
    re.DOTALL,
)


def trs_page_count(text: str) -> tuple[int, str, str] | None:
    """(page count, file prefix, suffix) from a TRS `createPageHTML(...)` or `Pager({...})`."""
    m = _TRS_CALL_RE.search(text)
    if m:
        count_arg, prefix, suffix = m.group(1), m.group(3), m.group(4)
        if count_arg.isdigit():
            return int(count_arg), prefix, suffix
        v = re.search(rf"var\s+{re.escape(count_arg)}\s*=\s*(\d+)", text)
        if v:
            return int(v.group(1)), prefix, suffix
        return None
    p = _TRS_PAGER_RE.search(text)
    if p:
        return int(p.group(1)), p.group(2), p.group(3)
    return None


def trs_page_url(list_url: str, index: int, prefix: str, suffix: str) -> str:
    """TRS page number `index` (0-based): index.html, then index_1.html (the second page)…"""
    name = f"{prefix}.{suffix}" if index == 0 else f"{prefix}_{index}.{suffix}"
    return urljoin(list_url, name)


class TrsJs(PagingStyle):
    """TRS `createPageHTML(count, current, "index", "html")` (or `Pager({…})`) script, pages
    `index_N.html` (page 2 is `index_1.html`); falls back to next links when there is no script."""

    name = "trs_js"
    options = (Option("next", "selector"),)

    def next(self, page: ReadPage) -> Next:
        found = trs_page_count(page.text)
        if not found:
            return follow_next(page, self.settings.get("next"))
        count, prefix, suffix = found
        if page.number >= count:
            return None, "last_page"
        url = trs_page_url(self.url, page.number, prefix, suffix)
        return listing.PageRequest(url=url, page=page.number + 1), ""
