"""Fixture content: dev notices without their captured chrome; generated notices as their truth says."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.farm.build.content import (
    body_html,
    dev_notices,
    generated_notices,
    make_news,
    make_notice,
    news_items,
)


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_dev_notice_bodies_keep_content_and_drop_capture_chrome(key: str) -> None:
    doc = dev_notices()[key]
    text = "\n".join(doc.paragraphs)
    assert doc.is_notice
    assert doc.title not in doc.paragraphs
    assert not re.search(r"^(时间:|打印$|技术支持|通知公示$)|\.docx$", text, re.MULTILINE)
    for snippet in doc.body_contains:
        assert snippet in text


def test_generated_notices_state_what_the_truth_records() -> None:
    docs = generated_notices(5, 8, date(2023, 1, 1))
    assert [d.published for d in docs] == sorted(d.published for d in docs)
    for doc in docs:
        text = "\n".join([*doc.paragraphs, *("\t".join(row) for row in doc.table)])
        assert doc.inspection_body and doc.inspection_body in doc.paragraphs[0]
        assert doc.inspected_unit and f"对{doc.inspected_unit}开展了常规" in doc.paragraphs[0]
        assert doc.publisher == doc.paragraphs[-2]
        assert ("巡察" in doc.title or "巡视" in doc.title) and "整改" in doc.title
        problem_lines = re.findall(
            r"^(?:\d+[．.]|问题[一二三四五六七八九十]：)", text, re.MULTILINE
        )
        assert len(problem_lines) == doc.problems
        for snippet in doc.body_contains:
            assert snippet in text


def test_generation_is_deterministic() -> None:
    assert make_notice(3, 4, date(2023, 5, 1)) == make_notice(3, 4, date(2023, 5, 1))
    assert make_news(3, 4, date(2023, 5, 1)) == make_news(3, 4, date(2023, 5, 1))
    assert make_notice(3, 4, date(2023, 5, 1)) != make_notice(3, 5, date(2023, 5, 1))


def test_news_items_are_not_notices() -> None:
    docs = news_items(1, 10, date(2023, 1, 1))
    assert not any(d.is_notice for d in docs)
    assert {d.reason for d in docs} == {"news", "distractor"}


def test_ledger_table_sits_after_its_paragraph() -> None:
    with_table = [d for d in generated_notices(5, 8, date(2023, 1, 1)) if d.table]
    assert with_table
    doc = with_table[0]
    html = body_html(doc, lambda p: f"<p>{p}</p>")
    assert doc.problems is not None
    assert html.count("<tr>") == len(doc.table) == doc.problems + 1
    before = f"<p>{doc.paragraphs[doc.table_after - 1]}</p>\n<table"
    assert before in html
    assert "<th>完成时限</th>" in html
