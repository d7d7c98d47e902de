"""Per-site outcome of a run: a site that yielded nothing or was blocked is flagged."""

from __future__ import annotations

import pytest

from crawler.outcomes import OutcomeLedger, SiteOutcome


def outcome(**kw: object) -> SiteOutcome:
    o = SiteOutcome("s", expected_empty=bool(kw.pop("expected_empty", False)))
    for kind, n in dict(kw.pop("problems", {})).items():  # type: ignore[call-overload]
        for _ in range(n):
            o.record_problem(kind, "http://s/", "detail")
    for key, value in kw.items():
        setattr(o, key, value)
    return o


@pytest.mark.parametrize(
    ("kw", "expected", "flagged"),
    [
        ({"list_pages": 3, "entries": 10, "items": 4}, "ok", False),
        (
            {"list_pages": 1, "entries": 5, "items": 2, "problems": {"blocked_waf": 1}},
            "partial",
            False,
        ),
        ({"problems": {"blocked_waf": 2}}, "blocked", True),
        ({"list_pages": 2, "entries": 8, "items": 0}, "empty", True),
        ({"problems": {"connection_error": 1}}, "empty", True),
        ({"list_pages": 1, "expected_empty": True}, "empty", False),
        ({"problems": {"captcha": 1}, "expected_empty": True}, "blocked", False),
    ],
)
def test_outcome_and_flag(kw: dict, expected: str, flagged: bool) -> None:
    o = outcome(**kw)
    assert (o.outcome, o.flagged) == (expected, flagged)
    d = o.to_dict()
    assert d["outcome"] == expected and d["flagged"] is flagged


def test_samples_are_capped_and_problems_counted() -> None:
    o = outcome(problems={"blocked_waf": 9})
    d = o.to_dict()
    assert d["problems"] == {"blocked_waf": 9}
    assert len(d["samples"]) == 5
    assert o.blocked == 9


def test_the_ledger_holds_one_outcome_per_site_and_lists_the_flagged() -> None:
    quiet = SiteOutcome("q", expected_empty=True)
    ok = outcome(list_pages=1, entries=1, items=1)
    ledger = OutcomeLedger([SiteOutcome("a"), ok, quiet])
    assert list(ledger) == ["a", ok.site_id, "q"] and len(ledger) == 3
    assert ledger[ok.site_id] is ok and ledger.get("nope") is None
    assert ledger.flagged == ["a"]
    ledger["a"].items = 1  # outcomes are updated in place
    assert ledger.flagged == []
    assert ledger.to_dicts()["q"] == quiet.to_dict()
