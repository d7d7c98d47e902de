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


class UnreadableFile(Exception):
    """The file cannot be read or decoded; the message says why."""


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
    """Parse saved notices into notice records; unreadable files are reported on stderr."""
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
