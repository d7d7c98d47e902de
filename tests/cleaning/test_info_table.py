from __future__ import annotations

import pytest
from lxml import html

from pipelines.cleaning.info_table import take_info_tables
from pipelines.cleaning.render import render_lines

BODY = "<p>现将巡察整改情况予以公布。</p>"


@pytest.mark.parametrize(
    ("table", "fields"),
    [
        # gkmlpt: label cells and value cells
        (
            ("<table><tr><th>索引号：</th><td>1144/2023-00123</td><th>分类：</th><td>巡察整改</td></tr>"
            "<tr><th>发布机构：</th><td>某区卫生健康局</td><th>成文日期：</th><td>2023-09-08</td></tr>"
            "<tr><th>文号：</th><td></td><th>发布日期：</th><td>2023-09-12</td></tr></table>"),
            {"index_no": "1144/2023-00123", "topic": "巡察整改", "source": "某区卫生健康局",
             "written": "2023-09-08", "published": "2023-09-12"},
        ),
        # a list, label and value in one item; bare labels without a colon
        (
            ("<ul class='xxgk'><li>索引号：001/2024-01</li><li>主题分类：其他</li>"
            "<li><span>发文字号</span><span>某发〔2024〕3号</span></li><li>成文日期：2024年3月1日</li></ul>"),
            {"index_no": "001/2024-01", "topic": "其他", "doc_number": "某发〔2024〕3号",
             "written": "2024年3月1日"},
        ),
        # several fields in one cell; `无` states there is none
        (
            "<div>索引号：A-01 文号：无 发布日期：2024-05-06 公开方式：主动公开</div>",
            {"index_no": "A-01", "published": "2024-05-06"},
        ),
        # two labels are no table; a sentence naming 文号 in the body is no field
        ("<div>索引号：A-01 发布日期：2024-05-06</div>", {}),
        ("<p>按照文号：某发〔2024〕3号文件要求，现将有关情况通报如下，请各单位认真落实。</p>", {}),
    ],
)  # fmt: skip
def test_info_tables_go_into_the_metadata_not_the_page(table: str, fields: dict[str, str]) -> None:
    root = html.document_fromstring(f"<html><body><div id='c'>{table}{BODY}</div></body></html>")
    assert take_info_tables(root) == fields
    lines = render_lines(root.find("body"))
    assert ("现将巡察整改情况予以公布。" in lines) and (not fields or len(lines) == 1)


def test_the_innermost_block_is_the_table() -> None:
    root = html.document_fromstring(
        "<html><body><div id='wrap'><div class='info'>索引号：1 分类：2 成文日期：2024-01-02</div>"
        f"{BODY}</div></body></html>"
    )
    assert take_info_tables(root)["written"] == "2024-01-02"
    assert root.find(".//div[@id='wrap']") is not None
    assert render_lines(root.find("body")) == ["现将巡察整改情况予以公布。"]
