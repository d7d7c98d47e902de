"""Per-site outcome of a run: `ok` only when nothing the site owed failed; the run's outcome and
the exit code of both entry points follow from them."""

from __future__ import annotations

import pytest

from crawler import exit_codes
from crawler.blocks import Verdict
from crawler.outcomes import OutcomeLedger, SiteOutcome, exit_code, run_outcome

LIST_503 = ("list", "server_error", 503)
DETAIL_404 = ("detail", "not_found", 404)


def outcome(site_id: str = "s", **kw: object) -> SiteOutcome:
    """An outcome with counters set from `kw`; `failures` are (where, kind, status) triples."""
    o = SiteOutcome(site_id, expected_empty=bool(kw.pop("expected_empty", False)))
    for where, kind, status in kw.pop("failures", ()):  # type: ignore[attr-defined]
        verdict = Verdict(kind, f"HTTP {status}")
        if where == "list":
            o.record_list_failure("http://s/", verdict, 2, "http://s/index_1.html", status)
        elif where == "detail":
            o.record_detail_failure(verdict, "http://s/d.html", status)
        else:
            o.record_attachment_failure("http://s/a.pdf", f"{kind}: broken", status)
    for key, value in kw.items():
        setattr(o, key, value)
    return o


@pytest.mark.parametrize(
    ("kw", "expected", "flagged"),
    [
        ({"list_pages": 3, "entries": 10, "items": 4}, "ok", False),
        # the case: 503 on list page 2 and a 404 on one notice were `ok`, exit 0
        ({"list_pages": 1, "entries": 5, "items": 2, "failures": [LIST_503, DETAIL_404]}, "partial", True),
        ({"list_pages": 1, "entries": 5, "items": 2, "failures": [DETAIL_404]}, "partial", True),
        ({"list_pages": 1, "items": 1, "failures": [("attachment", "timeout", None)]}, "partial", True),
        ({"failures": [("list", "blocked_waf", 412)]}, "blocked", True),
        ({"failures": [("list", "dns_error", None)]}, "unreachable", True),
        ({"failures": [("list", "connection_error", None)]}, "unreachable", True),
        ({"failures": [("list", "not_found", 404)]}, "not_found", True),
        ({"failures": [("list", "server_error", 503)]}, "error", True),
        # blocks decide over the other failures of a site with nothing to show
        ({"failures": [LIST_503, ("list", "captcha", 200)]}, "blocked", True),
        ({"list_pages": 2, "entries": 0}, "layout_not_recognised", True),
        ({"list_pages": 2, "entries": 8, "skipped_by_title": 8}, "empty", True),
        ({"list_pages": 1, "entries": 8, "skipped_by_date": 8}, "ok", False),  # nothing new
        ({"list_pages": 1, "known": 1}, "ok", False),
        # expected_empty excuses no rows, never a failure
        ({"list_pages": 1, "expected_empty": True}, "layout_not_recognised", False),
        ({"list_pages": 1, "entries": 3, "expected_empty": True}, "empty", False),
        ({"failures": [("list", "dns_error", None)], "expected_empty": True}, "unreachable", True),
        ({"failures": [("list", "captcha", 200)], "expected_empty": True}, "blocked", True),
        ({"failures": [LIST_503], "list_pages": 1, "expected_empty": True}, "error", True),
        # a script redirect elsewhere answered: a problem, not a failure
        ({"list_pages": 1, "entries": 2, "items": 1, "failures": [("detail", "redirect_js", 200)]}, "ok", False),
        # a page the store refused does not count as handed over
        ({"list_pages": 1, "entries": 1, "items": 1, "store_rejected": 1, "failures": [DETAIL_404]}, "not_found", True),
    ],
)  # fmt: skip
def test_outcome_and_flag(kw: dict, expected: str, flagged: bool) -> None:
    o = outcome(**kw)
    assert (o.outcome, o.flagged) == (expected, flagged)
    d = o.to_dict()
    assert d["outcome"] == expected and d["flagged"] is flagged


def test_failures_say_what_failed_where() -> None:
    o = outcome(failures=[LIST_503, DETAIL_404, ("attachment", "wrong_content_type", 200)])
    assert o.to_dict()["failures"] == [
        "list page 2 server_error 503 http://s/index_1.html",
        "detail not_found 404 http://s/d.html",
        "attachment wrong_content_type http://s/a.pdf",
    ]
    assert o.failed == {"server_error": 1, "not_found": 1, "wrong_content_type": 1}
    assert o.attachments_failed == 1


def test_failures_are_all_counted_and_the_first_kept() -> None:
    o = outcome(failures=[DETAIL_404] * 30)
    assert o.failed == {"not_found": 30} and len(o.failures) == 20


