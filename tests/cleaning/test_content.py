from __future__ import annotations

import pytest
from lxml import html

from pipelines.cleaning.chrome import chrome_subtrees
from pipelines.cleaning.content import (
    InvalidSelector,
    is_data_table,
    locate_content,
    priority_parts,
    select,
    split_attribute,
)
from pipelines.cleaning.render import render_lines

PARA = "<p>根据市委统一部署，市委第一巡察组对本单位进行了巡察，现将整改情况予以公布。</p>"


def page(markup: str) -> html.HtmlElement:
    return html.document_fromstring(
        f"<html><head><title>t</title></head><body>{markup}</body></html>"
    )


def content_lines(markup: str, selector: str | None = None) -> list[str]:
    root = page(markup)
    found = locate_content(root, selector, chrome_subtrees(root))
    assert found is not None
    return render_lines(found)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (f"<div id='zoom'><p>工具</p><div class='TRS_Editor'>{PARA}</div></div>", "TRS_Editor"),
        (
            f"<form name='_newscontent_fromname'><div id='vsb_content'><div class='v_news_content'>{PARA}</div></div></form>",
            "v_news_content",
        ),
        (f"<div class='pages_content' id='UCAP-CONTENT'>{PARA}</div>", "UCAP-CONTENT"),
        (f"<div id='vsb_content_502'>{PARA}</div>", "vsb_content_502"),
    ],
)
def test_platform_containers(markup: str, expected: str) -> None:
    root = page(markup)
    found = locate_content(root)
    assert found is not None
    assert expected in f"{found.get('id')} {found.get('class')}"


def test_empty_container_is_skipped() -> None:
    assert content_lines(f"<div class='TRS_Editor'> </div><div id='zoom'>{PARA}</div>") == [
        "根据市委统一部署，市委第一巡察组对本单位进行了巡察，现将整改情况予以公布。"
    ]


def test_content_markers_delimit_the_body() -> None:
    markup = f"<div id='x'><p>导语之外</p><meta name='ContentStart'>{PARA}<p>第二段。</p><meta name='ContentEnd'><p>之后</p></div>"
    assert content_lines(markup)[1:] == ["第二段。"]
    assert len(content_lines(markup)) == 2


def test_density_prefers_prose_over_link_lists_and_footers() -> None:
    links = "<li><a href='#'>一条很长很长的相关新闻标题链接文字</a></li>" * 8
    footer = (
        "<p>主办单位：某某市纪律检查委员会，地址：某某市人民路一号，邮编：123456，电话：12388。</p>"
        * 4
    )
    markup = (
        f"<div class='left'><ul>{links}</ul></div>"
        f"<div class='art-con'>{PARA * 3}</div>"
        f"<div class='footer'>{footer}</div>"
    )
    assert content_lines(markup) == [PARA[3:-4]] * 3


@pytest.mark.parametrize("selector", ["div.notice", "//div[@class='notice']"])
def test_site_selector_css_or_xpath(selector: str) -> None:
    markup = f"<div class='TRS_Editor'>{PARA}</div><div class='notice'><p>站点指定的正文</p></div>"
    assert content_lines(markup, selector) == ["站点指定的正文"]


def test_select_ignores_non_element_results() -> None:
    assert select(page("<p>x</p>"), "(//p/text())") == []


@pytest.mark.parametrize("selector", ["div[", "//div[", "p::text"])
def test_invalid_selector_is_a_clear_error(selector: str) -> None:
    with pytest.raises(InvalidSelector, match="selector"):
        select(page("<p>x</p>"), selector)


def test_page_without_text_has_no_content() -> None:
    assert locate_content(page("")) is None


def test_a_long_table_cell_does_not_outscore_the_notice_holding_it() -> None:
    cell = (
        "对照巡察反馈意见，修订完善制度，开展专项检查，追回违规资金，约谈相关责任人，建立长效机制。"
        * 3
    )
    markup = (
        "<div class='main'><p>根据市委统一部署，现将整改情况公布如下。</p>"
        f"<table><tr><td>序号</td><td>整改措施</td></tr><tr><td>1</td><td>{cell}</td></tr></table>"
        "<p>欢迎监督。</p></div>"
    )
    assert content_lines(markup) == [
        "根据市委统一部署，现将整改情况公布如下。",
        "序号 | 整改措施",
        f"1 | {cell}",
        "欢迎监督。",
    ]


@pytest.mark.parametrize(
    ("table", "data"),
    [
        ("<table><tr><td>1</td><td>问题</td></tr><tr><td>2</td><td>措施</td></tr></table>", True),
        (
            "<table><tr><td>标题</td></tr><tr><td>正文</td></tr></table>",
            False,
        ),  # one column: layout
        (
            "<table><tr><td>1</td><td><div>导航</div></td></tr><tr><td>2</td><td>x</td></tr></table>",
            False,
        ),
        ("<table><tr><td>1</td><td>只有一行</td></tr></table>", False),
    ],
)
def test_is_data_table(table: str, data: bool) -> None:
    assert is_data_table(html.fragment_fromstring(table)) is data


