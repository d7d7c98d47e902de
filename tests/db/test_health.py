"""Run health across nights (models/health.py): the verdict of one site-night, and the report
over run rows written directly (the farm crawls are in tests/e2e/test_nightly.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine

from crawler.outcomes import SiteOutcome
from models.health import BY_KIND, FAILURES, HealthReport, health, verdict
from models.runs import record_crawl_run, upsert_sites
from models.upsert import write_pages
from pipelines.common.fetched import FetchedPage

NOW = datetime(2026, 12, 2, 6, 0, tzinfo=UTC)


def outcome(**kw: Any) -> dict[str, Any]:
    """A real SiteOutcome's stored form, with counts and problems set."""
    problems: dict[str, int] = kw.pop("problems", {})
    failed: dict[str, int] = kw.pop("failed", {})  # pages the crawl chose that did not come
    o = SiteOutcome("s", expected_empty=bool(kw.pop("expected_empty", False)))
    for key, value in kw.items():
        setattr(o, key, value)
    for kind, n in problems.items():
        for _ in range(n):
            o.record_problem(kind, "http://s/", "detail")
    for kind, n in failed.items():
        for _ in range(n):
            o.record_problem(kind, "http://s/", "detail")
            o.record_failure("list page 1", kind, "http://s/")
    return o.to_dict()


OK = {"list_pages": 2, "entries": 12, "items": 6}
BLOCKED = {"list_pages_blocked": 1, "failed": {"blocked_waf": 1}}
NOT_FOUND = {"failed": {"not_found": 1}}
DOWN = {"failed": {"timeout": 2, "connection_error": 1}}
NO_ROWS = {"list_pages": 2, "entries": 0}
ROWS_NO_ITEMS = {"list_pages": 1, "entries": 8, "skipped_by_title": 8}


@pytest.mark.parametrize(
    ("counts", "had_yield", "expected"),
    [
        (OK, False, "ok"),
        ({**OK, "problems": {"captcha": 1}}, False, "ok"),  # a problem waited out: no failure
        ({**OK, "failed": {"server_error": 1}}, False, "partial"),
        ({"expected_empty": True, "list_pages": 1}, False, "quiet"),
        (BLOCKED, True, "blocked"),
        ({"failed": {"forbidden": 3}}, False, "blocked"),
        (NOT_FOUND, True, "not_found"),
        ({"failed": {"not_found": 1, "soft_404": 1}}, False, "not_found"),
        (DOWN, True, "unreachable"),
        (NO_ROWS, False, "layout"),
        (NO_ROWS, True, "yield_dropped"),
        (ROWS_NO_ITEMS, False, "no_notices"),
        (ROWS_NO_ITEMS, True, "yield_dropped"),
        ({"failed": {"server_error": 1}}, False, "failed"),
        ({}, False, "failed"),
    ],
)
def test_verdict_of_one_night(counts: dict[str, Any], had_yield: bool, expected: str) -> None:
    details = outcome(**counts)
    assert verdict(details["outcome"], details, had_yield=had_yield) == expected


def test_rows_written_before_flagged_was_stored_are_judged_by_their_outcome() -> None:
    assert verdict("empty", {"list_pages": 1, "entries": 0}, had_yield=False) == "layout"
    assert verdict("empty", {"expected_empty": True}, had_yield=False) == "quiet"
    assert verdict("ok", {"items": 3}, had_yield=False) == "ok"


def test_every_failure_kind_has_a_threshold_and_a_hint() -> None:
    assert FAILURES[-1].kind == "failed" and FAILURES[-1].test is not None
    for failure in FAILURES:
        assert failure.person_after >= 1 and failure.hint
    assert set(BY_KIND) == {f.kind for f in FAILURES}


def night(engine: Engine, days_ago: float, sites: dict[str, dict[str, Any]]) -> int:
    started = NOW - timedelta(days=days_ago)
    return record_crawl_run(
        engine,
        region="测试",
        started_at=started,
        finished_at=started + timedelta(minutes=5),
        outcome="finished",
        stats={},
        site_outcomes={sid: {**d, "site_id": sid} for sid, d in sites.items()},
    )


def page(site: str, n: int, body: str, at: datetime) -> FetchedPage:
    url = f"http://{site}.example/{n}.html"
    record = {"is_notice": True, "title": f"通报{n}", "body_text": body, "problems": []}
    return FetchedPage(url, url, site, "测试", 200, at, body.encode(), record=record)


