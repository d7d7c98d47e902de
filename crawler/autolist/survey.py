"""What a page shows when no list rows were read from it (for `notices sites probe`): its title,
its links and how many have a date beside them, its largest repeated block, and a hint of what
kind of page it is (a login or captcha page, rows the automatic list would read, a JavaScript
shell, a home page, rows without dates).

A pure function over the page's HTML and URL. It reuses the automatic list's row and date reading
(`crawler.autolist`), so "a date beside a link" means here what it means to `list: auto`. The
words and thresholds of the hints are data (`SurveyRules`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import islice
from typing import Any
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from crawler import listing
from crawler.autolist import (
    _date,
    _describe,
    _link_text,
    _row,
    _row_groups,
    _texts_outside,
    best_block,
    rules,
)


@dataclass(frozen=True, slots=True)
class SurveyRules:
    """When a page gets which hint."""

    js_max_links: int = 10  # a page with scripts and at most this many links is a JS shell
    # A home page: the site's root without dated links, or many links that no block dominates.
    home_min_links: int = 40
    home_block_share: float = 0.5  # of the links, that the largest block holds at most
    rows_min: int = 3  # rows of a block without dates worth a "no dates" hint
    row_depth: int = 3  # ancestors of a link searched for its row (the largest with one link)
    login_words: tuple[str, ...] = ("验证码", "请登录", "用户登录", "滑动验证", "captcha")


RULES = SurveyRules()


@dataclass(frozen=True, slots=True)
class RepeatedBlock:
    where: str  # "div.main > ul.list > li": the container's parent, the container, the row tag
    rows: int  # rows holding a link
    dated: int  # of them, rows with a date beside their link


@dataclass(frozen=True, slots=True)
class PageSurvey:
    title: str | None
    links: int  # links to pages (not javascript:, mailto:, #)
    dated_links: int  # links with a date beside them in their row
    scripts: int
    block: RepeatedBlock | None  # the largest repeated block of link rows
    auto_rows: int  # rows `list: auto` reads from the page
    auto_where: str | None  # where `list: auto` reads them
    hint: str | None

    def summary(self) -> str:
        """One line for a report."""
        parts = [
            f"title {self.title!r}" if self.title else "no title",
            f"{self.links} links, {self.dated_links} with a date",
        ]
        b = self.block
        parts.append(
            f"largest block {b.where} ×{b.rows} ({b.dated} dated)" if b else "no repeated block"
        )
        if self.hint:
            parts.append(self.hint)
        return "; ".join(parts)


def survey_page(text: str, base_url: str, rules_: SurveyRules = RULES) -> PageSurvey:
    sel = Selector(text=text or "<html></html>")
    title = " ".join(" ".join(sel.css("title::text").getall()).split()) or None
    anchors = [a for a in sel.root.iter("a") if _page_link(a, base_url)]
    dated = sum(1 for a in anchors if _dated(a, base_url, rules_))
    scripts = len(sel.root.findall(".//script"))
    block = _largest_block(sel.root, base_url)
    auto = best_block(text, base_url) if text.strip() else None
    survey = PageSurvey(
        title=title,
        links=len(anchors),
        dated_links=dated,
        scripts=scripts,
        block=block,
        auto_rows=len(auto.rows) if auto else 0,
        auto_where=auto.where if auto else None,
        hint=None,
    )
    at_root = urlsplit(base_url).path in ("", "/")
    return replace(survey, hint=_hint(survey, sel, at_root, rules_))


def _hint(s: PageSurvey, sel: Selector, at_root: bool, r: SurveyRules) -> str | None:
    visible = " ".join(
        sel.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]").getall()
    )
    worded = s.links < r.home_min_links and any(w in visible.lower() for w in r.login_words)
    if sel.css("input[type=password]") or worded:  # a home page's login box is no login page
        return "looks like a login or captcha page"
    if s.auto_rows:
        return (
            f"`list: auto` reads {s.auto_rows} rows ({s.auto_where}): the list selectors miss them"
        )
    if s.scripts and s.links <= r.js_max_links:
        return f"looks rendered by JavaScript ({s.scripts} scripts, {s.links} links)"
    block_rows = s.block.rows if s.block else 0
    spread = s.links >= r.home_min_links and block_rows < s.links * r.home_block_share
    if spread or (at_root and not s.dated_links):
        return "looks like a home page; try `notices sites discover URL`"
    if s.block and s.block.rows >= r.rows_min and not s.block.dated:
        return f"has {s.block.rows} rows but no dates beside them"
    return None


def _page_link(a: Any, base_url: str) -> bool:
    href = (a.get("href") or "").strip()
    if not href or href.lower().startswith(listing.SKIP_HREF):
        return False
    return urljoin(base_url, href).startswith(("http://", "https://"))


def _dated(anchor: Any, base_url: str, r: SurveyRules) -> bool:
    """A date in the link's row: the largest of its near ancestors holding no other link."""
    row = anchor
    for parent in list(anchor.iterancestors())[: r.row_depth]:
        links = (a for a in parent.iter("a") if _page_link(a, base_url))
        if next(islice(links, 1, None), None) is not None:  # a second link: another row's
            break
        row = parent
    _, inside = _link_text(anchor)
    beside = " ".join(_texts_outside(row, anchor)) if row is not anchor else ""
    found, month_day = _date(f"{beside} {' '.join(inside)}")
    return bool(found or month_day)


def _largest_block(root: Any, base_url: str) -> RepeatedBlock | None:
    """The container whose children of one tag hold the most link rows (two at least)."""
    best: RepeatedBlock | None = None
    for container, tag, members in _row_groups(root):
        found = [_row(m, tag, base_url, rules.WEIGHTS) for m in members]
        rows = [row for row, _ in (f for f in found if f is not None)]
        if len(rows) >= 2 and (best is None or len(rows) > best.rows):
            dated = sum(1 for row in rows if row.date or row.month_day)
            best = RepeatedBlock(f"{_describe(container)} > {tag}", len(rows), dated)
    return best
