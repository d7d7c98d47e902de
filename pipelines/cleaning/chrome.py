"""DOM-level chrome removal: navigation, toolbars, share widgets, counters, footers.

Rules are data, grouped by concept (in the manner of trafilatura's `xpaths.py`); order does not
matter here. Text-level remnants are handled afterwards by the shared vocabulary in `vocab.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree, html

from pipelines.cleaning.heading import article_heading, before_heading
from pipelines.cleaning.prose import MIN_ARTICLE_CLAUSES, PageProse
from pipelines.common.html_tags import NON_CONTENT_TAGS

# Substrings of an element's id/class that mark chrome. `zoom` alone is NOT one: `#zoom` is a
# content id on many government sites, so only the toolbar spellings are listed.
CHROME_ID_CLASS_TOKENS = (
    # navigation and breadcrumbs
    "nav", "menu", "breadcrumb", "crumb", "daohang",
    # share widgets, QR codes, 纠错
    "share", "bdshare", "bshare", "bds_", "qrcode", "erweima", "jiucuo", "_ideconac",
    # footers and side bars
    "foot", "dibu", "copyright", "banquan", "sidebar", "side-bar",
    # prev/next and related-article lists
    "prevnext", "prev-next", "pre-next", "updown", "related", "xgwz", "xgxx", "xgyd", "relevant",
    # accessibility and elder-care widgets, top bars
    "wza", "barrier", "accessib", "topbar", "top-bar",
)  # fmt: skip
# Tokens that also name wrappers around the article itself ("print-area", "article-header",
# "main-position"): such a block is chrome only if it does not hold most of the text.
AMBIGUOUS_ID_CLASS_TOKENS = (
    "location", "position", "weizhi", "print", "article-zoom", "zoom-tool", "font-size",
    "fontsize", "tool-bar", "toolbar", "tools", "header",
)  # fmt: skip
_CHROME_RE = re.compile("|".join(re.escape(t) for t in CHROME_ID_CLASS_TOKENS), re.IGNORECASE)
_AMBIGUOUS_RE = re.compile("|".join(re.escape(t) for t in AMBIGUOUS_ID_CLASS_TOKENS), re.IGNORECASE)
_NON_SPACE = re.compile(r"\S")
MIN_GUARDED_TEXT = 200  # below this a footer can outweigh a one-line body: no guard
MIN_LIST_LINKS = 3
LINK_LIST_DENSITY = 0.7  # share of a block's characters inside links
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def is_hidden(el: html.HtmlElement) -> bool:
    return bool(_HIDDEN_STYLE.search(el.get("style", ""))) or el.get("hidden") is not None


def _marker(el: html.HtmlElement) -> str:
    # Word's class names (MsoFootnoteText, MsoHeader) in pasted bodies are not page chrome.
    classes = " ".join(c for c in el.get("class", "").split() if not c.startswith("Mso"))
    return f"{el.get('id', '')} {classes}".strip()


def is_chrome(el: html.HtmlElement, page_text: int = 0) -> bool:
    """Hidden, or named as chrome by its id/class; an ambiguously named block is chrome only if
    it does not hold most of the `page_text` characters."""
    if is_hidden(el):
        return True
    marker = _marker(el)
    if not marker:
        return False
    if _CHROME_RE.search(marker):
        return True
    return bool(_AMBIGUOUS_RE.search(marker)) and not _holds_most_text(el, page_text)


def drop_scripts(root: html.HtmlElement) -> None:
    """Remove script-like subtrees (their text is never visible), keeping tails."""
    for el in list(root.iter(*NON_CONTENT_TAGS)):
        el.drop_tree()
    for el in list(root.iter(etree.Comment)):
        el.drop_tree()


def _visible_length(el: html.HtmlElement) -> int:
    return len(_NON_SPACE.findall(el.text_content()))


def _holds_most_text(el: html.HtmlElement, total: int) -> bool:
    # A "print-area" or "article-header" wrapper around the article itself is not chrome,
    # whatever its class says: a block holding most of the text is kept.
    return total >= MIN_GUARDED_TEXT and _visible_length(el) > total / 2


@dataclass(frozen=True, slots=True)
class _Wrappers:
    """Tells a chrome-named wrapper around the article (an accessibility wrapper, a container
    named like a menu or a header) from chrome, by where the page's prose is."""

    root: html.HtmlElement
    prose: PageProse
    named: frozenset[html.HtmlElement]
    before_heading: frozenset[html.HtmlElement] | None  # None: the article's heading is unknown

    def hold_the_article(self, el: html.HtmlElement) -> bool:
        """Removing `el` would lose most of the page's prose clauses, and `el` is where the
        article is: not wholly before its heading (a side column of 领导之窗 prose beside a
        one-line notice), or, with no heading known, a wrapper: every text outside it stands
        in other chrome blocks."""
        if self.prose.total < MIN_ARTICLE_CLAUSES:
            return False
        if 2 * self.prose.clauses_in(el) <= self.prose.total:
            return False
        if self.before_heading is not None:
            return el not in self.before_heading
        return not self._stray_text(el)

    def _stray_text(self, el: html.HtmlElement) -> bool:
        """Whether visible text stands outside `el` and outside the other chrome blocks."""
        inside, above = set(el.iter()), set(el.iterancestors())
        for node in self.root.xpath(".//text()"):
            holder = node.getparent()
            if node.is_tail:
                holder = holder.getparent()
            if holder is None or holder in inside or not node.strip():
                continue
            chain = [holder, *holder.iterancestors()]
            if not any(a in self.named and a not in above for a in chain):
                return True
        return False


