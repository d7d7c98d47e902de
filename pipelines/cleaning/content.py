"""Locate the main content element: site selector, platform containers, then text density."""

from __future__ import annotations

import re

from cssselect import GenericTranslator, SelectorError
from lxml import etree, html

from pipelines.cleaning.heading import article_heading, before_heading
from pipelines.cleaning.prose import CN_PUNCT, prose_text

# Known platform containers, in priority order (inner editors before their wrappers).
CONTENT_SELECTORS = (
    ".TRS_Editor",  # TRS WCM, older editor
    ".TRS_UEDITOR",  # TRS WCM, newer editor
    "#UCAP-CONTENT",  # gov.cn / UCAP templates
    ".v_news_content",  # VSB inner body
    "#vsb_content, #vsb_content_2, #vsb_content_4, #vsb_content_502",  # VSB
    ".wzzw-article",  # Hanweb jpaas
    "#zoom",  # Hanweb, many TRS skins
    ".news_cont_d_wrap",  # NFCMS (Guangdong)
    ".gkmlpt-content, .article-content .content, .xxgk_content, .xxgk-content",  # gkmlpt / 公开目录
    "#dochtmlcon",  # TRS cmse-style
    ".pages_content",  # gov.cn wrappers
    "#NewsContent, .article-content, .article_content, .artcon, .con_text, .TRS_Editor_Content",
)
_SELECTOR_CACHE: dict[str, etree.XPath] = {}
_CSS = GenericTranslator()


class InvalidSelector(ValueError):
    """A site selector that is neither valid CSS nor valid XPath."""


def split_attribute(selector: str) -> tuple[str, str | None]:
    """`"meta[name=PubDate] @content"` -> ("meta[name=PubDate]", "content"), the seed syntax
    shared with the list rules; a plain selector has no attribute."""
    path, _, attribute = selector.partition(" @")
    return path.strip(), attribute.strip() or None


def priority_parts(selector: str) -> list[str]:
    """A CSS group `".TRS_Editor, #zoom"` as its parts, in order: in seeds, order is priority."""
    if selector.startswith(("/", "(")):
        return [selector]
    parts, depth, quote, start = [], 0, "", 0
    for i, char in enumerate(selector):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(selector[start:i].strip())
            start = i + 1
    parts.append(selector[start:].strip())
    return [p for p in parts if p]


def compile_selector(selector: str) -> etree.XPath:
    """CSS, or XPath when the selector starts with '/' or '('; a ` @attr` suffix is ignored
    here (see `split_attribute`); cached. Raises InvalidSelector naming the selector."""
    selector = split_attribute(selector)[0]
    if selector not in _SELECTOR_CACHE:
        try:
            xpath = selector if selector.startswith(("/", "(")) else _CSS.css_to_xpath(selector)
            _SELECTOR_CACHE[selector] = etree.XPath(xpath)
        except (SelectorError, etree.XPathError) as exc:
            raise InvalidSelector(f"invalid selector {selector!r}: {exc}") from exc
    return _SELECTOR_CACHE[selector]


def select(root: html.HtmlElement, selector: str) -> list[html.HtmlElement]:
    """Elements matching a CSS selector, or an XPath when the selector starts with '/' or '('
    (a ` @attr` suffix is ignored: the caller reads the attribute)."""
    try:
        found = compile_selector(selector)(root)
    except etree.XPathEvalError as exc:
        raise InvalidSelector(f"invalid selector {selector!r}: {exc}") from exc
    return [e for e in found if isinstance(e, html.HtmlElement)] if isinstance(found, list) else []


def text_length(el: html.HtmlElement) -> int:
    return len(re.sub(r"\s+", "", el.text_content()))


def between_markers(root: html.HtmlElement) -> html.HtmlElement | None:
    """Hanweb/TRS Zhejiang skins delimit the body by `<meta name=ContentStart/ContentEnd>`."""
    start = root.xpath('//meta[translate(@name,"CONTENTSAR","contentsar")="contentstart"]')
    end = root.xpath('//meta[translate(@name,"CONTENTEDN","contentedn")="contentend"]')
    if not start or not end or start[0].getparent() is not end[0].getparent():
        return None
    parent = start[0].getparent()
    siblings = list(parent)
    first, last = siblings.index(start[0]), siblings.index(end[0])
    if last <= first:
        return None
    wrapper = html.Element("div")
    wrapper.text = start[0].tail
    start[0].tail = None
    for node in siblings[first + 1 : last]:
        wrapper.append(node)  # moves the node; its tail goes with it
    start[0].addnext(wrapper)
    return wrapper


def by_selectors(root: html.HtmlElement, selectors: tuple[str, ...]) -> html.HtmlElement | None:
    """The largest non-empty match of the first selector that matches anything."""
    for selector in selectors:
        found = [e for e in select(root, selector) if text_length(e) or e.find(".//a") is not None]
        if found:
            return max(found, key=text_length)
    return None


