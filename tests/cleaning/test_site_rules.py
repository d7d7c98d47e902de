from __future__ import annotations

from typing import Any

import pytest

from pipelines.cleaning.site_rules import SiteCleanRules


@pytest.mark.parametrize(
    ("options", "rules"),
    [
        (None, SiteCleanRules()),
        ({}, SiteCleanRules()),
        (
            {
                "content_selector": " #zoom ",
                "title_selector": "h2",
                "date_selector": "//span[@class='t']",
            },
            SiteCleanRules(
                content_selector="#zoom", title_selector="h2", date_selector="//span[@class='t']"
            ),
        ),
        (
            {"extra_chrome": ["本网发布", " "], "unknown": 1},
            SiteCleanRules(extra_chrome=("本网发布",)),
        ),
        ({"extra_chrome": "本网发布"}, SiteCleanRules(extra_chrome=("本网发布",))),
        ({"encoding": "auto", "content_selector": ""}, SiteCleanRules()),
        ({"encoding": "gbk"}, SiteCleanRules(encoding="gbk")),
        (  # the seed syntax: priority groups and ` @attr`
            {
                "content_selector": ".TRS_Editor, #zoom",
                "date_selector": "meta[name=PubDate] @content",
            },
            SiteCleanRules(
                content_selector=".TRS_Editor, #zoom", date_selector="meta[name=PubDate] @content"
            ),
        ),
    ],
)
def test_from_mapping(options: dict[str, Any] | None, rules: SiteCleanRules) -> None:
    assert SiteCleanRules.from_mapping(options) == rules


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"content_selector": "div["}, "invalid selector 'div\\['"),
        ({"date_selector": "//span["}, "invalid selector"),
        ({"encoding": "klingon"}, "unknown encoding 'klingon'"),
    ],
)
def test_bad_rules_fail_with_a_clear_message(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SiteCleanRules.from_mapping(options)
