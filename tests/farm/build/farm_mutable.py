"""Farm site G `farm-mutable`: a JEECMS district site whose content changes between crawls.

Epoch 1 is the first crawl; epoch 2 edits, deletes, inserts and moves items, so a second crawl
must report updated / unchanged / gone / moved notices exactly as the truth's `changes` say."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from html import escape

from tests.farm.build.content import Doc, body_html, generated_notices, news_items
from tests.farm.build.farm_waf import RUISHU
from tests.farm.build.files import make_pdf
from tests.farm.build.writer import Attachment, SiteWriter

HOST = "127.0.0.17"
SITE_NAME = "中共东湖区委"
PER_PAGE = 10
EDITED = date(2023, 8, 2)
MOVED_TO = "/xcgk/zgtb/4530.jhtml"
ATTACHMENT_URL = "/u/cms/www/202306/19093012k3vd.pdf"


def _page(title: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(title)}-{SITE_NAME}</title>
<link href="/r/cms/www/red/css/style.css" rel="stylesheet"><script src="/r/cms/www/red/js/jquery.js"></script></head>
<body><div class="top">{SITE_NAME}门户网站 <a href="javascript:void(0)">无障碍浏览</a> <a href="javascript:void(0)">长者模式</a></div>
<div class="nav"><a href="/">首页</a> <a href="/xwzx/index.jhtml">新闻中心</a> <a href="/xcgk/index.jhtml">巡察公开</a> <a href="/zwgk/index.jhtml">政务公开</a></div>
{body}
<div class="footer">主办：{SITE_NAME}办公室　承办：东湖区融媒体中心　版权所有　鄂ICP备12003456号　鄂公网安备 42010602000456号　网站标识码：4201060001<br>
技术支持：金磊科技 JEECMS</div>
</body></html>
"""


def _list(rows: list[tuple[str, str, str, bool]], page: int, pages: int) -> str:
    top = '<i class="top">置顶</i>'
    items = "\n".join(
        f'<li>{top if sticky else ""}<a href="{href}" title="{escape(t)}">{escape(t)}</a>'
        f"<span>{d}</span></li>"
        for href, t, d, sticky in rows
    )
    links = []
    for n in range(1, pages + 1):
        name = "index.jhtml" if n == 1 else f"index_{n}.jhtml"
        links.append(f"<span>{n}</span>" if n == page else f'<a href="{name}">{n}</a>')
    if page < pages:
        links.append(f'<a href="index_{page + 1}.jhtml">下一页</a>')
    body = f"""<div class="location">当前位置：<a href="/">首页</a> &gt; 巡察公开</div>
<div class="list"><ul class="news-list">
{items}
</ul><div class="pagination">{" ".join(links)}</div></div>"""
    return _page("巡察公开", body)


def _detail(doc: Doc, views: int, updated: date | None, atts: list[Attachment]) -> str:
    paras = body_html(doc, lambda p: f"<p>{escape(p)}</p>")
    att_html = "".join(f'<p>附件：<a href="{a.url}">{escape(a.name)}</a></p>' for a in atts)
    update = f"　更新时间：{updated.isoformat()}" if updated else ""
    body = f"""<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/xcgk/index.jhtml">巡察公开</a> &gt; 正文</div>
<div class="article"><h1>{escape(doc.title)}</h1>
<div class="info">发布时间：{doc.published.isoformat()}　来源：{escape(doc.source or "")}{update}　浏览量：<span id="views">{views}</span></div>
<div class="article-content">
{paras}
{att_html}</div>
<div class="tools"><a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></div></div>"""
    return _page(doc.title, body)


@dataclass(frozen=True)
class Cases:
    """The notices that change in epoch 2, one per change a re-crawl must tell apart."""

    edit_body: Doc
    edit_title: Doc
    new_attachment: Doc
    cosmetic: Doc
    hard: Doc
    soft: Doc
    dangling: Doc
    moved: Doc
    fresh: Doc  # only in epoch 2
    delisted: Doc  # epoch 2: off every list, its page unchanged
    challenged: Doc  # epoch 2: still listed, its page a WAF challenge (not a removal)


def _content() -> tuple[Doc, Cases, list[Doc]]:
    sticky = Doc(
        title="东湖区委巡察工作领导小组办公室职能简介",
        published=date(2021, 3, 8),
        paragraphs=["区委巡察工作领导小组办公室负责区委巡察工作的统筹协调、指导督导和服务保障。"],
        is_notice=False,
        reason="guide",
    )
    notices = generated_notices(71, 11, date(2023, 1, 6))
    news = news_items(72, 4, date(2023, 1, 12), "东湖街道党工委")
    for doc in [*notices, *news]:
        doc.source = "区委巡察办"
    return sticky, Cases(*notices), news


def _attachment(version: int) -> Attachment:
    lines = ["整改台账", f"第{version}版：问题清单、整改措施、责任单位、完成时限"]
    return Attachment(
        url=ATTACHMENT_URL,
        name="整改台账.pdf",
        ext="pdf",
        body=make_pdf(lines),
        content_type="application/pdf",
        text_snippet=f"第{version}版",
    )


