"""Farm site C `farm-vsb`: a VSB county 纪委 column with reverse paging, duplicate URLs, attachments."""

from __future__ import annotations

from datetime import date
from html import escape
from urllib.parse import quote

from tests.farm.build.content import Doc, dev_notices, generated_notices, news_items
from tests.farm.build.files import make_doc, make_docx, make_ofd, make_pdf
from tests.farm.build.vsb import VsbDetail, VsbSkin, detail_page, list_page
from tests.farm.build.writer import Attachment, SiteWriter

HOST = "127.0.0.13"
OWNER = "1234567890"
TREE = "1026"
COLUMN = "/xsxc/zgtb.htm"
PER_PAGE = 4
SITE_NAME = "白沙县纪委监委"
DOWNLOAD = f"/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner={OWNER}&wbfileid="
TRACKING = "?from=singlemessage&isappinstalled=0"

SKIN = VsbSkin(
    site_name=SITE_NAME,
    org="中共白沙县纪律检查委员会 白沙县监察委员会",
    address="白沙县人民路8号 邮编：418000",
    owner=OWNER,
    tree=TREE,
    column="整改通报",
    parent_column="巡视巡察",
    icp="湘ICP备15007722号",
    site_code="4312250003",
)


def _content_jsp(newsid: int) -> str:
    return f"/content.jsp?urltype=news.NewsContentUrl&wbtreeid={TREE}&wbnewsid={newsid}"


def _attachments(docs: list[Doc]) -> list[list[Attachment]]:
    """The files of the four attachment-only notices (one of them has two links)."""
    pdf_doc, docx_doc, wps_doc, ofd_doc = docs
    pdf_name = f"{pdf_doc.title}.pdf"
    docx_name = f"{docx_doc.title}.docx"
    return [
        [
            Attachment(
                url=DOWNLOAD + "5551",
                name=pdf_name,
                ext="pdf",
                body=make_pdf([pdf_doc.title, *pdf_doc.paragraphs]),
                disposition="attachment; filename*=UTF-8''" + quote(pdf_name),
                text_snippet=pdf_doc.title[:14],
            )
        ],
        [
            Attachment(
                url=DOWNLOAD + "5552",
                name=docx_name,
                ext="docx",
                body=make_docx(
                    docx_doc.title, docx_doc.paragraphs, docx_doc.table, docx_doc.table_after
                ),
                # Raw GBK bytes in the header, as old servers send them (latin-1 carries bytes).
                disposition=f'attachment; filename="{docx_name.encode("gbk").decode("latin-1")}"',
                text_snippet=docx_doc.paragraphs[0][:16],
            )
        ],
        [
            # WPS Office saves .wps in the Word 97 binary format, which antiword reads.
            Attachment(
                url=DOWNLOAD + "5553",
                name=f"{wps_doc.title}.wps",
                ext="wps",
                body=make_doc([wps_doc.title, *wps_doc.paragraphs]),
                content_type="application/kswps",
                text_snippet=wps_doc.paragraphs[0][:16],
            )
        ],
        [
            Attachment(
                url=DOWNLOAD + "5554",
                name=f"{ofd_doc.title}.ofd",
                ext="ofd",
                body=make_ofd(ofd_doc.title),
            ),
            Attachment(
                url=DOWNLOAD + "5555",
                name="整改台账.xls",
                ext="xls",
                body="<html><body>文件不存在或已被删除</body></html>".encode(),
                content_type="text/html",
                ok=False,
            ),
        ],
    ]


