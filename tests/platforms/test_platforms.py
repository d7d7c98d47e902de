"""Each platform's profile and paging style, crawled on its fixture site (or on saved pages).

The loop below is the spider's list walk without Scrapy's engine: first page from the style, rows
by the profile's rules, next page from the style, ending where the spider ends (an empty page, a
page seen before, a missing page). It must reach every list page of the site's ground truth,
none of its never-requested pages, and a row with the title and date of every notice.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes

from crawler import listing
from crawler.pagination import Cursor
from crawler.paging import ReadPage
from crawler.platforms import PLATFORMS
from crawler.responses import page_text
from crawler.seeds import REPO_SEEDS, Site, load_registry
from tests.farm import load_truth, start_farm

ROOT = Path(__file__).resolve().parents[2]
FARM_SEEDS = ROOT / "tests" / "fixtures" / "farm_seeds"

# platform -> the fixture sites that exercise its profile (farm-api: the json_api style)
FARM_SITES = {
    "trs": ["farm-trs"],
    "hanweb": ["farm-hanweb"],
    "vsb": ["farm-vsb"],
    "generic": ["farm-gbk", "farm-mutable", "farm-api"],
}
STOPS = {"last_page", "no_next_link", "no_next_group", "empty_page", "repeat_page", "missing_page"}
Fetch = Callable[[listing.PageRequest], tuple[int, dict[str, str], bytes]]


@dataclass
class Walk:
    asked: list[listing.PageRequest] = field(default_factory=list)
    rows: list[listing.ListEntry] = field(default_factory=list)
    stops: list[str] = field(default_factory=list)


def walk(site: Site, fetch: Fetch, limit: int = 20) -> Walk:
    """Every list source of `site`, paged as the spider pages it."""
    out = Walk()
    for index, source in enumerate(site.sources):
        cursor = Cursor(site.id, index)
        style = cursor.paging(source)
        request: listing.PageRequest | None = style.first()
        seen: set[tuple[str, ...]] = set()
        reason = "limit"
        while request is not None and cursor.page <= limit:
            out.asked.append(request)
            status, headers, body = fetch(request)
            if status >= 400:
                reason = "missing_page"
                break
            kind = responsetypes.from_args(headers=Headers(headers), url=request.url, body=body)
            response = kind(request.url, status=status, headers=headers, body=body)
            text = page_text(site, response)
            rows, total = style.rows(text, request.url, site.list_rules)
            signature = tuple(sorted(e.url for e in rows))
            if not rows or signature in seen:
                reason = "repeat_page" if rows else "empty_page"
                break
            seen.add(signature)
            out.rows.extend(rows)
            request, reason = style.next(ReadPage(cursor.page, request.url, text, rows, total))
            cursor.page += 1
        out.stops.append(reason)
    return out


def http_fetch(request: listing.PageRequest) -> tuple[int, dict[str, str], bytes]:
    r = urllib.request.Request(
        request.url, data=request.body, method=request.method, headers=dict(request.headers)
    )
    try:
        with urllib.request.urlopen(r, timeout=10) as answer:
            return answer.status, dict(answer.headers.items()), answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers.items()), exc.read()


def page_key(method: str, target: str, body: str = "") -> tuple[Any, ...]:
    """A list page as the truth names it: method, path, query, and a form or JSON body."""
    parts = urlsplit(target)
    path = parts.path + ("index.html" if parts.path.endswith("/") else "")
    try:
        parsed: Any = json.dumps(json.loads(body), sort_keys=True) if body else ""
    except ValueError:
        parsed = tuple(sorted(parse_qsl(body)))
    return (method, path, tuple(sorted(parse_qsl(parts.query))), parsed)


def truth_key(entry: str) -> tuple[Any, ...]:
    method, _, rest = entry.partition(" ") if entry.startswith("POST ") else ("GET", "", entry)
    target, _, body = rest.partition(" ")
    return page_key(method, target, body)


@pytest.fixture(scope="module")
def farm_sites() -> Iterator[tuple[Any, dict[str, Site]]]:
    with start_farm(sites="farm", port=0) as farm, pytest.MonkeyPatch.context() as mp:
        mp.setenv("NOTICES_FARM_PORT", str(farm.port))
        yield farm, {s.id: s for s in load_registry(FARM_SEEDS).all_sites()}


@pytest.mark.parametrize(
    ("platform", "site_id"), [(p, s) for p, sites in FARM_SITES.items() for s in sites]
)
def test_profile_and_paging_crawl_the_fixture_site(
    farm_sites: tuple[Any, dict[str, Site]], platform: str, site_id: str
) -> None:
    farm, sites = farm_sites
    site = sites[site_id]
    assert site.platform == platform
    result = walk(site, http_fetch)
    assert set(result.stops) <= STOPS, result.stops
    asked = [page_key(r.method, r.url, (r.body or b"").decode()) for r in result.asked]
    truth = load_truth(site_id)
    for entry in truth.list_paths:
        assert truth_key(entry) in asked, f"list page not reached: {entry}"
    for never in truth.never_paths:
        assert truth_key(never) not in asked, f"asked for a page past the end: {never}"
    found = {listing.canonical_url(row.url): row for row in result.rows}
    for notice in truth.notices:
        row = found.get(listing.canonical_url(farm.url(site_id, notice.path)))
        assert row is not None, f"no row for {notice.title}"
        assert (row.title, row.date) == (notice.title, notice.published)


# Platforms without a fixture site yet: a few saved pages, keyed by URL.
SAVED_SEEDS = """\
regions:
  - code: "990100"
    name: 存档
    pinyin: saved
    sites:
      - id: saved-gov-cn
        name: 某省人民政府 通知公告
        platform: gov_cn
        list_urls: ["http://gov.test/zwgk/tzgg/home.htm"]
      - id: saved-gkmlpt
        name: 某市人民政府 政府信息公开
        platform: gkmlpt
        list_urls:
          - url: "http://gk.test/gkmlpt/index"
            api: {url: "/gkmlpt/api/all/0?sid=200001", params: {page: "{page}"},
                  results_path: articles, date_field: created_at}
