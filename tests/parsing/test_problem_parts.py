"""A problem's title, its description/rectification parts and its own status."""

from __future__ import annotations

import pytest

from pipelines.parsing.outline import build_outline
from pipelines.parsing.problem_parts import clean_title, status_of
from pipelines.parsing.problems import extract_problems

OPENING = "根据市委统一部署，市委第一巡察组对我单位进行了巡察。现将整改情况公布如下:"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("针对“政治理论学习不到位”问题。区红十字会党组高度重视", "政治理论学习不到位"),
        ("针对履行职责不力,“等、靠、要”思想突出问题。围绕", "履行职责不力,“等、靠、要”思想突出"),
        ("关于对募捐筹资因循守旧问题的整改", "募捐筹资因循守旧"),
        ("针对学习领会脱贫攻坚方针政策不够深入问题", "学习领会脱贫攻坚方针政策不够深入"),
        ("理论学习不够到位。2020年9月至2021年2月", "理论学习不够到位"),
        ("政治理论学习不够深入:学习贯彻不深不细", "政治理论学习不够深入"),
        ("关于党建工作方面存在的问题", "党建工作"),
        ("问题", "问题"),
        ("问题:票据报销审核不严。整改情况:已完成", "票据报销审核不严"),
        ("存在问题:干部培训覆盖面不广", "干部培训覆盖面不广"),
        ("【问题】食堂账目不清", "食堂账目不清"),
        ("违规收送礼金现象依然存在", "违规收送礼金现象依然存在"),
        ("公车私用问题仍然存在。整改情况:", "公车私用问题仍然存在"),
        ("资产管理方面存在问题", "资产管理"),
        ("档案管理存在的问题整改情况", "档案管理"),
        ("理论学习不够深入(已完成)", "理论学习不够深入"),
        ("公车管理不严格（长期坚持）", "公车管理不严格"),
        ("食堂账目不清【正在整改】。已清理账目", "食堂账目不清"),
        ("干部队伍结构不合理(含下属单位)", "干部队伍结构不合理(含下属单位)"),
    ],
)
def test_clean_title(head: str, expected: str) -> None:
    assert clean_title(head) == expected


def test_clean_title_is_at_most_80_characters() -> None:
    assert len(clean_title("落实" * 60 + "，不到位")) <= 80


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("整改进展:已完成", "done"),
        ("整改状态:正在整改", "in_progress"),
        ("完成情况:尚未启动。", "not_started"),
        ("整改进展:基本完成", "basically_done"),
        ("整改进展:需长期坚持", "long_term"),
        ("整改进展:未完成", "not_done"),
    ],
)
def test_a_problem_states_its_own_status(line: str, expected: str) -> None:
    paras = [OPENING, "二、问题整改情况", "1.理论学习不够深入。", "整改情况:已修订制度。", line]
    (problem,) = extract_problems(build_outline(paras)).problems
    assert (problem.status, problem.rectification) == (expected, "已修订制度。")


