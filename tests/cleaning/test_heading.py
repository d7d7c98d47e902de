from __future__ import annotations

import pytest
from lxml import html

from pipelines.cleaning.heading import (
    article_heading,
    before_heading,
    common_ancestor,
    heading_text,
)

TITLE = "关于某市红十字会巡察整改情况的公示"


def page(head: str, body: str) -> html.HtmlElement:
    return html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def test_the_heading_in_the_title_tag_is_the_article_heading() -> None:
    root = page(
        f"<title>{TITLE} - 某市红十字会</title>",
        f"<h1>某市红十字会</h1><div class='con-title'>{TITLE}</div><p>正文</p>",
    )
    found = article_heading(root)
    assert found is not None and found.get("class") == "con-title"


def test_article_title_meta_matches_without_a_title_tag() -> None:
    root = page(f"<meta name='ArticleTitle' content='{TITLE}'>", f"<h2> {TITLE} </h2>")
    found = article_heading(root)
    assert found is not None and found.tag == "h2"


def test_list_items_and_short_texts_are_no_heading() -> None:
    root = page(
        f"<title>{TITLE}_通知公告</title>",
        f"<ul><li><h3>{TITLE}</h3></li></ul><h2>通知公告</h2>",
    )
    assert article_heading(root) is None
    assert article_heading(page("", f"<h1>{TITLE}</h1>")) is None


def test_before_heading_keeps_the_heading_s_ancestors() -> None:
    root = page(
        "",
        "<div class='side'><p>简介</p></div><div class='main'><h1 id='t'>x</h1><p>正文</p></div>",
    )
    heading = root.get_element_by_id("t")
    before = before_heading(root, heading)
    side = root.find_class("side")[0]
    assert side in before and side[0] in before
    assert root.find_class("main")[0] not in before and root.find("body") not in before


def test_common_ancestor() -> None:
    root = page(
        "", "<table><tr><td id='a'>t</td></tr><tr><td><div id='b'>x</div></td></tr></table>"
    )
    a, b = root.get_element_by_id("a"), root.get_element_by_id("b")
    found = common_ancestor(a, b)
    assert found is not None and found.tag in {"table", "tbody"}
    assert common_ancestor(a, a) is a


def test_the_site_name_part_of_the_title_is_no_heading() -> None:
    root = page(
        f"<title>{TITLE}_某市红十字会网站</title>",
        "<div class='main'><p>正文</p></div><div class='bottom-title'>某市红十字会网站</div>",
    )
    assert article_heading(root) is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "关于巡察整改情况的通报发布时间：2024-01-22 来源：办公室 点击：35",
            "关于巡察整改情况的通报",
        ),
        ("关于巡察整改情况的通报 来源：市统计局", "关于巡察整改情况的通报"),
        ("关于巡察整改情况的通报 [2024-01-22]", "关于巡察整改情况的通报"),
        ("关于巡察整改情况的通报 2024年1月22日", "关于巡察整改情况的通报"),
        ("关于巡察整改情况的通报", "关于巡察整改情况的通报"),
        ("来源：市统计局", "来源：市统计局"),  # nothing before the label: no title to cut out
    ],
)
def test_heading_text_leaves_out_the_meta_line(text: str, title: str) -> None:
    assert heading_text(text) == title


def test_an_h1_holding_the_meta_line_is_the_article_heading() -> None:
    root = page(
        "<title>关于巡察整改情况的通报_某局</title>",
        "<h1>关于巡察整改情况的通报<span>发布时间：2024-01-22 点击：3</span></h1><p>正文。</p>",
    )
    found = article_heading(root)
    assert found is not None and found.tag == "h1"
