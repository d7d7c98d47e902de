"""What a navigation link promises: its label's best word, its place, its depth."""

from __future__ import annotations

import pytest

from crawler.discover import words
from crawler.discover.links import NavLink
from crawler.discover.rank import label_weight, priority


@pytest.mark.parametrize(
    ("label", "weight"),
    [
        ("巡察整改", 12.0),
        ("巡视巡察", 10.0),
        ("通知公告", 5.0),
        ("信息公开", 4.0),
        ("网站地图", 6.0),
        ("新闻中心", 0.0),
        ("巡察机构", 8.0),  # an avoided word loses to a strong column word
        ("监督举报", -1.0),  # and wins over a weak one
        ("机构概况", -1.0),
        ("English", -1.0),
        ("下一页", -1.0),
    ],
)
def test_label_weight(label: str, weight: float) -> None:
    assert label_weight(label) == weight


@pytest.mark.parametrize(
    ("label", "place", "depth", "want"),
    [
        ("巡察整改", "nav", 1, 12.0 + 3.0 - words.DEPTH_COST),
        ("巡察整改", "side", 2, 12.0 + 2.5 - 2 * words.DEPTH_COST),
        ("新闻中心", "nav", 1, 3.0 - words.DEPTH_COST),  # an unknown menu entry is worth a look
        ("新闻中心", "body", 1, None),  # elsewhere it is not
        ("2", "body", 1, None),  # a pager's page number
        ("中共县司法局党组关于巡察整改落实情况的通报", "body", 1, None),  # a row's title
        ("领导介绍", "nav", 1, None),
    ],
)
def test_priority(label: str, place: str, depth: int, want: float | None) -> None:
    assert priority(NavLink("http://x.gov.cn/a/", label, place), depth) == want


def test_a_deeper_strong_link_can_come_before_a_shallow_weak_one() -> None:
    deep = priority(NavLink("http://x.gov.cn/a/", "巡察整改", "side"), 2)
    shallow = priority(NavLink("http://x.gov.cn/b/", "新闻中心", "nav"), 1)
    assert deep is not None and shallow is not None and deep > shallow
