from __future__ import annotations

import pytest

from pipelines.parsing.signature import block_start, find_signature


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        pytest.param(
            ["欢迎监督。", "中共淮安市红十字会党组", "2019年4月17"],
            ("中共淮安市红十字会党组", "2019-04-17"),
            id="no-ri",
        ),
        pytest.param(
            ["欢迎监督。", "中共咸宁市红十字会党组", "2023 年 9 月 18 日"],
            ("中共咸宁市红十字会党组", "2023-09-18"),
            id="spaces",
        ),
        pytest.param(
            ["欢迎监督。", "中共某县委员会", "二〇二三年九月十八日"],
            ("中共某县委员会", "2023-09-18"),
            id="cn-date",
        ),
        pytest.param(
            ["欢迎监督。", "中共某县水利局党组 2023年3月20日"],
            ("中共某县水利局党组", "2023-03-20"),
            id="one-line",
        ),
        pytest.param(
            ["欢迎监督。", "中共某县水利局党组\t\t2023年3月20日"],
            ("中共某县水利局党组", "2023-03-20"),
            id="one-line-tab",
        ),
        pytest.param(
            ["欢迎监督。", "中共某县水利局党组(盖章)", "2023年3月20日"],
            ("中共某县水利局党组", "2023-03-20"),
            id="seal-note",
        ),
        pytest.param(
            ["欢迎监督。", "中共某县农业农村局(县乡村振兴局)", "党组", "2023年3月20日"],
            ("中共某县农业农村局(县乡村振兴局)党组", "2023-03-20"),
            id="unit-over-two-lines",
        ),
        pytest.param(
            ["欢迎监督。", "中共某县水利局党组", "2023年3月20日", "抄送:县委巡察办。"],
            ("中共某县水利局党组", "2023-03-20"),
            id="distribution-after",
        ),
        pytest.param(
            ["欢迎监督。", "中共某县水利局党组", "2023年3月20日", "序号\t问题", "1\t账目不清"],
            ("中共某县水利局党组", "2023-03-20"),
            id="table-after",
        ),
        pytest.param(
            ["特此通报。", "2023年3月20日"],
            (None, "2023-03-20"),
            id="sentence-above-date",
        ),
        pytest.param(["欢迎监督。联系电话:0554-5363431。"], (None, None), id="none"),
        pytest.param(["正文。", "2023年3月20日"], (None, "2023-03-20"), id="date-only"),
        pytest.param([], (None, None), id="empty"),
    ],
)
def test_find_signature(tail: list[str], expected: tuple[str | None, str | None]) -> None:
    assert find_signature(tail) == expected


@pytest.mark.parametrize(
    ("paras", "expected"),
    [
        pytest.param(["已整改。", "中共某县水利局党组", "2023年3月20日"], 1, id="unit-and-date"),
        pytest.param(["已整改。", "中共某县水利局党组 2023年3月20日"], 1, id="one-line"),
        pytest.param(
            ["已整改。", "中共某县农业农村局", "党组", "2023年3月20日"], 1, id="wrapped-unit"
        ),
        pytest.param(["已整改。", "2023年3月20日"], 1, id="date-only"),
        pytest.param(["已整改。", "下一步继续整改。"], 2, id="none"),
        pytest.param([], 0, id="empty"),
    ],
)
def test_block_start(paras: list[str], expected: int) -> None:
    assert block_start(paras) == expected
