"""Page cleaning: raw page bytes -> clean notice text, page metadata and attachment links.

`clean_html(body)` works with no other argument; the URL resolves attachment links, the header
charset and per-site `SiteCleanRules` only sharpen the result. Stages, one module each:
decode -> scripts (document.write) -> meta -> content -> chrome -> attachments -> render -> the
shared text-level vocabulary (`text.clean_text`) as the last pass.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace

from lxml import etree, html

from pipelines.cleaning.attachments import (
    attachment_anchors,
    collect_attachments,
    script_anchors,
)
from pipelines.cleaning.body import clean_lines, title_above_meta_line
from pipelines.cleaning.chrome import chrome_subtrees, drop_chrome, drop_link_lists, drop_scripts
from pipelines.cleaning.content import locate_content
from pipelines.cleaning.heading import article_heading, common_ancestor
from pipelines.cleaning.info_table import take_info_tables
from pipelines.cleaning.meta import extract_meta, glued_meta, lone_date, title_from_tag
from pipelines.cleaning.prose import PageProse
from pipelines.cleaning.render import BLOCK_TAGS, lines_around, render_lines
from pipelines.cleaning.scripts import document_writes
from pipelines.cleaning.site_rules import SiteCleanRules
from pipelines.cleaning.text import clean_text
from pipelines.common.cleaned import EMPTY_BODY, AttachmentLink, CleanedPage, PageMeta
from pipelines.common.decoding import decode_html
from pipelines.common.limits import MAX_PAGE_ELEMENTS

__all__ = ["SiteCleanRules", "clean_html", "clean_text"]

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
ARTICLE_REGION_LEVELS = 2  # the body's grandparent holds its attachment list
NEAR_EMPTY_BODY = 20  # non-space characters: fewer from a page holding an article is a failure
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # lxml rejects them


# Tags kept when a page nests deeper than libxml2 can follow: none of them nests in itself.
_FLAT_KEEP = frozenset(
    ["html", "head", "title", "meta", "body", "p", "br", "a", "img", "script", "style"]
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
_BREAKS = re.compile(r"<br>(?:\s*+<br>)+")


def _flatten(text: str) -> str:
    """The page with every tag but `_FLAT_KEEP` removed, block tags turned into line breaks."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(2).lower()
        if name in _FLAT_KEEP:
            return match.group(0)
        return "<br>" if name in BLOCK_TAGS else ""

    # A run of line breaks renders as one (empty lines are dropped): one element, not thousands.
    return _BREAKS.sub("<br>", _TAG.sub(replace, text))


def _parse(text: str) -> tuple[html.HtmlElement, bool]:
    """The tree, and whether libxml2 stopped at its depth limit of 256 levels (it drops the
    rest). Not raised with `huge_tree`: the cleaner's tree walks recurse, and no real page
    nests that deep."""
    parser = html.HTMLParser()
    root = html.document_fromstring(text, parser=parser)
    too_deep = any("depth" in error.message.lower() for error in parser.error_log)
    return root, too_deep


def parse_page(text: str) -> html.HtmlElement | None:
    """Parse decoded HTML; None for a page with nothing in it. A page nested too deep for
    libxml2 (which would silently lose everything from the limit on) is parsed flattened."""
    text = _XML_DECLARATION.sub("", text)  # lxml refuses str input with an encoding declaration
    text = _CONTROL_CHARS.sub("", text)
    if not text.strip():
        return None
    try:
        root, too_deep = _parse(text)
        if too_deep:
            root, _ = _parse(_flatten(text))
        return root
    except (etree.ParserError, ValueError):
        return None


def expand_document_writes(root: html.HtmlElement) -> list[str]:
    """Put what inline scripts write where the script stands; return all script texts."""
    scripts: list[str] = []
    for script in list(root.iter("script")):
        source = script.text or ""
        scripts.append(source)
        written = "".join(document_writes(source))
        if not written.strip():
            continue
        try:
            fragment = html.fragment_fromstring(written, create_parent="span")
        except (etree.ParserError, ValueError):
            continue
        fragment.tail, script.tail = script.tail, None
        script.addnext(fragment)
    return scripts


def article_region(
    root: html.HtmlElement,
    content: html.HtmlElement | None,
    heading: html.HtmlElement | None = None,
) -> html.HtmlElement:
    """Where a page's attachment links sit: around the body (VSB and gkmlpt list them just
    after it), not in side bars, whose 相关下载 belong to other pages. When the article's
    heading is known, the block holding heading and body is the article (table layouts put
    the attachment row a few rows below the body)."""
    region = content
    for _ in range(ARTICLE_REGION_LEVELS):
        if region is None or region.getparent() is None or region.getparent().tag == "html":
            break
        region = region.getparent()
    if region is None:
        return root
    if heading is not None and content is not None:
        article = common_ancestor(heading, content)
        if (
            article is not None
            and article.tag not in {"body", "html"}
            and region in set(article.iterdescendants())
        ):
            return article
    return region