def by_density(
    root: html.HtmlElement, excluded: frozenset[html.HtmlElement] = frozenset()
) -> tuple[html.HtmlElement, float] | None:
    """Readability-style: paragraphs vote for their container, half a vote for its parent.

    Returns the best element and its score. Elements inside chrome blocks (`excluded`) do not
    vote, so a long footer cannot win; nor do headings and meta lines, which are not prose.
    """
    scores: dict[html.HtmlElement, float] = {}
    data_tables: dict[html.HtmlElement, bool] = {}
    body = root.find("body")  # the <title> in <head> is not prose on the page
    for el in (body if body is not None else root).iter():
        if el in excluded:
            continue
        text = prose_text(el)
        if not text:
            continue
        weight = len(text) + 10 * len(CN_PUNCT.findall(text))
        target = el if el.tag in _CONTAINERS else el.getparent()
        if target is None:
            continue
        target = _outside_data_tables(target, data_tables)
        scores[target] = scores.get(target, 0.0) + weight
        parent = target.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0.0) + weight / 2
    if not scores:
        return None
    ranked = {e: score * (1 - _link_density(e)) for e, score in scores.items()}
    best = max(ranked, key=lambda e: ranked[e])
    return _with_prose_siblings(best, ranked), ranked[best]


def _with_prose_siblings(
    best: html.HtmlElement, ranked: dict[html.HtmlElement, float]
) -> html.HtmlElement:
    """A body split over sibling blocks (intro, main part, closing) is taken whole: the run of
    siblings from the first to the last one with real prose is wrapped in one element."""
    parent = best.getparent()
    if parent is None or best.tag in {"td", "th", "body"}:
        return best
    siblings = [c for c in parent if isinstance(c.tag, str)]
    threshold = SIBLING_SHARE * ranked[best]
    prose = [i for i, c in enumerate(siblings) if c is best or ranked.get(c, 0.0) >= threshold]
    first, last = prose[0], prose[-1]
    if first == last:
        return best
    wrapper = html.Element("div")
    siblings[first].addprevious(wrapper)
    for node in siblings[first : last + 1]:
        wrapper.append(node)  # moves the node with its tail, keeping document order
    return wrapper


SIBLING_SHARE = 0.2  # a sibling with a fifth of the best block's score is part of the body
MIN_PROSE_SCORE = 150  # about one real paragraph; below that a page has no body of its own
_CONTAINERS = frozenset(["div", "td", "article", "section", "body", "pre"])
_NOT_IN_DATA_TABLES = ("table", "div", "ul", "ol", "h1", "h2", "h3", "h4", "form")


def is_data_table(table: html.HtmlElement) -> bool:
    """Rows of cells holding only text: a problem/measure table, not a page layout table."""
    rows = table.xpath("./tr | ./tbody/tr | ./thead/tr")
    if len(rows) < 2 or not any(len(row.xpath("./td | ./th")) >= 2 for row in rows):
        return False
    return not any(d.tag in _NOT_IN_DATA_TABLES for d in table.iterdescendants())


def _outside_data_tables(
    el: html.HtmlElement, cache: dict[html.HtmlElement, bool]
) -> html.HtmlElement:
    """A cell of a data table votes for the block holding the table, as a paragraph would:
    otherwise one long cell of a notice's problem table outscores the whole notice."""
    lifted = el
    for ancestor in [el, *el.iterancestors()]:
        if ancestor.tag == "table" and ancestor.getparent() is not None:
            if ancestor not in cache:
                cache[ancestor] = is_data_table(ancestor)
            if cache[ancestor]:
                lifted = ancestor.getparent()
    return lifted


def _link_density(el: html.HtmlElement) -> float:
    total = text_length(el)
    if not total:
        return 1.0
    links = sum(text_length(a) for a in el.iter("a"))
    return min(links / total, 1.0)


def locate_content(
    root: html.HtmlElement,
    selector: str | None = None,
    excluded: frozenset[html.HtmlElement] = frozenset(),
) -> html.HtmlElement | None:
    """The element holding the notice body, or None when the page has no text at all."""
    if selector:
        found = by_selectors(root, tuple(priority_parts(split_attribute(selector)[0])))
        if found is not None:
            return found
    # lxml elements are falsy when childless, hence the explicit None checks.
    found = between_markers(root)
    if found is None:
        found = by_selectors(root, CONTENT_SELECTORS)
    if found is not None:
        return found
    scored = None
    heading = article_heading(root)
    if (
        heading is not None and heading not in excluded
    ):  # side columns before the article's heading do not vote
        scored = by_density(root, excluded | before_heading(root, heading))
    if scored is None:
        scored = by_density(root, excluded)
    # A platform container that is there but empty means no body (a VSB external-link article,
    # an attachment-only notice), unless real prose stands elsewhere on the page.
    empty = next((e for sel in CONTENT_SELECTORS for e in select(root, sel)), None)
    if empty is not None and (scored is None or scored[1] < MIN_PROSE_SCORE):
        return empty
    if scored is not None:
        return scored[0]
    # Too little prose to score: the whole body, its chrome removed later.
    body = root.find("body")
    return body if body is not None and text_length(body) else None
