"""Demo site `demo-gbk`: a GBK DedeCMS-era 红十字会 site carrying dev notice 000 and its .docx."""

from __future__ import annotations

from datetime import date

from tests.farm.build.content import Doc, dev_notices, news_items
from tests.farm.build.dede import DedeSkin, detail_page, list_page
from tests.farm.build.files import make_docx
from tests.farm.build.writer import Attachment, SiteWriter

PREFIX = "/hahsh"
PER_PAGE = 3
SKIN = DedeSkin(
    site_name="淮安市红十字会",
    address="淮安市清江浦区健康东路2号",
    phone="0517-83656180",
    type_id=7,
    column="通知公示",
    icp="苏ICP备09034567号",
    root=PREFIX,
)


def build() -> SiteWriter:
    w = SiteWriter("demo-gbk", "淮安市红十字会", "generic", "127.0.0.1", PREFIX, encoding="gbk")
    notice = dev_notices()["000"]
    docs: list[Doc] = [notice, *news_items(3, 4, date(2019, 2, 11), "市红十字会党组")]
    docs.sort(key=lambda d: d.published, reverse=True)
    att_name = "市红十字会党组关于市委脱贫攻坚专项巡察整改进展情况的通报.docx"
    docx = Attachment(
        url=f"{PREFIX}/uploads/190417/1-1Z41G0Q3.docx",
        name=att_name,
        ext="docx",
        body=make_docx(notice.title, notice.paragraphs),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        text_snippet="市委专项巡察组对市红十字会进行了脱贫攻坚工作专项巡察",
    )
    w.attachment(docx)
    rows = []
    for i, doc in enumerate(docs):
        aid = 318 - i * 4
        path = f"{PREFIX}/news/{doc.published:%Y}/{doc.published:%m%d}/{aid}.html"
        atts = ((docx.url, att_name),) if doc is notice else ()
        around = (docs[i - 1].title if i else "", docs[i + 1].title if i + 1 < len(docs) else "")
        html = detail_page(SKIN, doc, aid, attachments=atts, prev_next=around)
        w.add(path, html.encode("gbk"), content_type="text/html", modified=doc.published)
        rows.append((path, doc.title, doc.published.isoformat()))
        if doc is notice:
            w.notice(path, doc, attachments=[docx])
        else:
            w.non_notice(path, doc.title, doc.reason)
    pages = -(-len(rows) // PER_PAGE)
    for page in range(1, pages + 1):
        path = f"{PREFIX}/news/list_{SKIN.type_id}_{page}.html"
        chunk = rows[(page - 1) * PER_PAGE : page * PER_PAGE]
        html = list_page(SKIN, chunk, page, pages, len(rows))
        w.add(path, html.encode("gbk"), content_type="text/html", modified=date(2019, 5, 1))
        w.list_paths.append(path)
    w.start_paths.append(f"{PREFIX}/news/list_{SKIN.type_id}_1.html")
    return w
