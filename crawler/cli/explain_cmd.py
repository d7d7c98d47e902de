"""`notices explain ID|URL|FILE`: each value of a record with the sentence it was read from.

A stored notice (by id or URL, the archive opened read-only) shows its stored record; a file is
parsed on the fly, as `notices parse` reads it. Every non-empty field is printed with its value
and, from the record's evidence map, the sentence of body_text around the span it was read
from (the span highlighted), or the place it came from when not the text (title, page meta).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text
from sqlalchemy import select

from crawler.cli.db_cmd import UrlOption, open_archive
from crawler.cli.parse_cmd import NotANotice, UnreadableFile, parse_path
from crawler.cli.typer_apps import app, usage_error
from crawler.listing import canonical_url
from models import history
from models.export import NOTICES, PROBLEM_FIELDS, PROBLEMS, to_record
from pipelines.common.evidence import Elsewhere, Span, from_json
from pipelines.common.record import NoticeRecord, names

# Fields that are the record's frame rather than values read from the notice.
_NOT_VALUES = ("is_notice", "body_text", "parser_version", "evidence")
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_CONTEXT = 80  # characters shown on each side of a span at most


@dataclass(frozen=True, slots=True)
class Explained:
    """One value: its path, the value as text, and where it was read."""

    path: str
    value: str
    sentence: str | None = None  # the sentence of body_text around the span
    mark: tuple[int, int] | None = None  # the span inside `sentence`
    place: str | None = None  # where it came from when not the text; None: not recorded


def explain(record: dict[str, Any]) -> list[Explained]:
    """Every non-empty value of a record (contract shape) with its evidence."""
    body = record.get("body_text") or ""
    evidence = record.get("evidence") or {}
    return [_explained(path, value, evidence.get(path), body) for path, value in _values(record)]


def _values(record: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(path, value) of each non-empty value, paths as the evidence map names them."""
    for name in names(NoticeRecord):  # a stored record's archive fields are no values read
        value: Any = record.get(name)
        if name in _NOT_VALUES or _empty(value):
            continue
        if name == "problems":
            for i, problem in enumerate(value):
                yield f"problems[{i}]", problem.get("title")
                if problem.get("status"):
                    yield f"problems[{i}].status", problem["status"]
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from _items(f"{name}.{key}", item)
        else:
            yield from _items(name, value)


def _items(path: str, value: Any) -> Iterator[tuple[str, Any]]:
    if _empty(value):
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield f"{path}[{i}]", _item_value(item)
    else:
        yield path, value


def _item_value(item: Any) -> Any:
    """A list item as one value: an attachment's name; a figure's kind and amount
    (party_discipline 12 人, refunded 356000 yuan); its raw text is the evidence's."""
    if not isinstance(item, dict):
        return item
    if "name" in item:
        return item["name"]
    if "yuan" in item:
        bound = "at least " if item.get("lower_bound") else ""
        return f"{item.get('kind')} {bound}{item['yuan']:g} yuan"
    parts = [item.get("kind"), item.get("count"), item.get("unit"), item.get("detail")]
    return " ".join(str(p) for p in parts if p not in (None, ""))


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _explained(path: str, value: Any, where: dict[str, Any] | None, body: str) -> Explained:
    shown = str(value)
    if not isinstance(where, dict):
        return Explained(path, shown)
    try:
        evidence = from_json(where)
    except (KeyError, TypeError, ValueError):
        return Explained(path, shown)
    if isinstance(evidence, Elsewhere):
        place = evidence.place + (f": {evidence.key}" if evidence.key else "")
        return Explained(path, shown, place=place)
    if evidence.end > len(body):
        return Explained(path, shown, place="a span past the end of body_text")
    sentence, mark = sentence_of(body, evidence)
    return Explained(path, shown, sentence, mark)


def sentence_of(body: str, span: Span) -> tuple[str, tuple[int, int]]:
    """The sentence(s) of `body` holding the span (at most _CONTEXT characters each side),
    and the span's place inside it."""
    left = max(span.start - _CONTEXT, 0)
    ends = [m.end() for m in _SENTENCE_END.finditer(body, left, span.start)]
    start = ends[-1] if ends else left
    after = _SENTENCE_END.search(body, span.end, min(span.end + _CONTEXT, len(body)))
    end = after.end() if after else min(span.end + _CONTEXT, len(body))
    sentence = body[start:end].rstrip("\n")
    return sentence, (span.start - start, min(span.end, start + len(sentence)) - start)


def render(items: list[Explained], console: Console) -> None:
    for item in items:
        line = Text.assemble((item.path, "bold cyan"), ": ", item.value)
        console.print(line)
        if item.sentence is not None and item.mark is not None:
            quoted = Text("    " + item.sentence.replace("\n", " ⏎ "))
            start, end = item.mark
            shift = 4 + 2 * item.sentence[:start].count("\n")  # ' ⏎ ' is 3 for 1
            inside = item.sentence[start:end].count("\n") * 2
            quoted.stylize("bold reverse yellow", start + shift, end + shift + inside)
            console.print(quoted)
        else:
            console.print(Text(f"    from {item.place or '(not recorded)'}", "dim"))


@app.command("explain")
def explain_cmd(
    key: Annotated[
        str,
        typer.Argument(
            metavar="ID|URL|FILE", help="A stored notice's id or URL, or a file to parse."
        ),
    ],
    url: UrlOption = None,
) -> None:
    """Each field of a notice with the sentence it was read from (the value's span
    highlighted), or where it came from when not the text."""
    key = key.strip()
    if not key:
        usage_error("give a notice's id, its URL or a file")
    path = Path(key)
    if not key.isdigit() and "://" not in key:
        if not path.is_file():
            usage_error(f"{key}: no such file (give a notice's id, its URL or a file)")
        record = _parsed(path)
        title = f"{path} (parsed now)"
    else:
        record = _stored(key, url)
        title = f"notice {record['id']} {record['url']} (parser {record['parser_version']})"
    console = Console(highlight=False, soft_wrap=True)
    verdict = "a notice" if record.get("is_notice", True) else "not a notice"
    console.print(Text(f"{title}: {verdict}", "bold"))
    render(explain(record), console)


def _parsed(path: Path) -> dict[str, Any]:
    try:
        return parse_path(path).to_dict()
    except UnreadableFile as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    except NotANotice as exc:
        usage_error(str(exc))


def _stored(key: str, url: str | None) -> dict[str, Any]:
    engine = open_archive(url)
    try:
        with engine.connect() as conn:
            canonical = None if key.isdigit() else canonical_url(key)
            notice = history.find_notice(conn, key, canonical)
            if notice is None:
                usage_error(f"no stored notice has the URL or id {key!r}")
            row = conn.execute(select(NOTICES).where(NOTICES.c.id == notice.id)).one()
            query = select(PROBLEMS).where(PROBLEMS.c.notice_id == notice.id)
            problems = [
                {f: getattr(p, f) for f in PROBLEM_FIELDS}
                for p in conn.execute(query.order_by(PROBLEMS.c.seq))
            ]
            return to_record(row._mapping, problems)
    finally:
        engine.dispose()
