from __future__ import annotations

import pytest
from lxml import html

from pipelines.cleaning.chrome import chrome_subtrees
from pipelines.cleaning.content import InvalidSelector, locate_content, select
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
