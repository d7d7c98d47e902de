"""`auto`: find how a list pages from the page itself, for sites registered without a pager.

In order: a TRS pager script (`createPageHTML(…)`, `Pager({…})`, `var countPage = N`), then a
next link (下一页, 下页, 后页, ›, », next …, as an `a`, a `span > a`, an image's alt, an
`onclick="location.href='…'"` on an `a`, `input` or `button`; VSB's backwards numbering is just
its next link), then the numbered link to the following page (`?page=3`, `list_7_3.html`). Only
URLs a page links to (or its TRS script names) are followed: nothing is computed from a guess.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from crawler import listing
from crawler.paging.style import Next, PagingStyle, ReadPage, Source
from crawler.paging.trs_js import trs_page_count, trs_page_url

# Link texts that mean "the next page", after arrows and brackets are stripped.
NEXT_WORDS = frozenset(
    {"下一页", "下页", "后页", "下一頁", "下壹页", "next", "nextpage", "next page"}
)
# A link that is only an arrow: the next page in most pagers (`>>` and `»|` are the last page).
NEXT_ARROWS = frozenset({">", "›", "»", "→", "＞", "〉"})
_ARROW_CHARS = "<>‹›«»→←＜＞〈〉[]【】()（） \u3000|"
# Class names of next-page links and their wrappers.
_NEXT_CSS = (
    "a[rel=next], link[rel=next], span.p_next a, li.next a, a.next, a.next-page, a.nextPage,"
    " .next > a, a.page-next, li.page-next a"
)
# A URL in an onclick handler: location.href='…', window.location="…", window.open('…').
_ONCLICK_URL = re.compile(
    r"(?:location(?:\.href)?|window\.open)\s*(?:=|\()\s*['\"](?P<url>[^'\"]+)['\"]"
)
# The newer TRS call with a container id first: createPageHTML('page_div', 5, 1, 'index', 'html', 100)
_TRS_DIV_CALL = re.compile(
    r"createPageHTML\(\s*['\"][\w-]+['\"]\s*,\s*(\d+)\s*,\s*\d+\s*,\s*['\"]([\w-]+)['\"]\s*,"
    r"\s*['\"](\w+)['\"]"
)
_COUNT_PAGE = re.compile(r"var\s+countPage\s*=\s*(\d+)")
_DIGITS = re.compile(r"^\d{1,4}$")


def trs_script(text: str, list_url: str) -> tuple[int, str, str] | None:
    """(page count, prefix, suffix) from any TRS pager script the page carries. A bare
    `var countPage` names its pages after the list URL's own file (index.html by default)."""
    found = trs_page_count(text)
    if found:
        return found
    m = _TRS_DIV_CALL.search(text)
    if m:
        return int(m.group(1)), m.group(2), m.group(3)
    c = _COUNT_PAGE.search(text)
    if c:
        name = urlsplit(list_url).path.rsplit("/", 1)[-1] or "index.html"
        prefix, _, suffix = name.partition(".")
        return int(c.group(1)), prefix or "index", suffix or "html"
    return None


def _label(node: Any) -> str:
    text = " ".join(node.xpath(".//text()").getall())
    if not text.strip():
        text = node.attrib.get("value") or node.attrib.get("title") or ""
        text = text or " ".join(node.xpath(".//img/@alt").getall())
    return " ".join(text.split())


def _is_next(label: str) -> tuple[bool, bool]:
    """(is a next word, is only an arrow)."""
    bare = label.strip(_ARROW_CHARS).strip().lower()
    if bare in NEXT_WORDS:
        return True, False
    return False, not bare and label.strip() in NEXT_ARROWS


def _href(node: Any) -> str | None:
    href = (node.attrib.get("href") or "").strip()
    if href and not href.lower().startswith(listing.SKIP_HREF):
        return href
    m = _ONCLICK_URL.search(node.attrib.get("onclick") or "")
    return m.group("url") if m else None


def next_links(text: str, base_url: str, number: int) -> list[str]:
    """Candidate next pages of a list page, best first: marked next links, next words, a lone
    arrow, then the numbered link to page `number + 1`."""
    sel = Selector(text=text)
    words: list[str] = []
    arrows: list[str] = []
    numbered: list[str] = []
    marked = [h for h in sel.css(_NEXT_CSS).xpath("@href").getall() if h.strip()]
    for node in sel.css("a, input[onclick], button[onclick], span[onclick], li[onclick]"):
        href = _href(node)
        if not href:
            continue
        label = _label(node)
        word, arrow = _is_next(label)
        if word:
            words.append(href)
        elif arrow:
            arrows.append(href)
        elif _DIGITS.match(label) and int(label) == number + 1:
            numbered.append(href)
    out: list[str] = []
    for href in (*marked, *words, *arrows, *numbered):
        if href.lower().startswith(listing.SKIP_HREF):
            continue
        url = urljoin(base_url, href)
        if url not in out:
            out.append(url)
    return out


class Auto(PagingStyle):
    """find the pager on the page: a TRS `createPageHTML`/`countPage` script, a next link
    (下一页, 下页, 后页, ›, », next; `a`, `span > a`, `onclick`), VSB's backwards numbering through
    its next link, or the numbered link to the following page (`?page=N`); stops on a self-link,
    a page already read, or one past the end that echoes page 1; never guesses a URL."""

    name = "auto"

    def __init__(self, source: Source) -> None:
        super().__init__(source)
        self.visited: set[str] = {listing.canonical_url(self.url)}

    def next(self, page: ReadPage) -> Next:
        self.visited.add(listing.canonical_url(page.url))
        script = trs_script(page.text, self.url)
        if script:
            count, prefix, suffix = script
            if page.number >= count:
                return None, "last_page"
            return self._go(trs_page_url(self.url, page.number, prefix, suffix), page)
        candidates = next_links(page.text, page.url, page.number)
        if not candidates:
            return None, "no_next_link"
        for url in candidates:
            if listing.canonical_url(url) not in self.visited:
                return self._go(url, page)
        return None, "repeat_link"  # every next link points to a page already read (or itself)

    def _go(self, url: str, page: ReadPage) -> Next:
        key = listing.canonical_url(url)
        if key in self.visited:
            return None, "repeat_link"
        self.visited.add(key)
        return listing.PageRequest(url=url, page=page.number + 1), ""
