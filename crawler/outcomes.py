"""What happened to each site during one crawl run, for the run summary and the crawl-run row.

A site whose list pages yielded nothing, or that was blocked, is loud: `flagged` is true unless
the seed says `expected_empty: true`. The run's `OutcomeLedger` holds one `SiteOutcome` per
selected site: the spider records into it, the retry middleware adds the rate limits it waited
out, the site gate reads `stopped`, and the store and the crawl summary read it at the end.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from crawler.blocks import BLOCK_KINDS, Verdict

_SAMPLES = 5  # first problems kept per site


@dataclass(slots=True)
class SiteOutcome:
    site_id: str
    expected_empty: bool = False
    list_pages: int = 0  # list/API pages fetched and readable
    list_pages_blocked: int = 0
    detail_pages: int = 0  # detail pages fetched and readable
    entries: int = 0  # rows seen on list pages (unique URLs)
    skipped_by_title: int = 0  # rows whose title did not look like a notice
    skipped_by_date: int = 0  # rows older than --since
    external: int = 0  # rows pointing to another host
    duplicates: int = 0  # rows that collapse to an already-seen notice URL
    known: int = 0  # rows already archived as listed, not fetched again (crawler/incremental.py)
    items: int = 0  # pages handed to the pipelines
    attachments_fetched: int = 0
    attachments_failed: int = 0
    problems: Counter[str] = field(default_factory=Counter)  # class -> count
    stop_reasons: list[str] = field(default_factory=list)  # per list source
    samples: list[dict[str, Any]] = field(default_factory=list)
    consecutive_blocks: int = 0
    stopped: bool = False  # too many consecutive blocks: no more requests to this site

    def record_problem(self, kind: str, url: str, detail: str, status: int | None = None) -> None:
        self.problems[kind] += 1
        if len(self.samples) < _SAMPLES:
            self.samples.append({"class": kind, "url": url, "status": status, "detail": detail})

    def record_verdict(
        self,
        verdict: Verdict,
        url: str,
        status: int | None,
        *,
        block_threshold: int,
        listing_page: bool = False,
    ) -> bool:
        """Count a problem; True when it is the block that stops the site."""
        self.record_problem(verdict.kind, url, verdict.detail, status)
        if listing_page and verdict.is_block:
            self.list_pages_blocked += 1
        if verdict.is_block:
            self.consecutive_blocks += 1
            if self.consecutive_blocks >= block_threshold and not self.stopped:
                self.stopped = True
                return True
        return False

    def record_stop(self, source_url: str, reason: str, pages: int) -> None:
        self.stop_reasons.append(f"{source_url}: {reason} after {pages} page(s)")

    def record_list_failure(self, source_url: str, kind: str, page: int) -> None:
        self.stop_reasons.append(f"{source_url}: {kind} on page {page}")

    def record_not_requested(self, urls: Iterable[str]) -> None:
        for url in urls:
            self.stop_reasons.append(f"{url}: not requested (site stopped)")

    @property
    def blocked(self) -> int:
        return sum(n for kind, n in self.problems.items() if kind in BLOCK_KINDS)

    @property
    def outcome(self) -> str:
        """ok | partial (some blocks or failures) | blocked | empty."""
        if self.items == 0 and self.known == 0:  # an unchanged site yields nothing new: not empty
            return "blocked" if self.blocked else "empty"
        if self.blocked or self.stopped:
            return "partial"
        return "ok"

    @property
    def flagged(self) -> bool:
        return self.outcome in ("blocked", "empty") and not self.expected_empty

    def to_dict(self) -> dict[str, Any]:
        return {
            "site_id": self.site_id,
            "outcome": self.outcome,
            "flagged": self.flagged,
            "expected_empty": self.expected_empty,
            "list_pages": self.list_pages,
            "list_pages_blocked": self.list_pages_blocked,
            "detail_pages": self.detail_pages,
            "entries": self.entries,
            "skipped_by_title": self.skipped_by_title,
            "skipped_by_date": self.skipped_by_date,
            "external": self.external,
            "duplicates": self.duplicates,
            "known": self.known,
            "items": self.items,
            "attachments_fetched": self.attachments_fetched,
            "attachments_failed": self.attachments_failed,
            "problems": dict(self.problems),
            "stop_reasons": list(self.stop_reasons),
            "stopped_after_blocks": self.stopped,
            "samples": list(self.samples),
        }


class OutcomeLedger(Mapping[str, SiteOutcome]):
    """The outcomes of one run by site id. Its keys are fixed when the run starts; the outcomes
    themselves are updated in place."""

    def __init__(self, outcomes: Iterable[SiteOutcome]) -> None:
        self._by_site = {o.site_id: o for o in outcomes}

    def __getitem__(self, site_id: str) -> SiteOutcome:
        return self._by_site[site_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_site)

    def __len__(self) -> int:
        return len(self._by_site)

    @property
    def flagged(self) -> list[str]:
        return [sid for sid, o in self._by_site.items() if o.flagged]

    def to_dicts(self) -> dict[str, dict[str, Any]]:
        return {sid: o.to_dict() for sid, o in self._by_site.items()}
