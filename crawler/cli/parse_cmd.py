"""`notices parse [--jsonl] PATH...`: parse saved notices (.txt or .html, any encoding)."""

from __future__ import annotations

import codecs
import dataclasses
import html
import json
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from crawler.cli.app import app
from pipelines.parsing import NoticeRecord, parse_notice

HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CHAR_REF = re.compile(r"&#(\d{2,7});|&#x([0-9A-Fa-f]{2,6});")


class UnreadableFile(Exception):
    """The file cannot be read or decoded; the message says why."""


def decode_text(data: bytes) -> str:
    """Decode a text file: a BOM wins, then strict UTF-8, then GB18030 (a superset of GBK)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Characters a legacy encoding could not hold were written as &#NNNN; references.
        return _CHAR_REF.sub(_char_ref, text) if encoding != "utf-8" else text
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # the detector is optional; replacement characters keep the rest
        return data.decode("utf-8", errors="replace")
    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", errors="replace")


def _char_ref(match: re.Match[str]) -> str:
    try:
        return html.unescape(match.group(0))
    except (ValueError, OverflowError):
        return match.group(0)


def parse_path(path: Path) -> NoticeRecord:
    """Read one file and parse it; UnreadableFile when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if path.suffix.lower() in HTML_SUFFIXES:
        try:
            from pipelines.cleaning import clean_html
        except ImportError as exc:
            raise UnreadableFile(f"{path}: HTML cleaning is not available: {exc}") from exc
        page = clean_html(data)
        record = parse_notice(page.text, page.meta, page.attachments)
    else:
        record = parse_notice(decode_text(data))
    return dataclasses.replace(record, source_path=str(path))


def _write_utf8(line: str) -> None:
    """UTF-8 whatever the locale says (the contract's output encoding)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(line)
    else:
        buffer.write(line.encode("utf-8"))
        buffer.flush()


@app.command("parse")
def parse(
    paths: Annotated[list[Path], typer.Argument(help="Notice files: .txt or .html/.htm.")],
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="One JSON object per line, in input order.")
    ] = False,
) -> None:
    """Parse saved notices into records (the contract in docs); errors go to stderr."""
    failed = 0
    for path in paths:
        try:
            record = parse_path(path)
        except UnreadableFile as exc:
            failed += 1
            typer.echo(f"error: {exc}", err=True)
            continue
        indent = None if jsonl else 2
        _write_utf8(json.dumps(record.to_dict(), ensure_ascii=False, indent=indent) + "\n")
    if failed:
        raise typer.Exit(code=1)
