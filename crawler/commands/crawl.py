"""`scrapy crawl notices -a region=…`: Scrapy's crawl, with its arguments and settings checked
first.

A wrong region, site or registry path, or a NOTICES_* setting of the wrong type, is a user's
typo: it gets one clear line and exit code 2 before the reactor starts, instead of a traceback
from inside the spider's or a pipeline's constructor.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from scrapy.commands.crawl import Command as ScrapyCrawl

from crawler.preflight import check_pipelines
from crawler.seeds import SeedError, load_registry
from crawler.spider_args import parse_full
from crawler.usage_errors import USAGE_ERRORS, USAGE_EXIT, check_scrapy_settings, one_line
from pipelines.common import settings

if TYPE_CHECKING:
    import argparse


class Command(ScrapyCrawl):
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
                load_registry(spargs.get("seeds")).select(spargs.get("region"), spargs.get("site"))
                parse_full(spargs.get("full"))
            if self.settings is not None:
                check_pipelines(self.settings)  # the database, once the arguments are good
        except USAGE_ERRORS as exc:
            print(one_line(exc), file=sys.stderr)
            self.exitcode = USAGE_EXIT
            return
        super().run(args, opts)
