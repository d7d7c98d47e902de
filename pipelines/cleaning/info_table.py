"""信息公开 metadata tables (索引号, 发布机构, 成文日期, 发布日期, 主题分类, 文号 …): read into the
page's metadata and taken out of the page, so they are never body text.

A table is a block (a `<table>`, a list, a `<div>`) whose texts name at least `MIN_LABELS`
labels of `vocab.INFO_LABELS`, the innermost such block; a label's value is the rest of its
cell (`索引号：123`) or the next text (`<th>索引号：</th><td>123</td>`).
"""

from __future__ import annotations

import re

from lxml import html

from pipelines.cleaning.vocab import INFO_LABELS

MIN_LABELS = 3
MAX_VALUE = 80  # longer texts after a label are prose, not a field
_NO_VALUE = frozenset(["无", "暂无", "—", "-", "/"])  # `文号：无` states there is none
_BLOCKS = ("table", "tbody", "ul", "ol", "dl", "div", "section")
_LABELS = sorted(INFO_LABELS, key=len, reverse=True)
# A label opening a text, or one inside it after a space (`索引号：1 分类：巡察`), with its colon;
# a text that is the bare label (`<th>索引号</th>`) is one too.
_LABEL = re.compile(r"(?:^|(?<=\s))(" + "|".join(_LABELS) + r")\s*(?:[:：]|$)")


def _pairs(texts: list[str]) -> list[tuple[str, str]]:
    """(label, value) in order; a label whose value is empty is kept with ''."""
    pairs: list[tuple[str, str]] = []
    pending: str | None = None
    for text in texts:
        hits = list(_LABEL.finditer(text))
        if not hits or hits[0].start() > 0:
            if pending is not None:
                pairs.append((pending, text))
                pending = None
            continue
        if pending is not None:
            pairs.append((pending, ""))
        for hit, after in zip(hits, [*hits[1:], None], strict=True):
            value = text[hit.end() : after.start() if after else len(text)].strip()
            pending = None if value else hit.group(1)
            if value:
                pairs.append((hit.group(1), value))
    if pending is not None:
        pairs.append((pending, ""))
    return pairs


def _texts(el: html.HtmlElement) -> list[str]:
    return [" ".join(t.split()) for t in el.itertext() if t.strip()]


def _is_info_table(el: html.HtmlElement) -> bool:
    labels = {label for label, value in _pairs(_texts(el)) if len(value) <= MAX_VALUE}
    return len(labels) >= MIN_LABELS


def _candidates(root: html.HtmlElement) -> list[html.HtmlElement]:
    """Blocks above texts naming `MIN_LABELS` labels (one pass over the text nodes)."""
    labels: dict[html.HtmlElement, set[str]] = {}
    for node in root.xpath(".//text()"):
        named = {hit.group(1) for hit in _LABEL.finditer(" ".join(node.split()))}
        if not named:
            continue
        holder = node.getparent()
        for el in [holder, *holder.iterancestors()]:
            if el.tag in _BLOCKS:
                labels.setdefault(el, set()).update(named)
    return [el for el, found in labels.items() if len(found) >= MIN_LABELS]


def take_info_tables(root: html.HtmlElement) -> dict[str, str]:
    """The PageMeta fields the page's info tables state (first value of each field kept), the
    tables removed from the tree (their tails stay)."""
    found = [el for el in _candidates(root) if _is_info_table(el)]
    innermost = [
        el for el in found if not any(o is not el and el in o.iterancestors() for o in found)
    ]
    fields: dict[str, str] = {}
    for table in innermost:
        for label, value in _pairs(_texts(table)):
            field = INFO_LABELS[label]
            if field and value and value not in _NO_VALUE and field not in fields:
                fields[field] = value
        table.drop_tree()
    return fields
