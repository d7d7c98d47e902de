"""The typed state of one crawl run, shared by the spider, the downloader middlewares and the item
pipelines: the selected sites, their cleaning rules (built once), the outcomes ledger, and the
incremental state (what the archive already holds: the store loads it, the spider reads it).

The spider creates it from its arguments (region, site, registry directory) and its
`from_crawler` attaches it to the crawler; the middlewares and pipelines get it with
`find(crawler)`, never from the spider's attributes. It lives on the crawler because the
crawler is what every Scrapy component is built with, and the spider is built before the
middlewares and pipelines, so they all see this one object. (A Scrapy extension would be built
from the settings alone, without the spider's arguments that decide the sites.) `find` returns
None for a crawl of another spider, e.g. `scrapy runspider` with our store pipeline.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import Crawler

from crawler.incremental import Incremental
from crawler.outcomes import OutcomeLedger, SiteOutcome
from crawler.seeds import SeedError, Site, load_registry
from pipelines.cleaning import SiteCleanRules
from pipelines.common.db_fault import DbReport

logger = logging.getLogger(__name__)

_ATTRIBUTE = "notices_context"  # Scrapy's Crawler has no slot of ours: one attribute, set here only


@dataclass(frozen=True, slots=True)
class RunContext:
    region_name: str
    sites: Mapping[str, Site]  # the selected sites by id, in registry order
    clean_rules: Mapping[str, SiteCleanRules]  # by site id; generic for a site without one
    unusable_rules: tuple[str, ...]  # sites whose cleaning options were broken
    outcomes: OutcomeLedger
    db: DbReport = field(default_factory=DbReport)  # the store's fault, for the summary
    # filled by the store's open_spider; left empty (no store), every page is new
    incremental: Incremental = field(default_factory=Incremental)

    @classmethod
    def for_run(
        cls, region: str | None, site: str | None, seeds: str | None = None, *, full: bool = False
    ) -> RunContext:
        """The context of a crawl of `region` (or one `site`) of the registry in `seeds`; `full`
        walks every list page and fetches every row (crawler/incremental.py).

        Raises SeedError when neither is given or the registry does not know them.
        """
        registry = load_registry(seeds)
        if not region and not site:
            raise SeedError(
                f"pass -a region=NAME (or -a site=ID); known regions: {registry.known_regions()}"
            )
        selected = registry.select(region, site)
        rules, unusable = clean_rules({s.id: s.options for s in selected})
        return cls(
            region_name=registry.find_region(region).name if region else selected[0].region_name,
            sites={s.id: s for s in selected},
            clean_rules=rules,
            unusable_rules=unusable,
            outcomes=OutcomeLedger(
                SiteOutcome(s.id, expected_empty=s.expected_empty) for s in selected
            ),
            incremental=Incremental(full=full),
        )

    def rules_for(self, site_id: str) -> SiteCleanRules:
        return self.clean_rules.get(site_id) or SiteCleanRules()

    def site_rows(self) -> list[dict[str, Any]]:
        """The selected sites as the store's `sites` rows."""
        return [s.to_dict() for s in self.sites.values()]


def clean_rules(
    options: Mapping[str, Mapping[str, Any] | None],
) -> tuple[dict[str, SiteCleanRules], tuple[str, ...]]:
    """Each site's cleaning rules from its seed options, and the sites whose options are broken.

    A broken entry (bad selector, unknown encoding) is logged and the site cleaned generically:
    a seed typo must not empty every page of the site.
    """
    rules: dict[str, SiteCleanRules] = {}
    unusable: list[str] = []
    for site_id, site_options in options.items():
        try:
            rules[site_id] = SiteCleanRules.from_mapping(site_options)
        except Exception:
            logger.exception("site %s: unusable cleaning options; cleaning generically", site_id)
            rules[site_id] = SiteCleanRules()
            unusable.append(site_id)
    return rules, tuple(unusable)


def attach(crawler: Crawler, context: RunContext) -> None:
    setattr(crawler, _ATTRIBUTE, context)


def find(crawler: Crawler | None) -> RunContext | None:
    """The crawler's run context; None when the crawl is not one of the notices spider's."""
    context = getattr(crawler, _ATTRIBUTE, None)
    return context if isinstance(context, RunContext) else None


def outcome_for(crawler: Crawler | None, site_id: str) -> SiteOutcome | None:
    """The run's outcome of a site; None without a context or for a request of no site."""
    context = find(crawler)
    return context.outcomes.get(site_id) if context else None
