"""What `notices sites add URL` works out from a column page: the platform, the rows, the pager,
one more list page or two, one detail page parsed, and the registry entry that says only what
differs from the platform's profile.

It fetches through the probe's path (one request at a time, robots.txt obeyed and its
Crawl-delay honoured, at least `DELAY` seconds apart): at most 1 + `MORE_PAGES` list pages and
one detail page. A page it cannot use is `SurveyFailed`, whose message is the one line the
command prints.
"""

from __future__ import annotations

import re
import time
import urllib.robotparser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from crawler import autolist, listing, paging
from crawler.blocks import classify_response
from crawler.paging import ReadPage
from crawler.platforms import PLATFORMS, Profile
from crawler.platforms.profile import AUTO_LIST
from crawler.seeds import ListSource, TitleRules
from crawler.settings import USER_AGENT
from pipelines.cleaning import clean_html
from pipelines.cleaning.site_rules import SiteCleanRules
from pipelines.common.decoding import charset_of, decode_html
from pipelines.parsing import NoticeRecord, parse_notice

Fetch = Callable[[listing.PageRequest], tuple[int, dict[str, str], bytes]]

DELAY = 1.0  # seconds between two requests to the site, at least
MORE_PAGES = 2  # list pages read after the first, to check the pager
# Words of the titles a notice column holds (one of them in some row's title, or it is no column
# of ours): the kinds of notice the archive keeps and the columns they are published in.
COLUMN_WORDS = ("巡察", "巡视", "整改", "通报", "公示", "公告", "通知", "纪检", "监察", "反馈")
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATORS = re.compile(r"\s*[-_|－—·]+\s*")


class SurveyFailed(Exception):
    """The page cannot be read as a notice column; the message says why, in one line."""


@dataclass(frozen=True, slots=True)
class ListPage:
    url: str
    rows: int
    stop: str  # why paging ends after it ("" when it goes on)


@dataclass(slots=True)
class Survey:
    url: str
    name: str  # the page's title, the site name as it calls itself
    platform: str
    encoding: str  # what the page was decoded as
    declared: str | None  # what the server or the page said it was
    rows: list[listing.ListEntry]
    rows_by: str  # "profile" (the platform's selectors) or "auto"
    where: str  # the list block, for the reader
    pagination: str  # the style that pages the list
    next_url: str | None
    pages: list[ListPage] = field(default_factory=list)
    detail_url: str | None = None
    record: NoticeRecord | None = None
    detail_problem: str | None = None
    overrides: dict[str, Any] = field(default_factory=dict)  # entry keys beyond the profile's


def detect_platform(url: str, text: str) -> str:
    """The platform whose markers the page and its URL show most (`generic` without any)."""
    haystack = f"{url}\n{text}"
    best, hits = "generic", 0
    for name, profile in PLATFORMS.items():
        found = sum(1 for marker in profile.markers if re.search(marker, haystack))
        if found > hits:
            best, hits = name, found
    return best


class _Polite:
    """One request at a time to the site, robots.txt obeyed, its Crawl-delay honoured."""

    def __init__(self, url: str, fetch: Fetch, delay: float) -> None:
        self.fetch = fetch
        self.delay = delay
        self.last = 0.0
        self.robots = urllib.robotparser.RobotFileParser()
        self.allow_all = True  # no readable robots.txt: allowed, as in Scrapy
        try:
            status, _, body = fetch(listing.PageRequest(url=urljoin(url, "/robots.txt"), page=0))
        except (OSError, ValueError):
            return
        if status < 400:
            self.allow_all = False
            self.robots.parse(body.decode("utf-8", errors="replace").splitlines())
            crawl_delay = self.robots.crawl_delay(USER_AGENT)
            if crawl_delay:
                self.delay = max(self.delay, float(crawl_delay))
        self.last = time.monotonic()

    def get(self, page: listing.PageRequest) -> tuple[int, dict[str, str], bytes]:
        if not self.allow_all and not self.robots.can_fetch(USER_AGENT, page.url):
            raise SurveyFailed(f"robots.txt disallows {page.url}")
        wait = self.last + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            return self.fetch(page)
        except (OSError, ValueError) as exc:
            raise SurveyFailed(f"cannot read {page.url}: {type(exc).__name__}: {exc}") from None
        finally:
            self.last = time.monotonic()


def _read(polite: _Polite, page: listing.PageRequest) -> tuple[str, str, str | None]:
    """(text, encoding used, encoding declared) of a page the crawler could use."""
    status, headers, body = polite.get(page)
    cookies = [v.split("=", 1)[0] for k, v in headers.items() if k.lower() == "set-cookie"]
    ctype = next((v for k, v in headers.items() if k.lower() == "content-type"), "").lower()
    verdict = classify_response(status, body, set_cookie_names=cookies, content_type=ctype)
    if verdict is not None:
        what = "blocked" if verdict.is_block else "unusable"
        raise SurveyFailed(f"{what}: {verdict.kind} at {page.url} ({verdict.detail})")
    declared = charset_of(ctype)
    text, encoding = decode_html(body, declared_encoding=declared)
    return text, encoding, declared


