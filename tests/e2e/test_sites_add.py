"""`notices sites add` against farm sites over real HTTP: the entry it writes (with only what
differs from the profile) crawls every notice of the site, reaches every list page and guesses
none; pages it cannot use end with one line and a non-zero exit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from crawler.cli import app
from crawler.seeds import load_registry
from tests.e2e.conftest import notice_key, scrapy_crawl
from tests.farm import load_truth

runner = CliRunner()
REGION = """regions:
  - code: "990000"
    name: 自动登记
    pinyin: zidong
    sites: []
"""
# farm sites and their start URL as a new user would paste it
SITES = (
    *("farm-mutable", "farm-gbk", "farm-trs", "farm-vsb", "farm-hanweb"),
    # templates no profile was written for (bench/selector_free.py)
    *("farm-x-dhcms", "farm-x-nanwei", "farm-x-phpcms", "farm-x-aspx", "farm-x-cards"),
    "farm-x-vsbrev",
)


def _add(farm: Any, site: str, seeds: Path, *extra: str) -> Any:
    url = farm.url(site, load_truth(site).start_paths[0])
    return runner.invoke(
        app,
        ["sites", "add", url, "--seeds", str(seeds), "--delay", "0.05", *extra],
        catch_exceptions=False,
    )


@pytest.fixture(scope="module")
def written(farm: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    seeds = tmp_path_factory.mktemp("autoseeds")
    (seeds / "zidong.yaml").write_text(REGION, encoding="utf-8")
    outputs = {}
    for site in SITES:
        result = _add(farm, site, seeds, "--region", "990000", "--id", site, "--write")
        assert result.exit_code == 0, result.output
        outputs[site] = result.output
    return seeds, outputs


def test_the_entries_say_only_what_differs_from_the_profile(
    written: tuple[Path, dict[str, str]],
) -> None:
    seeds, outputs = written
    sites = {s.id: s for s in load_registry(seeds).all_sites()}
    assert set(sites) == set(SITES)
    entries = {
        e["id"]: e
        for e in yaml.safe_load((seeds / "zidong.yaml").read_text(encoding="utf-8"))["regions"][0][
            "sites"
        ]
    }
    overrides = {i: sorted(set(e) & {"list", "pagination"}) for i, e in entries.items()}
    # a Hanweb skin whose pager the Hanweb profile does not read, a VSB skin whose sidebar rows
    # the VSB selectors take too: they say so, and only that
    assert {i: o for i, o in overrides.items() if o} == {
        "farm-x-dhcms": ["pagination"],
        "farm-x-vsbrev": ["list"],
    }
    assert {s.platform for s in sites.values()} == {"generic", "trs", "vsb", "hanweb"}
    assert "next page: " in outputs["farm-gbk"] and "list_7_2.html" in outputs["farm-gbk"]
    assert "is_notice=True" in outputs["farm-mutable"]


def test_the_written_entries_crawl_every_notice(
    farm: Any, written: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    seeds, _ = written
    farm.reset()
    dump = tmp_path / "items.jsonl"
    run = scrapy_crawl(["region=990000", f"seeds={seeds}"], env=farm.env(), dump=dump)
    requests = farm.requests
    for site in SITES:
        truth = load_truth(site)
        fetched = {i["canonical_url"] for i in run.items if i["site_id"] == site}
        for notice in truth.notices:
            assert notice_key(farm, site, notice.path) in fetched, f"{site}: {notice.path}"
        paths = {r.path for r in requests if r.site == site}
        guessed = paths & {p for p in truth.never_paths if not p.startswith("POST ")}
        assert not guessed, f"{site} requested {guessed}"


@pytest.mark.parametrize(
    ("site", "path", "message"),
    [
        ("farm-waf", "/a/", "blocked: blocked_waf"),
        ("farm-api", "/xcgz/zgtb/index.html", "not a list"),
    ],
)
def test_pages_it_cannot_use_are_one_line(
    farm: Any, tmp_path: Path, site: str, path: str, message: str
) -> None:
    (tmp_path / "zidong.yaml").write_text(REGION, encoding="utf-8")
    url = farm.url(site, path)
    result = runner.invoke(app, ["sites", "add", url, "--seeds", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and message in result.output, result.output
