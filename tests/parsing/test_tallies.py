"""Status tallies in six classes, completion rate and tally date (pipelines/parsing/tallies.py)."""

from __future__ import annotations

import pytest

from pipelines.parsing.found import Found
from pipelines.parsing.record import StatusCounts
from pipelines.parsing.tallies import (
    extract_completion_rate,
    extract_status_counts,
    extract_tally_date,
    masked,
    status_counts,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("反馈的28个问题，已完成4个，基本完成9个；", {"done": 4, "basically_done": 9}),
        ("已完成整改10项，正在整改2项", {"done": 10, "in_progress": 2}),
        ("3个问题已整改完成2个，1个正在有序推进", {"done": 2, "in_progress": 1}),
        ("7个问题均已整改完成", {"done": 7}),
        ("共计0个问题正在推进整改。共计0个问题尚未启动整改。", {"in_progress": 0, "not_started": 0}),
        ("完成整改32个，基本完成3个，需长期坚持的问题2个，未完成1个",
         {"done": 32, "basically_done": 3, "long_term": 2, "not_done": 1}),
        ("已完成整改16个，持续推进3个", {"done": 16, "in_progress": 3}),
        ("4个问题均未整改完成", {"not_done": 4}),  # not done, never 整改完成
        ("已完成整改20个，取得阶段性成效5个，需长期坚持3个", {"done": 20, "in_progress": 5, "long_term": 3}),
        ("已整改到位30个、取得阶段性进展6个、尚未完成2个", {"done": 30, "in_progress": 6, "not_done": 2}),
        ("已完成整改10个，阶段性完成4个，尚未启动1个", {"done": 10, "in_progress": 4, "not_started": 1}),
        ("已完成12个，其余3个正按计划推进", {"done": 12, "in_progress": 3}),
        ("已整改完成15项，持续推进4项", {"done": 15, "in_progress": 4}),
        ("正在整改2项，长期坚持1项，已基本完成3项", {"in_progress": 2, "long_term": 1, "basically_done": 3}),
        ("已完成9个，尚未整改完成1个", {"done": 9, "not_done": 1}),
        ("整改工作取得阶段性成效，群众满意度明显提升", {}),
        ("没有数字", {}),
        ("(一)已完成整改的问题(18个)\n(二)正在推进整改的问题(2个)", {"done": 18, "in_progress": 2}),
        ("21个问题已整改完成", {"done": 21}),
        ("9个问题全部整改到位", {"done": 9}),
        ("14个具体问题已完成12个，2个正在持续推进", {"done": 12, "in_progress": 2}),
        ("正在按计划推进整改的问题4个", {"in_progress": 4}),
        ("2个问题持续推进", {"in_progress": 2}),
        ("持续推进整改措施落实，已完成5个", {"done": 5}),
        ("巡察指出的11项问题中，已整改到位9项，持续推进2项", {"done": 9, "in_progress": 2}),
        # a done phrase after a negation is not done, whatever stands between them
        ("尚未整改完成的问题3个", {"not_done": 3}),
        ("未完成整改的3个", {"not_done": 3}),
        ("还有3个问题尚未整改到位", {"not_done": 3}),
        ("已整改完成的问题3个", {"done": 3}),
        ("尚未全部整改完成的问题3个", {"not_done": 3}),  # was done: 3 (整改完成3个)
        ("12个问题中已整改完成9个，尚未彻底整改到位3个", {"done": 9, "not_done": 3}),
        ("未按期完成整改的2个", {"not_done": 2}),
        ("暂未整改到位的问题2个", {"not_done": 2}),
        ("3个问题未能按期整改完成", {"not_done": 3}),  # was nothing
        ("还有1个问题没有完成整改", {"not_done": 1}),
        ("已全部整改完成3个", {"done": 3}),
    ],
)  # fmt: skip
def test_status_counts_in_six_classes(text: str, expected: dict[str, int]) -> None:
    found = extract_status_counts(text)
    assert {k: f.value for k, f in found.items()} == expected
    assert all(str(f.value) in f.span.text(text) for f in found.values())


def test_stated_figures_win_over_group_tallies() -> None:
    grouped = {"done": 21, "in_progress": 0, "not_started": 0}
    stated = {"in_progress": Found(1, extract_status_counts("正在整改1个")["in_progress"].span)}
    assert status_counts(stated, grouped) == StatusCounts(done=21, in_progress=1, not_started=0)
    assert status_counts({}, None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("反馈问题整改完成率达到96.5%。", 96.5),
        ("已完成整改1148个，完成率达99%。", 99.0),
        ("整改率达93.7%", 93.7),
        ("总体完成率98.71%", 98.71),
        ("整改完成率为100%", 100.0),
        ("问题线索处置完成率100%，年度任务完成率95%", None),  # rates of other things
        ("结案率87%", None),
        ("完成率较高", None),
    ],
)
def test_completion_rate(text: str, expected: float | None) -> None:
    found = extract_completion_rate(text)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("截至2023年9月21日，已完成整改20个。", "2023-09-21"),
        ("截至2023年11月底，21个问题已整改到位。", "2023-11"),
        ("截止2023年底，整改完成率100%。", "2023-12"),
        ("截至二〇二三年十月，已完成整改5个。", "2023-10"),
        ("截至目前，已完成整改10项。", None),  # no date
        ("截至6月底，已完成整改10项。", None),  # no year
        ("截至2023年，已完成整改10项。", None),  # a year alone
        ("截至2022年5月1日，共收到来信3件。截至2023年6月30日，已完成整改12个。", "2023-06-30"),
        ("截至2022年5月1日，共收到来信3件。", "2022-05-01"),  # no tally: the first date
    ],
)
def test_tally_date(text: str, expected: str | None) -> None:
    found = extract_tally_date(text)
    assert (found.value if found else None) == expected
    if found:
        assert found.span.text(text).startswith(("截至", "截止"))


def test_masked_text_keeps_offsets() -> None:
    paras = ["开头。", "1.问题已完成整改3个。", "截至目前，已完成整改2个。"]
    text = masked(paras, {1})
    assert len(text) == len("\n".join(paras))
    found = extract_status_counts(text)
    assert found["done"].value == 2
    assert found["done"].span.text("\n".join(paras)) == "已完成整改2个"
