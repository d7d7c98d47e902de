"""What counts as a page's prose: the text that votes for the body and that chrome removal
must not lose.

A block's own text (not its nested blocks, not its links) is prose unless it is a meta line, a
chrome line, a bare date or a footer line. Sentence punctuation measures how much of an article
a block holds: navigation, footers and date columns carry almost none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html

from pipelines.cleaning.render import BLOCK_TAGS
from pipelines.cleaning.text import is_chrome_line, parse_meta_line

# Sentence punctuation marks prose; colons are left out because labels (日期：来源：) use them.
CN_PUNCT = re.compile(r"[，。；、！？]")
_FOOTER_MARKS = re.compile(
    r"ICP\s*备|公网安备|版权所有|网站标识码|技术支持\s*[:：]|Copyright|©|主办(?:单位)?\s*[:：]",
    re.IGNORECASE,
)
# `2024年10月30日 星期三 来源：办公室`: a meta line opening with its date, label-less.
_DATED_META_LINE = re.compile(
    r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[^，。；]{0,20}?(?:来源|作者|浏览|点击|阅读)[:：]"
)
BARE_DATES = re.compile(r"(?:[\[【(（]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\]】)）]?)+")
MIN_PROSE_BLOCK = 10  # shorter own texts (labels, buttons) prove nothing
# An article's worth of prose: a page with fewer clauses (sentence punctuation) or characters
# has no article a chrome-named wrapper could be hiding, and a short notice's side box is none.
MIN_ARTICLE_CLAUSES = 8
MIN_ARTICLE_CHARS = 200
# Headings are the article's title, not its prose; link texts are titles of other pages;
# `<html>` would count its `<body>` (not a block tag) as its own text.
NOT_PROSE_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6", "a", "html", "head"])


def own_text(el: html.HtmlElement) -> str:
    """Text directly in an element and its inline non-link children (not nested blocks)."""
    parts = [el.text or ""]
    for child in el:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag and tag not in BLOCK_TAGS and tag != "a":
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return re.sub(r"\s+", "", "".join(parts))


def is_prose(text: str) -> bool:
    """Whether a block's own text may vote for its container: meta lines, chrome lines
    (breadcrumbs, toolbars), bare dates (the date column of a side list) and footer lines
    (ICP备, 版权所有) are not prose, so none of them can outvote a one-sentence notice."""
    return (
        parse_meta_line(text) is None
        and not is_chrome_line(text)
        and not _FOOTER_MARKS.search(text)
        and not BARE_DATES.fullmatch(text)
        and not _DATED_META_LINE.match(text)
    )


def prose_text(el: html.HtmlElement) -> str | None:
    """The element's own text when it is prose (at least a short clause), else None."""
    if not isinstance(el.tag, str) or el.tag in NOT_PROSE_TAGS:
        return None
    text = own_text(el)
    return text if len(text) >= MIN_PROSE_BLOCK and is_prose(text) else None


@dataclass(frozen=True, slots=True)
class PageProse:
    """Where a page's prose is: each element's own prose clauses (sentence punctuation), for
    the elements with any, and how much prose the page holds in all."""

    clauses: dict[html.HtmlElement, int]
    total: int  # clauses
    chars: int

    @classmethod
    def of(cls, root: html.HtmlElement) -> PageProse:
        clauses: dict[html.HtmlElement, int] = {}
        chars = 0
        for el in root.iter():
            text = prose_text(el)
            if text:
                chars += len(text)
                marks = len(CN_PUNCT.findall(text))
                if marks:
                    clauses[el] = marks
        return cls(clauses, sum(clauses.values()), chars)

    @property
    def is_article(self) -> bool:
        """The page's prose adds up to an article's worth of text."""
        return self.total >= MIN_ARTICLE_CLAUSES and self.chars >= MIN_ARTICLE_CHARS

    def clauses_in(self, el: html.HtmlElement) -> int:
        return sum(self.clauses.get(d, 0) for d in el.iter())
