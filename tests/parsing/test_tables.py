"""Problems read from a table whose rows the page renderer wrote as `cell | cell` lines."""

from __future__ import annotations

import pytest

from pipelines.parsing.tables import cells, table_problems

OPENING = "县委第三巡察组对我局开展了巡察。现将整改情况公布如下:"


def _rows(result):  # type: ignore[no-untyped-def]
    return [(p.seq, p.aspect, p.title, p.rectification, p.status) for p in result.problems]


def test_rows_of_a_problem_column_are_the_problems() -> None:
    paras = [
        OPENING,
        "序号 | 存在问题 | 整改措施 | 完成情况",
        "1 | 食堂账目管理不规范 | 建立食堂收支台账。 | 已完成",
        "2 | 干部培训覆盖面不广 | 制定年度培训计划。 | 持续推进",
        "下一步，我们将巩固整改成果。",
    ]
    result = table_problems(paras)
    assert result is not None
    assert _rows(result) == [
        (1, None, "食堂账目管理不规范", "建立食堂收支台账。", "done"),
        (2, None, "干部培训覆盖面不广", "制定年度培训计划。", "in_progress"),
    ]
    assert (result.first_index, result.spans) == (2, ((2, 3), (3, 4)))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("已完成", "done"),
        ("已完成。", "done"),
        ("正在推进，长期坚持", "in_progress"),
        ("尚未启动", "not_started"),
    ],
)
def test_status_column(cell: str, expected: str) -> None:
    paras = ["问题 | 进展", f"公车使用登记不全 | {cell}", "食堂账目管理不规范 | 已完成"]
    result = table_problems(paras)
    assert result is not None and result.problems[0].status == expected


def test_measures_that_open_with_a_status_word_are_not_a_status_column() -> None:
    paras = [
        "反馈问题 | 整改情况",
        "公车使用登记不全 | 已完成派车登记台账建设",
        "食堂账目管理不规范 | 已完成",
    ]
    result = table_problems(paras)
    assert result is not None
    assert [(p.rectification, p.status) for p in result.problems] == [
        ("已完成派车登记台账建设", None),
        ("已完成", None),
    ]


@pytest.mark.parametrize("head", ["反馈问题", "存在的问题", "巡察反馈意见", "问题清单", "具体问题"])
def test_problem_column_names(head: str) -> None:
    paras = [
        f"序号 | {head} | 整改措施",
        "1 | 食堂账目管理不规范 | 建立台账。",
        "2 | 公车登记不全 | 规范登记。",
    ]
    result = table_problems(paras)
    assert result is not None and len(result.problems) == 2


def test_numbered_problem_cells() -> None:
    paras = [
        "反馈问题 | 整改措施",
        "问题1:食堂账目管理不规范 | 建立台账。",
        "2.公车登记不全 | 规范登记。",
    ]
    result = table_problems(paras)
    assert result is not None
    assert [p.title for p in result.problems] == ["食堂账目管理不规范", "公车登记不全"]


def test_cells_separated_by_tabs() -> None:
    paras = [
        "序号\t存在问题\t整改措施",
        "1\t食堂账目管理不规范\t建立台账。",
        "2\t公车登记不全\t规范登记。",
    ]
    result = table_problems(paras)
    assert result is not None
    assert [(p.title, p.rectification) for p in result.problems] == [
        ("食堂账目管理不规范", "建立台账。"),
        ("公车登记不全", "规范登记。"),
    ]


def test_merged_cells_and_group_rows() -> None:
    paras = [
        "问题类别 | 问题描述 | 整改情况",
        "一、政治建设方面",
        "理论学习 | 中心组学习流于形式 | 修订学习制度,已完成。",
        "专题研讨次数偏少 | 每季度开展一次研讨。",
        "二、作风建设方面",
        "公务接待 | 接待清单填写不全 | 规范接待审批。",
        "补充台账 | 补录接待清单。",
    ]
    result = table_problems(paras)
    assert result is not None
    assert [(p.aspect, p.title, p.rectification) for p in result.problems] == [
        ("政治建设方面", "中心组学习流于形式", "修订学习制度,已完成。"),
        ("政治建设方面", "专题研讨次数偏少", "每季度开展一次研讨。"),
        ("作风建设方面", "接待清单填写不全", "规范接待审批。"),
        ("作风建设方面", "补充台账", "补录接待清单。"),
    ]


def test_an_aspect_column_when_rows_are_not_grouped() -> None:
    paras = [
        "问题类别 | 问题描述 | 整改情况",
        "理论学习 | 中心组学习流于形式 | 修订学习制度。",
        "专题研讨次数偏少 | 每季度开展一次研讨。",
    ]
    result = table_problems(paras)
    assert result is not None
    assert [p.aspect for p in result.problems] == ["理论学习", "理论学习"]


def test_one_problem_spanning_several_measure_rows_is_one_problem() -> None:
    paras = [
        "反馈问题 | 整改措施",
        "车辆管理制度执行不严 | 修订公车管理办法。",
        "建立派车登记台账。",
        "办公用房超标 | 腾退超标用房2间。",
    ]
    result = table_problems(paras)
    assert result is not None
    assert [p.title for p in result.problems] == ["车辆管理制度执行不严", "办公用房超标"]


@pytest.mark.parametrize(
    "paras",
    [
        pytest.param(
            ["序号 | 单位 | 金额(万元)", "1 | 县财政局 | 12.5", "2 | 县民政局 | 3"],
            id="no-problem-column",
        ),
        pytest.param(["问题数 | 已完成 | 正在推进", "21 | 19 | 2"], id="tally"),
        pytest.param(["序号 | 反馈问题", "1 | 学习不深"], id="one-row"),
        pytest.param([OPENING, "1.学习不深入。"], id="no-table"),
    ],
)
def test_tables_that_list_no_problems(paras: list[str]) -> None:
    assert table_problems(paras) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("序号 | 存在问题 | 整改措施", ["序号", "存在问题", "整改措施"]),
        ("1\t问题\t措施", ["1", "问题", "措施"]),
        ("a \t |b", ["a", "b"]),  # spaces and a tab before a bar: one split
        ("a\t|b", ["a", "b"]),
        ("|\n\t\u3000 | ", ["", "", ""]),  # a bar right after the spaces a split took
        ("a \t  x", ["a", "x"]),  # a tab in a run with no bar after it
        ("问题" + " " * 5000 + "x", ["问题" + " " * 5000 + "x"]),  # a long run without a bar
    ],
)
def test_cells(line: str, expected: list[str]) -> None:
    assert cells(line) == expected
