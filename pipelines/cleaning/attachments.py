"""Attachment links: 附件 anchors, office/PDF/OFD files, download endpoints, script-written links."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urljoin

from lxml import etree, html

from pipelines.cleaning.scripts import string_literals
from pipelines.common.attachment_types import is_attachment_link
from pipelines.common.cleaned import AttachmentLink


def _name(anchor: html.HtmlElement) -> str:
    text = " ".join(anchor.text_content().split())
    if not text:
        img = anchor.find(".//img")
        text = (img.get("alt") or "").strip() if img is not None else ""
    return text


def attachment_anchors(root: html.HtmlElement) -> list[html.HtmlElement]:
    return [a for a in root.iter("a") if is_attachment_link(a.get("href") or "", _name(a))]


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