def build_epoch(epoch: int) -> SiteWriter:
    w = SiteWriter("farm-mutable", SITE_NAME, "generic", HOST, epoch=epoch)
    w.robots()
    sticky, cases, news = _content()
    old = [cases.edit_body, cases.edit_title, cases.new_attachment, cases.cosmetic, cases.hard]
    old += [cases.soft, cases.dangling, cases.moved]
    later = [cases.delisted, cases.challenged]  # added after the first cases: paths 4508, 4507
    paths = {id(d): f"/xcgk/{4521 - k}.jhtml" for k, d in enumerate([*old, *news, *later])}
    old += later
    paths[id(sticky)] = "/xcgk/4400.jhtml"
    paths[id(cases.fresh)] = "/xcgk/4529.jhtml"
    moved_from = paths[id(cases.moved)]
    listed = [*old, *news]
    if epoch == 2:
        paths[id(cases.moved)] = MOVED_TO
        listed = [d for d in listed if d not in (cases.hard, cases.soft, cases.delisted)]
        listed.append(cases.fresh)
        w.add(moved_from, b"", content_type=None, status=301, headers=[("Location", MOVED_TO)])
    for doc in [sticky, *old, *news, *([cases.fresh] if epoch == 2 else [])]:
        _add(w, epoch, doc, paths[id(doc)], cases)
    rows_docs = [sticky, *sorted(listed, key=lambda d: d.published, reverse=True)]
    rows = [(paths[id(d)], d.title, d.published.isoformat(), d is sticky) for d in rows_docs]
    pages = -(-len(rows) // PER_PAGE)
    for n in range(1, pages + 1):
        name = "/xcgk/index.jhtml" if n == 1 else f"/xcgk/index_{n}.jhtml"
        chunk = rows[(n - 1) * PER_PAGE : n * PER_PAGE]
        modified = date(2023, 7, 1) if epoch == 1 else EDITED
        w.add(name, _list(chunk, n, pages).encode(), modified=modified)
        w.list_paths.append(name)
    w.start_paths.append("/xcgk/index.jhtml")
    w.never_paths.append(f"/xcgk/index_{pages + 1}.jhtml")
    if epoch == 2:
        _changes(w, cases, paths, moved_from)
    return w


def _add(w: SiteWriter, epoch: int, doc: Doc, url: str, cases: Cases) -> None:
    """Render one detail page as it is in `epoch`, with its truth."""
    views, updated, modified = 1000 + len(doc.title), None, doc.published
    atts: list[Attachment] = []
    shown = doc
    if doc is cases.new_attachment:
        atts = [_attachment(epoch)]
        w.attachment(atts[0])
    if epoch == 2:
        if doc is cases.edit_body:
            extra = "（2023年8月补充）截至7月底，上述整改任务已全部完成，相关制度已印发执行。"
            shown = replace(doc, paragraphs=[*doc.paragraphs[:-2], extra, *doc.paragraphs[-2:]])
            updated = modified = EDITED
        elif doc is cases.edit_title:
            shown = replace(doc, title=doc.title + "（更正）")
            updated = modified = EDITED
        elif doc is cases.new_attachment:
            modified = EDITED
        elif doc is cases.cosmetic:
            views += 77
        elif doc is cases.hard or doc is cases.dangling:
            body = (
                "<html><head><title>404</title></head><body><p>对不起，您访问的页面不存在</p>"
                "<script>setTimeout(function(){location.href='/'},3000)</script></body></html>"
            )
            w.add(url, body.encode(), status=404)
            return
        elif doc is cases.soft:
            w.add(url, _page("提示信息", "<p>该信息已删除</p>").encode(), modified=EDITED)
            return
        elif doc is cases.challenged:
            w.add(url, RUISHU.encode(), modified=EDITED)
            return
    w.add(url, _detail(shown, views, updated, atts).encode(), modified=modified)
    if epoch == 2 and doc is cases.delisted:
        return  # stored before, served still, listed nowhere: no target of a crawl of epoch 2
    if shown.is_notice:
        w.notice(url, shown, attachments=atts)
    else:
        w.non_notice(url, shown.title, shown.reason)


def _changes(w: SiteWriter, cases: Cases, paths: dict[int, str], moved_from: str) -> None:
    for case, doc, expect, note in [
        ("edit_body", cases.edit_body, "updated", "a paragraph added, 更新时间 in the meta line"),
        ("edit_title", cases.edit_title, "updated", "（更正） appended to the title"),
        ("replace_attachment", cases.new_attachment, "updated", "same URL and name, new PDF"),
        ("cosmetic", cases.cosmetic, "unchanged", "only the view counter changed"),
        ("hard_delete", cases.hard, "gone", "404 with a JS redirect home; no longer listed"),
        ("soft_delete", cases.soft, "gone", "200 page saying 该信息已删除; no longer listed"),
        ("dangling", cases.dangling, "gone", "still listed, the detail answers 404"),
        ("new", cases.fresh, "inserted", "new item on page 1"),
        ("delisted", cases.delisted, "delisted", "no longer listed; its page unchanged"),
        ("challenged", cases.challenged, "unchanged", "still listed; answers a WAF challenge"),
    ]:
        w.change(case, paths[id(doc)], expect, note)
    w.change(
        "moved", moved_from, "moved", f"301 to {MOVED_TO}: the same notice, same title and date"
    )
    w.block(paths[id(cases.hard)], 404, "gone")
    w.block(paths[id(cases.soft)], 200, "soft_404")
    w.block(paths[id(cases.dangling)], 404, "gone")
    w.block(paths[id(cases.challenged)], 200, "js_challenge")


def build_epoch1() -> SiteWriter:
    return build_epoch(1)


def build_epoch2() -> SiteWriter:
    return build_epoch(2)
