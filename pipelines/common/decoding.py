"""The decoding policy, for every layer: pages (declared, undeclared and mis-declared
GBK/GB18030/UTF-8), header values and plain text files (BOM, UTF-8, or the legacy Chinese encoding
that reads most like Chinese).

Government sites often lie about their charset: a header saying utf-8 over a GBK body, a
`<meta charset=gb2312>` left on a page migrated to UTF-8, or no declaration at all. Declarations
are therefore only candidates; a candidate wins only if the bytes decode under it strictly.
"""

from __future__ import annotations

import codecs
import html
import re

from w3lib.encoding import html_body_declared_encoding, read_bom, resolve_encoding

# The GB family is decoded as gb18030: a superset, so GBK-only characters (镕, 堃, 喆) in a
# page declared gb2312 survive. w3lib already maps gb2312/gbk this way; gb18030 itself is kept.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "gb_2312_80", "zh_cn", "cp936", "euc-cn", "x-gbk"}
_WESTERN = {"cp1252", "latin-1", "iso8859-1", "ascii"}
# Text codecs Python has that are no page charset: escapes and transfer forms (utf-7 is also an
# XSS vector, which is why browsers dropped it), or codecs that refuse to decode at all. A page
# declaring one is read as undeclared. Bytes-to-bytes codecs (base64, zlib, rot-13 …) are
# refused by the text-encoding check in `_normalise`.
_NOT_PAGE_CHARSETS = {
    "idna",
    "punycode",
    "utf-7",
    "undefined",
    "unicode-escape",
    "raw-unicode-escape",
    "mbcs",
    "oem",
}
# UTF-16/32 read almost any even-length bytes "strictly": they are believed only for a body with
# NUL bytes, which ASCII markup written in them always has.
_WIDE = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}


def charset_of(content_type: str | None) -> str | None:
    """The charset a Content-Type header value declares, as written."""
    if not content_type or "charset=" not in content_type.lower():
        return None
    value = content_type.lower().split("charset=", 1)[1].split(";")[0].strip()
    return value or None


def _normalise(label: str | None) -> str | None:
    """Map a charset label to the Python codec we decode it with, or None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _GB_FAMILY or label.replace("-", "").replace("_", "") in {"gb2312", "gbk"}:
        return "gb18030"
    try:
        resolved = resolve_encoding(label)
    except (LookupError, ValueError):
        return None
    if resolved is None:
        return None
    if resolved in _GB_FAMILY:
        return "gb18030"
    name = codecs.lookup(resolved).name
    try:  # a bytes-to-bytes codec (base64, zlib, hex …) raises LookupError here
        b"a".decode(name, errors="replace")
    except (LookupError, UnicodeError):
        return None
    return None if name in _NOT_PAGE_CHARSETS else name


def _decode(body: bytes, encoding: str) -> str:
    """Decode with replacement; a codec that still fails gives way to UTF-8."""
    try:
        return body.decode(encoding, errors="replace")
    except (LookupError, UnicodeError):
        return body.decode("utf-8", errors="replace")


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeError, LookupError):
        return None


def decode_html(
    body: bytes, *, declared_encoding: str | None = None, forced_encoding: str | None = None
) -> tuple[str, str]:
    """Return (text, encoding used). Never raises: undecodable bytes become U+FFFD."""
    forced = _normalise(forced_encoding)
    if forced:
        return _decode(body, forced), forced

    bom = read_bom(body)
    if bom[0]:
        encoding = _normalise(bom[0]) or "utf-8"
        return _decode(body[len(bom[1]) :], encoding), encoding

    # Non-ASCII bytes that form valid UTF-8 are UTF-8 whatever the labels say: GBK text is
    # practically never valid UTF-8, while UTF-8 text often "decodes" as gb18030 into mojibake.
    if not body.isascii():
        text = _strict(body, "utf-8")
        if text is not None:
            return text, "utf-8"

    candidates = [_normalise(declared_encoding), _normalise(html_body_declared_encoding(body))]
    if b"\x00" not in body:
        candidates = [c for c in candidates if c not in _WIDE]
    if body.isascii():
        wide = next((c for c in candidates if c in _WIDE), None)
        text = _strict(body, wide) if wide else None
        if wide and text is not None:
            return text, wide
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
    return _decode(body, fallback), fallback


_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_LEGACY = ("gb18030", "big5")
# Frequent characters of Chinese prose (the same in both scripts): a reading of the bytes in
# the wrong legacy encoding has few of them.
_FREQUENT = frozenset(
    "的一是在不了有和人中大上个我以要他时来用们生到作地于出就分对成可主年动同工也能下过子"
    "说种面而方后多定行学法所民得十三之进着等度家力里如水化高自二理起小物现实加量都两体制机"
    "当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线"
    "内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想"
    "已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统"
    "接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即"
    "保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转"
    "更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节"
    "话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须"
    "际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太"
    "准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆"
    "包火住调满县局照参红细引听该铁价严巡察视"
)
_CHAR_REF = re.compile(r"&#(\d{2,7});|&#x([0-9A-Fa-f]{2,6});")


def decode_text(data: bytes) -> str:
    """Decode a text file: a BOM wins, then strict UTF-8, then the legacy Chinese encoding
    (GB18030, a superset of GBK, or Big5) whose reading looks most like Chinese prose."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    readings = []
    for encoding in _LEGACY:
        try:
            readings.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    if readings:
        best = max(readings, key=_chinese_score)
        # Characters a legacy encoding could not hold were written as &#NNNN; references.
        return _CHAR_REF.sub(_char_ref, best)
    return data.decode("utf-8", errors="replace")


def _chinese_score(text: str) -> int:
    """How many of the text's characters are among the most frequent Chinese characters."""
    return sum(1 for ch in text[:20_000] if ch in _FREQUENT)


def _char_ref(match: re.Match[str]) -> str:
    try:
        return html.unescape(match.group(0))
    except (ValueError, OverflowError):
        return match.group(0)
