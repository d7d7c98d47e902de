"""Page bytes -> text, for declared, undeclared and mis-declared GBK/GB18030/UTF-8 pages.

Government sites often lie about their charset: a header saying utf-8 over a GBK body, a
`<meta charset=gb2312>` left on a page migrated to UTF-8, or no declaration at all. Declarations
are therefore only candidates; a candidate wins only if the bytes decode under it strictly.
"""

from __future__ import annotations

import codecs

from w3lib.encoding import html_body_declared_encoding, read_bom, resolve_encoding

# The GB family is decoded as gb18030: a superset, so GBK-only characters (镕, 堃, 喆) in a
# page declared gb2312 survive. w3lib already maps gb2312/gbk this way; gb18030 itself is kept.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "gb_2312_80", "zh_cn", "cp936", "euc-cn", "x-gbk"}
_WESTERN = {"cp1252", "latin-1", "iso8859-1", "ascii"}


def _normalise(label: str | None) -> str | None:
    """Map a charset label to the Python codec we decode it with, or None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _GB_FAMILY or label.replace("-", "").replace("_", "") in {"gb2312", "gbk"}:
        return "gb18030"
    resolved = resolve_encoding(label)
    if resolved is None:
        return None
    return "gb18030" if resolved in _GB_FAMILY else codecs.lookup(resolved).name


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_html(
    body: bytes, *, declared_encoding: str | None = None, forced_encoding: str | None = None
) -> tuple[str, str]:
    """Return (text, encoding used). Never raises: undecodable bytes become U+FFFD."""
    forced = _normalise(forced_encoding)
    if forced:
        return body.decode(forced, errors="replace"), forced

    bom = read_bom(body)
    if bom[0]:
        encoding = _normalise(bom[0]) or "utf-8"
        return body[len(bom[1]) :].decode(encoding, errors="replace"), encoding

    # Non-ASCII bytes that form valid UTF-8 are UTF-8 whatever the labels say: GBK text is
    # practically never valid UTF-8, while UTF-8 text often "decodes" as gb18030 into mojibake.
    if not body.isascii():
        text = _strict(body, "utf-8")
        if text is not None:
            return text, "utf-8"

    candidates = [_normalise(declared_encoding), _normalise(html_body_declared_encoding(body))]
    if body.isascii():
        return body.decode("ascii"), next((c for c in candidates if c), None) or "utf-8"

    # Single-byte western codecs decode almost any bytes, so a latin-1 label (the default of
    # many HTTP stacks) is tried only after gb18030, the usual truth on these sites.
    eastern = [c for c in candidates if c and c != "utf-8" and c not in _WESTERN]
    western = [c for c in candidates if c in _WESTERN]
    for encoding in [*eastern, "gb18030", *western]:
        text = _strict(body, encoding)
        if text is not None:
            return text, encoding

    # Broken bytes: keep everything readable and lose nothing else.
    fallback = next((c for c in candidates if c), None) or "gb18030"
    return body.decode(fallback, errors="replace"), fallback
