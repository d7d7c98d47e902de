"""Unnumbered problems led by a label, by 针对“…”问题，… or by a 关于“…”的问题 lead."""

from __future__ import annotations

import pytest

from pipelines.parsing.outline import build_outline
from pipelines.parsing.problems import extract_problems

OPENING = "根据县委统一部署，县委第二巡察组对我局进行了巡察。现将整改情况通报如下:"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            [
                "关于食堂账目管理混乱的问题。问题表现:账目缺失。整改情况:建立台账。",
                "关于村务公开不及时的问题。问题表现:公开滞后。整改情况:按月公开。",
            ],
            [
                ("食堂账目管理混乱", "账目缺失。", "建立台账。"),
                ("村务公开不及时", "公开滞后。", "按月公开。"),
            ],
            id="lead-description-measures",
        ),
        pytest.param(
            [
                "关于“公车使用不规范”问题:整改情况:完善派车登记。",
                "关于“会议记录不完整”的问题。整改措施:统一记录格式。",
            ],
            [
                ("公车使用不规范", None, "完善派车登记。"),
                ("会议记录不完整", None, "统一记录格式。"),
            ],
            id="lead-measures-only",
        ),
        pytest.param(
            [
                "关于“公车使用不规范”的问题。局党组高度重视，完善派车登记。",
                "关于“会议记录不完整”的问题。统一记录格式。",
            ],
            [],
            id="no-labels-after-the-lead",
        ),
        pytest.param(
            [
                "关于巡察反馈的问题。整改情况:逐项制定措施。",
                "关于上述问题。整改情况:全部整改到位。",
            ],
            [],
            id="lead-refers-back-to-the-feedback",
        ),
    ],
)
def test_a_lead_sentence_on_the_line_of_its_labelled_parts(
    lines: list[str], expected: list[tuple[str, str | None, str | None]]
) -> None:
    paras = [OPENING, "一、反馈问题整改落实情况", *lines, "二、下一步工作打算", "持续巩固成果。"]
    problems = extract_problems(build_outline(paras)).problems
    assert [(p.title, p.description, p.rectification) for p in problems] == expected
