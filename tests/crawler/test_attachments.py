"""Attachment links (anchors, download endpoints, scripts), typing by magic, names."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from crawler import attachments

PAGE = """<html><body><div class="TRS_Editor"><p>正文</p>
<p>附件：1．整改任务清单 2．整改台账</p>
<p>附件：<a href="./P020230702118830021447.docx">巡察整改问题清单.docx</a></p>
<a href="/module/download/downfile.jsp?classid=0&filename=9c1e2da41.pdf"><img src="/icons/pdf.png"/>城关镇巡察整改台账.pdf</a>
<li>附件【<a href="/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1&wbfileid=5553">通报.wps</a>】</li>
<a href="/files/table.xlsx">台账.xlsx</a>
<a href="./t20230601_1.html">上一篇</a>
<a href="/images/logo.png">logo</a>
</div>
<script>var att = '<a href="./P020230619551204783311.pdf">整改台账.pdf</a>';
if (att.length>0){document.write('附件：<br/><p>'+att+'</p>');}</script>
</body></html>"""


def test_find_links_from_anchors_endpoints_and_scripts() -> None:
    links = attachments.find_links(PAGE, "http://a/xsxc/xczg/202307/t20230702_1.html")
    assert [(link.name, link.url, link.ext) for link in links] == [
        ("巡察整改问题清单.docx", "http://a/xsxc/xczg/202307/P020230702118830021447.docx", "docx"),
        (
            "城关镇巡察整改台账.pdf",
            "http://a/module/download/downfile.jsp?classid=0&filename=9c1e2da41.pdf",
            "pdf",
        ),
        (
            "通报.wps",
            "http://a/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1&wbfileid=5553",
            "wps",
        ),
        ("台账.xlsx", "http://a/files/table.xlsx", "xlsx"),
        ("整改台账.pdf", "http://a/xsxc/xczg/202307/P020230619551204783311.pdf", "pdf"),
    ]
    assert [link.fetchable for link in links] == [True, True, True, True, True]
    archive = attachments.find_links('<a href="/f/all.zip">材料.zip</a>', "http://a/")
    assert [(link.ext, link.fetchable) for link in archive] == [("zip", False)]


def test_extension_from_query_parameters() -> None:
    links = attachments.find_links('<a href="/__local/A/B1?e=.doc">x</a>', "http://a/")
    assert [(link.ext, link.fetchable) for link in links] == [("doc", True)]


def test_script_written_links_are_typed_as_anchors_are() -> None:
    # The cleaner lists script-written endpoint links (script_anchors); the spider fetches them.
    page = (
        "<script>document.write('<a href=\\\"/api/download?id=7\\\">整改台账.xls</a>');"
        "var more = '<a href=\"list_2.html\">更多</a>';</script>"
    )
    links = attachments.find_links(page, "http://a/x/t1.html")
    assert [(link.name, link.url, link.ext) for link in links] == [
        ("整改台账.xls", "http://a/api/download?id=7", "xls")
    ]


def test_wps_slides_are_fetched_like_the_other_documents() -> None:
    links = attachments.find_links('<a href="/f/huibao.dps">汇报.dps</a>', "http://a/")
    assert [(link.ext, link.fetchable) for link in links] == [("dps", True)]
    assert attachments.sniff_ext(OLE2, "dps") == "dps"


def test_names_without_links_give_no_attachments() -> None:
    assert attachments.find_links("<p>附件：1．整改任务清单 2．整改台账</p>", "http://a/") == []


def _docx(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "序号"
    table.rows[0].cells[1].text = "整改措施"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>"
        ),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def _zip(name: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(name, "<x/>")
    return out.getvalue()


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


@pytest.mark.parametrize(
    ("body", "hint", "ext"),
    [
        (_pdf("x"), None, "pdf"),
        (_pdf("x"), "doc", "pdf"),  # the bytes win over the name
        (_docx("x"), None, "docx"),
        (_zip("OFD.xml"), None, "ofd"),
        (_zip("xl/workbook.xml"), None, "xlsx"),
        (OLE2, "wps", "wps"),
        (OLE2, None, "doc"),
        ("<html><body>文件不存在或已被删除</body></html>".encode(), "pdf", "html"),
        (b"\x00\x01binary", "et", "et"),
    ],
)
def test_sniff_ext(body: bytes, hint: str | None, ext: str) -> None:
    assert attachments.sniff_ext(body, hint) == ext


@pytest.mark.parametrize(
    ("header", "name"),
    [
        (b"attachment; filename*=UTF-8''%E6%95%B4%E6%94%B9.pdf", "整改.pdf"),
        (b'attachment; filename="' + "整改.docx".encode("gbk") + b'"', "整改.docx"),
        (b'attachment; filename="' + "整改.docx".encode() + b'"', "整改.docx"),
        (b"attachment; filename=9c1e2d.pdf", "9c1e2d.pdf"),
        (b"inline", None),
        (None, None),
    ],
)
def test_disposition_name(header: bytes | None, name: str | None) -> None:
    assert attachments.disposition_name(header) == name
