"""The crawl summary: totals from Scrapy stats and site outcomes, the table, and the exit code.

The crawl itself runs end to end in tests/e2e/test_crawl_db.py.
"""

from __future__ import annotations

import io

from rich.console import Console

from crawler.blocks import Verdict
from crawler.cli.crawl_cmd import CrawlSummary, add_db_fault, print_summary, summarise
from crawler.outcomes import SiteOutcome
from pipelines.common.db_fault import DbFault, FaultKind


def _outcome(site_id: str, **kw: object) -> SiteOutcome:
    o = SiteOutcome(site_id, expected_empty=bool(kw.pop("expected_empty", False)))
    for key, value in kw.items():
        setattr(o, key, value)
    return o


STATS = {
    "finish_reason": "finished",
    "notices/list_pages": 3,
    "notices/detail_pages": 7,
    "notices/db/inserted": 5,
    "notices/db/unchanged": 1,
    "notices/db/non_notice": 1,
}


def test_totals_and_success() -> None:
    ok = _outcome("a", list_pages=3, entries=12, items=7, skipped_by_title=5)
    summary = summarise("淮南市", STATS, {"a": ok}, {"a": "淮南市纪委监委"}, 2.0)
    assert (summary.pages_fetched, summary.inserted, summary.unchanged) == (10, 5, 1)
    assert summary.non_notices == 6  # 5 skipped by title + 1 the parser rejected
    assert summary.flagged == [] and summary.exit_code == 0


def test_empty_or_blocked_site_fails_unless_expected() -> None:
    blocked = _outcome("b")
    blocked.record_list_failure(
        "http://b/", Verdict("blocked_waf", "HTTP 412"), 1, "http://b/", 412
    )
    quiet = _outcome("q", list_pages=1, expected_empty=True)
    summary = summarise("r", STATS, {"b": blocked, "q": quiet}, {}, 1.0)
    assert summary.flagged == ["b"] and summary.outcome == "partial" and summary.exit_code == 1
    text = _printed(summary)
    assert "blocked ⚠" in text and "layout_not_recognised" in text
    assert "b blocked: what failed\n  list page 1 blocked_waf 412 http://b/\n" in text
    assert "sites that need a person: b\n" in text and "expected_empty" not in text
    empty = summarise("r", STATS, {"e": _outcome("e", list_pages=1)}, {}, 1.0)
    assert (empty.sites[0]["outcome"], empty.exit_code) == ("layout_not_recognised", 1)
    assert "e: no rows; a site empty by design can be marked expected_empty" in _printed(empty)


def test_a_partial_site_lists_what_failed() -> None:
    partial = _outcome("p", list_pages=1, entries=4, items=3)
    partial.record_list_failure(
        "http://p/", Verdict("server_error", "HTTP 503"), 2, "http://p/index_1.html", 503
    )
    for n in range(6):
        partial.record_detail_failure(Verdict("not_found", "HTTP 404"), f"http://p/{n}.html", 404)
    summary = summarise("r", STATS, {"p": partial}, {}, 1.0)
    assert (summary.outcome, summary.flagged, summary.exit_code) == ("partial", ["p"], 1)
    lines = _printed(summary).splitlines()
    at = lines.index("p partial: what failed")
    assert lines[at + 1 : at + 4] == [
        "  list page 2 server_error 503 http://p/index_1.html",
        "  detail not_found 404 http://p/0.html",
        "  detail not_found 404 http://p/1.html",
    ]
    assert lines[at + 6] == "  … and 2 more"
    assert any(line.split() == ["flagged", "sites", "p"] for line in lines)


def test_unfinished_crawl_or_pages_spooled_fail() -> None:
    ok = _outcome("a", list_pages=1, entries=1, items=1)
    assert summarise("r", STATS, {"a": ok}, {}, 1).exit_code == 0
    unfinished = summarise("r", {**STATS, "finish_reason": "shutdown"}, {"a": ok}, {}, 1)
    assert (unfinished.outcome, unfinished.exit_code) == ("shutdown", 1)
    assert "crawl did not finish cleanly: shutdown" in _printed(unfinished)
    spooled = {**STATS, "notices/db/spooled": 2}
    assert summarise("r", spooled, {"a": ok}, {}, 1).exit_code == 1


def test_every_site_failed_is_a_failed_run() -> None:
    down = _outcome("d")
    down.record_list_failure("http://d/", Verdict("dns_error", "DNSLookupError"), 1, "http://d/")
    summary = summarise("r", STATS, {"d": down}, {}, 1)
    assert (summary.outcome, summary.exit_code) == ("failed", 1)
    assert any(
        line.split() == ["run", "outcome", "failed"] for line in _printed(summary).splitlines()
    )


def _printed(summary: CrawlSummary) -> str:
    out = io.StringIO()
    print_summary(summary, Console(file=out, width=160))
    return out.getvalue()


def _narrow(summary: CrawlSummary) -> str:
    out = io.StringIO()
    print_summary(summary, Console(file=out, width=80))
    return out.getvalue()


def test_a_database_fault_is_printed_once_at_the_top_and_fails_the_run() -> None:
    ok = _outcome("a", list_pages=3, entries=12, items=7)
    summary = summarise("r", {"finish_reason": "finished"}, {"a": ok}, {}, 1.0)
    fault = DbFault(FaultKind.READ_ONLY, "sqlite:///x.db", "attempt to write", "s.jsonl", 7)
    add_db_fault(summary, fault)
    text = _narrow(summary)
    first = text.splitlines()[0]
    assert first == (
        "database sqlite:///x.db is read-only: attempt to write; 7 pages spooled to s.jsonl, "
        "written on the next run or by `notices db replay` (the sites are not at fault)"
    )  # one line, wider than the console
    assert text.count("read-only") == 1
    assert summary.flagged == [] and summary.exit_code == 1


def test_a_refused_start_blames_no_site() -> None:
    never = _outcome("a")  # nothing fetched: the store refused before the crawl began
    summary = summarise("r", {}, {"a": never}, {}, 0.1)
    assert summary.flagged == ["a"]
    fault = DbFault(FaultKind.NOT_AT_HEAD, "sqlite:///x.db", "run it", "s.jsonl", refused=True)
    add_db_fault(summary, fault)
    text = _printed(summary)
    assert text.splitlines()[0].endswith("nothing was crawled")
    assert summary.flagged == [] and "not crawled" in text
    assert "yielded nothing" not in text and summary.exit_code == 1


def test_without_a_database_fault_nothing_is_printed_for_it() -> None:
    ok = _outcome("a", list_pages=3, entries=12, items=7)
    summary = summarise("r", STATS, {"a": ok}, {}, 1.0)
    add_db_fault(summary, None)
    assert "database" not in _printed(summary) and summary.exit_code == 0