def _named(root: html.HtmlElement, total: int) -> frozenset[html.HtmlElement]:
    return frozenset(el for el in root.iter() if isinstance(el.tag, str) and is_chrome(el, total))


def drop_chrome(root: html.HtmlElement, keep: frozenset[html.HtmlElement] = frozenset()) -> None:
    """Remove hidden and chrome-named subtrees, but never one that is or holds a `keep` node,
    nor one holding most of the text (ambiguous names) or the article's prose (any name)."""
    protected: set[html.HtmlElement] = set()
    for el in keep:
        protected.add(el)
        protected.update(el.iterancestors())
    total = _visible_length(root)
    named = _named(root, total)
    if not named:
        return
    wrappers = _Wrappers(root, PageProse.of(root), named, None)
    for el in [e for e in root.iter() if e in named]:
        if el in protected or el.getparent() is None:
            continue
        if not wrappers.hold_the_article(el):
            el.drop_tree()


def chrome_subtrees(
    root: html.HtmlElement, prose: PageProse | None = None
) -> frozenset[html.HtmlElement]:
    """Every element inside a hidden or chrome-named block (for scoring, not for deletion),
    except the blocks that hold the article's prose (`prose`: the page's, computed when not
    given): chrome never removes the article."""
    found: set[html.HtmlElement] = set()
    body = root.find("body")
    page = body if body is not None else root
    named = _named(root, _visible_length(page))
    if not named:
        return frozenset()
    heading = article_heading(root)
    before = before_heading(root, heading) if heading is not None else None
    wrappers = _Wrappers(page, prose or PageProse.of(page), named, before)
    for el in root.iter():
        if el in named and el not in found and not wrappers.hold_the_article(el):
            found.update(el.iter())
    return frozenset(found)


def drop_link_lists(root: html.HtmlElement) -> None:
    """Remove blocks that are mostly links (related-article lists, 上一篇/下一篇 boxes, tag
    clouds) from inside a body: notices are prose, and their attachment links are gone by now."""
    total = _visible_length(root)
    for el in list(root.iter("ul", "ol", "dl", "div", "table", "p")):
        if el.getparent() is None or el is root:
            continue
        anchors = el.findall(".//a")
        if len(anchors) < MIN_LIST_LINKS:
            continue
        length = _visible_length(el)
        linked = sum(_visible_length(a) for a in anchors)
        if length and linked / length >= LINK_LIST_DENSITY and not _holds_most_text(el, total):
            el.drop_tree()
