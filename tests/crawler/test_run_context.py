"""The run context (crawler/run_context.py): built from the registry and the run's arguments,
attached to the crawler once, found by the middlewares and pipelines."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from scrapy.utils.test import get_crawler

from crawler import run_context
from crawler.run_context import RunContext, clean_rules
from crawler.seeds import SeedError
from pipelines.cleaning import SiteCleanRules

SEEDS = """\
regions:
  - code: "340400"
    name: 淮南市
    pinyin: huainan
    sites:
      - id: site-a
        name: 甲
        platform: trs
        list_urls: ["http://a.test/list/"]
        content_selector: "div.body"
      - id: site-b
        name: 乙
        platform: trs
        list_urls: ["http://b.test/list/"]
        expected_empty: true
"""


@pytest.fixture
def seeds(tmp_path: Path) -> str:
    (tmp_path / "hn.yaml").write_text(SEEDS, encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize(
    ("region", "site", "ids"),
    [
        ("huainan", None, ["site-a", "site-b"]),
        ("淮南", None, ["site-a", "site-b"]),
        (None, "site-b", ["site-b"]),
    ],
)
def test_for_run_selects_the_sites_and_builds_their_state_once(
    seeds: str, region: str | None, site: str | None, ids: list[str]
) -> None:
    context = RunContext.for_run(region, site, seeds)
    assert context.region_name == "淮南市"
    assert list(context.sites) == ids == list(context.outcomes) == list(context.clean_rules)
    assert [row["id"] for row in context.site_rows()] == ids
    assert context.outcomes["site-b"].expected_empty is True


def test_for_run_builds_the_cleaning_rules_from_the_seeds(seeds: str) -> None:
    context = RunContext.for_run("huainan", None, seeds)
    assert context.rules_for("site-a").content_selector == "div.body"
    assert ".TRS_Editor" in (context.rules_for("site-b").content_selector or "")  # the profile's
    assert context.rules_for("not selected") == SiteCleanRules()


@pytest.mark.parametrize(
    ("region", "site", "message"),
    [
        (None, None, "pass -a region=NAME .*known regions: 淮南市"),
        ("上海", None, "unknown region"),
        (None, "zz", "zz"),
    ],
)
def test_for_run_refuses_a_run_without_known_sites(
    seeds: str, region: str | None, site: str | None, message: str
) -> None:
    with pytest.raises(SeedError, match=message):
        RunContext.for_run(region, site, seeds)


def test_broken_cleaning_options_are_logged_and_cleaned_generically(
    caplog: pytest.LogCaptureFixture,
) -> None:
    options: dict[str, Any] = {
        "ok": {"content_selector": "div.b"},
        "bad": {"title_selector": "h1["},
    }
    with caplog.at_level(logging.ERROR, logger="crawler.run_context"):
        rules, unusable = clean_rules(options)
    assert rules == {"ok": SiteCleanRules(content_selector="div.b"), "bad": SiteCleanRules()}
    assert unusable == ("bad",)
    assert "site bad: unusable cleaning options" in caplog.text


def test_attach_then_find_and_outcome_for(seeds: str) -> None:
    crawler = get_crawler()
    assert run_context.find(crawler) is None and run_context.find(None) is None
    assert run_context.outcome_for(crawler, "site-a") is None
    context = RunContext.for_run("huainan", None, seeds)
    run_context.attach(crawler, context)
    assert run_context.find(crawler) is context
    assert run_context.outcome_for(crawler, "site-a") is context.outcomes["site-a"]
    assert run_context.outcome_for(crawler, "") is None  # a request of no site
