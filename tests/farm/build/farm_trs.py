"""Farm site A `farm-trs`: a TRS city 纪委 column (JS-only pager, stale `alt` trap, script attachments)."""

from __future__ import annotations

from datetime import date

from tests.farm.build.content import Doc, dev_notices, generated_notices, news_items
from tests.farm.build.files import make_docx, make_pdf
from tests.farm.build.trs import DetailOptions, TrsSkin, detail_page, list_page
from tests.farm.build.writer import Attachment, SiteWriter

HOST = "127.0.0.11"
COLUMN = "/xsxc/xczg/"
PER_PAGE = 5
SITE_NAME = "青垭市纪委监委"

SKIN = TrsSkin(
    site_name=SITE_NAME,
    org="中共青垭市纪律检查委员会 青垭市监察委员会",
    site_code="4300000045",
    icp="湘ICP备12000773号",
    gongan="湘公网安备 43010502050691号",
    column="整改通报",
    parent_column="巡视巡察",
)
GZDT = TrsSkin(
    site_name=SITE_NAME,
    org=SKIN.org,
    site_code=SKIN.site_code,
    icp=SKIN.icp,
    gongan=SKIN.gongan,
    column="工作动态",
    parent_column="工作动态",
)


def build() -> SiteWriter:
    w = SiteWriter("farm-trs", SITE_NAME, "trs", HOST)
    w.robots()
    notices = [*generated_notices(11, 6, date(2023, 1, 9)), dev_notices()["004"]]
    docs: list[Doc] = notices + news_items(12, 5, date(2023, 2, 1), "白石镇党委")
    docs.sort(key=lambda d: d.published, reverse=True)
    rows = []
    script_left, empty_source_left, inline_left, unlinked_left = 2, 1, 1, 1
    for i, doc in enumerate(docs):
        ym = doc.published.strftime("%Y%m")
        name = f"t{doc.published:%Y%m%d}_{1700895 - i * 137}.html"
        path = f"{COLUMN}{ym}/{name}"
        stamp = f"P0{doc.published:%Y%m%d}{551204783311 + i}"
        attachments: list[Attachment] = []
        script_atts: tuple[tuple[str, str], ...] = ()
        inline_atts: tuple[tuple[str, str], ...] = ()
        unlinked: tuple[str, ...] = ()
        laiyuan = doc.source or ""
        source = doc.source
        if doc.is_notice and doc.problems and script_left:
            script_left -= 1
            att = Attachment(
                url=f"{COLUMN}{ym}/{stamp}.pdf",
                name="整改台账.pdf",
                ext="pdf",
                body=make_pdf([doc.title + "整改台账", *doc.paragraphs[:6]]),
                text_snippet=doc.title[:12],
                content_type="application/pdf",
            )
            attachments.append(att)
            script_atts = ((f"./{stamp}.pdf", att.name),)
        elif doc.is_notice and inline_left:
            inline_left -= 1
            att = Attachment(
                url=f"{COLUMN}{ym}/{stamp}.docx",
                name="巡察整改问题清单.docx",
                ext="docx",
                body=make_docx("巡察整改问题清单", doc.paragraphs[:8]),
                text_snippet=doc.paragraphs[0][:16],
                content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )
            attachments.append(att)
            inline_atts = ((f"./{stamp}.docx", att.name),)
        elif doc.is_notice and unlinked_left:
            unlinked_left -= 1
            unlinked = ("整改任务清单", "整改台账")
        if doc.is_notice and empty_source_left and not attachments and not unlinked:
            empty_source_left -= 1
            # No source given: the ContentSource meta is empty and the script prints the site name.
            laiyuan, source, doc.source = "", SITE_NAME, None
        opt = DetailOptions(
            url_name=name,
            laiyuan=laiyuan,
            script_attachments=script_atts,
            inline_attachments=inline_atts,
            attachment_names_without_links=unlinked,
            image=f"W0{doc.published:%Y%m%d}{391 + i}.jpg" if i % 3 == 0 else None,
            prev_next=(
                docs[i - 1].title if i else "",
                docs[i + 1].title if i + 1 < len(docs) else "",
            ),
        )
        for att in attachments:
            w.attachment(att)
        w.add(path, detail_page(SKIN, doc, opt).encode(), modified=doc.published)
        rows.append((f"./{ym}/{name}", doc.title, doc.published.isoformat()))
        if doc.is_notice:
            w.notice(path, doc, attachments=attachments, source=source)
        else:
            w.non_notice(path, doc.title, doc.reason)
    pages = -(-len(rows) // PER_PAGE)
    for page in range(pages):
        name = "index.html" if page == 0 else f"index_{page}.html"
        chunk = rows[page * PER_PAGE : (page + 1) * PER_PAGE]
        w.add(
            COLUMN + name,
            list_page(SKIN, COLUMN, chunk, page, pages).encode(),
            modified=date(2023, 9, 1),
        )
        w.list_paths.append(COLUMN + name)
    w.alias(COLUMN, COLUMN + "index.html")
    w.start_paths.append(COLUMN)
    w.never_paths += [f"{COLUMN}index_{pages}.html", "/gzdt/index.html"]
    _gzdt(w)
    return w


def _gzdt(w: SiteWriter) -> None:
    """A second column of distractors, linked from the nav but not a start URL."""
    docs = news_items(13, 3, date(2023, 4, 2), "市纪委监委")
    rows = []
    for i, doc in enumerate(docs):
        name = f"t{doc.published:%Y%m%d}_{1690011 + i}.html"
        path = f"/gzdt/{doc.published:%Y%m}/{name}"
        doc.source = SITE_NAME
        w.add(
            path, detail_page(GZDT, doc, DetailOptions(name, None)).encode(), modified=doc.published
        )
        rows.append((f"./{doc.published:%Y%m}/{name}", doc.title, doc.published.isoformat()))
        w.never_paths.append(path)
    w.add(
        "/gzdt/index.html",
        list_page(GZDT, "/gzdt/", rows, 0, 1).encode(),
        modified=date(2023, 9, 1),
    )
