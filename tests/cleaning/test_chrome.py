from __future__ import annotations

import pytest
from lxml import html

from pipelines.cleaning.chrome import (
    chrome_subtrees,
    drop_chrome,
    drop_link_lists,
    drop_scripts,
    is_chrome,
)
from pipelines.cleaning.render import render_lines


@pytest.mark.parametrize(
    ("attrs", "chrome"),
    [
        ('class="footer"', True),
        ('id="hiddenLocation"', True),
        ('class="bdsharebuttonbox"', True),
        ('class="article-zoom"', True),
        ('class="crumb w1200"', True),
        ('class="prev-next"', True),
        ('id="_ideConac"', True),
        ('id="zoom"', False),  # a content id on many government sites
        ('class="TRS_Editor"', False),
        ('id="vsb_content"', False),
        ('class="MsoFootnoteText"', False),  # Word's classes in a pasted body
        ('style="display:none"', True),
        ("", False),
    ],
)
def test_is_chrome(attrs: str, chrome: bool) -> None:
    assert is_chrome(html.fragment_fromstring(f"<div {attrs}>x</div>")) is chrome


def page(markup: str) -> html.HtmlElement:
    return html.document_fromstring(f"<html><body>{markup}</body></html>")


def test_drop_scripts_keeps_tails() -> None:
    root = page(
        "<p>浏览次数：<script>_showDynClicks()</script>2168次<!-- c --></p><style>p{}</style>"
    )
    drop_scripts(root)
    assert render_lines(root) == ["浏览次数：2168次"]


def test_drop_chrome_removes_hidden_and_named_blocks() -> None:
    root = page(
        "<div class='share'>分享到</div><p style='display: none'>隐藏</p>"
        "<div id='zoom'><p>正文</p><div class='print'>打印</div></div><div class='footer'>版权所有</div>"
    )
    drop_chrome(root)
    assert render_lines(root) == ["正文"]


def test_drop_chrome_never_removes_a_kept_node_or_its_ancestors() -> None:
    root = page("<div class='main-nav-wrap'><div class='content'><p>正文</p></div></div>")
    kept = root.find_class("content")[0]
    drop_chrome(root, keep=frozenset([kept]))
    assert render_lines(root) == ["正文"]


def test_chrome_subtrees_cover_descendants() -> None:
    root = page("<div class='footer'><p><a>网站地图</a></p></div><p>正文</p>")
    found = chrome_subtrees(root)
    assert root.find(".//a") in found
    assert root.find(".//body/p") not in found


def test_a_chrome_named_wrapper_holding_most_of_the_text_is_kept() -> None:
    prose = "根据市委统一部署，市委第一巡察组对本单位进行了巡察，现将整改情况予以公布。" * 6
    root = page(f"<div class='print-area'><p>{prose}</p></div><div class='footer'>版权所有</div>")
    assert root.find(".//p") not in chrome_subtrees(root)
    drop_chrome(root)
    assert render_lines(root) == [prose]


def test_link_lists_inside_a_body_are_dropped() -> None:
    root = page(
        "<div id='zoom'><p>正文第一段，<a href='#'>详见</a>。</p><p>相关阅读</p><ul>"
        "<li><a href='/a'>县委召开巡察工作会议</a> 2023-09-20</li><li><a href='/b'>市纪委通报典型案例</a></li>"
        "<li><a href='/c'>省委巡视组进驻</a></li></ul><p><a href='/1'>1</a> <a href='/2'>2</a> 段落里的几个链接不算列表，因为文字更多。<a href='/3'>3</a></p></div>"
    )
    drop_link_lists(root)
    assert render_lines(root) == [
        "正文第一段，详见。",
        "相关阅读",
        "1 2 段落里的几个链接不算列表，因为文字更多。3",
    ]


def test_a_strongly_named_block_is_chrome_even_when_it_holds_most_text() -> None:
    prose = "局长张某某，负责局全面工作，分管办公室、人事科、财务科，联系区人大、政协相关委室。" * 5
    root = page(
        f"<div class='lmenu'><p>{prose}</p></div><div class='nr'><p>通报详见附件。</p></div>"
    )
    assert root.find(".//p") in chrome_subtrees(root)


ARTICLE = (
    "<p>根据市委统一部署，市委第一巡察组对本单位进行了巡察，现将整改情况予以公布。</p>"
    "<p>一是加强组织领导，成立整改工作领导小组，召开专题会议，逐条研究整改措施。</p>"
    "<p>二是压实整改责任，明确责任领导、责任科室和完成时限，做到整改到位。</p>"
)
TITLED = (
    "<html><head><title>关于市委巡察整改情况的通报_某市某局</title></head><body>{}</body></html>"
)


@pytest.mark.parametrize(
    ("markup", "wrapper_kept"),
    [
        # the whole page inside an accessibility wrapper or a menu-named container
        (
            f"<div id='aria-wrapper' class='accessible'><div class='nav'><a href='/'>首页</a></div>{ARTICLE}</div>",
            True,
        ),
        (f"<div class='menu-container'><h2>关于市委巡察整改情况的通报</h2>{ARTICLE}</div>", True),
        (f"<div class='wza-main'>{ARTICLE}</div><div class='footer'>版权所有 某市某局</div>", True),
        # the article's heading outside, the body in a chrome-named block after it
        (f"<h1>关于市委巡察整改情况的通报</h1><div class='nav-body'>{ARTICLE}</div>", True),
        # a prose box before the article's heading is a side column, not the article
        (
            f"<div class='lmenu'>{ARTICLE}</div><h2>关于市委巡察整改情况的通报</h2><p>详见附件。</p>",
            False,
        ),
        # with no heading known, text outside the block (a one-line notice) means it is no wrapper
        (f"<div class='lmenu'>{ARTICLE}</div><div class='nr'><p>详见附件。</p></div>", False),
        # too little prose on the page to be an article's worth
        ("<div class='menu'><p>网站首页，政务公开。</p></div>", False),
    ],
)
def test_chrome_never_removes_the_block_holding_the_article(
    markup: str, wrapper_kept: bool
) -> None:
    root = html.document_fromstring(TITLED.format(markup))
    first = root.find(".//body/*")
    assert (first not in chrome_subtrees(root)) is wrapper_kept


def test_drop_chrome_keeps_a_wrapper_around_the_whole_body() -> None:
    root = page(
        f"<div id='content'><div class='wza-main'>{ARTICLE}</div><p class='share'>分享</p></div>"
    )
    drop_chrome(root)
    assert render_lines(root)[0].startswith("根据市委统一部署")
