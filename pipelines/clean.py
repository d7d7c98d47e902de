"""CleanPipeline (100): `item.body` -> `item.cleaned`, with the site's cleaning rules.

The site's rules come from the run context (crawler/run_context.py), which built them once
from the seeds; a site whose options were broken is counted once under
`notices/clean/bad_site_rules` and cleaned generically. A page that cannot be cleaned still goes
on with an empty CleanedPage (the raw bytes stay on the item and are stored), counted under the
`notices/clean/errors` stat: one odd page must not stop a crawl.

A page holding an article's worth of text whose body came out empty (`CleanedPage.failure`,
`empty_body`) is no result: it is counted under `notices/clean/empty_body`, logged, recorded as
a failed detail page of its site in the run's outcomes; the parser makes no record of it and
marks it with that reason (`item.rule`), so the store keeps only its raw page.
"""

from __future__ import annotations

import logging
from typing import Any

from crawler import run_context
from pipelines.cleaning import SiteCleanRules, clean_html
from pipelines.common.cleaned import CleanedPage

logger = logging.getLogger(__name__)


class CleanPipeline:
    def __init__(self, crawler: Any = None) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleanPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        context = run_context.find(self.crawler)
        for _ in context.unusable_rules if context else ():
            self._stat("notices/clean/bad_site_rules")

    def rules_for(self, site_id: str) -> SiteCleanRules:
        """The site's rules from the run context (built once per run); generic without one."""
        context = run_context.find(self.crawler)
        return context.rules_for(site_id) if context else SiteCleanRules()

    def _stat(self, key: str) -> None:
        stats = getattr(self.crawler, "stats", None)
        if stats is not None:
            stats.inc_value(key)

    def process_item(self, item: Any) -> Any:
        if getattr(item, "not_modified", False):
            return item  # a 304 has no body: the stored record stands
        try:
            rules = self.rules_for(item.site_id)
            item.cleaned = clean_html(
                item.body, url=item.url, declared_encoding=item.declared_encoding, rules=rules
            )
            self._stat("notices/clean/pages")
        except Exception:  # keep the page: an empty CleanedPage, counted and logged
            logger.exception("cleaning failed for %s", getattr(item, "url", "?"))
            item.cleaned = CleanedPage(text="")
            self._stat("notices/clean/errors")
            return item
        if item.cleaned.failure:
            self._fail(item, item.cleaned.failure)
        return item

    def _fail(self, item: Any, failure: str) -> None:
        logger.warning("no body found in %s (%s)", item.url, failure)
        self._stat(f"notices/clean/{failure}")
        context = run_context.find(self.crawler)
        if context is not None:
            context.outcomes.record_unreadable(item.site_id, item.url, failure)
