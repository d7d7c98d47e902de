"""CleanPipeline (100): `item.body` -> `item.cleaned`, with the site's cleaning rules.

A page that cannot be cleaned still goes on with an empty CleanedPage (the raw bytes stay on
the item and are stored), counted under the `notices/clean/errors` stat: one odd page must not
stop a crawl.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from pipelines.cleaning import SiteCleanRules, clean_html
from pipelines.common.cleaned import CleanedPage

logger = logging.getLogger(__name__)


class CleanPipeline:
    def __init__(self, crawler: Any = None) -> None:
        self.crawler = crawler
        self._rules: dict[str, SiteCleanRules] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleanPipeline:
        return cls(crawler)

    def rules_for(self, site_id: str, spider: Any) -> SiteCleanRules:
        """The site's rules from `spider.site_options(site_id)`, built once per site.

        A broken seed entry (bad selector, unknown encoding) is logged once and the site is
        cleaned generically: a seed typo must not empty every page of the site.
        """
        if site_id not in self._rules:
            rules = SiteCleanRules()
            options_of = getattr(spider, "site_options", None)
            if callable(options_of):
                try:
                    options = options_of(site_id)
                    rules = SiteCleanRules.from_mapping(
                        options if isinstance(options, Mapping) else None
                    )
                except Exception:
                    logger.exception(
                        "site %s: unusable cleaning options; cleaning generically", site_id
                    )
                    self._stat("notices/clean/bad_site_rules")
            self._rules[site_id] = rules
        return self._rules[site_id]

    def _stat(self, key: str) -> None:
        stats = getattr(self.crawler, "stats", None)
        if stats is not None:
            stats.inc_value(key)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        spider = spider if spider is not None else getattr(self.crawler, "spider", None)
        try:
            rules = self.rules_for(item.site_id, spider)
            item.cleaned = clean_html(
                item.body, url=item.url, declared_encoding=item.declared_encoding, rules=rules
            )
            self._stat("notices/clean/pages")
        except Exception:  # keep the page: an empty CleanedPage, counted and logged
            logger.exception("cleaning failed for %s", getattr(item, "url", "?"))
            item.cleaned = CleanedPage(text="")
            self._stat("notices/clean/errors")
        return item
