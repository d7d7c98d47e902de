"""Totals stated after the opening, in a work section, fill the counts the opening left out."""

from __future__ import annotations

import pytest

from pipelines.parsing.notice import parse_notice
from pipelines.parsing.record import Counts

OPENING = (
    "关于县委巡察整改进展情况的通报\n"
    "根据县委统一部署，县委第二巡察组对县林业局党组开展了常规巡察，并反馈了巡察意见。"
    "现将整改进展情况予以公布。\n"
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "一、加强组织领导。局党组成立整改领导小组，制定整改措施27条。\n二、推进整改落实。\n",
            Counts(measures=27),
            id="measures-in-a-work-section",
        ),
        pytest.param(
            "一、压实责任\n局党组对照巡察反馈的4个方面15个问题，逐条制定整改措施52条。\n",
            Counts(aspects=4, problems=15, measures=52),
            id="feedback-totals-under-a-heading",
        ),
        pytest.param(
            "一、推动整改\n截至目前，已完成整改措施30条，新建制度12项。\n",
            Counts(),
            id="completed-measures-are-no-total",
        ),
    ],
)
def test_totals_in_the_body(body: str, expected: Counts) -> None:
    assert parse_notice(OPENING + body).counts == expected


def test_the_opening_figures_are_kept() -> None:
    text = OPENING.replace("反馈了巡察意见", "反馈了3个方面9个问题") + (
        "一、加强领导。对照反馈的4个方面12个问题，制定整改措施31条。\n"
    )
    assert parse_notice(text).counts == Counts(aspects=3, problems=9, measures=31)
