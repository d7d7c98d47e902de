"""An lxml element -> text lines: one paragraph per line, table rows kept as rows."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree, html

from pipelines.common.chars import CJK_TEXT, SPACES
from pipelines.common.html_tags import UNRENDERED_TAGS

# Tags that end a line before and after them; everything else is inline.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "dd",
        "details",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
        "caption",
    ]
)
_CONTENT_MARK = "\u27e6CONTENT\u27e7"  # stands in for the content while the page around it is read
CELL_SEPARATOR = " | "  # how cells of a data-table row are joined on one line

_CJK = re.compile(f"[{CJK_TEXT}]")
_SPACE = re.compile(f"[{SPACES}]+")


_LAYOUT_TAGS = frozenset(["table", "div", "ul", "ol", "h1", "h2", "h3", "h4", "form", "section"])


def _tag(el: etree._Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _is_layout_row(row: html.HtmlElement) -> bool:
    # Old sites lay whole pages out in tables; a row holding tables, divisions, lists or
    # headings is layout, and its cells are read as blocks. Paragraphs alone do not count:
    # tables pasted from Word wrap every cell in a <p>.
    return any(_tag(d) in _LAYOUT_TAGS for d in row.iterdescendants())


def _text(text: str | None, pre: bool) -> str:
    # Source newlines are whitespace, except inside <pre>, where they break lines.
    if not text:
        return ""
    return text if pre else _SPACE.sub(" ", text)


def _walk(el: etree._Element, out: list[str], pre: bool) -> None:
    tag = _tag(el)
    if tag and tag not in UNRENDERED_TAGS:
        if tag == "br":
            out.append("\n")
        elif tag == "tr" and not _is_layout_row(el):
            cells = [c for c in el if _tag(c) in {"td", "th"}]
            texts = [" ".join(render_lines(c)) for c in cells]
            if any(texts):
                out.append("\n" + CELL_SEPARATOR.join(texts) + "\n")
        else:
            block = tag in BLOCK_TAGS
            inner_pre = pre or tag in {"pre", "textarea"}
            if block:
                out.append("\n")
            out.append(_text(el.text, inner_pre))
            for child in el:
                _walk(child, out, inner_pre)
            if block:
                out.append("\n")
    out.append(_text(el.tail, pre))


def render_lines(el: etree._Element) -> list[str]:
    """Visible text of an element as non-empty lines, whitespace collapsed."""
    out: list[str] = []
    pre = _tag(el) == "pre"
    if _tag(el) not in UNRENDERED_TAGS:
        out.append(_text(el.text, pre))
    for child in el:
        _walk(child, out, pre)
    lines = []
    for raw in "".join(out).split("\n"):
        # str.strip() drops what `\s` matches (U+3000 included) in one linear pass; a regex
        # anchored at the end retried every start inside a long inner run of spaces.
        line = _SPACE.sub(" ", raw).strip()
        if line:
            lines.append(line)
    return lines


def lines_around(
    root: html.HtmlElement, content: html.HtmlElement | None
) -> tuple[list[str], list[str]]:
    """Lines of the page before and after the content element (where its metadata is)."""
    if content is None or content.getparent() is None:
        return render_lines(root), []
    mark = html.Element("div")
    mark.text = _CONTENT_MARK
    mark.tail, content.tail = content.tail, None
    content.addprevious(mark)
    content.getparent().remove(content)
    lines = render_lines(root)
    mark.addprevious(content)
    content.tail, mark.tail = mark.tail, None
    mark.getparent().remove(mark)
    at = lines.index(_CONTENT_MARK) if _CONTENT_MARK in lines else len(lines)
    return lines[:at], lines[at + 1 :]


def join_lines(lines: Sequence[str]) -> str:
    """A heading broken by `<br>` as one line: Chinese joins without a space, other text with one."""
    joined = ""
    for line in lines:
        cjk = joined and _CJK.match(joined[-1]) and _CJK.match(line[0])
        joined += line if not joined or cjk else " " + line
    return joined
