"""Character classes (pipelines/common/chars.py)."""

from __future__ import annotations

import re

import pytest

from pipelines.common.chars import CJK_TEXT, SPACES, cjk_count


@pytest.mark.parametrize(
    ("text", "count"),
    [("巡察整改", 4), ("2023年，整改（完成）", 5), ("abc 123", 0), ("", 0), ("《通报》：", 2)],
)
def test_cjk_count_counts_ideographs_only(text: str, count: int) -> None:
    assert cjk_count(text) == count


@pytest.mark.parametrize(("ch", "joins"), [("，", True), ("、", True), ("《", True), ("“", True),
                                           ("中", True), ("a", False), ("1", False), (",", False)])  # fmt: skip
def test_cjk_text_holds_chinese_punctuation(ch: str, joins: bool) -> None:
    assert bool(re.fullmatch(f"[{CJK_TEXT}]", ch)) is joins


@pytest.mark.parametrize("ch", [" ", "\t", "\n", "\xa0", "\u2003", "\u200b", "\ufeff"])
def test_page_spaces(ch: str) -> None:
    assert re.fullmatch(f"[{SPACES}]", ch)


def test_an_ideographic_space_is_no_page_space() -> None:
    # U+3000 indents Chinese paragraphs; the renderer trims it at line edges only.
    assert not re.fullmatch(f"[{SPACES}]", "\u3000")
