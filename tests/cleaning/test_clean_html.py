"""The cleaner end to end on saved pages: body F1, no chrome left, exact metadata and attachments.

Each `tests/fixtures/pages/<name>.html` holds the raw bytes as served; `<name>.json` holds the
header charset, the page URL, optional site rules and the expected result.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.cleaning import SiteCleanRules, clean_html
from pipelines.cleaning.score import char_f1
from pipelines.common.cleaned import EMPTY_BODY, CleanedPage, PageMeta

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
FIXTURES = sorted(p.stem for p in PAGES.glob("*.json"))
MIN_F1 = 0.98

# Chrome the fixture pages carry around their notices; none may reach a body.
CHROME_PHRASES = (
    "打印", "关闭窗口", "【关闭】", "分享到", "字体", "字号", "版权所有", "技术支持", "主办单位",
    "网站标识码", "ICP备", "公网安备", "上一篇", "下一篇", "当前位置", "您所在的位置", "浏览次数",
    "扫一扫", "无障碍", "长者模式", "相关阅读", "相关新闻", "网站地图", "12388", "我要纠错",
    "责任编辑", "已下载", "点击：", "访问者", "Copyright", "##paid", "附件【",
)  # fmt: skip


def load(name: str) -> tuple[bytes, dict[str, Any]]:
    spec = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    return (PAGES / f"{name}.html").read_bytes(), spec


def clean_fixture(name: str) -> tuple[CleanedPage, dict[str, Any]]:
    body, spec = load(name)
    page = clean_html(
        body,
        url=spec["url"],
        declared_encoding=spec["declared_encoding"],
        rules=SiteCleanRules.from_mapping(spec["rules"]),
    )
    return page, spec["expected"]


def test_fixture_set_is_broad_enough() -> None:
    templates = {json.loads((PAGES / f"{n}.json").read_text("utf-8"))["template"] for n in FIXTURES}
    assert len(FIXTURES) >= 16
    assert len(templates) >= 7


@pytest.mark.parametrize("name", FIXTURES)
def test_body_text_matches(name: str) -> None:
    page, expected = clean_fixture(name)
    assert char_f1(page.text, expected["text"]) >= MIN_F1, page.text


@pytest.mark.parametrize("name", FIXTURES)
def test_no_chrome_phrase_in_body(name: str) -> None:
    page, _ = clean_fixture(name)
    assert [p for p in CHROME_PHRASES if p in page.text] == []


def test_chrome_phrases_occur_in_the_raw_pages() -> None:
    # Otherwise the check above would pass vacuously.
    raw = "".join(
        load(n)[0].decode(
            json.loads((PAGES / f"{n}.json").read_text("utf-8"))["expected"]["encoding"]
        )
        for n in FIXTURES
    )
    assert [p for p in CHROME_PHRASES if p not in raw] == []


@pytest.mark.parametrize("name", FIXTURES)
def test_metadata_is_exact(name: str) -> None:
    page, expected = clean_fixture(name)
    # A fixture states the 信息公开 fields only when its page has them.
    assert asdict(page.meta) == {**asdict(PageMeta()), **expected["meta"]}


@pytest.mark.parametrize("name", FIXTURES)
def test_attachments_and_encoding_are_exact(name: str) -> None:
    page, expected = clean_fixture(name)
    assert [asdict(a) for a in page.attachments] == expected["attachments"]
    assert page.encoding == expected["encoding"]


def test_bytes_alone_are_enough() -> None:
    # `notices parse PATH.html` passes nothing but the bytes: links stay relative, text is the same.
    body, spec = load("trs_portal_notice")
    page = clean_html(body)
    assert page.text == spec["expected"]["text"]
    assert page.meta.title == spec["expected"]["meta"]["title"]
    assert page.attachments[0].url == "./P020201217539806245981.pdf"


def test_site_rules_select_content_and_drop_extra_chrome() -> None:
    body = (
        "<html><body><div id='a'><p>侧栏文字很多很多很多很多很多很多很多很多很多很多很多很多。</p></div>"
        "<div class='notice'><p>正文第一段。</p><p>本页面由某某系统生成</p></div></body></html>"
    ).encode()
    rules = SiteCleanRules(content_selector="div.notice", extra_chrome=("某某系统",))
    assert clean_html(body, rules=rules).text == "正文第一段。"


def test_forced_encoding_wins() -> None:
    body = "<p>巡察整改情况的通报</p>".encode("gb18030")
    assert clean_html(body, rules=SiteCleanRules(encoding="gb18030")).encoding == "gb18030"


@pytest.mark.parametrize(
    "body", [b"", b"   ", b"\x00\x01", b"<html></html>", b"<?xml version='1.0'?>"]
)
def test_empty_or_broken_pages_give_an_empty_page(body: bytes) -> None:
    assert clean_html(body).text == ""


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_never_raises_on_arbitrary_bytes(body: bytes) -> None:
    assert isinstance(clean_html(body, url="http://x.example/a/b.html").text, str)


def test_downloads_in_a_side_bar_are_not_the_pages_attachments() -> None:
    body = (
        "<html><body><div class='side'><h3>相关下载</h3><a href='/down/nianbao.xls'>年报.xls</a></div>"
        "<div class='main'><div class='wrap'><div class='TRS_Editor'><p>整改情况详见附件。</p></div>"
        "<p>附件：<a href='./P0202301.pdf'>整改情况.pdf</a></p></div></div></body></html>"
    ).encode()
    page = clean_html(body, url="http://a.gov.cn/x/t1.html")
    assert [asdict(a) for a in page.attachments] == [
        {"name": "整改情况.pdf", "url": "http://a.gov.cn/x/P0202301.pdf"}
    ]
    assert page.text == "整改情况详见附件。"


def test_an_attachment_row_below_the_body_in_a_table_layout_is_the_page_s() -> None:
    body = (
        "<html><head><title>关于巡察整改情况的通报</title></head><body><table>"
        "<tr><td class='title'>关于巡察整改情况的通报</td></tr>"
        "<tr><td><table><tr><td><div id='zoom'><p>整改情况详见附件。</p></div></td></tr></table></td></tr>"
        "<tr><td>附件：<a href='/module/download/downfile.jsp?classid=0&filename=ab.docx'>台账.docx</a>"
        "</td></tr></table></body></html>"
    ).encode()
    page = clean_html(body, url="http://a.gov.cn/art/2023/1/2/art_1_2.html")
    assert [a.name for a in page.attachments] == ["台账.docx"]
    assert page.text == "整改情况详见附件。"


@pytest.mark.parametrize("name", FIXTURES)
def test_no_fixture_page_is_a_failure(name: str) -> None:
    page, _ = clean_fixture(name)
    assert page.failure is None


ARTICLE = (
    "<p>根据市委统一部署，市委第一巡察组对本单位进行了巡察，现将整改情况予以公布。</p>"
    "<p>一是加强组织领导，成立整改工作领导小组，召开专题会议，逐条研究整改措施。</p>"
    "<p>二是压实整改责任，明确责任领导、责任科室和完成时限，做到整改到位，欢迎监督。</p>"
) * 2  # an article's worth: a few hundred characters of prose


@pytest.mark.parametrize(
    ("markup", "failure"),
    [
        # the article hidden where chrome removal must take it (a menu-named box beside stray
        # text, a hidden block): the body comes out empty, and that is said
        (f"<div class='menu'>{ARTICLE}</div><div>某某</div>", EMPTY_BODY),
        (f"<div style='display:none'>{ARTICLE}</div><span>网站</span>", EMPTY_BODY),
        # an attachment-only notice: its body is the attachment
        (
            f"<div class='menu'>{ARTICLE}</div><div>某某<a href='/a/zg.pdf'>整改情况.pdf</a></div>",
            None,
        ),
        # a page with no article's worth of prose anywhere: empty, and no failure
        ("<div class='menu'><p>网站首页，政务公开。</p></div><div>某某</div>", None),
        (f"<div>{ARTICLE}</div>", None),
    ],
)
def test_an_empty_body_from_a_page_holding_an_article_is_a_failure(
    markup: str, failure: str | None
) -> None:
    page = clean_html(f"<html><body>{markup}</body></html>".encode())
    assert page.failure == failure


TITLE = "关于巡察整改情况的通报"


@pytest.mark.parametrize(
    "heading",
    [
        # the title element holds the meta line, inside the article block
        f"<div class='art'><h1>{TITLE}<span>发布时间：2024-03-05 来源：办公室 点击：5</span></h1>",
        f"<div class='art'><div class='title'>{TITLE}<br>来源：办公室 日期：2024-03-05</div>",
        # a label-less date after the title, in the title element, in the block above the body
        f"<div class='art'><h1>{TITLE} [2024-03-05]</h1>",
        f"<div><h2>{TITLE}</h2><p>——某单位党组</p><p>2024-03-05</p></div><div class='art'>",
        f"<table><tr><td class='biaoti'>{TITLE} 2024-03-05</td></tr></table><div class='art'>",
    ],
)
def test_the_title_and_date_come_apart_from_the_body(heading: str) -> None:
    page = clean_html(
        f"<html><head><title>{TITLE}_某局</title></head><body>{heading}{ARTICLE}</div>"
        "</body></html>".encode()
    )
    assert (page.meta.title, page.meta.published) == (TITLE, "2024-03-05")
    assert page.text.startswith("根据市委统一部署") and "2024-03-05" not in page.text