def _merge_meta(first: PageMeta, fallback: PageMeta) -> PageMeta:
    """Each field from `first`, else from `fallback`."""
    return PageMeta(
        **{f.name: getattr(first, f.name) or getattr(fallback, f.name) for f in fields(PageMeta)}
    )


def _oversized(root: html.HtmlElement, encoding: str) -> CleanedPage:
    """A page larger than any notice page: its visible text as it stands, one text node a line,
    without locating a body (the parser classifies text that long without parsing it)."""
    drop_scripts(root)
    body = root.find("body")
    lines = (t.strip() for t in (root if body is None else body).itertext())
    meta = PageMeta(title=title_from_tag(root))
    return CleanedPage(text="\n".join(line for line in lines if line), meta=meta, encoding=encoding)


def clean_html(
    body: bytes,
    *,
    url: str | None = None,
    declared_encoding: str | None = None,
    rules: SiteCleanRules | None = None,
) -> CleanedPage:
    """Clean one page. Never raises on bad bytes: an unreadable page gives an empty CleanedPage."""
    rules = rules or SiteCleanRules()
    text, encoding = decode_html(
        body, declared_encoding=declared_encoding, forced_encoding=rules.encoding
    )
    root = parse_page(text)
    if root is None:
        return CleanedPage(text="", encoding=encoding)
    if root.xpath("count(//*)") > MAX_PAGE_ELEMENTS:
        return _oversized(root, encoding)

    scripts = expand_document_writes(root)
    drop_scripts(root)
    info = PageMeta(**take_info_tables(root))
    page_body = root.find("body")
    prose = PageProse.of(root if page_body is None else page_body)
    article = prose.is_article
    excluded = chrome_subtrees(root, prose)
    content = locate_content(root, rules.content_selector, excluded)
    header, footer = lines_around(root, content)
    meta = extract_meta(root, content, header, rules, footer, info)

    region = article_region(root, content, article_heading(root))
    anchors = [a for a in attachment_anchors(region) if a not in excluded]
    attachments = collect_attachments([*anchors, *script_anchors(scripts)], url)
    if content is None:
        meta = replace(meta, title=meta.title or title_from_tag(root))
        failure = _failure("", attachments, article)
        return CleanedPage(
            text="", meta=meta, attachments=attachments, encoding=encoding, failure=failure
        )

    # Attachment links become AttachmentLinks, not body lines.
    for anchor in attachment_anchors(content):
        anchor.drop_tree()
    drop_chrome(content)
    drop_link_lists(content)
    lines = clean_lines(render_lines(content), meta.title, rules.extra_chrome)
    if lines and (glued := glued_meta(lines[0], meta.title)):
        lines.pop(0)  # the title with its meta line, opening the body: metadata, not text
        meta = _merge_meta(meta, glued)
    title_line = title_above_meta_line(lines)

    # Last pass: the shared text-level vocabulary (remnant lines, trailing file names).
    flattened = clean_text("\n".join(lines))
    body_lines = [line for line in flattened.text.split("\n") if line.strip()]
    if title_line and body_lines and body_lines[0] == title_line:
        # A flattened page: its title is the body's first line, the page <title> a site name.
        body_lines.pop(0)
        meta = replace(meta, title=meta.title or title_line)
    if len(body_lines) > 1 and (opening_date := lone_date(body_lines[0])):
        # A lone date opening the body is the date line under the title, not the notice's text.
        body_lines.pop(0)
        meta = replace(meta, published=meta.published or opening_date)
    meta = _merge_meta(meta, flattened.meta)
    if meta.title is None:
        meta = replace(meta, title=title_from_tag(root))
    known = {a.name for a in attachments}
    extra = tuple(a for a in flattened.attachments if a.name not in known)
    body_text = "\n".join(body_lines)
    attachments += extra
    return CleanedPage(
        text=body_text,
        meta=meta,
        attachments=attachments,
        encoding=encoding,
        failure=_failure(body_text, attachments, article),
    )


def _failure(text: str, attachments: tuple[AttachmentLink, ...], article: bool) -> str | None:
    """EMPTY_BODY when the page holds an article's worth of prose and the body is (nearly)
    empty. A page listing attachments may have nothing else: its notice is the attachment."""
    if article and not attachments and len("".join(text.split())) < NEAR_EMPTY_BODY:
        return EMPTY_BODY
    return None
