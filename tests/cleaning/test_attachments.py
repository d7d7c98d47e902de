from __future__ import annotations

from lxml import html

from pipelines.cleaning import clean_html
from pipelines.cleaning.attachments import (
    attachment_anchors,
    collect_attachments,
    script_anchors,
)
from pipelines.common.cleaned import AttachmentLink


def test_anchor_names_fall_back_to_image_alt() -> None:
    root = html.fragment_fromstring(
        "<div><a href='a.pdf'><img alt='扫描件'></a><a href='b.doc'> 附件 2 </a></div>"
    )
    assert collect_attachments(attachment_anchors(root), None) == (
        AttachmentLink(name="扫描件", url="a.pdf"),
        AttachmentLink(name="附件 2", url="b.doc"),
    )


def test_links_written_by_scripts_are_found() -> None:
    scripts = [
        "var att = '<a href=\"./P020160711317006236449.xlsx\">附件1.xlsx</a>';",
        'if("附件1.pdf" != ""){document.write(\'<a href="./P02026.pdf">附件1-整改方案</a>\')}',
        "var a = '<a href=\"list.html\">更多</a>'; var b = '<a broken';",
    ]
    assert [a.get("href") for a in script_anchors(scripts)] == [
        "./P020160711317006236449.xlsx",
        "./P02026.pdf",
    ]


def test_urls_are_resolved_and_deduplicated_keeping_a_name() -> None:
    root = html.fragment_fromstring(
        "<div><a href='./P1.pdf'><img src='pdf.png'></a><a href='./P1.pdf'>台账.pdf</a><a href='/x/P2.doc'>方案</a></div>"
    )
    assert collect_attachments(attachment_anchors(root), "http://a.gov.cn/col/202306/t1.html") == (
        AttachmentLink(name="台账.pdf", url="http://a.gov.cn/col/202306/P1.pdf"),
        AttachmentLink(name="方案", url="http://a.gov.cn/x/P2.doc"),
    )


def test_a_download_endpoint_link_is_an_attachment_not_a_body_line() -> None:
    # The spider fetches `/api/download?id=…`; the cleaner must list it too, not keep its text.
    body = (
        "<html><body><div class='TRS_Editor'><p>整改情况详见附件。</p>"
        "<p><a href='/api/download?id=8812'>县林业局巡察整改情况通报</a></p></div></body></html>"
    ).encode()
    page = clean_html(body, url="http://a.gov.cn/x/t1.html")
    assert page.attachments == (
        AttachmentLink(name="县林业局巡察整改情况通报", url="http://a.gov.cn/api/download?id=8812"),
    )
    assert page.text == "整改情况详见附件。"
