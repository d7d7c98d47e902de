"""Automatic list rows (`list: auto`): the repeated block of a page holding title links with dates.

A pure function over a page's HTML and URL, for skins no selector was written for. Every element's
children of one tag (li, tr, div, dl, dd, p, a, table …) are a candidate block; a row is a child
holding a link, its title the link's text, its date any common form found in the row beside the
link (2024-03-05, 2024/3/5, 2024年3月5日, 2024.03.05, [03-05], a day tile by its year-month).
Blocks are scored by their rows (dated, titled, not menu lines) and discounted when they sit in
chrome (nav, footer, sidebars after 点击排行/相关/推荐 headings, pagers); the words and weights are
data (`crawler/autolist/rules.py`). Siblings of the winner with the same shape (a list split in
several `ul`s) are read with it.

Titles the list cut short (`…`, `...`) are taken whole from the link's tooltip when it holds
them; otherwise the row has no title, so the spider requests the detail page (a row without a
title always passes the title rules) and the record's title comes from that page. A row dated
only by month and day has no list date either: the detail page's date is the record's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from parsel import Selector

from crawler import listing
from crawler.autolist import rules
from pipelines.common.dates import iso_date, valid_date

_SKIP_TAGS = frozenset({"script", "style", "head", "select", "option", "noscript", "textarea"})
_BRACKETS = "[]【】()（）<>〔〕 \u3000·•"
_TOKEN_RE = re.compile(r"[^a-z]+")


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a list block."""

    url: str
    title: str | None  # None when the list cut it short and no tooltip holds it whole
    date: str | None  # ISO; None when the row has no date, or only a month and day
    month_day: str | None  # "MM-DD" of a year-less row
    text: str  # the link's visible text, as shown (for reports)


@dataclass(frozen=True, slots=True)
class Block:
    """The rows of one candidate block, its score and where it sits (for reports)."""

    rows: tuple[Row, ...]
    score: float
    where: str


def entries(text: str, base_url: str, rules_: Mapping[str, Any]) -> list[listing.ListEntry]:
    """The rows of a list page: automatic for `list: auto`, else the selectors; a profile's
    selectors fall back to the automatic rows when they find none, or only undated ones (a
    menu's `li`). A seed's own selectors do not: their misses are a layout to report."""
    if rules_.get("auto"):
        return auto_entries(text, base_url)
    found = listing.html_entries(text, base_url, rules_)
    if any(e.date for e in found) or rules_.get(listing.OWN_SELECTORS):
        return found
    return auto_entries(text, base_url) or found


def auto_entries(text: str, base_url: str) -> list[listing.ListEntry]:
    """The automatic rows as list entries (Hanweb data islands are read as the page's rows)."""
    block = best_block(text, base_url)
    if block is None:
        return []
    return [
        listing.ListEntry(url=r.url, title=listing.clean_title(r.title), date=r.date)
        for r in block.rows
    ]


def best_block(text: str, base_url: str, weights: rules.Weights = rules.WEIGHTS) -> Block | None:
    """The list block of the page, or None when no block of dated title links is found."""
    records = listing.datastore_records(text)
    source = "<ul>" + "".join(records) + "</ul>" if records else text
    if not source.strip():
        return None
    root = Selector(text=source).root
    found = list(_candidates(root, base_url, weights))
    if not found:
        return None
    best_container, best_tag, best = max(found, key=lambda c: c[2].score)
    # a list split in several containers of one shape under one parent is one list
    parent = best_container.getparent()
    rows: list[Row] = []
    seen: set[str] = set()
    for container, tag, block in found:
        same_shape = (
            parent is not None
            and container.getparent() is parent
            and _shape(container) == _shape(best_container)
            and tag == best_tag
        )
        if block is best or same_shape:
            for row in block.rows:
                if row.url not in seen:
                    seen.add(row.url)
                    rows.append(row)
    return Block(tuple(rows[: listing.MAX_LIST_ROWS]), best.score, best.where)


def _candidates(root: Any, base_url: str, w: rules.Weights) -> Iterator[tuple[Any, str, Block]]:
    for container, tag, members in _row_groups(root):
        if tag == "a" and len(members) < 2:
            continue
        block = _block(container, tag, members[: listing.MAX_LIST_ROWS], base_url, w)
        if block is not None:
            yield container, tag, block


def _row_groups(root: Any) -> Iterator[tuple[Any, str, list[Any]]]:
    """Every element with its children of each row tag: the candidate blocks of a page."""
    for container in root.iter():
        if not isinstance(container.tag, str) or container.tag in _SKIP_TAGS:
            continue
        groups: dict[str, list[Any]] = {}
        for child in container:
            if isinstance(child.tag, str) and child.tag in rules.ROW_TAGS:
                groups.setdefault(child.tag, []).append(child)
        for tag, members in groups.items():
            yield container, tag, members


def _block(
    container: Any, tag: str, members: list[Any], base_url: str, w: rules.Weights
) -> Block | None:
    scored = [r for r in (_row(m, tag, base_url, w) for m in members) if r is not None]
    if not scored:
        return None
    n = len(scored)
    dated = sum(1 for r, _ in scored if r.date or r.month_day)
    titled = sum(1 for r, _ in scored if _reads_like_title(r.text, w))
    if not dated or dated / n < w.min_dated_share or titled / n < w.min_title_share:
        return None
    points = 0.0
    for row, links in scored:
        points += w.dated_row if row.date else w.yearless_row if row.month_day else 0.0
        points += w.title_row if _reads_like_title(row.text, w) else 0.0
        points += w.busy_row if links > w.busy_links else 0.0
    factor = (dated / n) * (titled / n)
    if _in_chrome(container) or _after_sidebar_heading(container):
        factor *= w.chrome_factor
    if _named_like_list(container):
        factor *= w.hint_factor
    kept = tuple(r for r, _ in scored if r.date or r.month_day or _reads_like_title(r.text, w))
    return Block(kept, points * factor, f"{_describe(container)} > {tag}")


