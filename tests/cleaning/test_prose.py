from __future__ import annotations

import pytest
from lxml import html

from pipelines.cleaning.prose import PageProse, is_prose, own_text


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        ("现将整改情况予以公布，欢迎监督。", True),
        ("2024-10-28", False),  # the date column of a side list
        ("[2024-10-28]", False),
        ("版权所有某区卫生健康局", False),
        ("陇ICP备12001234号-1", False),
        ("您现在的位置：>>正文", False),
        ("发布时间：2024-10-30来源：办公室", False),
        ("2024年10月30日星期三来源：办公室浏览次数：", False),  # date-first, label-less
        ("2024年10月30日，市红十字会召开巡察整改专题会议，来源：略", True),
    ],
)
def test_is_prose(text: str, prose: bool) -> None:
    assert is_prose(text) is prose


def test_own_text_leaves_out_links_and_nested_blocks() -> None:
    el = html.fragment_fromstring("<div>正文<b>加粗</b><a href='#'>链接</a><p>段落</p>尾</div>")
    assert own_text(el) == "正文加粗尾"


def test_page_prose_counts_prose_punctuation_only() -> None:
    root = html.document_fromstring(
        "<html><head><title>标题，标题。</title></head><body>"
        "<p>根据统一部署，现将整改情况予以公布，欢迎监督。</p>"
        "<p>版权所有：某市某局，地址：某路。</p><h2>关于巡察整改，情况的通报</h2>"
        "<div><a href='#'>链接，链接，链接。</a></div></body></html>"
    )
    prose = PageProse.of(root)
    assert {el.tag: n for el, n in prose.clauses.items()} == {"p": 3}
    assert (prose.total, prose.chars, prose.is_article) == (3, 23, False)
    assert prose.clauses_in(root.find("body")) == 3


@pytest.mark.parametrize(
    ("paragraphs", "article"),
    [(1, False), (6, False), (7, True)],  # 4 clauses and 30 characters a paragraph
)
def test_an_article_s_worth_of_prose(paragraphs: int, article: bool) -> None:
    para = "<p>根据统一部署，现将整改情况予以公布，欢迎监督，联系电话：略。</p>"
    root = html.document_fromstring(f"<html><body>{para * paragraphs}</body></html>")
    assert PageProse.of(root).is_article is article
