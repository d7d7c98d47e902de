"""Spidermon monitors of one crawl, run when the spider closes.

Off unless `SPIDERMON_ENABLED` is set (`notices nightly` sets it for its crawl), so an ad-hoc
crawl logs as before. `CrawlMonitors` checks that the crawl finished, that no site was flagged
(crawler/outcomes.py) and that the database took every page; `KeepVerdicts` writes the verdicts
into the crawl's stats, which the store keeps in the run's `crawl_runs.stats` row (Spidermon's
extension is loaded before the item pipelines, so its spider_closed handler runs first).
Alerts are Spidermon's own: a suite that adds its Slack, e-mail, Telegram or Sentry actions to
`monitors_failed_actions` and is named in `SPIDERMON_SPIDER_CLOSE_MONITORS` sends them.

Health across nights is not a Spidermon job: it needs every site's stored history, which lives in
the database (models/health.py), not in one run's stats.
"""

from __future__ import annotations

import warnings
from typing import Any, ClassVar

from scrapy.exceptions import ScrapyDeprecationWarning
from spidermon import Monitor, MonitorSuite, monitors
from spidermon.core.actions import Action

from crawler import run_context

# Spidermon's runner still logs through Spider.log(); the warning would end every nightly log.
warnings.filterwarnings(
    "ignore", r"Spider\.log\(\) is deprecated", ScrapyDeprecationWarning, r"spidermon\."
)

FAILED = "notices/monitors/failed"  # stats key: ["monitor: message", ...]
PASSED = "notices/monitors/passed"  # stats key: how many passed


@monitors.name("crawl")
class CrawlMonitor(Monitor):
    longMessage = False  # the message alone, without unittest's "x != y" prefix

    @monitors.name("finished")
    def test_finished(self) -> None:
        reason = self.data.stats.get("finish_reason")
        self.assertEqual(reason, "finished", msg=f"the crawl ended with {reason!r}")

    @monitors.name("no site flagged")
    def test_no_site_flagged(self) -> None:
        context = run_context.find(self.data.crawler)
        flagged = context.outcomes.flagged if context is not None else []
        self.assertFalse(flagged, msg=f"yielded nothing or blocked: {', '.join(flagged)}")

    @monitors.name("nothing spooled")
    def test_nothing_spooled(self) -> None:
        spooled = int(self.data.stats.get("notices/db/spooled", 0))
        self.assertEqual(spooled, 0, msg=f"{spooled} pages went to the spool, not the database")


class KeepVerdicts(Action):
    """Puts the monitors' verdicts into the crawl's stats."""

    def run_action(self) -> None:
        stats = self.data.crawler.stats
        failed = [
            f"{r.monitor.name}: {_first_line(r.reason or r.error)}"
            for r in self.result.monitors_failed_results
        ]
        stats.set_value(FAILED, failed)
        stats.set_value(PASSED, len(self.result.monitors_passed_results))


class CrawlMonitors(MonitorSuite):
    monitors: ClassVar[list[Any]] = [CrawlMonitor]
    monitors_finished_actions: ClassVar[list[Any]] = [KeepVerdicts]


def _first_line(text: object) -> str:
    # unittest's failure text ends with "AssertionError: <msg>"; keep the message only
    lines = [line for line in str(text or "").strip().splitlines() if line.strip()]
    last = lines[-1] if lines else ""
    return last.split(": ", 1)[1] if last.startswith("AssertionError: ") else last
