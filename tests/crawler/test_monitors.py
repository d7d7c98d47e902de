"""The Spidermon suite of a crawl (crawler/monitors.py), run by Spidermon's own runner on the
data its extension hands it; tests/e2e/test_nightly.py sees the verdicts in the stored run."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from spidermon.runners import MonitorRunner

from crawler import run_context
from crawler.monitors import FAILED, PASSED, CrawlMonitors
from crawler.outcomes import OutcomeLedger, SiteOutcome


class Stats:
    def __init__(self, values: dict[str, Any]) -> None:
        self.values = dict(values)

    def set_value(self, key: str, value: Any) -> None:
        self.values[key] = value

    def get_stats(self) -> dict[str, Any]:
        return self.values


def judge(stats: dict[str, Any], *outcomes: SiteOutcome) -> dict[str, Any]:
    collector = Stats(stats)
    crawler = SimpleNamespace(stats=collector)
    context = run_context.RunContext("r", {}, {}, (), OutcomeLedger(outcomes))
    run_context.attach(crawler, context)  # type: ignore[arg-type]
    MonitorRunner().run(CrawlMonitors(), stats=collector.get_stats(), crawler=crawler)
    return collector.values


def good(site_id: str) -> SiteOutcome:
    o = SiteOutcome(site_id)
    o.list_pages, o.entries, o.items = 1, 3, 3
    return o


@pytest.mark.parametrize(
    ("stats", "outcomes", "failed"),
    [
        ({"finish_reason": "finished"}, [good("a")], []),
        (
            {"finish_reason": "shutdown"},
            [good("a")],
            ["crawl/finished: the crawl ended with 'shutdown'"],
        ),
        (
            {"finish_reason": "finished"},
            [good("a"), SiteOutcome("b"), SiteOutcome("c")],
            ["crawl/no site flagged: yielded nothing or blocked: b, c"],
        ),
        (
            {"finish_reason": "finished", "notices/db/spooled": 7},
            [good("a")],
            ["crawl/nothing spooled: 7 pages went to the spool, not the database"],
        ),
    ],
)
def test_verdicts_land_in_the_stats(
    stats: dict[str, Any], outcomes: list[SiteOutcome], failed: list[str]
) -> None:
    values = judge(stats, *outcomes)
    assert values[FAILED] == failed
    assert values[PASSED] == 3 - len(failed)