def test_problems_alone_are_no_failure() -> None:
    o = outcome(list_pages=1, entries=1, items=1)
    o.record_problem("rate_limited", "http://s/", "HTTP 429; retried after 2.0 s", 429)
    assert o.outcome == "ok" and o.to_dict()["problems"] == {"rate_limited": 1}


def test_samples_are_capped() -> None:
    o = outcome()
    for _ in range(9):
        o.record_problem("blocked_waf", "http://s/", "detail")
    assert len(o.to_dict()["samples"]) == 5


def test_sites_stopped_before_their_list_urls_fail_them() -> None:
    o = outcome()
    o.record_not_requested(["http://s/b/", "http://s/c/"])
    assert o.outcome == "error" and o.failed == {"not_requested": 2}
    assert o.stop_reasons == [
        "http://s/b/: not requested (site stopped)",
        "http://s/c/: not requested (site stopped)",
    ]


def test_the_ledger_holds_one_outcome_per_site_and_lists_the_flagged() -> None:
    quiet = SiteOutcome("q", expected_empty=True)
    ok = outcome("ok", list_pages=1, entries=1, items=1)
    ledger = OutcomeLedger([SiteOutcome("a"), ok, quiet])
    assert list(ledger) == ["a", "ok", "q"] and len(ledger) == 3
    assert ledger["ok"] is ok and ledger.get("nope") is None
    assert ledger.flagged == ["a"]
    ledger["a"].items = 1  # outcomes are updated in place
    assert ledger.flagged == []
    assert ledger.to_dicts()["q"] == quiet.to_dict()


def test_the_store_feeds_back_the_pages_it_refused() -> None:
    ledger = OutcomeLedger([outcome("a", list_pages=1, entries=2, items=2)])
    ledger.record_unstored("a", "http://s/1.html", "value too long")
    ledger.record_unstored("other", "http://x/", "ignored: no such site in this run")
    assert ledger["a"].outcome == "partial" and ledger["a"].store_rejected == 1
    assert ledger["a"].to_dict()["failures"] == ["store rejected http://s/1.html (value too long)"]


@pytest.mark.parametrize(
    ("items", "unreadable", "expected"),
    [(2, 1, "partial"), (1, 1, "error"), (3, 3, "error")],
)
def test_a_page_the_cleaner_found_no_body_in_is_a_failed_detail_page(
    items: int, unreadable: int, expected: str
) -> None:
    ledger = OutcomeLedger([outcome("a", list_pages=1, entries=items, items=items)])
    for n in range(unreadable):
        ledger.record_unreadable("a", f"http://s/{n}.html", "empty_body")
    ledger.record_unreadable("other", "http://x/", "empty_body")  # no such site: ignored
    assert (ledger["a"].outcome, ledger["a"].flagged) == (expected, True)
    assert ledger["a"].to_dict()["failures"][0] == "detail empty_body http://s/0.html"
    assert ledger["a"].failed == {"empty_body": unreadable}


OK = outcome("ok", list_pages=1, entries=1, items=1)
PARTIAL = outcome("partial", list_pages=1, entries=2, items=1, failures=[DETAIL_404])
FAILED = outcome("failed", failures=[("list", "dns_error", None)])
EXCUSED = outcome("quiet", list_pages=1, expected_empty=True)


@pytest.mark.parametrize(
    ("sites", "finish_reason", "expected", "code"),
    [
        ([OK, EXCUSED], "finished", "ok", exit_codes.OK),
        ([OK, PARTIAL], "finished", "partial", exit_codes.NEEDS_ATTENTION),
        ([OK, FAILED], "finished", "partial", exit_codes.NEEDS_ATTENTION),
        ([EXCUSED, FAILED], "finished", "partial", exit_codes.NEEDS_ATTENTION),
        ([FAILED], "finished", "failed", exit_codes.NEEDS_ATTENTION),  # was "finished", exit 0
        ([OK], "shutdown", "shutdown", exit_codes.NEEDS_ATTENTION),
        ([OK], None, "failed", exit_codes.NEEDS_ATTENTION),  # never started
    ],
)
def test_run_outcome_and_exit_code(
    sites: list[SiteOutcome], finish_reason: str | None, expected: str, code: int
) -> None:
    assert run_outcome(sites, finish_reason) == expected
    assert exit_code(expected) == code


def test_a_database_fault_needs_a_person_even_when_every_site_was_ok() -> None:
    assert exit_code("ok", database_fault=True) == exit_codes.NEEDS_ATTENTION


def test_exit_codes_are_the_documented_ones() -> None:
    codes = (exit_codes.OK, exit_codes.NEEDS_ATTENTION, exit_codes.USAGE, exit_codes.LOCKED)
    assert codes == (0, 1, 2, 3)
