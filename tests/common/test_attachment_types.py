"""Attachment types (pipelines/common/attachment_types.py): one vocabulary for spider and cleaner."""

from __future__ import annotations

import pytest

from pipelines.common.attachment_types import (
    ATTACHMENT_EXTS,
    CONTENT_TYPE_EXTS,
    FETCHED_EXTS,
    RECORDED_EXTS,
    content_type_ext,
    is_attachment_link,
    is_fetched,
    link_ext,
)


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
        ("/api/download?id=8812", "整改情况通报", True),  # an endpoint: the bytes will tell
        ("download?id=8812", "整改情况通报", True),  # relative to the page
        ("http://download.a.gov.cn/index.html", "下载中心", False),  # only a host name
        ("/files/slides.dps", "汇报", True),
        ("/info/1081/978.htm", "关于印发整改方案.docx的通知", False),
        ("/info/1081/979.htm", "整改方案.docx", False),  # a page about a file
        ("./t20230620_693227.shtml", "上一篇", False),
        ("/images/photo.jpg", "会议现场", False),
        ("/list?type=pdf", "更多", False),
        ("javascript:void(0)", "附件.pdf", False),
        ("JavaScript:void(0)", "附件.pdf", False),
        ("mailto:a@b.cn", "a.pdf", False),
        ("", "附件.pdf", False),
    ],
)
def test_is_attachment_link(href: str, name: str, expected: bool) -> None:
    assert is_attachment_link(href, name) is expected


@pytest.mark.parametrize(
    ("url", "name", "ext"),
    [
        ("http://a/f/P1.PDF", "", "pdf"),
        ("http://a/downfile.jsp?classid=0&filename=9c1e.pdf", "台账", "pdf"),
        ("http://a/__local/A/B1?e=.doc", "x", "doc"),
        ("http://a/download.jsp?wbfileid=5553", "通报.wps", "wps"),
        ("http://a/getfile?id=1", "附件（整改台账.xls）", "xls"),
        ("http://a/api/download?id=1", "整改情况通报", None),
        ("http://a/t1.html", "整改方案.docx", None),
    ],
)
def test_link_ext(url: str, name: str, ext: str | None) -> None:
    assert link_ext(url, name) == ext


@pytest.mark.parametrize(
    ("ext", "fetched"),
    [("pdf", True), ("wps", True), ("ofd", True), ("et", True), ("dps", True), ("zip", False),
     ("pptx", False), (None, True)],
)  # fmt: skip
def test_is_fetched(ext: str | None, fetched: bool) -> None:
    assert is_fetched(ext) is fetched


def test_every_attachment_type_is_either_fetched_or_recorded() -> None:
    assert set(FETCHED_EXTS).isdisjoint(RECORDED_EXTS)
    assert sorted(ATTACHMENT_EXTS) == sorted({*FETCHED_EXTS, *RECORDED_EXTS})


@pytest.mark.parametrize(
    ("content_type", "ext"),
    [("application/pdf", "pdf"), ("application/vnd.ms-excel; charset=binary", "xls"),
     ("Application/OFD", "ofd"), ("application/octet-stream", None), ("", None), (None, None)],
)  # fmt: skip
def test_content_type_ext(content_type: str | None, ext: str | None) -> None:
    assert content_type_ext(content_type) == ext


def test_every_content_type_names_an_attachment_kind() -> None:
    assert set(CONTENT_TYPE_EXTS.values()) <= set(ATTACHMENT_EXTS)