def test_a_status_tag_after_the_title() -> None:
    paras = [
        OPENING,
        "二、问题整改情况",
        "1.理论学习不够深入(已完成)。已修订制度。",
        "2.采购不规范。",
    ]
    problems = extract_problems(build_outline(paras)).problems
    assert [p.status for p in problems] == ["done", None]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            ["1.采购不规范。部分项目规避招标。整改情况:修订采购办法。(已完成)"], "done", id="head"
        ),
        pytest.param(
            ["1.采购不规范。", "整改措施:修订采购办法。(持续推进)"], "in_progress", id="body"
        ),
        pytest.param(["1.采购不规范。", "整改措施:修订采购办法。【长期坚持】"], "long_term"),
        pytest.param(["1.采购不规范。", "整改措施:修订采购办法。（正在整改）"], "in_progress"),
        pytest.param(["1.采购不规范。", "整改措施:修订采购办法(已完成整改)。"], "done"),
        pytest.param(
            ["1.采购不规范。", "(1)修订采购办法。(已完成)", "(2)开展采购检查。(已完成)"],
            "done",
            id="items-agree",
        ),
        pytest.param(
            ["1.采购不规范。", "(1)修订采购办法。(已完成)", "(2)开展采购检查。(正在推进)"],
            None,
            id="items-disagree",
        ),
        pytest.param(["1.采购不规范。", "整改措施:将(已完成)事项纳入台账。"], None, id="mid-line"),
        pytest.param(["1.采购不规范。", "整改措施:修订采购办法(2023年版)。"], None, id="no-status"),
    ],
)
def test_a_status_marker_ending_the_problems_paragraph(
    lines: list[str], expected: str | None
) -> None:
    paras = [OPENING, "二、问题整改情况", *lines, "2.公车管理不严。", "整改措施:清理公车。"]
    problems = extract_problems(build_outline(paras)).problems
    assert (problems[0].title, problems[0].status) == ("采购不规范", expected)
    assert problems[1].status is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("已完成", "done"),
        ("完成", "done"),
        ("正在推进", "in_progress"),
        ("尚未开始", "not_started"),
    ],
)
def test_status_of(word: str, expected: str) -> None:
    assert status_of(word) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("整改措施:修订制度。整改进展:已完成。", "done"),
        ("整改措施:修订制度。整改状态:正在推进，长期坚持。", "in_progress"),
        ("整改措施:修订制度,完成情况良好。", None),
    ],
)
def test_a_status_inside_the_measures_line(line: str, expected: str | None) -> None:
    paras = [OPENING, "二、问题整改情况", "1.理论学习不够深入。", line, "2.采购不规范。"]
    problems = extract_problems(build_outline(paras)).problems
    assert problems[0].status == expected


def test_a_ledger_table_after_the_last_problem_is_not_its_text() -> None:
    paras = [
        OPENING,
        "二、问题整改情况",
        "1.理论学习不够深入。",
        "整改措施:修订学习制度。",
        "2.采购不规范。",
        "整改措施:开展采购检查。",
        "整改台账如下:",
        "序号 | 问题 | 整改措施",
        "1 | 理论学习不够深入 | 修订学习制度",
    ]
    problems = extract_problems(build_outline(paras)).problems
    assert problems[-1].rectification == "开展采购检查。"


def test_a_lone_tab_in_a_problems_text_is_no_table() -> None:
    paras = [OPENING, "二、问题整改情况", "1.采购不规范。", "整改措施:开展采购检查,\t已完成。"]
    paras += ["2.公车管理不严。"]
    problems = extract_problems(build_outline(paras)).problems
    assert problems[0].rectification == "开展采购检查,\t已完成。"


def test_a_line_introducing_a_table_elsewhere_is_not_the_problems_text() -> None:
    paras = [
        OPENING,
        "二、问题整改情况",
        "1.采购不规范。",
        "整改措施:开展采购检查。",
        "整改台账如下:",
    ]
    paras += ["三、下一步工作", "持续整改。"]
    problems = extract_problems(build_outline(paras)).problems
    assert problems[-1].rectification == "开展采购检查。"


