"""`pipelines.record_diff`: which fields changed, and how each change reads."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from pipelines.record_diff import (
    FieldChange,
    describe,
    problem_changes,
    record_changes,
    sentences,
    short,
    text_diff,
)


@pytest.mark.parametrize(
    ("old", "new", "changed"),
    [
        ({"title": "甲"}, {"title": "甲"}, []),
        ({"title": "甲"}, {"title": "乙"}, [FieldChange("title", "甲", "乙")]),
        # a stored date and the parser's ISO string are the same value
        ({"published_date": date(2023, 1, 6)}, {"published_date": "2023-01-06"}, []),
        ({"inspection_kinds": ("常规",)}, {"inspection_kinds": ["常规"]}, []),
        ({"parser_version": "1.0"}, {"parser_version": "2.0"}, []),  # not a change of the notice
        (  # where values were read moves with the text: no change of the notice either
            {"evidence": {"title": {"start": 0, "end": 4}}},
            {"evidence": {"title": {"start": 9, "end": 13}}},
            [],
        ),
        ({}, {"title": "乙"}, [FieldChange("title", None, "乙")]),
        # the record's order, then keys it does not declare
        (
            {"zz": 1, "title": "a", "is_notice": True},
            {"zz": 2, "title": "b", "is_notice": False},
            [
                FieldChange("is_notice", True, False),
                FieldChange("title", "a", "b"),
                FieldChange("zz", 1, 2),
            ],
        ),
    ],
)
def test_record_changes(
    old: dict[str, Any], new: dict[str, Any], changed: list[FieldChange]
) -> None:
    assert record_changes(old, new) == changed


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("一是整改。二是落实！三是？", ["一是整改。", "二是落实！", "三是？"]),
        ("第一行\n\n第二行；还有", ["第一行", "第二行；", "还有"]),
        ("", []),
    ],
)
def test_sentences(text: str, pieces: list[str]) -> None:
    assert sentences(text) == pieces


def test_text_diff_is_by_sentence_with_context() -> None:
    old = "甲。乙。丙。丁。"
    new = "甲。乙。新增一句。丙。丁。"
    assert text_diff(old, new) == ["@@ -2,2 +2,3 @@", " 乙。", "+新增一句。", " 丙。"]
    assert text_diff(old, new, context=0) == ["@@ -2,0 +3 @@", "+新增一句。"]
    assert text_diff(old, old) == []


@pytest.mark.parametrize(
    ("old", "new", "lines"),
    [
        ([{"title": "a"}], [{"title": "a"}], []),
        ([{"title": "a"}], [{"title": "a"}, {"title": "b"}], ["#2 added: b"]),
        ([{"title": "a"}, {"title": "b"}], [{"title": "a"}], ["#2 removed: b"]),
        (
            [{"title": "a", "status": None}],
            [{"title": "a", "status": "done"}],
            ["#1 status: null → done"],
        ),
    ],
)
def test_problem_changes(old: list[Any], new: list[Any], lines: list[str]) -> None:
    assert problem_changes(old, new) == lines


@pytest.mark.parametrize(
    ("change", "lines"),
    [
        (FieldChange("title", "旧", "新"), ["旧 → 新"]),
        (
            FieldChange("counts", {"problems": 3}, {"problems": 4}),
            ['{"problems": 3} → {"problems": 4}'],
        ),
        (FieldChange("problems", [], [{"title": "x"}]), ["0 → 1", "#1 added: x"]),
        (FieldChange("body_text", "甲。", "甲。乙。"), ["@@ -1 +1,2 @@", " 甲。", "+乙。"]),
    ],
)
def test_describe(change: FieldChange, lines: list[str]) -> None:
    assert describe(change) == lines


@pytest.mark.parametrize(
    ("value", "shown"),
    [("一\n二", "一⏎二"), (None, "null"), ("长" * 200, "长" * 119 + "…"), ([1], "[1]")],
)
def test_short(value: Any, shown: str) -> None:
    assert short(value) == shown
