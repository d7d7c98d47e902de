"""`notices parse [--jsonl] PATH...`: parse saved notices (.txt or .html, any encoding)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from crawler.cli.app import app
from pipelines.cleaning import clean_html
from pipelines.common.decoding import decode_text
from pipelines.parsing import NoticeRecord, parse_notice

HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}


class UnreadableFile(Exception):
    """The file cannot be read or decoded; the message says why."""


def parse_path(path: Path) -> NoticeRecord:
    """Read one file and parse it; UnreadableFile when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if path.suffix.lower() in HTML_SUFFIXES:
        page = clean_html(data)
        return parse_notice(page.text, page.meta, page.attachments)
    return parse_notice(decode_text(data))


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
    paths: Annotated[list[Path], typer.Argument(help="Notice files: .txt or .html/.htm.")],
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="One JSON object per line, in input order.")
    ] = False,
) -> None:
    """Parse saved notices into notice records; unreadable files are reported on stderr."""
    failed = 0
    for path in paths:
        try:
            record = parse_path(path)
        except UnreadableFile as exc:
            failed += 1
            typer.echo(f"error: {exc}", err=True)
            continue
        # Which file was parsed is the command's to say (the contract asks for it), not the record's.
        output = {**record.to_dict(), "source_path": str(path)}
        indent = None if jsonl else 2
        _write_utf8(json.dumps(output, ensure_ascii=False, indent=indent) + "\n")
    if failed:
        raise typer.Exit(code=1)
