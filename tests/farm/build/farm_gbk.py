"""Farm site D `farm-gbk`: a legacy GBK 红十字会 site with the encoding cases real sites get wrong."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape
from urllib.parse import quote

from tests.farm.build.content import Doc, dev_notices, generated_notices, news_items
from tests.farm.build.dede import DedeSkin, detail_page, list_page
from tests.farm.build.files import make_doc
from tests.farm.build.writer import Attachment, SiteWriter

HOST = "127.0.0.14"
PER_PAGE = 5
SITE_NAME = "清江市红十字会"
SKIN = DedeSkin(
    site_name=SITE_NAME,
    address="清江市解放路12号",
    phone="0745-2223333",
    type_id=7,
    column="党建工作",
    icp="湘ICP备08012345号",
)
# Names with characters GBK has and GB2312 lacks: decoding as strict gb2312 loses them.
GBK_ONLY_NAMES = "整改工作领导小组组长：朱镕；副组长：李堃、张喆；成员：刘珺。"
SHORT_AID, MISLABELLED_AID, MIGRATED_AID = 321, 325, 330


def build() -> SiteWriter:
    w = SiteWriter("farm-gbk", SITE_NAME, "generic", HOST, encoding="gbk")
    w.robots("Crawl-delay: 2\n")
    # Seed 42 starts at 中共市红十字会党组: the attachment-only notice is the site's own.
    generated = generated_notices(42, 3, date(2023, 3, 3))
    short = replace(generated[0], source=SITE_NAME)
    mislabelled, migrated = generated[1], generated[2]
    notices = [
        short,
        mislabelled,
        migrated,
        dev_notices()["001"],
        *generated_notices(56, 1, date(2023, 7, 3)),
    ]
    for doc in notices[1:]:
        doc.paragraphs.insert(2, GBK_ONLY_NAMES)
        doc.body_contains = [*doc.body_contains, "朱镕", "李堃、张喆"]
    docs: list[Doc] = notices + news_items(43, 8, date(2023, 1, 5), "市红十字会党组")
    docs.sort(key=lambda d: d.published, reverse=True)
    special = {id(short): SHORT_AID, id(mislabelled): MISLABELLED_AID, id(migrated): MIGRATED_AID}
    free = iter(a for a in range(340, 300, -1) if a not in special.values())
    rows = []
    doc_name = "整改情况.doc"
    doc_url = "/uploads/2023/06/" + quote(doc_name.encode("gbk"))
    word = Attachment(
        url=doc_url,
        name=doc_name,
        ext="doc",
        body=make_doc([short.title, *short.paragraphs]),
        content_type="application/msword",
        text_snippet=short.paragraphs[0][:20],
    )
    w.attachment(word)
    for doc in docs:
        aid = special.get(id(doc)) or next(free)
        path = f"/news/{doc.published:%Y}/{doc.published:%m%d}/{aid}.html"
        doc.author = doc.author or "办公室"
        doc.source = doc.source or SITE_NAME
        attachments: list[Attachment] = []
        if aid == SHORT_AID:
            body = (
                "<html><head><title>通报</title></head><body><p>详见附件</p>"
                f'<p><a href="{doc_url}">{escape(doc_name)}</a></p></body></html>'
            ).encode("gbk")
            w.add(path, body, content_type="text/html", modified=doc.published)
            attachments = [word]
            _case(w, path, "gbk", None, None, suspect=False)
        elif aid == MISLABELLED_AID:
            body = detail_page(SKIN, doc, aid, charset="gbk-short").encode("gbk")
            w.add(path, body, content_type="text/html; charset=utf-8", modified=doc.published)
            _case(w, path, "gbk", "utf-8", "gbk", suspect=True)
        elif aid == MIGRATED_AID:
            body = detail_page(SKIN, doc, aid).encode("utf-8")
            w.add(path, body, content_type="text/html", modified=doc.published)
            _case(w, path, "utf-8", None, "gb2312", suspect=True)
        else:
            body = detail_page(SKIN, doc, aid).encode("gbk")
            w.add(path, body, content_type="text/html", modified=doc.published)
        rows.append((path, doc.title, doc.published.isoformat()))
        if doc.is_notice:
            w.notice(path, doc, attachments=attachments, body_in_attachment=bool(attachments))
        else:
            w.non_notice(path, doc.title, doc.reason)
    pages = -(-len(rows) // PER_PAGE)
    for page in range(1, pages + 1):
        path = f"/news/list_{SKIN.type_id}_{page}.html"
        chunk = rows[(page - 1) * PER_PAGE : page * PER_PAGE]
        html = list_page(SKIN, chunk, page, pages, len(rows))
        w.add(path, html.encode("gbk"), content_type="text/html", modified=date(2023, 9, 1))
        w.list_paths.append(path)
    _case(w, w.list_paths[0], "gbk", None, "gb2312", suspect=False)
    w.start_paths.append(f"/news/list_{SKIN.type_id}_1.html")
    w.never_paths.append(f"/news/list_{SKIN.type_id}_{pages + 1}.html")
    return w


def _case(
    w: SiteWriter, path: str, encoding: str, header: str | None, meta: str | None, *, suspect: bool
) -> None:
    w.encoding_cases.append(
        {
            "path": path,
            "bytes_encoding": encoding,
            "header_charset": header,
            "meta_charset": meta,
            "suspect": suspect,
        }
    )
