"""What happened to each site during one crawl run, for the run summary, the crawl-run row and
the exit code.

A site is `ok` only when every list page walked answered and every detail page the spider chose
was fetched and stored, with its attachments. Anything else is a `PageFailure` of the site
("list page 2 503", "detail 404", "attachment wrong_content_type", "store rejected"): a site with
failures that still handed pages to the store is `partial`; one with nothing to show gets the class
of what stopped it (blocked, unreachable, not_found, error). A site whose lists answered without
failing can still be `layout_not_recognised` (no rows at all) or `empty` (rows, none worth
fetching). Every site that is not `ok` needs a person and is flagged, except that the seed's
`expected_empty: true` excuses those two "no rows" outcomes: never a failure. A detail page the
cleaner found no body in (`empty_body`) is a failure of its site, as a page the store refused.

The run's `OutcomeLedger` holds one `SiteOutcome` per selected site: the spider records into it,
the retry middleware adds the rate limits it waited out (problems, not failures: the page came),
the site gate reads `stopped`, the store reports the pages it refused, and the summary, the
crawl-run row and both entry points' exit codes read it at the end.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from crawler import exit_codes
from crawler.blocks import BLOCK_KINDS, FAILURE_KINDS, Verdict

_SAMPLES = 5  # first problems kept per site
_FAILURES_KEPT = 20  # first failures kept per site (all are counted)

# Verdicts on a chosen detail page that are failures: it was not fetched as content. A page that
# is a script redirect elsewhere answered; it is counted as a problem, like an external row.
DETAIL_FAILURE_KINDS = (BLOCK_KINDS | FAILURE_KINDS | {"robots_disallowed", "not_requested"}) - {
    "redirect_js"
}

# The class of a site that failed with nothing to show: the first whose kinds it met decides.
_FAILURE_CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("blocked", BLOCK_KINDS | {"robots_disallowed"}),
    ("unreachable", frozenset({"dns_error", "connection_error", "timeout", "tls_error"})),
    ("not_found", frozenset({"not_found", "soft_404"})),
)
# 5xx, other HTTP errors, empty shells, oversized pages, store refusals, requests not sent
_OTHER_FAILURE = "error"
NO_ROWS = ("layout_not_recognised", "empty")  # what `expected_empty` excuses

FINISHED = "finished"  # Scrapy's finish reason of a crawl that ran to its end


@dataclass(frozen=True, slots=True)
class PageFailure:
    """One page the site owed the run and did not deliver."""

    what: str  # "list page N", "list URL", "detail", "attachment", "store"
    kind: str  # a class of crawler/blocks.py, "not_requested", or "rejected" (the store)
    url: str
    status: int | None = None  # HTTP status when the page answered
    detail: str = ""

    def __str__(self) -> str:
        """E.g. `list page 2 server_error 503 URL`, `attachment wrong_content_type URL`."""
        status = f" {self.status}" if self.status and self.status != 200 else ""
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.what} {self.kind}{status} {self.url}{detail}"


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
    store_rejected: int = 0  # of which the store could not write (their data)
    unreadable: int = 0  # of which the cleaner found no body in (pipelines.common.cleaned)
    attachments_fetched: int = 0
    attachments_failed: int = 0
    problems: Counter[str] = field(default_factory=Counter)  # class -> count
    failed: Counter[str] = field(default_factory=Counter)  # failure kind -> count
    failures: list[PageFailure] = field(default_factory=list)  # the first _FAILURES_KEPT
    stop_reasons: list[str] = field(default_factory=list)  # per list source
    samples: list[dict[str, Any]] = field(default_factory=list)
    consecutive_blocks: int = 0
    stopped: bool = False  # too many consecutive blocks: no more requests to this site

    def record_problem(self, kind: str, url: str, detail: str, status: int | None = None) -> None:
        self.problems[kind] += 1
        if len(self.samples) < _SAMPLES:
            self.samples.append({"class": kind, "url": url, "status": status, "detail": detail})

    def record_failure(
        self, what: str, kind: str, url: str, status: int | None = None, detail: str = ""
    ) -> None:
        self.failed[kind] += 1
        if len(self.failures) < _FAILURES_KEPT:
            self.failures.append(PageFailure(what, kind, url, status, detail))

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

    def record_list_failure(
        self, source_url: str, verdict: Verdict, page: int, url: str, status: int | None = None
    ) -> None:
        """List page `page` of `source_url` (fetched as `url`) did not answer with rows."""
        self.stop_reasons.append(f"{source_url}: {verdict.kind} on page {page}")
        self.record_failure(f"list page {page}", verdict.kind, url, status)

    def record_detail_failure(self, verdict: Verdict, url: str, status: int | None) -> None:
        """A chosen detail page was not fetched as content (only failure kinds count)."""
        if verdict.kind in DETAIL_FAILURE_KINDS:
            self.record_failure("detail", verdict.kind, url, status)

    def record_attachment_failure(self, url: str, error: str | None, status: int | None) -> None:
        self.attachments_failed += 1
        kind = (error or "failed").split(":", 1)[0]
        self.record_failure("attachment", kind, url, status if status != 200 else None)

    def record_not_requested(self, urls: Iterable[str]) -> None:
        for url in urls:
            self.stop_reasons.append(f"{url}: not requested (site stopped)")
            self.record_failure("list URL", "not_requested", url)

    @property
    def outcome(self) -> str:
        """ok | partial | a failure class (blocked, unreachable, not_found, error) |
        layout_not_recognised | empty."""
        if self.failed:
            delivered = self.items - self.store_rejected - self.unreadable
            return "partial" if delivered > 0 else self._failure_class()
        if self.items:
            return "ok"
        if self.skipped_by_date or self.known:
            return "ok"  # the site answered; nothing new since the last crawl or --since
        if self.list_pages and not self.entries:
            return "layout_not_recognised"
        return "empty"

    def _failure_class(self) -> str:
        for name, kinds in _FAILURE_CLASSES:
            if any(kind in kinds for kind in self.failed):
                return name
        return _OTHER_FAILURE

    @property
    def flagged(self) -> bool:
        """The site needs a person."""
        outcome = self.outcome
        return outcome != "ok" and not (self.expected_empty and outcome in NO_ROWS)

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
            "store_rejected": self.store_rejected,
            "unreadable": self.unreadable,
            "attachments_fetched": self.attachments_fetched,
            "attachments_failed": self.attachments_failed,
            "problems": dict(self.problems),
            "failed": dict(self.failed),
            "failures": [str(f) for f in self.failures],
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

    def record_unstored(self, site_id: str, url: str, reason: str) -> None:
        """The store could not write this page (its data, not the database being down)."""
        outcome = self._by_site.get(site_id)
        if outcome is not None:  # a page of no selected site (another spider's) has no outcome
            outcome.store_rejected += 1
            outcome.record_failure("store", "rejected", url, detail=reason)

    def record_unreadable(self, site_id: str, url: str, failure: str) -> None:
        """The cleaner found no body in this detail page (`empty_body`): a failed page."""
        outcome = self._by_site.get(site_id)
        if outcome is not None:
            outcome.unreadable += 1
            outcome.record_failure("detail", failure, url)

    def to_dicts(self) -> dict[str, dict[str, Any]]:
        return {sid: o.to_dict() for sid, o in self._by_site.items()}


def run_outcome(outcomes: Iterable[SiteOutcome], finish_reason: str | None) -> str:
    """The crawl-run row's outcome: `ok`; `partial` when some sites need a person; `failed` when
    every site does and none has anything to show; Scrapy's finish reason when the crawl did
    not finish."""
    if finish_reason != FINISHED:
        return finish_reason or "failed"
    sites = list(outcomes)
    if not any(o.flagged for o in sites):
        return "ok"
    if all(o.flagged and o.outcome != "partial" for o in sites):
        return "failed"
    return "partial"


def exit_code(outcome: str, *, database_fault: bool = False) -> int:
    """The exit code of both crawl entry points for a run's outcome (see run_outcome).

    A fault of the database (pages spooled, a run row not written) also needs a person."""
    return exit_codes.OK if outcome == "ok" and not database_fault else exit_codes.NEEDS_ATTENTION
