"""Which list titles read like a rectification notice to `sites discover`."""

from __future__ import annotations

import pytest

from crawler.cli.discover_titles import reads_like_notice


@pytest.mark.parametrize(
    ("title", "notice"),
    [
        ("中共县司法局党组关于县委第四巡察组巡察反馈意见整改落实情况的通报", True),
        ("关于县委第三轮巡察县图书馆党支部集中整改进展情况的公示", True),
        ("县机关事务服务中心党组关于巡察整改工作情况的报告", True),
        ("中共某市委关于省委巡视整改进展情况的通报", True),
        ("2024年巡察整改工作推进会召开", False),  # a meeting
        ("县委第二巡察组向县水利局反馈巡察情况", False),  # the feedback, no rectification
        ("县委第一巡察组进驻县教育局开展常规巡察", False),
        ("关于印发巡察整改方案的通知", False),  # a plan
        ("中共县水利局党组关于巡察整改方案落实情况的通报", True),  # its implementation
        ("某局公布巡察整改情况", False),  # news of a notice
        ("巡察整改工作综述", False),  # an article
        ("关于2023年度经济责任审计发现问题整改情况的公告", False),  # no inspection
        ("关于2024年端午节放假安排的通知", False),
        (None, False),  # a title the list did not give
        ("", False),
    ],
)
def test_reads_like_notice(title: str | None, notice: bool) -> None:
    assert reads_like_notice(title) is notice
