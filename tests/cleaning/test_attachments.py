from __future__ import annotations

import pytest
from lxml import html

from pipelines.cleaning.attachments import (
    attachment_anchors,
    collect_attachments,
    is_attachment,
    script_anchors,
)
from pipelines.page import AttachmentLink


@pytest.mark.parametrize(
    ("href", "name", "expected"),
    [
        ("./P020230620539806245981.pdf", "整改台账", True),  # TRS
        (
            "/module/download/downfile.jsp?classid=0&filename=2744946c.docx",
            "汇总表.docx",
            True,
        ),  # Hanweb
        (
            "/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1&wbfileid=10243",
            "台账.xls",
            True,
        ),  # VSB
        ("/__local/A/3B/C3D4E5F6_12345678.doc?e=.doc", "方案.doc", True),  # VSB static export
        ("/files/%E9%99%84%E4%BB%B6.WPS", "附件", True),
        ("/upload/2023/notice.OFD", "", True),
        ("/getfile?id=8812", "整改情况表.xlsx", True),  # the name alone tells
        ("/info/1081/978.htm", "关于印发整改方案.docx的通知", False),
        ("./t20230620_693227.shtml", "上一篇", False),
        ("/images/photo.jpg", "会议现场", False),
        ("javascript:void(0)", "附件.pdf", False),
        ("mailto:a@b.cn", "a.pdf", False),
        ("", "附件.pdf", False),
    ],
)
def test_is_attachment(href: str, name: str, expected: bool) -> None:
    assert is_attachment(href, name) is expected


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
