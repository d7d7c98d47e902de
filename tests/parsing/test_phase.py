"""phase: what a notice reports, from the title, else the opening."""

from __future__ import annotations

import pytest

from pipelines.common.evidence import Elsewhere, Span
from pipelines.parsing.phase import find_phase


@pytest.mark.parametrize(
    ("title", "phase"),
    [
        ("中共XX县委关于十二届省委第七轮巡视整改进展情况的通报", "progress"),
        ("中共咸宁市红十字会党组关于巡察整改情况的社会公开稿", "rectification_status"),
        ("关于巡察集中整改进展情况的通报", "concentrated_progress"),
        ("关于巡察整改阶段性进展情况的通报", "interim_progress"),
        ("关于市委巡察整改完成情况的通报", "completed"),
        ("关于巡察“回头看”整改情况的通报", "look_back"),
        ("XX旗红十字会巡察整改工作情况报告", "rectification_status"),
    ],
)
def test_phase_from_the_title(title: str, phase: str) -> None:
    assert find_phase("", title) == (phase, Elsewhere("title"))


@pytest.mark.parametrize(
    ("opening", "phase", "words"),
    [
        (
            "区委第四巡察组开展了“回头看”专项巡察。现将巡察整改阶段性进展情况予以公布。",
            "interim_progress",
            "阶段性进展",
        ),
        ("根据要求，现将巡察集中整改进展情况公布如下：", "concentrated_progress", "集中整改进展"),
        ("巡察组反馈了意见。我局整改情况如下", "rectification_status", "整改情况"),
    ],
)
def test_phase_from_the_opening_with_its_span(opening: str, phase: str, words: str) -> None:
    found = find_phase(opening)
    assert found is not None and found[0] == phase
    assert isinstance(found[1], Span) and found[1].text(opening) == words


@pytest.mark.parametrize("text", ["", "今天召开了工作会议", "巡察工作动员会召开"])
def test_no_phase_without_its_words(text: str) -> None:
    assert find_phase(text, text) is None


def test_the_disclosure_sentence_comes_before_the_rest_of_the_opening() -> None:
    opening = "去年的整改情况已公布。现将巡察整改进展情况予以公布。"
    assert find_phase(opening) == (
        "progress",
        Span(opening.index("整改进展"), opening.index("情况予")),
    )