def build() -> SiteWriter:
    w = SiteWriter("farm-vsb", SITE_NAME, "vsb", HOST)
    w.robots()
    generated = generated_notices(31, 9, date(2022, 10, 12))
    attachment_only, inline = generated[:4], generated[4:]
    inline.append(dev_notices()["002"])
    redirect = Doc(
        title="中共白沙县委关于十二届省委第三轮巡视整改进展情况的通报",
        published=date(2023, 5, 6),
        paragraphs=[],
        is_notice=False,
        reason="redirect_js",
    )
    sticky = Doc(
        title="白沙县2021年巡察整改工作指引",
        published=date(2021, 4, 2),
        paragraphs=[
            "为规范巡察整改工作，根据有关规定，制定本指引。",
            "一、整改主体责任。被巡察党组织书记是整改第一责任人。",
            "二、整改时限。一般问题应在巡察反馈后2个月内完成整改。",
        ],
        is_notice=False,
        reason="guide",
    )
    news = news_items(32, 6, date(2022, 11, 2), "白石镇党委")
    dated = sorted([*attachment_only, *inline, redirect, *news], key=lambda d: d.published)
    docs = [sticky, *reversed(dated)]
    files = dict(zip((id(d) for d in attachment_only), _attachments(attachment_only), strict=True))
    newsids = [2611] + [2901 - 2 * k for k in range(len(docs) - 1)]
    # The notice listed twice, the second time with share-tracking parameters (rows 12 and 13).
    tracked_k = next(k for k in range(10, len(docs)) if docs[k].is_notice)
    tracked = newsids[tracked_k]
    for doc, newsid in zip(docs, newsids, strict=True):
        path = f"/info/{TREE}/{newsid}.htm"
        attachments = files.get(id(doc), [])
        opt = VsbDetail(newsid)
        if attachments:
            body = f"<p>现将《{escape(doc.title)}》予以公布，详见附件。</p>"
            opt = VsbDetail(newsid, body, tuple((a.url, a.name, a.url[-4:]) for a in attachments))
        elif doc is redirect:
            opt = VsbDetail(newsid, "", redirect_js=True)
        if doc.source is None:
            doc.source = "县委巡察办"
        html = detail_page(SKIN, doc, opt).encode()
        w.add(path, html, content_type="text/html", modified=doc.published)
        w.alias(_content_jsp(newsid), path)
        for att in attachments:
            w.attachment(att)
        alt = [_content_jsp(newsid)] + ([path + TRACKING] if newsid == tracked else [])
        _truth(w, doc, path, alt, attachments, redirect)
    rows = _rows(docs, newsids, tracked_k)
    pages = -(-len(rows) // PER_PAGE)
    for page in range(1, pages + 1):
        chunk = rows[(page - 1) * PER_PAGE : page * PER_PAGE]
        if page == 1:
            path, up = COLUMN, "../"
            hrefs = {1: "zgtb.htm"} | {n: f"zgtb/{pages - n + 1}.htm" for n in range(2, pages + 1)}
        else:
            path, up = f"/xsxc/zgtb/{pages - page + 1}.htm", "../../"
            hrefs = {1: "../zgtb.htm"} | {n: f"{pages - n + 1}.htm" for n in range(2, pages + 1)}
        linked = [(up + href.lstrip("/"), t, d, s) for href, t, d, s in chunk]
        page_html = list_page(SKIN, linked, page, pages, len(rows), hrefs, up)
        w.add(path, page_html.encode(), content_type="text/html", modified=date(2023, 9, 1))
        w.list_paths.append(path)
    w.start_paths.append(COLUMN)
    w.never_paths.append(f"/xsxc/zgtb/{pages}.htm")
    return w


def _rows(docs: list[Doc], newsids: list[int], tracked_k: int) -> list[tuple[str, str, str, bool]]:
    """List rows: ~1/4 as content.jsp links; docs[3] again (as content.jsp) at the top of page 2,
    docs[tracked_k] again, right after itself, with tracking parameters."""
    rows = []
    for k, (doc, newsid) in enumerate(zip(docs, newsids, strict=True)):
        href = _content_jsp(newsid) if k % 4 == 2 else f"/info/{TREE}/{newsid}.htm"
        rows.append((href, doc.title, doc.published.isoformat(), k == 0))
        if k == 3:
            rows.append((_content_jsp(newsid), doc.title, doc.published.isoformat(), False))
        if k == tracked_k:
            tracked = f"/info/{TREE}/{newsid}.htm{TRACKING}"
            rows.append((tracked, doc.title, doc.published.isoformat(), False))
    return rows


def _truth(
    w: SiteWriter,
    doc: Doc,
    path: str,
    alt: list[str],
    attachments: list[Attachment],
    redirect: Doc,
) -> None:
    if doc is redirect:
        w.non_notice(path, doc.title, "redirect_js", alt)
        w.block(path, 200, "redirect_js")
        return
    if not doc.is_notice:
        w.non_notice(path, doc.title, doc.reason, alt)
        return
    if attachments and not any(a.text_snippet for a in attachments):
        # The notice text sits in a file nobody can read here: only the page's own fields are known.
        doc.publisher = doc.inspected_unit = doc.inspection_body = None
        doc.problems = None
        doc.body_contains = []
    w.notice(
        path,
        doc,
        alt_paths=alt,
        attachments=attachments,
        body_in_attachment=bool(attachments),
    )
    for att in attachments:
        if not att.ok:
            w.block(att.url, 200, "wrong_content_type")
