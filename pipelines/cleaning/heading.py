"""The article's own heading: where the article starts, for locating its body and attachments.

Side columns (最新动态, 本会简介, 领导之窗) often come before the article in the page, and their
prose can outweigh a one-sentence notice; whatever stands before the article's heading (and is
not around it) is not the article.
"""

from __future__ import annotations

import re

from lxml import html

from pipelines.cleaning.prose import BARE_DATES
from pipelines.cleaning.vocab import META_LABELS

_MARKED = re.compile(r"tit|biaoti", re.IGNORECASE)  # title, tit, art-title, biaoti
_HEADINGS = ("h1", "h2", "h3", "h4")
_SPACES = re.compile(r"\s+")
MIN_TITLE = 6  # shorter texts (site names, 通知公告) prove nothing
TITLE_SHARE = 0.4
# Where a meta line glued onto a title starts (`关于…的通报发布时间：2024-01-22 来源：…`): the
# first meta label with its colon.
_GLUED_META = re.compile(
    "(?:" + "|".join(sorted(META_LABELS, key=len, reverse=True)) + r")\s*[:：]"
)
_TRAILING_DATE = re.compile(rf"\s*(?:{BARE_DATES.pattern})\s*$")


def _squash(text: str) -> str:
    return _SPACES.sub("", text)


def heading_text(text: str) -> str:
    """A title block's text without the meta line it holds (date, 来源, 点击 inside an `h1`, or
    a `[2024-01-22]` after the title); the text itself when it holds none."""
    found = _GLUED_META.search(text)
    title = text[: found.start()] if found and found.start() else text
    return _TRAILING_DATE.sub("", title).strip() or text


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
        text = _squash(heading_text(el.text_content()))
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
