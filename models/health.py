"""Run health across nights: a query over the stored crawl runs, for `notices health`.

Each `crawl_site_outcomes` row is one site in one run ("a night" when the runs are nightly). The
crawler flags a site whose run yielded nothing or was blocked (crawler/outcomes.py, stored in the
row's `details`); a flagged night is a failure, and `FAILURES` (an ordered table, first match
wins) says which kind, from the counts the row holds and from whether the site ever yielded
notices before. Per site the report gives the nights since its last good run, the current streak
of failures by kind, the failures in the window, and the notices new, edited and removed in the
window; the sites that need a person come first, most urgent first.

Spidermon judges one run while it ends (crawler/monitors.py); judging across nights needs the
stored history of every site, which lives here, in the database every worker shares.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.orm import aliased

from models.crawl_run import CrawlRun, CrawlSiteOutcome
from models.notice import Notice, NoticeVersion
from models.site import Site
from pipelines.common.lifecycle import RECHECK_STAT

RUNS = cast(Table, CrawlRun.__table__)
OUTCOMES = cast(Table, CrawlSiteOutcome.__table__)
NOTICES = cast(Table, Notice.__table__)
VERSIONS = cast(Table, NoticeVersion.__table__)
SITES = cast(Table, Site.__table__)

# Outcomes whose run stored notices (crawler/outcomes.py): "the site had rows" before a drop.
YIELDING_OUTCOMES = ("ok", "partial")
# Outcomes the crawler flags unless the seed expects the site empty (crawler/outcomes.py); used
# only for rows written before `flagged` was stored.
FLAGGED_OUTCOMES = ("blocked", "empty")
NOT_FOUND_KINDS = frozenset({"not_found", "soft_404", "gone"})
UNREACHABLE_KINDS = frozenset(
    {"timeout", "dns_error", "connection_error", "server_error", "tls_error", "http_error"}
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one site-night row says, plus whether the site yielded notices in an earlier run."""

    details: Mapping[str, Any]
    had_yield: bool

    def n(self, key: str) -> int:
        value = self.details.get(key)
        return int(value) if isinstance(value, int | float) else 0

    @property
    def problem_kinds(self) -> frozenset[str]:
        problems = self.details.get("problems")
        return frozenset(problems) if isinstance(problems, Mapping) else frozenset()


@dataclass(frozen=True, slots=True)
class Failure:
    kind: str
    test: Callable[[Evidence], bool]
    person_after: int  # consecutive failed nights before someone has to look
    hint: str  # what the person should look at


def _only(kinds: frozenset[str]) -> Callable[[Evidence], bool]:
    return lambda e: e.n("list_pages") == 0 and bool(e.problem_kinds) and e.problem_kinds <= kinds


# Ordered: the first that matches names the failure. Blocks and outages can pass by themselves,
# so they wait a second night; the others are a changed site and will not mend themselves.
FAILURES: tuple[Failure, ...] = (
    Failure(
        "blocked",
        lambda e: (
            e.details.get("outcome") == "blocked"
            or (e.n("list_pages") == 0 and e.n("list_pages_blocked") > 0)
        ),
        2,
        "the site refuses the crawler (WAF, challenge, captcha, 403/429): lower the rate or "
        "ask the site; the run's samples show the answers",
    ),
    Failure(
        "not_found",
        _only(NOT_FOUND_KINDS),
        1,
        "the list pages answer 404/410 or 'page not found': the column moved, mend list_urls",
    ),
    Failure(
        "unreachable",
        _only(UNREACHABLE_KINDS),
        2,
        "the site does not answer (timeouts, DNS, connection errors, 5xx)",
    ),
    Failure(
        "yield_dropped",
        lambda e: e.n("list_pages") > 0 and e.n("items") == 0 and e.had_yield,
        1,
        "the site yielded notices before and none now: its layout or column changed",
    ),
    Failure(
        "layout",
        lambda e: e.n("list_pages") > 0 and e.n("entries") == 0,
        1,
        "list pages are fetched but no rows are recognised: mend the seed's list rules",
    ),
    Failure(
        "no_notices",
        lambda e: e.n("list_pages") > 0 and e.n("items") == 0,
        1,
        "rows are listed but none was kept: check the title filter and the detail pages",
    ),
    Failure(
        "partial",
        lambda e: e.details.get("outcome") == "partial",
        2,
        "some pages the crawl chose failed (list page, notice or attachment): the run's "
        "failures name them",
    ),
    Failure("failed", lambda e: True, 2, "read the run's samples (`notices stats`, crawl_runs)"),
)
BY_KIND = {f.kind: f for f in FAILURES}
# The crawl's own classes of a failed site (crawler/outcomes.py) name the failure directly;
# the evidence table above reads the rest ("no rows" nights) and rows stored before them.
OUTCOME_KINDS = {
    "blocked": "blocked",
    "unreachable": "unreachable",
    "not_found": "not_found",
    "partial": "partial",
    "error": "failed",
}


