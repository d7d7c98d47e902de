"""The links of a page a walk of its navigation may follow: each with its label (a "more" link
takes its block's heading) and where it sits (nav, side, more, frame, body); a link in a dated
list row is a detail page, not followed. A pure function over a page's HTML and URL; the words
it reads are data (`crawler/discover/words.py`).

Menus built by a script (document.write, innerHTML) still carry their links as HTML in the
script's text; those are read too, as nav links, and so are the targets of menu entries a
script drives (onclick, data-url) and of image maps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from parsel import Selector

from crawler import listing
from crawler.autolist import rules
from crawler.discover import words

_TOKEN_RE = re.compile(r"[^a-z]+")
_SCRIPT_LINK = re.compile(
    r"""<a\b[^>]*?href\s*=\s*\\?["']([^"'\\]+)\\?["'][^>]*>\s*([^<]{1,40}?)\s*</a>""",
    re.IGNORECASE,
)
_ROW_TAGS = ("li", "dd", "p")
_ONCLICK = re.compile(
    r"""(?:location(?:\.href)?\s*=\s*|location\.assign\(\s*|open\(\s*)["']([^"']+)["']"""
)
_WORDS = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "em")


@dataclass(frozen=True, slots=True)
class NavLink:
    url: str  # absolute, without its fragment
    label: str  # the link's text (its tooltip or image's alt without), or its block's heading
    place: str  # nav | side | more | frame | body


def page_links(text: str, base_url: str) -> list[NavLink]:
    """Every followable link of the page, once per URL (its first, best-placed occurrence)."""
    if not text.strip():
        return []
    root = Selector(text=text).root
    found: dict[str, NavLink] = {}
    every = (*_anchor_links(root, base_url), *_frame_links(root, base_url))
    for link in (*every, *_script_links(root, base_url)):
        kept = found.get(link.url)
        if kept is None or _better(link, kept):
            found[link.url] = link
    return list(found.values())


def _better(new: NavLink, old: NavLink) -> bool:
    weight = words.PLACE_WEIGHTS
    return (weight[new.place], bool(new.label)) > (weight[old.place], bool(old.label))


def _anchor_links(root: Any, base_url: str) -> Iterator[NavLink]:
    for a in root.iter():
        url = _target(_href(a), base_url) if isinstance(a.tag, str) else None
        if url is None:
            continue
        label = _label(a)
        if _in_dated_row(a):
            continue  # a list row: its link is a detail page
        if _is_more(label):
            yield NavLink(url, _heading(a) or label, "more")
        else:
            yield NavLink(url, label, _place(a))


def _href(el: Any) -> str | None:
    """Where an element links to: a link's href, else where its click or data attribute sends
    (menus a script drives: `onclick="location.href='/xsxc/'"`, `data-url="/xsxc/"`)."""
    href = el.get("href") if el.tag in ("a", "area") else None
    if href and not href.strip().lower().startswith(listing.SKIP_HREF):
        return str(href)
    for attr in words.LINK_ATTRS:
        if el.get(attr):
            return str(el.get(attr))
    m = _ONCLICK.search(el.get("onclick") or "")
    return m.group(1) if m else None


def _frame_links(root: Any, base_url: str) -> Iterator[NavLink]:
    """A frame's page is part of the page (old sites frame their menu or their main part)."""
    for frame in (*root.iter("frame"), *root.iter("iframe")):
        url = _target(frame.get("src"), base_url)
        if url is not None:
            yield NavLink(url, " ".join((frame.get("title") or "").split()), "frame")


def _in_dated_row(a: Any) -> bool:
    """The link sits in a row of a dated list: a date beside it in its li, dd or p, which has
    siblings like it (a top bar's lone line shows today's date beside 网站地图; a table's row is
    left to the label's length, for the same reason)."""
    row = next((el for el in a.iterancestors() if el.tag in _ROW_TAGS), None)
    parent = row.getparent() if row is not None else None
    if row is None or parent is None or len(parent.findall(row.tag)) < 2:
        return False
    beside = "".join(row.itertext()).replace("".join(a.itertext()), " ", 1)
    return bool(rules.FULL_DATE.search(beside) or rules.YEARLESS_DATE.search(beside))


def _names_a_block(text: str) -> bool:
    """A heading's text: words, not a row's date nor another "more" link."""
    if not _WORDS.search(text) or _is_more(text):
        return False
    return not (rules.FULL_DATE.search(text) or rules.YEARLESS_DATE.search(text))


def _script_links(root: Any, base_url: str) -> Iterator[NavLink]:
    for script in root.iter("script"):
        for href, shown in _SCRIPT_LINK.findall(script.text or ""):
            url = _target(href, base_url)
            if url is not None:
                yield NavLink(url, " ".join(shown.split()), "nav")


def _target(href: str | None, base_url: str) -> str | None:
    href = (href or "").strip()
    if not href or href.startswith("#") or href.lower().startswith(listing.SKIP_HREF):
        return None
    url = urldefrag(urljoin(base_url, href)).url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    if parts.path.lower().endswith(words.FILE_SUFFIXES):
        return None
    return url


def _label(a: Any) -> str:
    shown = " ".join("".join(a.itertext()).split())
    if shown:
        return shown
    alts = [img.get("alt") for img in a.iter("img", "area") if img.get("alt")]
    return " ".join((a.get("title") or (alts[0] if alts else "")).split())


def _is_more(label: str) -> bool:
    bare = label.strip(" []【】()（）<>›»+＋").strip()
    return not bare or any(bare.startswith(w) or bare.endswith(w) for w in words.MORE_WORDS)


def _tokens(el: Any) -> list[str]:
    raw = f"{el.get('id') or ''} {el.get('class') or ''}".lower()
    return [t for t in _TOKEN_RE.split(raw) if t]


def _place(a: Any) -> str:
    for el in a.iterancestors():
        if el.tag == "nav" or any(k in t for t in _tokens(el) for k in words.NAV_TOKENS):
            return "nav"
        if el.tag == "aside" or any(t.startswith(words.SIDE_TOKENS) for t in _tokens(el)):
            return "side"
    return "body"


def _heading(a: Any) -> str:
    """The heading of the block a "more" link closes: the first short heading-like text in the
    link's enclosing boxes, nearest first."""
    above = list(a.iterancestors())
    for box in above[:3]:
        for el in box.iter():
            if el is a or not isinstance(el.tag, str) or el in above:
                continue
            if el.tag == "a" and _is_more(_label(el)):
                continue
            named = el.tag in _HEADINGS or any(
                t.startswith(words.HEADING_TOKENS) for t in _tokens(el)
            )
            text = " ".join("".join(el.itertext()).split())
            if named and len(text) <= words.MAX_LABEL and _names_a_block(text):
                return text
    return ""
