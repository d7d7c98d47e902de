"""Farm sites I `farm-etag` and J `farm-plain`: two TRS columns of four list pages, identical but
for how they treat validators. Both send `ETag` and `Last-Modified`; I answers conditional GETs
with 304, J ignores them (always 200, the same bytes). Epoch 2 adds one notice at the top of page
1, pushing every row one place down (and a fifth page into being): an incremental crawl finds it
with two list requests and one detail request (docs/incremental.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tests.farm.build.content import Doc, generated_notices, news_items
from tests.farm.build.trs import DetailOptions, TrsSkin, detail_page, list_page
from tests.farm.build.writer import SiteWriter

COLUMN = "/xsxc/zgtb/"
PER_PAGE = 5
LISTED = {1: date(2023, 9, 1), 2: date(2023, 10, 8)}  # Last-Modified of the list pages per epoch


@dataclass(frozen=True, slots=True)
class Variant:
    site: str
    host: str
    name: str
    seed: int
    honours_validators: bool


ETAG = Variant("farm-etag", "127.0.0.19", "石门市委巡察办", 91, True)
PLAIN = Variant("farm-plain", "127.0.0.20", "石门县委巡察办", 92, False)


def _skin(v: Variant) -> TrsSkin:
    return TrsSkin(
        site_name=v.name,
        org=f"中共{v.name[:3]}委员会巡察工作领导小组办公室",
        site_code=f"43000{v.seed}001",
        icp=f"湘ICP备120{v.seed}号",
        gongan=f"湘公网安备 430105020{v.seed}号",
        column="整改通报",
        parent_column="巡视巡察",
        jw=False,
    )


def _docs(v: Variant) -> tuple[list[Doc], Doc]:
    """The rows of epoch 1, newest first, and the notice epoch 2 adds (newer than all)."""
    *notices, fresh = generated_notices(v.seed, 15, date(2022, 3, 7))
    docs = notices + news_items(v.seed + 100, 6, date(2022, 5, 3), "石门镇党委")
    for doc in [*docs, fresh]:
        doc.source = v.name
    docs.sort(key=lambda d: d.published, reverse=True)
    assert fresh.published > docs[0].published
    return docs, fresh


def _name(doc: Doc, n: int) -> str:
    return f"t{doc.published:%Y%m%d}_{5800000 + n}.html"


def build_epoch(v: Variant, epoch: int) -> SiteWriter:
    w = SiteWriter(v.site, v.name, "trs", v.host, epoch=epoch)
    w.honours_validators = v.honours_validators
    w.robots()
    skin = _skin(v)
    docs, fresh = _docs(v)
    numbered = [(doc, n) for n, doc in enumerate(reversed(docs))]  # ids grow with time
    if epoch == 2:
        numbered.append((fresh, len(docs)))
    rows = []
    for doc, n in sorted(numbered, key=lambda pair: pair[0].published, reverse=True):
        name = _name(doc, n)
        href, path = f"./{doc.published:%Y%m}/{name}", f"{COLUMN}{doc.published:%Y%m}/{name}"
        page = detail_page(skin, doc, DetailOptions(name, None))
        w.add(path, page.encode(), modified=doc.published)
        rows.append((href, doc.title, doc.published.isoformat()))
        if doc.is_notice:
            w.notice(path, doc)
        else:
            w.non_notice(path, doc.title, doc.reason)
        if doc is fresh:
            w.change("new", path, "inserted", "a new notice at the top of page 1")
    pages = -(-len(rows) // PER_PAGE)
    for page in range(pages):
        name = "index.html" if page == 0 else f"index_{page}.html"
        chunk = rows[page * PER_PAGE : (page + 1) * PER_PAGE]
        body = list_page(skin, COLUMN, chunk, page, pages).encode()
        w.add(COLUMN + name, body, modified=LISTED[epoch])
        w.list_paths.append(COLUMN + name)
    w.alias(COLUMN, COLUMN + "index.html")
    w.start_paths.append(COLUMN)
    w.never_paths.append(f"{COLUMN}index_{pages}.html")
    return w


def build_etag_epoch1() -> SiteWriter:
    return build_epoch(ETAG, 1)


def build_etag_epoch2() -> SiteWriter:
    return build_epoch(ETAG, 2)


def build_plain_epoch1() -> SiteWriter:
    return build_epoch(PLAIN, 1)


def build_plain_epoch2() -> SiteWriter:
    return build_epoch(PLAIN, 2)
