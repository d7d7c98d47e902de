from __future__ import annotations

import pytest

from pipelines.cleaning.body import clean_lines, title_above_meta_line

TITLE = "关于巡察整改情况的通报"


@pytest.mark.parametrize(
    ("lines", "extra", "expected"),
    [
        ([TITLE, "正文。"], (), ["正文。"]),  # the title repeated at the top of the body
        (["关于 巡察整改 情况的通报", TITLE, "正文。"], (), ["正文。"]),
        (["正文。", TITLE], (), ["正文。", TITLE]),  # only at the top
        (["正文。", "附件：", "附件【】已下载次", "附件1：", "（点击下载）", "、"], (), ["正文。"]),
        (
            ["附件：1．整改方案 2．起草说明"],
            (),
            ["附件：1．整改方案 2．起草说明"],
        ),  # names without links are text
        (["正文。", "本页面由某某系统生成"], ("某某系统",), ["正文。"]),
    ],
)
def test_clean_lines(lines: list[str], extra: tuple[str, ...], expected: list[str]) -> None:
    assert clean_lines(lines, TITLE, extra) == expected


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (["通知公示", TITLE, "时间:2019-04-17  作者:淮安市红十字会  文字大小:", "正文。"], TITLE),
        (
            [TITLE, "时间:2020-12-17 09:37 来源:淮南市纪检监察网 作者:市纪委监委网站", "正文。"],
            TITLE,
        ),
        (["时间:2019-04-17 作者:某", "正文。"], None),  # nothing above the meta line
        (
            ["根据市委统一部署，现将整改情况通报如下。", "时间:2019-04-17 作者:某"],
            None,
        ),  # a sentence
        (["第一段。", "第二段。"], None),
    ],
)
def test_title_above_meta_line(lines: list[str], title: str | None) -> None:
    assert title_above_meta_line(lines) == title