def is_flagged(outcome: str, details: Mapping[str, Any]) -> bool:
    flagged = details.get("flagged")
    if isinstance(flagged, bool):
        return flagged
    return outcome in FLAGGED_OUTCOMES and not details.get("expected_empty")


def verdict(outcome: str, details: Mapping[str, Any], *, had_yield: bool) -> str:
    """ok | partial | quiet (empty, as the seed expects) | the kind of failure."""
    if not is_flagged(outcome, details):
        if outcome in YIELDING_OUTCOMES:
            return outcome
        return "quiet" if details.get("expected_empty") else outcome
    if outcome in OUTCOME_KINDS:
        return OUTCOME_KINDS[outcome]
    evidence = Evidence(details, had_yield)
    return next(f.kind for f in FAILURES if f.test(evidence))


@dataclass(frozen=True, slots=True)
class Night:
    run_id: int
    started_at: datetime
    outcome: str  # as stored
    verdict: str  # see verdict()
    failed: bool


@dataclass(slots=True)
class SiteHealth:
    site_id: str
    name: str | None
    region: str | None
    nights: list[Night] = field(default_factory=list)  # in the window, newest first
    last_good_at: datetime | None = None
    yield_since: datetime | None = None  # first run that stored notices
    nights_since_good: int | None = None  # None: never good
    new: int = 0
    edited: int = 0
    removed: int | None = None  # None: this archive does not record removals

    @property
    def streak(self) -> list[Night]:
        """The failed nights since the last one that was not, newest first."""
        out = []
        for night in self.nights:
            if not night.failed:
                break
            out.append(night)
        return out

    @property
    def streak_kinds(self) -> dict[str, int]:
        return dict(Counter(n.verdict for n in self.streak))

    @property
    def failures(self) -> dict[str, int]:
        return dict(Counter(n.verdict for n in self.nights if n.failed))

    @property
    def latest(self) -> str:
        return self.nights[0].verdict if self.nights else "not_crawled"

    @property
    def needs_person(self) -> bool:
        streak = self.streak
        return bool(streak) and len(streak) >= BY_KIND[streak[0].verdict].person_after

    @property
    def hint(self) -> str | None:
        return BY_KIND[self.latest].hint if self.latest in BY_KIND else None

    def urgency(self) -> tuple[int, int, str]:
        """Sort key, most urgent first: longest streak, then longest without a good night."""
        never = 10**6
        since = self.nights_since_good if self.nights_since_good is not None else never
        return (-len(self.streak), -since, self.site_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "site_id": self.site_id,
            "name": self.name,
            "region": self.region,
            "latest": self.latest,
            "last_run_at": _iso(self.nights[0].started_at) if self.nights else None,
            "last_good_at": _iso(self.last_good_at),
            "nights_since_good": self.nights_since_good,
            "consecutive_failures": len(self.streak),
            "consecutive_failures_by_kind": self.streak_kinds,
            "failures_in_window": self.failures,
            "runs_in_window": len(self.nights),
            "yield_since": _iso(self.yield_since),
            "new": self.new,
            "edited": self.edited,
            "removed": self.removed,
            "needs_person": self.needs_person,
            "hint": self.hint if self.needs_person else None,
        }


@dataclass(frozen=True, slots=True)
class HealthReport:
    generated_at: datetime
    nights: int
    sites: list[SiteHealth]

    @property
    def needs_person(self) -> list[SiteHealth]:
        return sorted((s for s in self.sites if s.needs_person), key=SiteHealth.urgency)

    def to_dict(self) -> dict[str, Any]:
        return {
            "generated_at": _iso(self.generated_at),
            "nights": self.nights,
            "needs_person": [s.site_id for s in self.needs_person],
            "sites": [s.to_dict() for s in self.sites],
        }