def _row(member: Any, tag: str, base_url: str, w: rules.Weights) -> tuple[Row, int] | None:
    """The row of a block member and how many links it holds, or None without a page link."""
    anchors = [member] if tag == "a" else list(member.iter("a"))
    best: tuple[Any, str, str | None, list[str]] | None = None
    links = 0
    for a in anchors:
        href = (a.get("href") or "").strip()
        if not href or href.lower().startswith(listing.SKIP_HREF):
            continue
        url = urljoin(base_url, href)
        if not url.startswith(("http://", "https://")):
            continue
        links += 1
        shown, date_parts = _link_text(a)
        if best is None or len(shown) > len(best[1]):
            best = (a, shown, url, date_parts)
    if best is None:
        return None
    anchor, shown, url, inside = best
    beside = _text_beside(anchor, member, tag)
    date, month_day = _date(beside)
    if date is None and month_day is None:
        date, month_day = _date(" ".join(inside))
    assert url is not None
    return Row(url, _title(anchor, shown), date, month_day, shown), links


def _link_text(a: Any) -> tuple[str, list[str]]:
    """The link's visible text without the date parts some skins put inside the link."""
    words: list[str] = []
    dates: list[str] = []
    for piece in a.itertext():
        piece = " ".join(piece.split())
        if not piece:
            continue
        bare = piece.strip(_BRACKETS)
        is_date = bool(bare) and any(
            p.fullmatch(bare) for p in (rules.FULL_DATE, rules.YEARLESS_DATE, *rules.SPLIT_DATES)
        )
        (dates if is_date else words).append(piece)
    return " ".join(words), dates


def _text_beside(anchor: Any, member: Any, tag: str) -> str:
    """The row's text outside its title link (for a bare `a` row: up to the next link)."""
    if tag != "a":
        return " ".join(_texts_outside(member, anchor))
    parts = [anchor.tail or ""]
    for sib in anchor.itersiblings():
        if isinstance(sib.tag, str) and sib.tag == "a":
            break
        if isinstance(sib.tag, str):
            parts.append(" ".join(sib.itertext()))
        parts.append(sib.tail or "")
    return " ".join(parts)


def _texts_outside(el: Any, skip: Any) -> Iterator[str]:
    if el is skip:
        return
    if isinstance(el.tag, str) and el.tag not in _SKIP_TAGS and el.text:
        yield el.text
    for child in el:
        yield from _texts_outside(child, skip)
        if child.tail:
            yield child.tail


def _date(text: str) -> tuple[str | None, str | None]:
    """(ISO date, None), (None, "MM-DD") or (None, None) from a row's text."""
    if not text.strip():
        return None, None
    for m in rules.FULL_DATE.finditer(text):
        found = iso_date(m.group(0))
        if found:
            return found, None
    for pattern in rules.SPLIT_DATES:
        for m in pattern.finditer(text):
            found = valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if found:
                return found, None
    short = rules.YEARLESS_DATE.search(text)
    if short:
        month, day = (int(x) for x in re.findall(r"\d+", short.group(0))[:2])
        return None, f"{month:02d}-{day:02d}"
    return None, None


def _title(anchor: Any, shown: str) -> str | None:
    return listing.whole_title(shown, anchor.get("title"))


def _reads_like_title(text: str, w: rules.Weights) -> bool:
    bare = text.strip(_BRACKETS)
    return len(bare) >= w.min_title and bare.lower() not in rules.NAV_TEXTS


def _shape(el: Any) -> tuple[str, str]:
    return el.tag, " ".join(sorted((el.get("class") or "").split()))


def _tokens(el: Any) -> list[str]:
    return [
        t for t in _TOKEN_RE.split(f"{el.get('id') or ''} {el.get('class') or ''}".lower()) if t
    ]


def _in_chrome(container: Any) -> bool:
    for el in (container, *container.iterancestors()):
        if el.tag in rules.CHROME_TAGS:
            return True
        if any(t.startswith(rules.CHROME_TOKENS) for t in _tokens(el)):
            return True
    return False


def _after_sidebar_heading(container: Any) -> bool:
    """The block follows a short heading such as 点击排行 or 相关文章 (its own or its box's)."""
    for el in (container, container.getparent()):
        if el is None:
            continue
        prev = el.getprevious()
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()
        if prev is None:
            continue
        heading = "".join("".join(prev.itertext()).split())
        if len(heading) <= 10 and any(h in heading for h in rules.SIDEBAR_HEADINGS):
            return True
    return False


def _named_like_list(container: Any) -> bool:
    for el in (container, container.getparent()):
        if el is not None:
            names = f"{el.get('id') or ''} {el.get('class') or ''}".lower()
            if any(h in names for h in rules.LIST_HINTS):
                return True
    return False


def _describe(el: Any) -> str:
    parts = []
    for node in (el.getparent(), el):
        if node is None or not isinstance(node.tag, str):
            continue
        classes = (node.get("class") or "").split()
        ident = node.get("id")
        parts.append(
            node.tag + (f"#{ident}" if ident else "") + (f".{classes[0]}" if classes else "")
        )
    return " > ".join(parts)


__all__ = ["Block", "Row", "auto_entries", "best_block", "entries"]