"""
GOV_ROW = '<li><a href="./{id}/content_{id}.htm" title="{title}">{title}</a><span>{d}</span></li>'
GOV_PAGE = (
    '<div class="list"><ul>{rows}</ul></div>'
    '<script>createPageHTML(2, {current}, "home", "htm");</script>'
)


def gov_page(current: int, ids: list[int]) -> bytes:
    rows = "".join(
        GOV_ROW.format(id=i, title=f"关于第{i}轮巡察整改情况的通报", d="2023-06-19") for i in ids
    )
    return GOV_PAGE.format(rows=rows, current=current).encode()


def gk_page(ids: list[int]) -> bytes:
    articles = [
        {
            "title": f"巡察整改通报{i}",
            "url": f"/gkmlpt/content/0/{i}/post_{i}.html",
            "created_at": 1686879000,
        }
        for i in ids
    ]
    return json.dumps({"articles": articles}).encode()


SAVED: dict[str, dict[str, bytes]] = {
    "gov_cn": {
        "http://gov.test/zwgk/tzgg/home.htm": gov_page(0, [101, 102]),
        "http://gov.test/zwgk/tzgg/home_1.htm": gov_page(1, [103]),
    },
    "gkmlpt": {
        "http://gk.test/gkmlpt/api/all/0?sid=200001&page=1": gk_page([1, 2]),
        "http://gk.test/gkmlpt/api/all/0?sid=200001&page=2": gk_page([3]),
        "http://gk.test/gkmlpt/api/all/0?sid=200001&page=3": gk_page([]),
    },
}
SAVED_ROWS = {
    "gov_cn": [f"http://gov.test/zwgk/tzgg/{i}/content_{i}.htm" for i in (101, 102, 103)],
    "gkmlpt": [f"http://gk.test/gkmlpt/content/0/{i}/post_{i}.html" for i in (1, 2, 3)],
}
SAVED_STOP = {"gov_cn": "last_page", "gkmlpt": "empty_page"}  # no total: the empty page ends it


@pytest.mark.parametrize("platform", sorted(SAVED))
def test_profile_and_paging_read_saved_pages(tmp_path: Path, platform: str) -> None:
    (tmp_path / "saved.yaml").write_text(SAVED_SEEDS, encoding="utf-8")
    (site,) = [s for s in load_registry(tmp_path).all_sites() if s.platform == platform]
    pages = SAVED[platform]

    def fetch(request: listing.PageRequest) -> tuple[int, dict[str, str], bytes]:
        body = pages.get(request.url)
        ctype = "application/json" if platform == "gkmlpt" else "text/html; charset=utf-8"
        return (200, {"Content-Type": ctype}, body) if body is not None else (404, {}, b"")

    result = walk(site, fetch)
    assert [r.url for r in result.asked] == list(pages)
    assert [row.url for row in result.rows] == SAVED_ROWS[platform]
    assert result.stops == [SAVED_STOP[platform]]
    assert all(row.date for row in result.rows)


def test_every_platform_has_a_fixture() -> None:
    assert set(FARM_SITES) | set(SAVED) == set(PLATFORMS)


def test_docs_and_example_name_every_platform() -> None:
    docs = (ROOT / "docs" / "adding-a-site.md").read_text(encoding="utf-8")
    assert re.findall(r"\| `(\w+)` \|$", docs, re.MULTILINE) == list(PLATFORMS)
    example = (REPO_SEEDS / "_example.yaml").read_text(encoding="utf-8")
    named = re.search(r"platform: \w+ +# required: (.*)", example)
    assert named and named.group(1).split(" | ") == list(PLATFORMS)
