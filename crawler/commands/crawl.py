"""`scrapy crawl notices -a region=…`: Scrapy's crawl, with its arguments and settings checked
first, and the exit code of `notices crawl`.

A wrong region, site or registry path, a bad `-a` value or a NOTICES_* setting of the wrong type
is a user's typo: it gets one clear line and exit code 2 (USAGE) before the reactor starts,
instead of a traceback from inside the spider's or a pipeline's constructor. After the crawl,
the exit code is 1 (NEEDS_ATTENTION) when any site needs a person, as `notices crawl` says it
(crawler/exit_codes.py).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from scrapy.commands.crawl import Command as ScrapyCrawl

from crawler import exit_codes, outcomes, run_context, spider_args
from crawler.preflight import check_pipelines
from crawler.seeds import SeedError
from crawler.usage_errors import USAGE_ERRORS, check_scrapy_settings, one_line
from pipelines.common import settings

if TYPE_CHECKING:
    import argparse

    from scrapy.crawler import Crawler
    from scrapy.spiders import Spider


class Command(ScrapyCrawl):
    _crawl: Crawler | None = None  # the one crawl this command runs, read for its outcomes

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        self._crawl = super()._create_crawler(spidercls)
        return self._crawl

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        spargs = opts.spargs
        try:
            if self.settings is not None:
                settings.check(self.settings)
                check_scrapy_settings(self.settings)
            # Checked even without -a region/site: the spider's constructor would raise on it.
            if args[:1] == ["notices"] and "recheck" in spargs:
                # stored notices come from the database: `notices recheck` hands them in
                raise SeedError("-a recheck is not a crawl argument: run `notices recheck`")
            if args[:1] == ["notices"]:
                spider_args.check(spargs)
            if self.settings is not None:
                check_pipelines(self.settings)  # the database, once the arguments are good
        except USAGE_ERRORS as exc:
            print(one_line(exc), file=sys.stderr)
            self.exitcode = exit_codes.USAGE
            return
        super().run(args, opts)
        if self.exitcode == exit_codes.OK:
            self.exitcode = self._outcome_code()

    def _outcome_code(self) -> int:
        """NEEDS_ATTENTION when a site needs a person, the crawl did not finish or the database
        failed; OK otherwise, and for a crawl of another spider (it has no outcomes)."""
        context = run_context.find(self._crawl)
        if context is None or self._crawl is None or self._crawl.stats is None:
            return exit_codes.OK
        stats = self._crawl.stats.get_stats()
        outcome = outcomes.run_outcome(context.outcomes.values(), stats.get("finish_reason"))
        spooled = int(stats.get("notices/db/spooled", 0))
        return outcomes.exit_code(
            outcome, database_fault=context.db.fault is not None or spooled > 0
        )
