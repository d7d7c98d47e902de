"""The walk of `notices sites discover`: from the home page along the site's navigation, the
best-promising link first and breadth-first among equals, within a page budget, robots.txt
obeyed and one request at a time (the same polite path `sites add` fetches through); every page
reached is judged by its rows, and the columns whose rows read like notices are the result.

A column is kept once: a page whose notice rows another column already lists (the home's block
and the column it leads to, a landing page's excerpt of its sub-column) is the same column.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from crawler.discover.fetching import Fetch
from crawler.discover.judge import Rows, TitleJudge, page_rows
from crawler.discover.links import page_links
from crawler.discover.rank import priority
from crawler.discover.reading import read
from crawler.discover.scope import same_site
from crawler.polite_fetch import DELAY, Polite, SurveyFailed
from crawler.settings import USER_AGENT

MAX_PAGES = 40  # pages fetched at most, robots.txt aside
NOW = float("-inf")  # the rank of a step taken next: the home, a page's refresh target


class DiscoverFailed(Exception):
    """Discovery cannot start or found nothing; the message is the one line the command prints."""


@dataclass(frozen=True, slots=True)
class Column:
    url: str  # the list page's URL as linked
    name: str
    path: tuple[str, ...]  # nav labels from the home to the column, the column's own last
    rows: Rows
    found: int  # the order in which it was fetched


@dataclass(slots=True)
class Discovery:
    home: str
    pages_fetched: int = 0
    columns: list[Column] = field(default_factory=list)


@dataclass(order=True, slots=True)
class _Step:
    rank: float  # negated priority: the heap pops the smallest
    seq: int
    url: str = field(compare=False)
    path: tuple[str, ...] = field(compare=False)
    home: bool = field(default=False, compare=False)  # the home page, or where it sends to


def discover(
    home_url: str,
    fetch: Fetch,
    reads_like_notice: TitleJudge,
    *,
    max_pages: int = MAX_PAGES,
    delay: float = DELAY,
) -> Discovery:
    """Walk the site from `home_url`, judging each page's rows by `reads_like_notice`; raises
    DiscoverFailed when the home cannot be read or no column with notices is found."""
    polite = Polite(home_url, fetch, delay)
    result = Discovery(home_url)
    frontier = [_Step(NOW, 0, home_url, (), home=True)]
    seen = {home_url}
    found: list[Column] = []
    while frontier and result.pages_fetched < max_pages:
        step = heapq.heappop(frontier)
        if not _allowed(polite, step.url):
            if step.home:
                raise DiscoverFailed(f"robots.txt forbids {step.url}")
            continue
        result.pages_fetched += 1
        try:
            page = read(polite, step.url)
        except SurveyFailed as exc:
            if step.home:
                raise DiscoverFailed(f"cannot fetch the home page: {exc}") from None
            continue  # a page of the menu that does not answer is not a column
        if page.goes_to is not None:
            if page.goes_to not in seen and same_site(home_url, page.goes_to):
                seen.add(page.goes_to)
                heapq.heappush(frontier, _Step(NOW, len(seen), page.goes_to, step.path, step.home))
            elif step.home:
                raise DiscoverFailed(f"the home page sends to {page.goes_to}, another site")
            continue
        rows = page_rows(page.text, page.url, reads_like_notice)
        if rows.notices and not step.home:
            name = step.path[-1] if step.path and step.path[-1] else step.url  # an image link
            found.append(Column(step.url, name, step.path, rows, len(found)))
        _queue(frontier, seen, home_url, page.text, step.path, rows, base=page.url)
    result.columns = distinct(found)
    if not result.columns:
        raise DiscoverFailed(
            f"no column with rectification notices among {result.pages_fetched} pages"
        )
    return result


def _allowed(polite: Polite, url: str) -> bool:
    return polite.allow_all or polite.robots.can_fetch(USER_AGENT, url)


def _queue(
    frontier: list[_Step],
    seen: set[str],
    home_url: str,
    text: str,
    path: tuple[str, ...],
    rows: Rows,
    base: str,
) -> None:
    """Queue the page's navigation links not seen yet: of the site, not its rows' detail pages."""
    depth = len(path) + 1
    for link in page_links(text, base):
        if link.url in seen or link.url in rows.all_urls or not same_site(home_url, link.url):
            continue
        weight = priority(link, depth)
        if weight is None:
            continue
        seen.add(link.url)
        heapq.heappush(frontier, _Step(-weight, len(seen), link.url, (*path, link.label)))


def distinct(found: list[Column]) -> list[Column]:
    """Best first (most notice rows, then the larger share of them, then the earlier found),
    each column once: one whose notice rows a better one lists too is dropped."""
    ranked = sorted(
        found,
        key=lambda c: (-c.rows.notices, -c.rows.notices / len(c.rows.sample), c.found),
    )
    kept: list[Column] = []
    for column in ranked:
        if not any(_lists_too(k.rows, column.rows) for k in kept):
            kept.append(column)
    return kept


def _lists_too(better: Rows, rows: Rows) -> bool:
    """`better` lists every notice row of `rows`, by URL or (a link of another form) by title."""
    if rows.notice_urls <= better.all_urls:
        return True
    titles = {e.title for e in better.sample}
    return all(e.title in titles for e in rows.sample if e.url in rows.notice_urls)
