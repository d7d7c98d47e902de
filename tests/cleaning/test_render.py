from __future__ import annotations

import pytest
from lxml import html

from pipelines.cleaning.render import join_lines, lines_around, render_lines


def lines(markup: str) -> list[str]:
    return render_lines(html.fragment_fromstring(markup, create_parent="div"))


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            "<p>　　根据市委\n  统一部署，</p><p>一、整改情况</p>",
            ["根据市委 统一部署，", "一、整改情况"],
        ),
        ("第一行<br>第二行<br/><br/>第三行", ["第一行", "第二行", "第三行"]),
        (
            "<p>\u3000 问题\u3000 \u3000 整改\u3000</p>",
            ["问题\u3000 \u3000 整改"],
        ),  # inner runs stay
        ("<p>巡察<b>整改</b><a href='#'>通报</a>&nbsp;全文</p>", ["巡察整改通报 全文"]),
        (
            "<p>正文</p><script>var x = 1;</script><style>p{}</style><img alt='2017-11-08'>",
            ["正文"],
        ),
        (
            "<table><tr><th>序号</th><th>问题</th></tr><tr><td><p>1</p></td><td>学习<br>不够</td></tr></table>",
            ["序号 | 问题", "1 | 学习 不够"],
        ),
        (  # a layout table: cells are blocks, not a row
            "<table><tr><td><div>左栏</div></td><td><table><tr><td>甲</td><td>乙</td></tr></table></td></tr></table>",
            ["左栏", "甲 | 乙"],
        ),
        ("<pre>第一行\n  第二行\n\n第三行</pre>", ["第一行", "第二行", "第三行"]),
        ("<ul><li>一</li><li>二</li></ul>", ["一", "二"]),
        ("<p> \u3000 </p><p></p>", []),
    ],
)
def test_render_lines(markup: str, expected: list[str]) -> None:
    assert lines(markup) == expected


def test_lines_around_split_the_page_at_the_content_and_restore_it() -> None:
    root = html.document_fromstring(
        "<html><body><p>上</p><div id='c'><p>正文</p></div>尾巴<p>下</p></body></html>"
    )
    content = root.get_element_by_id("c")
    assert lines_around(root, content) == (["上"], ["尾巴", "下"])
    assert render_lines(root) == ["上", "正文", "尾巴", "下"]
    assert lines_around(root, None) == (["上", "正文", "尾巴", "下"], [])


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (
            ["中共某县财政局党组", "关于巡察整改进展情况的通报"],
            "中共某县财政局党组关于巡察整改进展情况的通报",
        ),
        (["关于“清风”行动的通报", "（第2期）"], "关于“清风”行动的通报（第2期）"),
        (["2024 Annual", "Report"], "2024 Annual Report"),
        ([], ""),
    ],
)
def test_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined
