"""Demo site `demo-trs`: a TRS city 纪委 column carrying dev notice 004 among news."""

from __future__ import annotations

from datetime import date

from tests.farm.build.content import Doc, dev_notices, news_items
from tests.farm.build.trs import DetailOptions, TrsSkin, detail_page, list_page
from tests.farm.build.writer import SiteWriter

PREFIX = "/hnjw"
COLUMN = f"{PREFIX}/xsxc/zgtb/"
PER_PAGE = 3

SKIN = TrsSkin(
    site_name="淮南市纪委监委",
    org="中共淮南市纪律检查委员会 淮南市监察委员会",
    site_code="3404000031",
    icp="皖ICP备05001234号",
    gongan="皖公网安备 34040202000123号",
    column="整改通报",
    parent_column="巡视巡察",
    root=PREFIX,
)


def build() -> SiteWriter:
    w = SiteWriter("demo-trs", "淮南市纪委监委", "trs", "127.0.0.1", PREFIX)
    docs: list[Doc] = [dev_notices()["004"], *news_items(40, 6, date(2020, 9, 3), "市委统战部")]
    docs.sort(key=lambda d: d.published, reverse=True)
    rows: list[tuple[str, str, str]] = []
    for i, doc in enumerate(docs):
        ym = doc.published.strftime("%Y%m")
        name = f"t{doc.published:%Y%m%d}_{3745200 + i * 7}.html"
        path = f"{COLUMN}{ym}/{name}"
        prev_title = docs[i - 1].title if i else ""
        next_title = docs[i + 1].title if i + 1 < len(docs) else ""
        opt = DetailOptions(url_name=name, laiyuan=None, prev_next=(prev_title, next_title))
        if doc.source is None:
            doc.source = "淮南市纪委监委"
        w.add(path, detail_page(SKIN, doc, opt).encode(), modified=doc.published)
        rows.append((f"./{ym}/{name}", doc.title, doc.published.isoformat()))
        if doc.is_notice:
            w.notice(path, doc)
        else:
            w.non_notice(path, doc.title, doc.reason)
    pages = -(-len(rows) // PER_PAGE)
    for page in range(pages):
        name = "index.html" if page == 0 else f"index_{page}.html"
        chunk = rows[page * PER_PAGE : (page + 1) * PER_PAGE]
        html = list_page(SKIN, COLUMN, chunk, page, pages)
        w.add(COLUMN + name, html.encode(), modified=date(2021, 3, 1))
        w.list_paths.append(COLUMN + name)
    w.alias(COLUMN, COLUMN + "index.html")
    w.start_paths.append(COLUMN)
    w.never_paths.append(f"{COLUMN}index_{pages}.html")
    return w
