"""Property tests over the record v2 figure extractors: no input makes them raise, and every span
they return, applied to the text they were given, is the text the value was read from. (Their
speed on long adversarial inputs is measured by bench/figures.py, never asserted here.)"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.parsing.accountability import extract_accountability
from pipelines.parsing.money import extract_money
from pipelines.parsing.rules_made import extract_rules_made
from pipelines.parsing.tallies import (
    extract_completion_rate,
    extract_status_counts,
    extract_tally_date,
)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces the figures' patterns key on, so generated text reaches them.
WORDS = [
    "给予", "党纪处分", "政务处分", "问责", "立案", "了结", "问题线索", "办结", "四种形态",
    "第一种形态", "(", ")", "党内警告", "、", "，", "。", "其中", "人", "人次", "件", "个党组织",
    "个", "项", "万", "亿", "余", "元", "超", "清退", "追回", "挽回经济损失", "未", "建立", "完善",
    "制度", "及", "截至", "年", "月", "底", "日", "已完成", "基本完成", "正在推进", "需长期坚持",
    "问题", "整改完成率", "完成率", "达", "%", "0", "3", "12", "1.5", "二〇二三", "十", "一百",
    " ", "\n", "被", "对", "进行", "诫勉谈话",
]  # fmt: skip
figure_like = st.lists(st.sampled_from(WORDS) | st.text(max_size=4), max_size=120).map("".join)
any_text = st.text(max_size=300) | figure_like


@FAST
@given(any_text)
def test_accountability_spans_are_the_phrases(text: str) -> None:
    for found in extract_accountability(text):
        assert found.span.text(text) == found.value.text
        assert found.value.count >= 0


@FAST
@given(any_text)
def test_money_spans_are_the_phrases(text: str) -> None:
    for found in extract_money(text):
        assert found.span.text(text) == found.value.text
        assert found.value.yuan >= 0 and found.value.text.endswith("元")


@FAST
@given(any_text)
def test_rules_and_tallies_spans_hold_their_figures(text: str) -> None:
    rules = extract_rules_made(text)
    if rules:
        assert rules.span.end <= len(text) and rules.value >= 0
    for found in extract_status_counts(text).values():
        assert found.span.end <= len(text) and found.value >= 0
    rate = extract_completion_rate(text)
    if rate:
        assert rate.span.text(text).endswith("%")
    date = extract_tally_date(text)
    if date:
        assert date.span.text(text).startswith(("截至", "截止"))
