"""`notices parse [--jsonl] PATH...`: parse saved notices: text or HTML in any encoding, and the
attachment formats the crawler reads (.pdf, .docx, .doc, .wps), told apart by their content."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from crawler.attachment_text import extract_text
from crawler.attachments import sniff_ext
from crawler.cli.typer_apps import app
from pipelines.cleaning import clean_html, clean_text
from pipelines.common.attachment_types import TEXT_DOCUMENT_EXTS
from pipelines.common.decoding import decode_text
from pipelines.parsing import NoticeRecord, parse_notice

HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
# Magic numbers of binaries that are no notice, for the refusal message: what the file is. Only
# unambiguous ones (two-letter magics like BM or MZ also start text lines); the control bytes
# every other binary holds are caught after them.
_OTHER_BINARIES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF file (image, audio or video)"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x7fELF", "an executable"),
    (b"\xcf\xfa\xed\xfe", "an executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
)
# Bytes no text file holds (C0 controls but tab, newline, carriage return, form feed, escape).
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_SNIFF = 4096
_TEXT_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16/32 text is full of NULs, and still text
_CONTAINERS = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # PDF, zip, OLE2


class UnreadableFile(Exception):
    """The file cannot be read or decoded; the message says why."""


class NotANotice(Exception):
    """The file is a kind of binary no notice comes in; the message says which."""


def parse_path(path: Path) -> NoticeRecord:
    """Read one file and parse it: by content, not by name. UnreadableFile when it cannot be
    read, NotANotice when it is a binary the crawler would not read either."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"{path}: cannot read: {exc.strerror or exc}") from exc
    kind = _kind(path, data)
    if kind in TEXT_DOCUMENT_EXTS:
        return _parse_document(path, kind, data)
    if kind is not None and kind != "html":  # a zip that is not a .docx, an .ofd, a .xlsx
        raise NotANotice(
            f"{path}: a .{kind} file, not a notice (readable: text, HTML, .pdf, .docx, .doc, .wps)"
        )
    _refuse_by_magic(path, data)
    if kind == "html" or path.suffix.lower() in HTML_SUFFIXES:
        page = clean_html(data)
        if page.failure:
            raise UnreadableFile(f"{path}: no body found in this page ({page.failure})")
        return parse_notice(page.text, page.meta, page.attachments)
    if not data.startswith(_TEXT_BOMS) and _BINARY_BYTES.search(data[:_SNIFF]):
        raise NotANotice(
            f"{path}: binary data, not a notice (readable: text, HTML, .pdf, .docx, .doc, .wps)"
        )
    return parse_notice(decode_text(data))


def _kind(path: Path, data: bytes) -> str | None:
    """What the crawler's sniffer says the bytes are; the name only tells apart the kinds that
    share a container (an OLE2 .doc from a .wps or an .xls). Bytes without a container's magic
    are text or HTML, whatever the name says."""
    kind = sniff_ext(data, path.suffix.lstrip(".").lower() or None)
    if data.startswith(_CONTAINERS) or kind == "html":
        return kind
    return None


def _parse_document(path: Path, ext: str, data: bytes) -> NoticeRecord:
    """An attachment format, through the crawler's own text readers."""
    text, error = extract_text(ext, data)
    if text is None:
        raise UnreadableFile(f"{path}: cannot read this .{ext} file: {error}")
    cleaned = clean_text(text)
    return parse_notice(cleaned.text, cleaned.meta, cleaned.attachments)


def _refuse_by_magic(path: Path, data: bytes) -> None:
    for magic, what in _OTHER_BINARIES:
        if data.startswith(magic):
            raise NotANotice(f"{path}: {what}, not a notice")


def _write_utf8(line: str) -> None:
    """UTF-8 whatever the locale says, so the records read the same on every machine."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(line)
    else:
        buffer.write(line.encode("utf-8"))
        buffer.flush()


@app.command("parse")
def parse(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Notice files: text, HTML, .pdf, .docx, .doc or .wps (by content)."),
    ],
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="One JSON object per line, in input order.")
    ] = False,
) -> None:
    """Parse saved notices into notice records. Unreadable files are reported on stderr (exit
    1); binaries no notice comes in (images, archives, executables) are refused (exit 2)."""
    failed = refused = 0
    for path in paths:
        try:
            record = parse_path(path)
        except UnreadableFile as exc:
            failed += 1
            typer.echo(f"error: {exc}", err=True)
            continue
        except NotANotice as exc:
            refused += 1
            typer.echo(f"error: {exc}", err=True)
            continue
        # Which file was parsed is the command's to say (the contract asks for it), not the record's.
        output = {**record.to_dict(), "source_path": str(path)}
        indent = None if jsonl else 2
        _write_utf8(json.dumps(output, ensure_ascii=False, indent=indent) + "\n")
    if refused:
        raise typer.Exit(code=2)
    if failed:
        raise typer.Exit(code=1)
