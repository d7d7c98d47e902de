"""The benchmark farm: generated TRS sites whose pages and counts match `bench_truth`."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urljoin

import pytest

from crawler.demo.server import Farm
from tests.farm.bench_farm import (
    EDIT,
    Changes,
    bench_truth,
    detail_path,
    second_night,
    start_bench_farm,
)

SITES, DETAILS, PER_PAGE = 2, 45, 10
ROW = re.compile(r'<li><a href="(\./\d{6}/t\d{8}_\d+\.html)" target="_blank" title="([^"]+)"')


@pytest.fixture(scope="module")
def farm() -> Iterator[Farm]:
    with start_bench_farm(0, SITES, DETAILS, PER_PAGE) as running:
        yield running


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_list_pages_reach_every_detail_once(farm: Farm) -> None:
    truth = bench_truth(SITES, DETAILS, PER_PAGE)
    assert truth["details"] == SITES * DETAILS
    assert truth["list_pages"] == SITES * 5
    for site_id, site in truth["sites"].items():
        details: list[str] = []
        for path in site["list_paths"]:
            status, html = get(farm.url(site_id, path))
            assert status == 200
            assert f"var countPage = {len(site['list_paths'])}//" in html
            details += [urljoin(path, href) for href, _ in ROW.findall(html)]
        assert sorted(details) == sorted(detail_path(n) for n in range(DETAILS))
        assert get(farm.url(site_id, f"/xxgk/index_{len(site['list_paths'])}.html"))[0] == 404


def test_every_second_detail_is_a_notice_and_pages_are_stable(farm: Farm) -> None:
    titles = []
    for n in range(6):
        status, html = get(farm.url("bench-1", detail_path(n)))
        assert status == 200
        match = re.search(r'<meta name="ArticleTitle" content="([^"]+)"', html)
        assert match
        titles.append(match.group(1))
        assert html == get(farm.url("bench-1", detail_path(n)))[1]
    assert all(("巡察" in t or "巡视" in t) and "整改" in t for t in titles[::2])
    assert bench_truth(SITES, DETAILS, PER_PAGE)["sites"]["bench-1"]["notices"] == 23


def test_bench_sites_differ_and_unknown_details_are_404(farm: Farm) -> None:
    one = get(farm.url("bench-1", detail_path(0)))[1]
    two = get(farm.url("bench-2", detail_path(0)))[1]
    assert one != two
    assert get(farm.url("bench-1", detail_path(DETAILS)))[0] == 404
    assert get(farm.url("bench-1", "/xxgk/202101/t20990101_3.html"))[0] == 404


def listed_paths(farm: Farm, site_id: str) -> list[str]:
    """Every detail the site's list pages show, following its pages from the first."""
    details: list[str] = []
    page = 0
    while True:
        path = "/xxgk/index.html" if page == 0 else f"/xxgk/index_{page}.html"
        status, html = get(farm.url(site_id, path))
        if status != 200:
            return details
        details += [urljoin(path, href) for href, _ in ROW.findall(html)]
        page += 1


def test_second_night_touches_the_share_asked_on_every_tenth_site() -> None:
    plan = second_night(100, 200)
    assert sorted(plan, key=lambda s: int(s.split("-")[1])) == [
        f"bench-{i}" for i in range(10, 101, 10)
    ]
    assert sum(c.count for c in plan.values()) == 200  # 1% of 100 x 200 notices
    c = plan["bench-10"]
    assert (c.added, len(c.edited), len(c.removed)) == (6, 7, 7)
    assert not c.edited & c.removed and min(c.edited | c.removed) >= 200 - 20  # first list page


def test_the_second_night_adds_edits_and_removes() -> None:
    changes = {"bench-1": Changes(2, frozenset({44}), frozenset({43}))}
    with start_bench_farm(0, 2, DETAILS, PER_PAGE, all_notices=True, changes=changes) as farm:
        before = {site: listed_paths(farm, site) for site in ("bench-1", "bench-2")}
        edited_before = get(farm.url("bench-1", detail_path(44)))[1]
        assert get(farm.url("bench-1", detail_path(DETAILS)))[0] == 404  # not yet
        farm.set_epoch(2)
        after = {site: listed_paths(farm, site) for site in ("bench-1", "bench-2")}
        assert after["bench-2"] == before["bench-2"]  # an unchanged site stays the same
        new = [detail_path(DETAILS + 1), detail_path(DETAILS)]
        assert after["bench-1"][:2] == new and detail_path(43) not in after["bench-1"]
        assert len(after["bench-1"]) == DETAILS + 1
        assert all(get(farm.url("bench-1", p))[0] == 200 for p in new)
        assert get(farm.url("bench-1", detail_path(43)))[0] == 404
        edited = get(farm.url("bench-1", detail_path(44)))[1]
        assert EDIT in edited and EDIT not in edited_before
