"""Per-site outcome of a run: a site that yielded nothing or was blocked is flagged."""

from __future__ import annotations

import pytest

from crawler.outcomes import SiteOutcome


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