def test_an_empty_platform_container_means_no_body() -> None:
    # VSB "external link" articles: the body is elsewhere, the page around it is all chrome.
    markup = (
        "<div class='topr'>无障碍 | 长者模式</div><h1>某县委关于巡察整改情况的通报</h1>"
        "<div id='vsb_content'><div class='v_news_content'> </div></div>"
        "<div class='jb'>中央纪委国家监委举报网站 www.12388.gov.cn</div>"
    )
    root = page(markup)
    found = locate_content(root, None, chrome_subtrees(root))
    assert found is not None and found.get("class") == "v_news_content"
    assert render_lines(found) == []


def test_a_page_with_a_few_words_and_no_container_is_its_body() -> None:
    assert content_lines("<p>正文。</p>") == ["正文。"]


@pytest.mark.parametrize(
    ("selector", "parts"),
    [
        (".TRS_Editor, .TRS_UEDITOR,#zoom", [".TRS_Editor", ".TRS_UEDITOR", "#zoom"]),
        ("div:is(.a, .b), p[title='x,y']", ["div:is(.a, .b)", "p[title='x,y']"]),
        (
            "//div[@id='a'] | //div[contains(@class, 'b,c')]",
            ["//div[@id='a'] | //div[contains(@class, 'b,c')]"],
        ),
    ],
)
def test_priority_parts(selector: str, parts: list[str]) -> None:
    assert priority_parts(selector) == parts


def test_split_attribute() -> None:
    assert split_attribute("meta[name=PubDate] @content") == ("meta[name=PubDate]", "content")
    assert split_attribute("h1") == ("h1", None)


def test_a_site_selector_group_is_tried_in_order_not_by_size() -> None:
    # Seed profiles list containers in priority order; the first that matches wins.
    markup = f"<div id='zoom'><p>工具栏文字很多很多很多很多。</p><div class='TRS_Editor'>{PARA}</div></div>"
    assert content_lines(markup, ".TRS_Editor, #zoom") == [PARA[3:-4]]


def test_a_body_split_over_sibling_blocks_is_taken_whole() -> None:
    welcome = "欢迎广大干部群众对巡察整改落实情况进行监督，联系电话：12345678。"
    markup = (
        "<div class='wrap'><div class='nav'><a href='/'>首页</a></div>"
        f"<div class='intro'>{PARA * 2}</div><div class='img'><img src='a.jpg'></div>"
        f"<div class='main'>{PARA * 6}</div><div class='end'><p>{welcome}</p><p>{welcome}</p></div>"
        "<div class='links'><a href='/a'>上一篇：关于某某的通知</a></div></div>"
    )
    assert content_lines(markup) == [PARA[3:-4]] * 8 + [welcome] * 2


NOTE = "<p>现将《某市红十字会巡察整改情况报告》予以公开，详见附件。</p>"


def test_a_one_sentence_notice_beats_side_lists_and_footers() -> None:
    side = "".join(
        f"<li><a href='#'>市红十字会开展“红十字博爱周”系列宣传活动第{i}期</a><span>2024-10-2{i}</span></li>"
        for i in range(9)
    )
    markup = (
        f"<div class='lm-left'><ul>{side}</ul></div>"
        "<div class='dqwz'>您现在的位置：<a href='/'>首页</a> &gt; <a href='#'>通知公告</a> &gt; 正文</div>"
        f"<div class='con-txt'>{NOTE}</div>"
        "<div class='bottom'>主办：某市红十字会　地址：某市城关区庆阳路100号　电话：0931-8612345<br>"
        "陇ICP备12001234号-1　甘公网安备 62010202000123号　技术支持：某某网络科技有限公司</div>"
    )
    assert content_lines(markup) == [NOTE[3:-4]]


def test_the_title_tag_does_not_vote() -> None:
    root = html.document_fromstring(
        "<html><head><title>关于巡察整改情况的通报-某区卫生健康局网站</title></head>"
        f"<body><div class='a'>{NOTE}</div></body></html>"
    )
    found = locate_content(root)
    assert found is not None and found.get("class") == "a"


def test_prose_in_a_side_column_before_the_article_heading_does_not_win() -> None:
    intro = (
        "<p>某市红十字会成立于1951年，是从事人道主义工作的社会救助团体，是党和政府在人道领域的"
        "助手和桥梁纽带。主要职责是开展救灾救助、应急救护培训、无偿献血宣传动员等工作。</p>"
    )
    root = html.document_fromstring(
        "<html><head><title>关于某市红十字会巡察整改情况的公示 - 某市红十字会</title></head><body>"
        f"<div class='lm-left'><div class='jj'>{intro}</div></div>"
        "<div class='lm-right'><div class='con-title'>关于某市红十字会巡察整改情况的公示</div>"
        f"<div class='con-txt'>{NOTE}</div></div></body></html>"
    )
    found = locate_content(root, None, chrome_subtrees(root))
    assert found is not None and render_lines(found)[-1] == NOTE[3:-4]
    assert "红十字会成立于1951年" not in found.text_content()
