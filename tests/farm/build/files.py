"""Real, small attachment files: PDF, DOC and DOCX with extractable Chinese text, and OFD.

Every builder is deterministic (fixed zip timestamps, no creation dates), so rebuilding the farm
leaves the committed bytes and the sha256 values in the truth unchanged."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from typing import Any

from docx import Document

_ZIP_TIME = (2023, 6, 19, 9, 30, 0)
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def make_pdf(lines: list[str], width: int = 34) -> bytes:
    """A one-page PDF whose text pypdf/pdfminer extract as written.

    The font is a non-embedded CID font addressed with Identity-H, where each CID is the character's
    code point, and a ToUnicode map says so: enough for text extraction, viewers substitute a font."""
    wrapped: list[str] = []
    for line in lines:
        wrapped.extend(line[i : i + width] for i in range(0, max(len(line), 1), width))
    chars = sorted({ord(c) for line in wrapped for c in line if ord(c) <= 0xFFFF})
    ops = ["BT", "/F1 12 Tf", "14 TL", "56 790 Td"]
    for line in wrapped[:52]:
        hexed = "".join(f"{ord(c):04X}" for c in line if ord(c) <= 0xFFFF)
        ops.append(f"<{hexed}> Tj T*")
    ops.append("ET")
    content = "\n".join(ops).encode("ascii")
    cmap_lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    for i in range(0, len(chars), 100):
        block = chars[i : i + 100]
        cmap_lines.append(f"{len(block)} beginbfchar")
        cmap_lines.extend(f"<{c:04X}> <{c:04X}>" for c in block)
        cmap_lines.append("endbfchar")
    cmap_lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    cmap = "\n".join(cmap_lines).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
        ),
        _stream(content),
        (
            b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
            b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>"
        ),
        (
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            b"/FontDescriptor 8 0 R /DW 1000 /CIDToGIDMap /Identity >>"
        ),
        _stream(cmap),
        (
            b"<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] "
            b"/ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>"
        ),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    out.write(trailer.encode())
    return out.getvalue()


def _stream(data: bytes) -> bytes:
    return f"<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def make_docx(
    title: str, paragraphs: list[str], table: list[list[str]] | None = None, table_after: int = 0
) -> bytes:
    """A .docx of the paragraphs, with an optional table (rows of cells) after paragraph
    `table_after`, as notices attach their 整改台账."""
    document = Document()
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for i, paragraph in enumerate(paragraphs):
        if table and i == table_after:
            _add_table(document, table)
        document.add_paragraph(paragraph)
    if table and table_after >= len(paragraphs):
        _add_table(document, table)
    raw = io.BytesIO()
    document.save(raw)
    return _fixed_zip(raw.getvalue())


def _add_table(document: Any, rows: list[list[str]]) -> None:
    grid = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for row, cells in zip(grid.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=False):
            cell.text = text


def make_ofd(title: str) -> bytes:
    """A minimal OFD container (zip with OFD.xml); no text layer worth extracting."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            zipfile.ZipInfo("OFD.xml", _ZIP_TIME),
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">'
            f"<ofd:DocBody><ofd:DocInfo><ofd:Title>{title}</ofd:Title></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        z.writestr(zipfile.ZipInfo("Doc_0/Document.xml", _ZIP_TIME), "<ofd:Document/>")
    return raw.getvalue()


