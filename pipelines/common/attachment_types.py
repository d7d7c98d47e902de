"""Attachment types: which file extensions are attachments, which of them are fetched, and the
download endpoints whose URLs carry no extension. The spider and the cleaner both ask here, so a
link the spider fetches is an attachment for the cleaner too (and its text no body line)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

# Documents are downloaded and kept with their sha256; text is read from the first group. OFD
# (the national format for official documents), spreadsheets (整改台账 ledgers) and WPS
# presentations are kept as bytes.
TEXT_DOCUMENT_EXTS = ("pdf", "docx", "doc", "wps")
KEPT_DOCUMENT_EXTS = ("ofd", "xls", "xlsx", "et", "dps")
FETCHED_EXTS = TEXT_DOCUMENT_EXTS + KEPT_DOCUMENT_EXTS
# Archives, slides and plain data files are recorded (name and URL), not fetched.
RECORDED_EXTS = ("zip", "rar", "7z", "ppt", "pptx", "txt", "csv")
ATTACHMENT_EXTS = FETCHED_EXTS + RECORDED_EXTS

# Kinds sharing a container format, told apart by the name's extension only.
OLE2_EXTS = ("doc", "wps", "xls", "et", "ppt", "dps")
ZIP_EXTS = ("docx", "xlsx", "pptx", "ofd", "zip")

# What servers send as Content-Type for each kind: a hint when neither the URL nor a name carries
# an extension (`/api/download?id=…`). The bytes' magic still decides between containers' kinds.
CONTENT_TYPE_EXTS = {
    "application/pdf": "pdf",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.ms-powerpoint": "ppt",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/ofd": "ofd",
    "application/wps-office.wps": "wps",
    "application/kswps": "wps",
    "application/wps-office.et": "et",
    "application/kset": "et",
    "application/wps-office.dps": "dps",
    "application/ksdps": "dps",
    "application/zip": "zip",
    "application/x-zip-compressed": "zip",
    "application/vnd.rar": "rar",
    "application/x-rar-compressed": "rar",
    "application/x-7z-compressed": "7z",
    "text/csv": "csv",
    "text/plain": "txt",
}

# Download endpoints whose URLs carry no extension (the name is only in the anchor text),
# matched case-insensitively in the URL's path and query.
DOWNLOAD_ENDPOINTS = (
    "downfile.jsp",  # Hanweb
    "download.jsp",  # VSB
    "downloadattachurl",  # VSB urltype
    "downloadfile",
    "/download",  # `/api/download?id=…` and the like
)
# A name ending in an attachment extension on a link to one of these is a page about a file.
_PAGE_PATH_ENDS = (".htm", ".html", ".shtml", ".jsp")

_EXT_ALT = "|".join(ATTACHMENT_EXTS)
# The name may close with a bracket: 附件（整改台账.xls）
_NAME_EXT_RE = re.compile(rf"\.({_EXT_ALT})\s*[)）]?\s*$", re.IGNORECASE)
_SKIP_PREFIXES = ("javascript:", "mailto:", "#")


def ext_of(text: str | None) -> str | None:
    """The attachment extension a file name (or URL path) ends with, lowercased."""
    if not text:
        return None
    m = _NAME_EXT_RE.search(text.strip())
    return m.group(1).lower() if m else None


def url_ext(url: str) -> str | None:
    """The extension of the file a URL names: in its path, else in a query value (Hanweb
    `downfile.jsp?filename=<hex>.pdf`, VSB static `…/<hex>.doc?e=.doc`)."""
    parts = urlsplit(url)
    ext = ext_of(unquote(parts.path))
    if ext:
        return ext
    for _key, value in parse_qsl(parts.query):
        ext = ext_of(value)
        if ext:
            return ext
    return None


def content_type_ext(content_type: str | None) -> str | None:
    """The attachment kind a Content-Type header value names, ignoring its parameters."""
    if not content_type:
        return None
    return CONTENT_TYPE_EXTS.get(content_type.split(";", 1)[0].strip().lower())


def is_download_endpoint(url: str) -> bool:
    """Whether the URL's path or query names a download endpoint; a relative path counts from
    the root, and a host name (download.example.gov.cn) does not count."""
    parts = urlsplit(url)
    where = f"/{parts.path.lstrip('/')}?{parts.query}".lower()
    return any(endpoint in where for endpoint in DOWNLOAD_ENDPOINTS)


def link_ext(url: str, name: str) -> str | None:
    """The attachment extension of a link, from its URL or else its anchor text."""
    ext = url_ext(url)
    if ext:
        return ext
    if urlsplit(url).path.lower().endswith(_PAGE_PATH_ENDS) and not is_download_endpoint(url):
        return None  # a page whose title names a file: 关于印发整改方案.docx的通知.htm
    return ext_of(name)


def is_attachment_link(href: str, name: str) -> bool:
    """True when a link (href and anchor text) points at a file rather than a page."""
    href = href.strip()
    if not href or href.lower().startswith(_SKIP_PREFIXES):
        return False
    return link_ext(href, name) is not None or is_download_endpoint(href)


def is_fetched(ext: str | None) -> bool:
    """Whether a link of this type is downloaded; an endpoint without an extension is (the
    bytes will tell what it is)."""
    return ext is None or ext in FETCHED_EXTS
