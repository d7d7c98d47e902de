"""The six status classes and the words they are read from (pipelines/parsing/statuses.py)."""

from __future__ import annotations

import pytest

from pipelines.parsing.statuses import classify, group_label


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("已完成", "done"),
        ("已全部整改完成", "done"),
        ("均已整改到位", "done"),
        ("立行立改", "done"),
        ("基本完成", "basically_done"),
        ("基本整改到位", "basically_done"),
        ("正在推进", "in_progress"),
        ("正在有序推进整改", "in_progress"),
        ("持续推进", "in_progress"),
        ("整改中", "in_progress"),
        ("取得阶段性成效", "in_progress"),
        ("正按计划推进", "in_progress"),
        ("需长期坚持", "long_term"),
        ("长期坚持", "long_term"),
        ("持续整改", "long_term"),
        ("尚未完成", "not_done"),
        ("未完成", "not_done"),
        ("未整改完成", "not_done"),  # not 整改完成
        ("尚未整改", "not_done"),
        ("尚未启动", "not_started"),
        ("未启动", "not_started"),
        ("尚未整改完成", "not_done"),
        ("尚未全部整改完成", "not_done"),  # not 全部整改完成
        ("还未彻底整改到位", "not_done"),
        ("未能按期完成", "not_done"),
        ("没有完成整改", "not_done"),
        ("修订制度", None),
    ],
)
def test_classify(label: str, expected: str | None) -> None:
    assert classify(label) == expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("已整改完成的问题", "已整改完成"),
        ("已全部整改到位的问题", "已全部整改到位"),
        ("正在推进整改的问题(2个)", "正在推进"),
        ("关于已完成整改的问题", "已完成整改"),
        ("基本完成的问题", "基本完成"),
        ("需长期坚持的问题", "需长期坚持"),
        ("尚未启动整改的问题", "尚未启动"),
        ("尚未整改完成的问题", "尚未整改完成"),
        ("尚未全部整改到位的问题(3个)", "尚未全部整改到位"),
        ("整改完成情况", None),  # a section of the report, not a group of problems
        ("完成整改工作部署", None),
        ("理论学习不够深入", None),
    ],
)
def test_group_label(heading: str, expected: str | None) -> None:
    assert group_label(heading) == expected