def test_the_signature_after_the_last_problem_is_not_its_text() -> None:
    paras = [OPENING, "二、问题整改情况", "1.采购不规范。", "整改情况:开展采购检查。"]
    paras += ["中共某县档案馆党组", "2023年5月8日"]
    problems = extract_problems(build_outline(paras)).problems
    assert problems[-1].rectification == "开展采购检查。"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            "1.学习制度执行不严。2022年仅学习3次。", ("2022年仅学习3次。", None), id="manifestation"
        ),
        pytest.param(
            "1.学习制度执行不严。制定年度学习计划。", (None, "制定年度学习计划。"), id="measures"
        ),
        pytest.param(
            "1.学习制度执行不严。针对该问题，修订制度。",
            (None, "针对该问题，修订制度。"),
            id="aimed",
        ),
        pytest.param(
            "1.学习制度执行不严。已修订学习制度。", (None, "已修订学习制度。"), id="done-measures"
        ),
        pytest.param(
            "1.党建工作薄弱。开展谈心谈话不经常。",
            ("开展谈心谈话不经常。", None),
            id="verb-opening-a-deficiency",
        ),
    ],
)
def test_text_after_the_title_on_its_line(
    line: str, expected: tuple[str | None, str | None]
) -> None:
    problems = extract_problems(
        build_outline([OPENING, "二、问题整改情况", line, "2.采购不规范。"])
    )
    first = problems.problems[0]
    assert (first.description, first.rectification) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("修订制度。目前，该问题已整改完成。", "done"),
        ("修订制度。此问题正在整改中。", "in_progress"),
        ("修订制度。该问题正在持续整改。", "in_progress"),
        ("修订制度。该项问题需长期坚持。", "long_term"),
        ("修订制度,已完成制度汇编。", None),
    ],
)
def test_a_sentence_stating_the_problems_state(line: str, expected: str | None) -> None:
    paras = [OPENING, "二、问题整改情况", "1.理论学习不够深入。", line, "2.采购不规范。"]
    problems = extract_problems(build_outline(paras)).problems
    assert problems[0].status == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            ["1.台账管理混乱", "问题表现:台账缺项。整改情况:补齐台账。"],
            ("台账缺项。", "补齐台账。"),
            id="measures-label-inside-the-description-line",
        ),
        pytest.param(
            ["1.台账管理混乱", "问题表现:台账缺项;【整改措施】补齐台账。"],
            ("台账缺项;", "补齐台账。"),
            id="bracketed-label-after-semicolon",
        ),
        pytest.param(
            ["1.台账管理混乱", "存在问题:台账缺项。", "整改措施及成效:补齐台账。"],
            ("台账缺项。", "补齐台账。"),
            id="measures-and-results-label",
        ),
        pytest.param(
            ["1.台账管理混乱。台账缺项。整改情况:补齐台账。"],
            ("台账缺项。", "补齐台账。"),
            id="unlabelled-description-then-measures-on-the-title-line",
        ),
        pytest.param(
            ["1.台账管理混乱。台账缺项，账实不符。整改措施:补齐台账；建立台账。(已完成)"],
            ("台账缺项，账实不符。", "补齐台账；建立台账。(已完成)"),
            id="measures-with-a-status-marker",
        ),
        pytest.param(
            ["1.台账管理混乱。", "台账缺项。整改措施:补齐台账。"],
            ("台账缺项。", "补齐台账。"),
            id="in-the-next-paragraph",
        ),
        pytest.param(
            ["1.台账管理混乱。台账缺项。整改情况:补齐台账。", "同时开展专项检查。"],
            ("台账缺项。", "补齐台账。\n同时开展专项检查。"),
            id="measures-go-on-below",
        ),
        pytest.param(
            ["1.台账管理混乱。制定台账管理办法。整改成效:台账齐全。"],
            (None, "制定台账管理办法。整改成效:台账齐全。"),
            id="measures-first-stay-measures",
        ),
        pytest.param(
            ["1.台账管理混乱。台账缺项，整改情况:补齐台账。"],
            ("台账缺项，整改情况:补齐台账。", None),
            id="label-not-after-a-sentence",
        ),
        pytest.param(
            ["1.台账管理混乱", "问题表现:台账未写明整改情况等内容。"],
            ("台账未写明整改情况等内容。", None),
            id="label-word-inside-a-sentence-is-no-label",
        ),
    ],
)
def test_labelled_parts_on_one_line(
    lines: list[str], expected: tuple[str | None, str | None]
) -> None:
    problems = extract_problems(
        build_outline([OPENING, "二、问题整改情况", *lines, "2.采购不规范。"])
    )
    first = problems.problems[0]
    assert (first.description, first.rectification) == expected


@pytest.mark.parametrize(
    "fields",
    [
        ["整改时限:2024年6月底前", "责任人:刘洋"],
        ["责任单位:办公室", "完成时限:立行立改"],
        ["【责任领导】张华", "整改进展:已完成"],
    ],
)
def test_ledger_fields_are_not_the_measures(fields: list[str]) -> None:
    paras = [OPENING, "二、问题整改情况", "问题1:档案管理不规范", "整改措施:开展档案专项整理。"]
    paras += fields
    (problem,) = extract_problems(build_outline(paras)).problems
    assert problem.rectification == "开展档案专项整理。"
