"""Found values and the lines the figures' patterns run on (pipelines/parsing/found.py)."""

from __future__ import annotations

import re

import pytest

from pipelines.parsing.found import lines_with


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲\n清退1万元\n乙\n追回2元", ["清退1万元", "追回2元"]),
        ("元元\n元", ["元元", "元"]),  # one line once, however many matches it holds
        ("没有金额", []),
        ("", []),
        ("末行元", ["末行元"]),
    ],
)
def test_lines_with_a_key(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in lines_with(text, re.compile("元"))] == expected