def health(
    conn: Connection, *, now: datetime, nights: int, site_ids: Collection[str] | None = None
) -> HealthReport:
    """Health of `site_ids` (None: every site crawled in the window) over the last `nights` days
    before `now` (aware UTC). The sites that need a person come first, most urgent first."""
    since = now - timedelta(days=nights)
    rows = _window(conn, since, site_ids)
    ids = set(site_ids) if site_ids is not None else {r.site_id for r in rows}
    history = _history(conn, ids)
    names = _names(conn, ids)
    sites = {sid: SiteHealth(sid, *names.get(sid, (None, None))) for sid in sorted(ids)}
    for row in rows:  # newest first
        first_yield = history.get(row.site_id, (None, None))[0]
        had_yield = first_yield is not None and first_yield < row.started_at
        details = row.details or {}
        v = verdict(row.outcome, details, had_yield=had_yield)
        failed = is_flagged(row.outcome, details)
        sites[row.site_id].nights.append(Night(row.run_id, row.started_at, row.outcome, v, failed))
    counts = _changes(conn, ids, since)
    for sid, site in sites.items():
        site.yield_since, last_yield = history.get(sid, (None, None))
        good = [n.started_at for n in site.nights if not n.failed]
        candidates = [t for t in (last_yield, max(good, default=None)) if t is not None]
        site.last_good_at = max(candidates, default=None)
        if site.last_good_at is not None:
            site.nights_since_good = (now.date() - site.last_good_at.date()).days
        site.new, site.edited, site.removed = counts[sid]
    ordered = sorted(sites.values(), key=lambda s: (not s.needs_person, s.urgency()))
    return HealthReport(now, nights, ordered)


# -- queries ------------------------------------------------------------------------------------


def _window(conn: Connection, since: datetime, site_ids: Collection[str] | None) -> list[Any]:
    """The site-night rows of the crawls in the window (re-checks left out), newest first."""
    query = (
        select(
            OUTCOMES.c.site_id,
            OUTCOMES.c.outcome,
            OUTCOMES.c.details,
            RUNS.c.id.label("run_id"),
            RUNS.c.started_at,
            RUNS.c.stats,
        )
        .join(RUNS, RUNS.c.id == OUTCOMES.c.run_id)
        .where(RUNS.c.started_at >= since)
        .order_by(RUNS.c.started_at.desc(), RUNS.c.id.desc())
    )
    if site_ids is not None:
        query = query.where(OUTCOMES.c.site_id.in_(list(site_ids)))
    return [row for row in conn.execute(query) if RECHECK_STAT not in (row.stats or {})]


def _history(conn: Connection, ids: Collection[str]) -> dict[str, tuple[datetime, datetime]]:
    """Per site, the first and the last run that stored notices, over all stored runs."""
    if not ids:
        return {}
    query = (
        select(OUTCOMES.c.site_id, func.min(RUNS.c.started_at), func.max(RUNS.c.started_at))
        .join(RUNS, RUNS.c.id == OUTCOMES.c.run_id)
        .where(OUTCOMES.c.site_id.in_(list(ids)), OUTCOMES.c.outcome.in_(YIELDING_OUTCOMES))
        .group_by(OUTCOMES.c.site_id)
    )
    return {sid: (first, last) for sid, first, last in conn.execute(query)}


def _names(conn: Connection, ids: Collection[str]) -> dict[str, tuple[str | None, str | None]]:
    if not ids:
        return {}
    query = select(SITES.c.id, SITES.c.name, SITES.c.region).where(SITES.c.id.in_(list(ids)))
    return {sid: (name, region) for sid, name, region in conn.execute(query)}


def _changes(
    conn: Connection, ids: Collection[str], since: datetime
) -> dict[str, tuple[int, int, int | None]]:
    """Per site: notices first seen, versions added to older notices (edits), and notices found
    removed since `since`. Removals need `notices.removed_at`; without it they are None."""
    if not ids:
        return {}
    site_ids = list(ids)
    new: dict[str, int] = dict(
        conn.execute(
            select(NOTICES.c.site_id, func.count())
            .where(NOTICES.c.site_id.in_(site_ids), NOTICES.c.first_seen_at >= since)
            .group_by(NOTICES.c.site_id)
        ).all()
    )
    earlier = aliased(VERSIONS)
    first_version = (
        select(func.min(earlier.c.id))
        .where(earlier.c.notice_id == VERSIONS.c.notice_id)
        .scalar_subquery()
    )
    edited: dict[str, int] = dict(
        conn.execute(
            select(NOTICES.c.site_id, func.count())
            .select_from(VERSIONS.join(NOTICES, NOTICES.c.id == VERSIONS.c.notice_id))
            .where(
                NOTICES.c.site_id.in_(site_ids),
                VERSIONS.c.fetched_at >= since,
                VERSIONS.c.id > first_version,
            )
            .group_by(NOTICES.c.site_id)
        ).all()
    )
    removed: dict[str, int] = {}
    if "removed_at" in NOTICES.c:  # the removals columns (issue 9 item 2) once they exist
        removed = dict(
            conn.execute(
                select(NOTICES.c.site_id, func.count())
                .where(NOTICES.c.site_id.in_(site_ids), NOTICES.c.removed_at >= since)
                .group_by(NOTICES.c.site_id)
            ).all()
        )
    return {
        sid: (
            int(new.get(sid, 0)),
            int(edited.get(sid, 0)),
            int(removed.get(sid, 0)) if "removed_at" in NOTICES.c else None,
        )
        for sid in site_ids
    }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
