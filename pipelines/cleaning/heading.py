"""The article's own heading: where the article starts, for locating its body and attachments.

Side columns (最新动态, 本会简介, 领导之窗) often come before the article in the page, and their
prose can outweigh a one-sentence notice; whatever stands before the article's heading (and is
not around it) is not the article.
"""

from __future__ import annotations

import re

from lxml import html

_MARKED = re.compile(r"tit|biaoti", re.IGNORECASE)  # title, tit, art-title, biaoti
_HEADINGS = ("h1", "h2", "h3", "h4")
_SPACES = re.compile(r"\s+")
MIN_TITLE = 6  # shorter texts (site names, 通知公告) prove nothing
TITLE_SHARE = 0.4


def _squash(text: str) -> str:
    return _SPACES.sub("", text)


def _page_titles(root: html.HtmlElement) -> tuple[str, str]:
    """(`<meta name=ArticleTitle>`, `<title>`) squashed."""
    article = ""
    for meta in root.iter("meta"):
        if (meta.get("name") or "").lower() == "articletitle":
            article = _squash(meta.get("content") or "")
            break
    tag = root.find(".//title")
    return article, _squash(tag.text_content()) if tag is not None else ""


def _titles(text: str, page_title: str) -> bool:
    # Most of `<title>`, not just its site-name part: a `某市纪委监委网站` block in a page
    # footer must not pass for the heading of `关于…的通报_某市纪委监委网站`.
    return text in page_title and len(text) >= TITLE_SHARE * len(page_title)


def article_heading(root: html.HtmlElement) -> html.HtmlElement | None:
    """The heading (h1–h4, or a block named *title*) whose text is the page's ArticleTitle or
    stands in its `<title>`; the longest such, since site names are shorter than titles."""
    article, page_title = _page_titles(root)
    if not article and not page_title:
        return None
    body = root.find("body")
    best: tuple[int, html.HtmlElement] | None = None
    for el in (body if body is not None else root).iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag not in _HEADINGS and not _MARKED.search(
            f"{el.get('id', '')} {el.get('class', '')}"
        ):
            continue
        if el.xpath("ancestor::a or ancestor::li"):  # a list of other articles
            continue
        text = _squash(el.text_content())
        if len(text) < MIN_TITLE or not (text == article or _titles(text, page_title)):
            continue
        if best is None or len(text) > best[0]:
            best = (len(text), el)
    return best[1] if best else None


def before_heading(
    root: html.HtmlElement, heading: html.HtmlElement
) -> frozenset[html.HtmlElement]:
    """Elements wholly before the heading in document order (not its ancestors)."""
    around = set(heading.iterancestors())
    found: set[html.HtmlElement] = set()
    for el in root.iter():
        if el is heading:
            break
        if el not in around:
            found.add(el)
    return frozenset(found)


def common_ancestor(a: html.HtmlElement, b: html.HtmlElement) -> html.HtmlElement | None:
    """The nearest element holding both (either may hold the other)."""
    above_a = {a, *a.iterancestors()}
    return next((el for el in [b, *b.iterancestors()] if el in above_a), None)