def make_doc(paragraphs: list[str]) -> bytes:
    """A Word 97 binary document (.doc) holding `paragraphs` as its main text (antiword and catdoc
    read it). Minimal: a FIB, the text as UTF-16, a one-piece piece table and an empty stylesheet."""
    text = "\r".join(paragraphs) + "\r"
    utf16 = text.encode("utf-16-le")
    text_fc = 1024  # the text starts after the FIB
    clx = (
        struct.pack("<BI", 2, 16)  # Pcdt: clxt=2, size of the PlcPcd that follows
        + struct.pack("<II", 0, len(text))  # character positions: one piece covers all the text
        + struct.pack("<HIH", 0, text_fc, 0)  # Pcd: fc without the compressed bit = UTF-16
    )
    # An empty stylesheet: antiword reads the STSHI even when the FIB says there is none.
    stsh = struct.pack("<H", 18) + struct.pack("<6H3H", 0, 10, 1, 0x5B, 0x0F, 0, 0, 0, 0)
    fib = bytearray(text_fc)
    # FibBase: wIdent, nFib (Word 97), unused, lid zh-CN, pnNext, flags (1Table, ExtChar, FarEast)
    struct.pack_into("<HHHHHH", fib, 0x00, 0xA5EC, 0x00C1, 0, 0x0804, 0, 0x5200)
    struct.pack_into("<H", fib, 0x0C, 0x00BF)  # nFibBack
    struct.pack_into("<II", fib, 0x18, text_fc, text_fc + len(utf16))  # legacy fcMin/fcMac
    struct.pack_into("<H", fib, 0x20, 14)  # csw (FibRgW97 follows, all zero)
    struct.pack_into("<H", fib, 0x3E, 22)  # cslw (FibRgLw97 follows)
    struct.pack_into("<i", fib, 0x40, text_fc + len(utf16))  # cbMac
    struct.pack_into("<i", fib, 0x40 + 12, len(text))  # ccpText
    struct.pack_into("<H", fib, 0x98, 93)  # cbRgFcLcb (FibRgFcLcb97 follows)
    struct.pack_into("<II", fib, 0x9A + 1 * 8, len(clx), len(stsh))  # fcStshf, lcbStshf
    struct.pack_into("<II", fib, 0x9A + 33 * 8, 0, len(clx))  # fcClx, lcbClx in 1Table
    return _compound_file([("WordDocument", bytes(fib) + utf16), ("1Table", clx + stsh)])


_SECTOR = 512
_FREE, _END, _FATSECT, _NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _compound_file(streams: list[tuple[str, bytes]]) -> bytes:
    """An OLE2 compound file (version 3) with the given streams under the root storage.

    Streams are padded to 4096 bytes so that all live in regular sectors (no mini stream);
    layout: sector 0 = the FAT, sector 1 = the directory, then each stream's sectors."""
    padded = [(name, data.ljust(4096, b"\x00")) for name, data in streams]
    starts, sector = [], 2
    for _, data in padded:
        starts.append(sector)
        sector += -(-len(data) // _SECTOR)
    if sector > _SECTOR // 4 or len(padded) > 3:
        raise ValueError("too large for a one-sector FAT and directory")
    fat = [_FREE] * (_SECTOR // 4)
    fat[0], fat[1] = _FATSECT, _END
    for (_, data), start in zip(padded, starts, strict=True):
        count = -(-len(data) // _SECTOR)
        for i in range(count):
            fat[start + i] = start + i + 1 if i < count - 1 else _END
    header = bytearray(_SECTOR)
    header[0:8] = OLE2_MAGIC
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 0x3, 0xFFFE, 9, 6)
    struct.pack_into("<9I", header, 0x28, 0, 1, 1, 0, 4096, _END, 0, _END, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([_FREE] * 108))
    # Directory siblings must be ordered by (name length, upper-case name): a left-leaning chain.
    order = sorted(range(len(padded)), key=lambda i: (len(padded[i][0]), padded[i][0].upper()))
    entries = [_dir_entry("Root Entry", 5, _NONE, order[-1] + 1, _END, 0)]
    for i, (name, data) in enumerate(padded):
        rank = order.index(i)
        left = order[rank - 1] + 1 if rank else _NONE
        entries.append(_dir_entry(name, 2, left, _NONE, starts[i], len(data)))
    directory = b"".join(entries).ljust(_SECTOR, b"\x00")
    out = bytes(header) + struct.pack(f"<{len(fat)}I", *fat) + directory
    for _, data in padded:
        out += data.ljust(-(-len(data) // _SECTOR) * _SECTOR, b"\x00")
    return out


def _dir_entry(name: str, kind: int, left: int, child: int, start: int, size: int) -> bytes:
    entry = bytearray(128)
    raw = name.encode("utf-16-le") + b"\x00\x00"
    entry[0 : len(raw)] = raw
    struct.pack_into("<HBB", entry, 64, len(raw), kind, 1)  # name size, type, colour black
    struct.pack_into("<III", entry, 68, left, _NONE, child)
    struct.pack_into("<II", entry, 116, start, size)
    return bytes(entry)


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and member order, so identical input gives identical bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            payload = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                payload = _strip_dates(payload)
            target.writestr(zipfile.ZipInfo(info.filename, _ZIP_TIME), payload)
    return out.getvalue()


def _strip_dates(core_xml: bytes) -> bytes:
    return re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", core_xml)
