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

from crawler.seeds import load_registry
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
            if args[:1] == ["notices"]:
                load_registry(spargs.get("seeds")).select(spargs.get("region"), spargs.get("site"))
        except USAGE_ERRORS as exc:
            print(one_line(exc), file=sys.stderr)
            self.exitcode = USAGE_EXIT
            return
        super().run(args, opts)