@pytest.fixture
def archive(engine: Engine) -> Engine:
    """Six sites over 40 nights; the story of each is in its name."""
    upsert_sites(
        engine,
        [
            {"id": sid, "name": f"{sid} 站", "region": "测试"}
            for sid in ("steady", "blocked3", "blocked1", "dropped", "new-bad", "quiet")
        ],
    )
    good, empty = outcome(**OK), outcome(expected_empty=True, list_pages=1)
    for days_ago in (40, 30, 20, 10, 5):  # months of rows
        night(
            engine, days_ago, {"steady": good, "blocked3": good, "blocked1": good, "dropped": good}
        )
    for days_ago in (3, 2, 1):
        night(
            engine,
            days_ago,
            {
                "steady": good,
                "blocked3": outcome(**BLOCKED),
                "blocked1": good if days_ago > 1 else outcome(**BLOCKED),
                "dropped": good if days_ago > 1 else outcome(**NO_ROWS),
                "new-bad": outcome(**NO_ROWS),
                "quiet": empty,
            },
        )
    old, recent = NOW - timedelta(days=20), NOW - timedelta(days=2)
    write_pages(engine, [page("steady", 1, "旧文", old), page("steady", 2, "旧文二", old)], now=old)
    write_pages(
        engine,
        [page("steady", 1, "改过的正文", recent), page("steady", 3, "新", recent)],
        now=recent,
    )
    return engine


def report(engine: Engine, nights: int = 7, site_ids: list[str] | None = None) -> HealthReport:
    with engine.connect() as conn:
        return health(conn, now=NOW, nights=nights, site_ids=site_ids)


def test_streaks_and_nights_since_the_last_good_run(archive: Engine) -> None:
    sites = {s.site_id: s for s in report(archive).sites}
    blocked3 = sites["blocked3"]
    assert [n.verdict for n in blocked3.nights] == ["blocked", "blocked", "blocked", "ok"]
    assert blocked3.streak_kinds == {"blocked": 3} and blocked3.needs_person
    assert blocked3.nights_since_good == 5  # the last good run is 5 nights back
    assert sites["blocked1"].streak_kinds == {"blocked": 1}
    assert not sites["blocked1"].needs_person  # a block may pass by itself: wait a second night
    assert sites["dropped"].latest == "yield_dropped" and sites["dropped"].needs_person
    assert sites["dropped"].yield_since == NOW - timedelta(days=40)
    assert sites["new-bad"].latest == "layout" and sites["new-bad"].nights_since_good is None
    assert sites["quiet"].latest == "quiet" and sites["quiet"].streak == []
    assert sites["steady"].latest == "ok" and sites["steady"].nights_since_good == 1


def test_sites_needing_a_person_come_most_urgent_first(archive: Engine) -> None:
    rep = report(archive)
    # the longest streak first (3, 3, 1); of equal streaks, the one never good first
    assert [s.site_id for s in rep.needs_person] == ["new-bad", "blocked3", "dropped"]
    assert [s.site_id for s in rep.sites][:3] == ["new-bad", "blocked3", "dropped"]
    assert rep.to_dict()["needs_person"] == ["new-bad", "blocked3", "dropped"]


def test_window_limits_the_nights_but_not_the_last_good_run(archive: Engine) -> None:
    blocked3 = {s.site_id: s for s in report(archive, nights=3).sites}["blocked3"]
    assert [n.verdict for n in blocked3.nights] == ["blocked", "blocked", "blocked"]
    assert blocked3.last_good_at == NOW - timedelta(days=5) and blocked3.nights_since_good == 5
    assert blocked3.failures == {"blocked": 3}


def test_new_and_edited_notices_in_the_window(archive: Engine) -> None:
    steady = {s.site_id: s for s in report(archive).sites}["steady"]
    assert (steady.new, steady.edited) == (1, 1)  # notice 3 is new, notice 1 was edited
    month = {s.site_id: s for s in report(archive, nights=30).sites}["steady"]
    assert (month.new, month.edited) == (3, 1)  # a notice's first version is not an edit


def test_only_the_sites_asked_for(archive: Engine) -> None:
    rep = report(archive, site_ids=["steady", "never-crawled"])
    assert {s.site_id for s in rep.sites} == {"steady", "never-crawled"}
    never = {s.site_id: s for s in rep.sites}["never-crawled"]
    assert never.latest == "not_crawled" and not never.needs_person and rep.needs_person == []


def test_json_form(archive: Engine) -> None:
    d = {s["site_id"]: s for s in report(archive).to_dict()["sites"]}
    assert d["blocked3"]["consecutive_failures"] == 3
    assert d["blocked3"]["consecutive_failures_by_kind"] == {"blocked": 3}
    assert d["blocked3"]["hint"] and d["steady"]["hint"] is None
    assert d["blocked3"]["last_good_at"] == (NOW - timedelta(days=5)).isoformat()
    assert "removed" in d["steady"]
