"""Demo site `demo-vsb`: a VSB 红十字会 column with reverse-numbered pages, dev notices 001-003."""

from __future__ import annotations

from datetime import date

from tests.farm.build.content import Doc, dev_notices, news_items
from tests.farm.build.vsb import VsbDetail, VsbSkin, detail_page, list_page
from tests.farm.build.writer import SiteWriter

PREFIX = "/hszh"
COLUMN = f"{PREFIX}/xxgk/xczg.htm"
PER_PAGE = 3

SKIN = VsbSkin(
    site_name="红十字会工作网",
    org="红十字会工作网编辑部",
    address="广东省揭阳市榕城区临江北路8号",
    owner="1537462851",
    tree="1032",
    column="巡察整改",
    parent_column="信息公开",
    icp="粤ICP备10021567号",
    site_code="4452000015",
    root=PREFIX,
    jw=False,
)


def build() -> SiteWriter:
    w = SiteWriter("demo-vsb", "红十字会工作网", "vsb", "127.0.0.1", PREFIX)
    dev = dev_notices()
    docs: list[Doc] = [dev["001"], dev["002"], dev["003"]]
    docs += news_items(7, 5, date(2021, 8, 20), "市红十字会党组")
    docs.sort(key=lambda d: d.published, reverse=True)
    rows = []
    for i, doc in enumerate(docs):
        newsid = 5678 - i * 3
        path = f"{PREFIX}/info/{SKIN.tree}/{newsid}.htm"
        if doc.source is None:
            doc.source = "红十字会工作网"
        around = (docs[i - 1].title if i else "", docs[i + 1].title if i + 1 < len(docs) else "")
        html = detail_page(SKIN, doc, VsbDetail(newsid, prev_next=around))
        w.add(path, html.encode(), content_type="text/html", modified=doc.published)
        rows.append((f"info/{SKIN.tree}/{newsid}.htm", doc.title, doc.published.isoformat(), False))
        if doc.is_notice:
            w.notice(path, doc)
        else:
            w.non_notice(path, doc.title, doc.reason)
    pages = -(-len(rows) // PER_PAGE)
    for page in range(1, pages + 1):
        chunk = rows[(page - 1) * PER_PAGE : page * PER_PAGE]
        if page == 1:
            path, up = COLUMN, "../"
            hrefs = {1: "xczg.htm"} | {n: f"xczg/{pages - n + 1}.htm" for n in range(2, pages + 1)}
        else:
            path, up = f"{PREFIX}/xxgk/xczg/{pages - page + 1}.htm", "../../"
            hrefs = {1: "../xczg.htm"} | {n: f"{pages - n + 1}.htm" for n in range(2, pages + 1)}
        linked = [(up + href, t, d, s) for href, t, d, s in chunk]
        html = list_page(SKIN, linked, page, pages, len(rows), hrefs, up)
        w.add(path, html.encode(), content_type="text/html", modified=date(2023, 10, 1))
        w.list_paths.append(path)
    w.start_paths.append(COLUMN)
    w.never_paths.append(f"{PREFIX}/xxgk/xczg/{pages}.htm")
    return w
