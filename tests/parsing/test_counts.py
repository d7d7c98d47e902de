from __future__ import annotations

import pytest

from pipelines.parsing.counts import (
    extract_counts,
    is_closing_tally,
)
from pipelines.parsing.record import Counts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "对巡察反馈的3个方面11项21个问题进行了全面排查整改", (3, 11, 21, None), id="three-tiers"
        ),
        pytest.param("巡察反馈五个方面存在的主要问题", (5, None, None, None), id="cn-aspects"),
        pytest.param(
            "巡察指出4个方面18个问题34个具体问题", (4, 18, 34, None), id="problems-and-specific"
        ),
        pytest.param(
            "巡察反馈4个方面12类问题，细化成39个具体问题", (4, 12, 39, None), id="refined"
        ),
        pytest.param("巡察组反馈12项具体问题", (None, None, 12, None), id="problems-only"),
        pytest.param("巡察组共指出问题4个方面15条", (4, None, 15, None), id="problems-named-first"),
        pytest.param("共反馈问题3个方面9项28个", (3, 9, 28, None), id="named-first-items-bare"),
        pytest.param("巡视组指出问题4个方面15条44个", (4, 15, 44, None), id="named-first-articles"),
        pytest.param(
            "反馈问题3个方面9项28个整改任务",
            (3, None, 9, None),
            id="named-first-tasks-not-problems",
        ),
        pytest.param(
            "反馈问题3个方面9项，制定整改措施28项", (3, None, 9, 28), id="named-first-then-measures"
        ),
        pytest.param(
            "巡察共反馈问题43个，制定整改措施98条", (None, None, 43, 98), id="problems-after"
        ),
        pytest.param("指出了我会存在的3个方面、9个问题", (3, None, 9, None), id="comma"),
        pytest.param(
            "细化提出5项整改任务9条整改措施", (None, None, None, 9), id="tasks-not-counted"
        ),
        pytest.param(
            "梳理症结原因10条，制定整改举措29项", (None, None, None, 29), id="measures-after"
        ),
        pytest.param(
            "已完成整改问题18个，制定制度45项", (None, None, None, None), id="distractors"
        ),
        pytest.param(
            "巡察组指出问题二十个，制定整改措施一百零八条",
            (None, None, 20, 108),
            id="numeral-with-zero",
        ),
        pytest.param("巡察组反馈问题共计十五个", (None, None, 15, None), id="gongji"),
        pytest.param("追回资金120万元，问责3人", (None, None, None, None), id="money"),
        pytest.param(
            "巡察反馈问题中，18个问题已整改完成", (None, None, None, None), id="done-after"
        ),
        pytest.param(
            "对照巡察反馈，12条整改措施均已落实", (None, None, None, None), id="measures-done"
        ),
    ],
)
def test_extract_counts(text: str, expected: tuple[int | None, ...]) -> None:
    assert extract_counts(text) == Counts(*expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("截至目前，巡察反馈的12个问题已完成整改10个，正在整改2个", 12, id="total"),
        pytest.param("到2023年底，巡察指出的9项问题中，已整改到位7项", 9, id="among-with-adverb"),
        pytest.param(
            "巡察共反馈问题15个。截至目前，上述9个问题已完成整改8个", 15, id="stated-wins"
        ),
        pytest.param(
            "截至目前，巡察反馈的9个问题已完成整改8个。巡察共反馈问题15个",
            15,
            id="stated-later-wins",
        ),
        pytest.param("截至目前，巡察反馈的12个问题已全部整改完成", None, id="no-figure-after"),
        pytest.param("其中，巡察反馈的5个问题已完成整改3个", None, id="a-part"),
        pytest.param("截至目前，12个问题已完成整改10个", None, id="no-feedback-context"),
        pytest.param("巡察反馈的3个问题已完成整改10个", None, id="figure-above-total"),
    ],
)
def test_a_total_inside_a_status_sentence(text: str, expected: int | None) -> None:
    assert extract_counts(text).problems == expected


@pytest.mark.parametrize(
    ("para", "expected"),
    [
        ("截至目前，9个问题已整改完成7个，正在整改2个；建立制度5项。", True),
        ("截至2024年3月底，4个问题已完成整改3个，1个正在整改中。", True),
        ("目前，6项问题均已整改完成。", True),
        ("截止目前，１２个问题已整改到位１０个。", True),
        ("经过集中整改，截至目前，5个问题已整改完成4个。", True),
        ("通过整改，目前，3个问题已全部整改到位。", True),
        ("截至目前，已完成整改措施8项。", False),  # measures, not problems
        ("截至目前，15个信访问题已办结13个。", False),  # a part of one problem
        ("截至目前，已完成整改6个，正在整改1个。", True),  # two figures: the problems
        ("截至目前，已完成整改6个。", False),  # one figure of what is not said
        ("截至目前，已完成整改措施6项，正在推进3项。", False),
        ("截至目前，该问题已整改完成。", False),  # this problem's own state
        ("6个问题已整改完成5个。", False),  # no 'as of' opening
        ("截至目前，反馈的7个问题中，已完成整改5个，正在推进2个。", True),
        ("截至2024年6月底，巡察反馈的11个问题中，已整改到位9个。", True),
        ("其中，反馈的5个问题中，已完成3个，正在推进2个。", False),  # a part, not as of
    ],
)
def test_is_closing_tally(para: str, expected: bool) -> None:
    assert is_closing_tally(para) is expected
