"""The spider's checked arguments (crawler/spider_args.py)."""

from __future__ import annotations

import pytest

from crawler.seeds import SeedError
from crawler.spider_args import parse_full


@pytest.mark.parametrize(
    ("value", "full"),
    [
        (None, False),
        ("", False),
        ("0", False),
        ("false", False),
        ("No", False),
        ("1", True),
        ("true", True),
        (" YES ", True),
        (True, True),
        (False, False),
    ],
)
def test_parse_full(value: str | bool | None, full: bool) -> None:
    assert parse_full(value) is full


@pytest.mark.parametrize("value", ["2", "maybe", "full"])
def test_parse_full_refuses_other_values(value: str) -> None:
    with pytest.raises(SeedError, match=f"full must be 1 or 0 \\(true/false\\), got '{value}'"):
        parse_full(value)