def _rows(profile: Profile, text: str, url: str) -> tuple[list[listing.ListEntry], str, str]:
    """The page's rows by the profile's selectors when they find dated rows, else automatic."""
    block = autolist.best_block(text, url)
    where = block.where if block else ""
    if not profile.list_rules.get("auto"):
        found = listing.html_entries(text, url, profile.list_rules)
        if any(e.date for e in found):
            return found, "profile", "profile selectors"
    return autolist.auto_entries(text, url), "auto", where


def _page_title(text: str) -> str:
    m = _TITLE_RE.search(text)
    title = " ".join((m.group(1) if m else "").split())
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p]
    # "整改通报 - 某县纪委监委" : the site's name is usually the last part
    return parts[-1] if parts else title


def survey(url: str, fetch: Fetch, *, delay: float = DELAY) -> Survey:
    """Read a column page (and a little more) and say how the crawler should read it."""
    polite = _Polite(url, fetch, delay)
    text, encoding, declared = _read(polite, listing.PageRequest(url=url, page=1))
    platform = detect_platform(url, text)
    profile = PLATFORMS[platform]
    rows, rows_by, where = _rows(profile, text, url)
    if not rows:
        raise SurveyFailed(f"not a list: no rows of dated title links on {url}")
    titles = [e.title for e in rows]
    if not any(t is None or any(w in t for w in COLUMN_WORDS) for t in titles):
        raise SurveyFailed(
            f"nothing like a notice column: none of {len(rows)} rows mentions "
            f"{'/'.join(COLUMN_WORDS[:4])}… (first: {titles[0]})"
        )
    overrides: dict[str, Any] = {}
    if rows_by == "auto" and not profile.list_rules.get("auto"):
        overrides["list"] = "auto"
    style, next_request, stop = _pager(profile, url, text, rows)
    style_name = style.name
    if style_name != profile.pagination["type"]:
        overrides["pagination"] = {"type": style_name}
    result = Survey(
        url=url,
        name=_page_title(text) or (urlsplit(url).hostname or url),
        platform=platform,
        encoding=encoding,
        declared=declared,
        rows=rows,
        rows_by=rows_by,
        where=where,
        pagination=style_name,
        next_url=next_request.url if next_request else None,
        pages=[ListPage(url, len(rows), stop)],
        overrides=overrides,
    )
    _more_pages(result, polite, style, _rules(profile, overrides), next_request)
    _detail(result, polite, profile)
    return result


def _pager(
    profile: Profile, url: str, text: str, rows: list[listing.ListEntry]
) -> tuple[paging.PagingStyle, listing.PageRequest | None, str]:
    """The style that finds a next page (the profile's first, then `auto`), having read page 1,
    its request, and why paging ends when none does."""
    names = [profile.pagination["type"]]
    if names[0] != paging.Auto.name:
        names.append(paging.Auto.name)
    tried = []
    for name in names:
        style = paging.pager(ListSource(url, {**profile.pagination, "type": name}, profile.api))
        request, reason = style.next(ReadPage(1, url, text, rows, None))
        if request is not None:
            return style, request, ""
        tried.append((style, reason))
    return tried[0][0], None, tried[0][1]


def _more_pages(
    result: Survey,
    polite: _Polite,
    style: paging.PagingStyle,
    rules: Mapping[str, Any],
    request: listing.PageRequest | None,
) -> None:
    """Follow the pager for up to MORE_PAGES pages, as the crawler would, with its stops."""
    seen = {tuple(sorted(e.url for e in result.rows))}
    number = 1
    while request is not None and number <= MORE_PAGES:
        url = request.url
        text, _, _ = _read(polite, request)
        number += 1
        rows, total = style.rows(text, url, rules)
        signature = tuple(sorted(e.url for e in rows))
        if not rows or signature in seen:
            result.pages.append(ListPage(url, len(rows), "repeat_page" if rows else "empty_page"))
            return
        seen.add(signature)
        request, stop = style.next(ReadPage(number, url, text, rows, total))
        result.pages.append(ListPage(url, len(rows), stop))


def _rules(profile: Profile, overrides: Mapping[str, Any]) -> Mapping[str, Any]:
    return AUTO_LIST if overrides.get("list") == "auto" else profile.list_rules


def _detail(result: Survey, polite: _Polite, profile: Profile) -> None:
    """Fetch and parse one detail page: the first row that looks like a notice, else the first."""
    host = urlsplit(result.url).hostname
    own = [e for e in result.rows if urlsplit(e.url).hostname == host]
    if not own:
        result.detail_problem = "no row links to this host"
        return
    rules = TitleRules()
    chosen = next((e for e in own if e.title and rules.accepts(e.title)), own[0])
    result.detail_url = chosen.url
    try:
        status, headers, body = polite.get(listing.PageRequest(url=chosen.url, page=0))
    except SurveyFailed as exc:
        result.detail_problem = str(exc)
        return
    ctype = next((v for k, v in headers.items() if k.lower() == "content-type"), "").lower()
    verdict = classify_response(status, body, content_type=ctype)
    if verdict is not None:
        result.detail_problem = f"{verdict.kind} ({verdict.detail})"
        return
    page = clean_html(
        body,
        url=chosen.url,
        declared_encoding=charset_of(ctype),
        rules=SiteCleanRules(content_selector=profile.content_selector),
    )
    result.record = parse_notice(page.text, page.meta, page.attachments)
