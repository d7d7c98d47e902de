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
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from crawler import autolist, listing, paging
from crawler.blocks import classify_response
from crawler.paging import ReadPage
from crawler.platforms import PLATFORMS, Profile
from crawler.platforms.profile import AUTO_LIST
from crawler.polite_fetch import (
    DELAY,
    Fetch,
    Polite,
    SurveyFailed,
    content_type,
    detect_platform,
    read_page,
)
from crawler.seeds import ListSource, TitleRules
from pipelines.cleaning import clean_html
from pipelines.cleaning.site_rules import SiteCleanRules
from pipelines.common.decoding import charset_of
from pipelines.parsing import NoticeRecord, parse_notice

MORE_PAGES = 2  # list pages read after the first, to check the pager
# Words of the titles a notice column holds (one of them in some row's title, or it is no column
# of ours): the kinds of notice the archive keeps and the columns they are published in.
COLUMN_WORDS = ("巡察", "巡视", "整改", "通报", "公示", "公告", "通知", "纪检", "监察", "反馈")
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATORS = re.compile(r"\s*[-_|－—·]+\s*")


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


def _rows(profile: Profile, text: str, url: str) -> tuple[list[listing.ListEntry], str, str]:
    """The page's rows by the profile's selectors when they find dated rows, else automatic;
    automatic too when the selectors take rows of the list block and others (a sidebar's)."""
    block = autolist.best_block(text, url)
    where = block.where if block else ""
    auto = autolist.auto_entries(text, url)
    if not profile.list_rules.get("auto"):
        found = listing.html_entries(text, url, profile.list_rules)
        listed, automatic = {e.url for e in found}, {e.url for e in auto}
        strays = bool(listed & automatic) and bool(listed - automatic)
        if any(e.date for e in found) and not strays:
            return found, "profile", "profile selectors"
    return auto, "auto", where


def _page_title(text: str) -> str:
    m = _TITLE_RE.search(text)
    title = " ".join((m.group(1) if m else "").split())
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p]
    # "整改通报 - 某县纪委监委" : the site's name is usually the last part
    return parts[-1] if parts else title


def survey(url: str, fetch: Fetch, *, delay: float = DELAY) -> Survey:
    """Read a column page (and a little more) and say how the crawler should read it."""
    polite = Polite(url, fetch, delay)
    text, encoding, declared = read_page(polite, listing.PageRequest(url=url, page=1))
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
    polite: Polite,
    style: paging.PagingStyle,
    rules: Mapping[str, Any],
    request: listing.PageRequest | None,
) -> None:
    """Follow the pager for up to MORE_PAGES pages, as the crawler would, with its stops."""
    seen = {tuple(sorted(e.url for e in result.rows))}
    number = 1
    while request is not None and number <= MORE_PAGES:
        url = request.url
        text, _, _ = read_page(polite, request)
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


def _detail(result: Survey, polite: Polite, profile: Profile) -> None:
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
    verdict = classify_response(status, body, content_type=content_type(headers))
    if verdict is not None:
        result.detail_problem = f"{verdict.kind} ({verdict.detail})"
        return
    page = clean_html(
        body,
        url=chosen.url,
        declared_encoding=charset_of(content_type(headers)),
        rules=SiteCleanRules(content_selector=profile.content_selector),
    )
    result.record = parse_notice(page.text, page.meta, page.attachments)
