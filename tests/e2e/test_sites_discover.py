"""`notices sites discover` against the farm's home sites over real HTTP: every notice column is
found with sample rows and no decoy is listed; the page budget, robots.txt and the site's bounds
hold (the farm's request log says so); `sites add` takes a discovered column; bad input is one
line and exit 1 or 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from typer.testing import CliRunner

from crawler import discover, listing
from crawler.cli import app
from crawler.cli.discover_titles import reads_like_notice
from crawler.discover.fetching import site_fetch
from crawler.seeds import check_registry, load_registry
from tests.farm import load_truth
from tests.farm.catalog import site_root

runner = CliRunner()
HOMES = ("farm-home-county", "farm-home-gbk", "farm-home-xxgk")
FAST = ("--delay", "0")  # the farm is local: no politeness delay


def expected(site: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads((site_root(site) / "discover.json").read_text("utf-8"))
    return found


def run(*args: str) -> Any:
    return runner.invoke(app, ["sites", "discover", *args])


def pages(farm: Any, site: str) -> list[str]:
    return [r.target for r in farm.requests_for(site) if r.path != "/robots.txt"]


@pytest.fixture(scope="module")
def discovered(farm: Any) -> dict[str, dict[str, Any]]:
    out = {}
    for site in HOMES:
        result = run(farm.url(site, "/"), "--json", *FAST)
        assert result.exit_code == 0, result.output
        out[site] = json.loads(result.stdout)
    return out


@pytest.mark.parametrize("site", HOMES)
def test_every_notice_column_is_found_with_sample_rows(
    farm: Any, discovered: dict[str, dict[str, Any]], site: str
) -> None:
    found, want, truth = discovered[site], expected(site), load_truth(site)
    assert found["home"] == farm.url(site, "/") and found["pages_fetched"] >= 1
    pages_of = {farm.url(site, p) for p in [*truth.list_paths, *truth.start_paths]}
    rows_of = {farm.url(site, p.path) for p in [*truth.notices, *truth.non_notices]}
    for column in want["columns"]:
        urls = {farm.url(site, p) for p in column["paths"]}
        listed = [c for c in found["columns"] if c["url"] in urls]
        assert len(listed) == 1, (column, found["columns"])
        got = listed[0]
        assert got["name"] == column["labels"][-1]
        assert got["path"][-len(column["labels"]) :] == column["labels"]
        assert got["notices"] >= 3 and got["rows"], got
        assert {r["url"] for r in got["rows"]} <= rows_of
        assert all(r["title"] and r["date"] for r in got["rows"])
    assert {c["url"] for c in found["columns"]} <= pages_of | {
        farm.url(site, p) for c in want["columns"] for p in c["paths"]
    }
    ranked = [c["notices"] for c in found["columns"]]
    assert ranked == sorted(ranked, reverse=True)


@pytest.mark.parametrize("site", HOMES)
def test_decoys_are_walked_but_not_listed(
    farm: Any, discovered: dict[str, dict[str, Any]], site: str
) -> None:
    listed = {urlsplit(c["url"]).path for c in discovered[site]["columns"]}
    assert not listed & set(expected(site)["decoys"])
    assert len(listed) == len(expected(site)["columns"])


def test_robots_and_the_page_budget_are_obeyed(farm: Any) -> None:
    site = "farm-home-county"
    farm.reset()
    result = run(farm.url(site, "/"), "--json", *FAST)
    assert result.exit_code == 0, result.output
    walked = pages(farm, site)
    assert len(walked) == json.loads(result.stdout)["pages_fetched"] <= discover.MAX_PAGES
    forbidden = expected(site)["forbidden"]
    assert forbidden and not [p for p in walked if p.startswith(tuple(forbidden))]
    farm.reset()
    result = run(farm.url(site, "/"), "--json", "--max-pages", "3", *FAST)
    assert result.exit_code == 0, result.output
    assert len(pages(farm, site)) == json.loads(result.stdout)["pages_fetched"] == 3


def test_only_the_site_itself_is_requested(farm: Any) -> None:
    site = "farm-home-xxgk"
    home = farm.url(site, "/")
    fetch = site_fetch(home)
    asked: list[str] = []

    def recording(page: listing.PageRequest) -> tuple[int, dict[str, str], bytes]:
        asked.append(page.url)
        return fetch(page)

    found = discover.discover(home, recording, reads_like_notice, delay=0)
    assert found.columns and asked
    assert {urlsplit(u).netloc for u in asked} == {urlsplit(home).netloc}


def test_sites_add_takes_a_discovered_column(
    farm: Any, discovered: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    (tmp_path / "zidong.yaml").write_text(
        'regions:\n  - code: "990000"\n    name: 自动登记\n    pinyin: zidong\n    sites: []\n',
        encoding="utf-8",
    )
    column = discovered["farm-home-gbk"]["columns"][0]
    result = runner.invoke(
        app,
        [
            "sites",
            "add",
            column["url"],
            "--seeds",
            str(tmp_path),
            "--region",
            "990000",
            "--write",
            "--delay",
            "0",
        ],
    )
    assert result.exit_code == 0, result.output
    assert check_registry(str(tmp_path)) == []
    (site,) = load_registry(tmp_path).all_sites()
    assert list(site.list_urls) == [column["url"]]


@pytest.mark.parametrize(
    ("site", "path", "extra", "code", "message"),
    [
        ("farm-home-county", "/nope/", (), 1, "cannot fetch the home page: unusable: not_found"),
        ("farm-home-county", "/xsxc/xcgz/", (), 1, "robots.txt forbids"),
        ("farm-home-xxgk", "/", ("--max-pages", "1"), 1, "no column with rectification notices"),
        ("farm-home-xxgk", "/", ("--max-pages", "0"), 2, "--max-pages"),
        (None, "not-a-url", (), 2, "not an http(s) URL"),
        (None, "http://127.0.0.29:1/", (), 1, "cannot fetch the home page"),
    ],
)
def test_bad_input_is_one_line(
    farm: Any, site: str | None, path: str, extra: tuple[str, ...], code: int, message: str
) -> None:
    result = run(farm.url(site, path) if site else path, *extra, *FAST)
    assert result.exit_code == code, result.output
    if code == 1:
        assert result.output.strip().count("\n") == 0, result.output
    assert message in result.output, result.output
