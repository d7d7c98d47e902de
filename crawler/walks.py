"""What a crawl saw of a site's lists, and which stored notices that makes worth a re-check.

A notice missing from a site's lists is only suspect when the crawl could have seen it: every
list source walked to its natural end (then every stored notice not listed), or a range of
pages walked without failure (then the stored notices dated strictly between the oldest and the
newest row seen, whose neighbours are still listed). A failed or blocked list page decides
nothing. Pure: the spider feeds it rows and stops, and re-checks what it returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pipelines.common.lifecycle import StoredNotice

# Stop reasons (crawler/paging, the spider's own) that mean the list has no more pages.
NATURAL_ENDS = frozenset(
    {"empty_page", "missing_page", "repeat_page", "last_page", "no_next_link", "single_page"}
)


@dataclass(slots=True)
class SiteWalk:
    sources: int  # list sources of the site
    listed: set[str] = field(default_factory=set)  # keys of every row seen
    dates: list[str] = field(default_factory=list)  # ISO dates of the rows seen
    ends: list[str] = field(default_factory=list)  # one stop reason per source walked
    failed: bool = False  # a list page failed or was blocked

    def saw(self, keys: Iterable[str], dates: Iterable[str | None]) -> None:
        self.listed.update(keys)
        self.dates.extend(d for d in dates if d)

    def ended(self, reason: str) -> None:
        self.ends.append(reason)

    @property
    def complete(self) -> bool:
        """Every source walked to its end: a notice not listed is listed nowhere."""
        return (
            not self.failed
            and len(self.ends) >= self.sources
            and all(e in NATURAL_ENDS for e in self.ends)
        )

    def suspects(self, stored: Iterable[StoredNotice]) -> list[StoredNotice]:
        """Live, listed-before notices this walk should have seen and did not."""
        if self.failed or len(self.ends) < self.sources:
            return []
        live = [s for s in stored if not s.removed and not s.delisted]
        missing = [s for s in live if s.canonical_url not in self.listed]
        if self.complete:
            return missing
        if not self.dates:
            return []
        low, high = min(self.dates), max(self.dates)
        return [
            s for s in missing if s.published is not None and low < s.published.isoformat() < high
        ]
