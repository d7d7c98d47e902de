"""Attachment links: 附件 anchors, office/PDF/OFD files, download endpoints, script-written links."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree, html

from pipelines.cleaning.scripts import string_literals
from pipelines.page import AttachmentLink

ATTACHMENT_EXTENSIONS = (
    "pdf", "doc", "docx", "wps", "xls", "xlsx", "et", "ofd", "ppt", "pptx", "dps", "zip", "rar",
    "7z", "txt", "csv",
)  # fmt: skip
# Download endpoints whose URLs carry no extension (the name is only in the anchor text).
DOWNLOAD_ENDPOINTS = (
    "downfile.jsp",  # Hanweb
    "download.jsp",  # VSB
    "downloadattachurl",  # VSB urltype
    "downloadfile",
)
_EXT_RE = re.compile(rf"\.({'|'.join(ATTACHMENT_EXTENSIONS)})$", re.IGNORECASE)
_NAME_EXT_RE = re.compile(rf"\.({'|'.join(ATTACHMENT_EXTENSIONS)})\s*[)）]?$", re.IGNORECASE)
# `__local/…/<hex>.doc?e=.doc` (VSB static export) and `?filename=x.pdf` keep the type in the query.
_QUERY_EXT_RE = re.compile(rf"[=.]({'|'.join(ATTACHMENT_EXTENSIONS)})(?:&|$)", re.IGNORECASE)


def _name(anchor: html.HtmlElement) -> str:
    text = " ".join(anchor.text_content().split())
    if not text:
        img = anchor.find(".//img")
        text = (img.get("alt") or "").strip() if img is not None else ""
    return text


def is_attachment(href: str, name: str) -> bool:
    """True when a link points at a document rather than a page."""
    if not href or href.startswith(("javascript:", "mailto:", "#")):
        return False
    parts = urlsplit(href)
    path = unquote(parts.path).lower()
    if _EXT_RE.search(path) or _QUERY_EXT_RE.search(unquote(parts.query)):
        return True
    lowered = href.lower()
    if any(endpoint in lowered for endpoint in DOWNLOAD_ENDPOINTS):
        return True
    # VSB/legacy download links without an extension: the anchor text names the file.
    return bool(_NAME_EXT_RE.search(name)) and not path.endswith(
        (".htm", ".html", ".shtml", ".jsp")
    )


def attachment_anchors(root: html.HtmlElement) -> list[html.HtmlElement]:
    return [a for a in root.iter("a") if is_attachment((a.get("href") or "").strip(), _name(a))]


def script_anchors(scripts: Iterable[str]) -> list[html.HtmlElement]:
    """Anchors found in the string literals of inline scripts (TRS `var att = '<a …>'`)."""
    found: list[html.HtmlElement] = []
    for script in scripts:
        for literal in string_literals(script):
            if "<a" not in literal.lower() or "href" not in literal.lower():
                continue
            try:
                fragment = html.fragment_fromstring(literal, create_parent="div")
            except (etree.ParserError, ValueError):  # a broken fragment in a script string
                continue
            found.extend(attachment_anchors(fragment))
    return found


def collect_attachments(
    anchors: Iterable[html.HtmlElement], base_url: str | None
) -> tuple[AttachmentLink, ...]:
    """Attachment links in order, resolved against the page URL, one per URL."""
    seen: dict[str, AttachmentLink] = {}
    for anchor in anchors:
        href = (anchor.get("href") or "").strip()
        url = urljoin(base_url, href) if base_url else href
        name = _name(anchor)
        if url not in seen or (name and not seen[url].name):
            seen[url] = AttachmentLink(name=name, url=url)
    return tuple(seen.values())
