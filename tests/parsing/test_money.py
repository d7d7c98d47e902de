"""Amounts of money and their kinds (pipelines/parsing/money.py)."""

from __future__ import annotations

import pytest

from pipelines.parsing.money import extract_money


def _amounts(text: str) -> list[tuple[str, float, bool]]:
    return [(f.value.kind, f.value.yuan, f.value.lower_bound) for f in extract_money(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("清退违规资金66.57万元。", [("refunded", 665700.0, False)]),
        ("追回违规发放的补贴146万元。", [("recovered", 1460000.0, False)]),
        ("挽回经济损失1369.5万元。", [("losses_retrieved", 13695000.0, False)]),
        ("退缴违规资金1.49亿元，挽回经济损失8967万元，整改率达93.7%。",
         [("surrendered", 149000000.0, False), ("losses_retrieved", 89670000.0, False)]),
        ("台州学院…立案处理2件，挽回经济损失84万余元。", [("losses_retrieved", 840000.0, True)]),
        ("收回闲置资金1000余万元。", [("reclaimed", 10000000.0, True)]),
        ("追缴税款超15亿元。", [("confiscated", 1500000000.0, True)]),
        ("清退、追缴违规资金12万元。", [("confiscated", 120000.0, False)]),  # the nearest verb
        ("追回资金一百二十万元。", [("recovered", 1200000.0, False)]),
        ("补缴税款5,000元。", [("back_paid", 5000.0, False)]),
        ("投入整改资金300万元。", [("rectification_funds", 3000000.0, False)]),
        ("退还多收费用3.2 万元。", [("other", 32000.0, False)]),
    ],
)  # fmt: skip
def test_real_phrasings(text: str, expected: list[tuple[str, float, bool]]) -> None:
    assert _amounts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2021年度部门预算资金120万元。",  # a budget is no recovered money
        "2019年市红十字会共募捐1282.4万元，临时救助2.9万元未按要求向社会公开。",
        "尚未追回资金5万元。",  # negated
        "拟投入资金200万元。",  # planned
        "清退工作已完成，涉及多个部门。另安排经费50万元。",  # another clause
        "追回。",
    ],
)
def test_near_misses_give_nothing(text: str) -> None:
    assert extract_money(text) == ()


def test_every_span_is_the_phrase_read() -> None:
    text = "一是清退违规资金66.57万元；二是追回资金146万元。"
    found = extract_money(text)
    assert [f.span.text(text) for f in found] == ["清退违规资金66.57万元", "追回资金146万元"]
    assert all(f.span.text(text) == f.value.text for f in found)
