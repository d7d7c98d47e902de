"""Attachments of a detail page: find the links, type the bytes (text: crawler/attachment_text.py).

Links come from anchors (by extension in the URL or the anchor text, or a known download
endpoint) and from `<script>` text, where TRS writes them with `document.write`.
Which types are attachments and which are downloaded (with a size limit) is declared in
`pipelines.common.attachment_types`; other attachment links (archives, slides) are recorded.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from urllib.parse import unquote, unquote_to_bytes, urljoin, urlsplit

from parsel import Selector

from pipelines.common.attachment_types import (
    OLE2_EXTS,
    ZIP_EXTS,
    is_attachment_link,
    is_fetched,
    link_ext,
)
from pipelines.common.decoding import decode_html

# An anchor written by a script (escaped quotes allowed): its href and its text.
_SCRIPT_LINK_RE = re.compile(
    r"""href\s*=\s*\\?["']([^"'\\]+?)\\?["'][^>]*>([^<]*)<""", re.IGNORECASE
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True, slots=True)
class Link:
    name: str
    url: str
    ext: str | None  # from the URL or the anchor text; the bytes decide in the end

    @property
    def fetchable(self) -> bool:
        return is_fetched(self.ext)


def find_links(html: str, base_url: str) -> list[Link]:
    """Attachment links of a detail page, resolved against the page URL, without duplicates."""
    sel = Selector(text=html)
    found: dict[str, Link] = {}
    for a in sel.css("a[href]"):
        href = a.attrib["href"].strip()
        name = " ".join("".join(a.xpath(".//text()").getall()).split())
        name = name or (a.css("img::attr(alt)").get() or "").strip()
        if not is_attachment_link(href, name):
            continue
        url = urljoin(base_url, href)
        if url not in found:
            found[url] = Link(name=name or _basename(url), url=url, ext=link_ext(url, name))
    for script in sel.css("script::text").getall():
        for href, label in _SCRIPT_LINK_RE.findall(script):
            label = " ".join(label.split())
            if not is_attachment_link(href, label):
                continue
            url = urljoin(base_url, href)
            if url not in found:
                found[url] = Link(name=label or _basename(url), url=url, ext=link_ext(url, label))
    return list(found.values())


def _basename(url: str) -> str:
    return unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or url


def disposition_name(header: bytes | None) -> str | None:
    """File name from Content-Disposition: RFC 5987 `filename*=`, else raw UTF-8/GBK bytes."""
    if not header:
        return None
    m = re.search(rb"filename\*\s*=\s*([\w-]+)''([^;]+)", header, re.IGNORECASE)
    if m:
        charset = m.group(1).decode("ascii", "replace")
        raw = unquote_to_bytes(m.group(2).strip().decode("ascii", "replace"))
        return decode_html(raw, declared_encoding=charset)[0]
    m = re.search(rb'filename\s*=\s*"?([^";]+)"?', header, re.IGNORECASE)
    if not m:
        return None
    raw = m.group(1).strip()
    if b"%" in raw:
        raw = unquote_to_bytes(raw.decode("ascii", "replace"))
    return decode_html(raw)[0]


def sniff_ext(body: bytes, hint: str | None) -> str | None:
    """The real type of downloaded bytes: magic first, the name's extension only to disambiguate.

    Returns "html" for an HTML page served in place of a file (a dead link or a block page).
    """
    head = body[:1024].lstrip()
    if body.startswith(b"%PDF"):
        return "pdf"
    if body.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(body)).namelist())
        except zipfile.BadZipFile:
            return hint if hint in ZIP_EXTS else "zip"
        if "word/document.xml" in names:
            return "docx"
        if "OFD.xml" in names:
            return "ofd"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        return "zip"
    if body.startswith(_OLE2):
        return hint if hint in OLE2_EXTS else "doc"
    if head[:1] == b"<" and re.match(
        rb"<(!doctype|html|head|body|\?xml|script|p)\b", head, re.IGNORECASE
    ):
        return "html"
    return hint


def sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()
