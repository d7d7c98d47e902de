"""`notices export`: the archive as CSV (notices + problems tables), JSONL (problems nested),
Parquet (one typed file per table) or WARC (the raw pages)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from crawler.cli.db_cmd import UrlOption, open_archive
from crawler.cli.typer_apps import app, usage_error
from crawler.seeds import SeedError, load_registry
from crawler.usage_errors import UsageError
from models.export import (
    LOCATION_FIELDS,
    PROBLEM_FIELDS,
    RECORD_FIELDS,
    ExportFilters,
    iter_records,
    problem_rows,
)
from pipelines.common.record import (
    LEVELS,
    Contact,
    Counts,
    NoticeRecord,
    StatusCounts,
    Storage,
    names,
)

# Nested values flattened into columns, so the CSV opens as a plain table in a spreadsheet: a
# list joined by LIST_SEP, a nested object one column per key, named with its prefix.
NESTED: dict[str, tuple[str, type]] = {
    "counts": ("counts", Counts),
    "status_counts": ("status", StatusCounts),
    "contact": ("contact", Contact),
}
# A map with no fixed keys (the evidence: field path -> where it was read) stays JSON text.
JSON_TEXT = ("evidence",)
FLAT = [f for f in RECORD_FIELDS if f in names(NoticeRecord, Storage.JSON) and f not in JSON_TEXT]


def flat_columns(field: str) -> list[str]:
    """The CSV columns a flattened record field becomes."""
    if field not in NESTED:
        return [field]
    prefix, cls = NESTED[field]
    return [f"{prefix}_{k}" for k in names(cls)]


NOTICE_COLUMNS = [
    *LOCATION_FIELDS,
    *(f for f in RECORD_FIELDS if f not in FLAT and f != "body_text"),
    *(column for f in FLAT for column in flat_columns(f)),
    "problem_count",
    "attachments",
    "extra",
    "body_text",
]
PROBLEM_COLUMNS = ["notice_id", *PROBLEM_FIELDS]
LIST_SEP = "; "
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection); OWASP's
# remedy is a leading apostrophe, which spreadsheets show as text and do not keep in the value.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Format(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    warc = "warc"


@app.command("export")
def export(
    fmt: Annotated[Format, typer.Option("--format", help="csv or jsonl.")] = Format.jsonl,
    region: Annotated[
        str | None,
        typer.Option(
            help="Only notices of this region and those below it: name, pinyin or GB/T 2260 "
            "code, as for `notices crawl`."
        ),
    ] = None,
    since: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="Only notices published on or after this date (YYYY-MM-DD); undated ones drop.",
        ),
    ] = None,
    until: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="Only notices published on or before this date (YYYY-MM-DD); undated ones drop.",
        ),
    ] = None,
    site: Annotated[
        list[str] | None, typer.Option(help="Only notices of this site id (repeatable).")
    ] = None,
    level: Annotated[
        str | None, typer.Option(help=f"Only this inspection level: {', '.join(LEVELS)}.")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            help="Output file. CSV writes two files: --out X.csv gives the notices in X.csv and "
            "their problems (with notice_id) in X.problems.csv, both UTF-8 with a BOM for "
            "spreadsheets. Parquet: a directory, one typed file per table. WARC: a .warc.gz file. "
            "Default: stdout (CSV: the notices table, or --problems; JSONL)."
        ),
    ] = None,
    problems: Annotated[
        bool, typer.Option("--problems", help="CSV to stdout: write the problems table.")
    ] = False,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel",
            help="CSV for spreadsheets on stdout too: a UTF-8 BOM first, so Excel reads the "
            "Chinese right (files written with --out always carry it; formula-like cells are "
            "always neutralised).",
        ),
    ] = False,
    url: UrlOption = None,
) -> None:
    """Export stored notices: JSONL has one record per line with problems nested; CSV has one
    table of notices and one of problems joined by notice id; Parquet one typed file per table
    (sites, notices, problems, attachments, notice_versions, inspections, inspection_notices,
    feedback_events); WARC every stored version of the
    pages and their files, for web-archive tools."""
    if level is not None and level not in LEVELS:
        usage_error(f"unknown --level {level!r}: use one of {', '.join(LEVELS)}")
    if excel and fmt is not Format.csv:
        usage_error(f"--excel is for --format csv, not {fmt}")
    if fmt in (Format.parquet, Format.warc) and out is None:
        usage_error(f"--format {fmt} writes files: give --out")
    if out is None:
        check_encoding(sys.stdout)
    filters = ExportFilters(
        regions=region_names(region),
        since=since.date() if since else None,
        until=until.date() if until else None,
        sites=site or None,
        level=level,
    )
    engine = open_archive(url)
    try:
        with engine.connect() as conn:
            if fmt is Format.parquet:
                assert out is not None
                from models import parquet_export  # pyarrow: paid by this format only

                for table, n in parquet_export.write_all(conn, out, filters).items():
                    _done(f"{n} rows", out / f"{table}.parquet")
            elif fmt is Format.warc:
                assert out is not None
                from models import warc_export

                pages, files = warc_export.write_warc_file(conn, out, filters)
                _done(f"{pages} page versions and {files} attachment files", out)
            elif fmt is Format.jsonl:
                with _open(out, bom=False) as f:
                    n = write_jsonl(iter_records(conn, filters), f)
                _done(f"{n} notices", out)
            elif out is None:
                if excel:
                    sys.stdout.write(BOM)
                if problems:
                    write_csv(problem_rows(conn, filters), PROBLEM_COLUMNS, sys.stdout)
                else:
                    rows = (flat_notice(r) for r in iter_records(conn, filters))
                    write_csv(rows, NOTICE_COLUMNS, sys.stdout)
            else:
                problems_out = problems_path(out)
                with _open(out, bom=True) as f:
                    rows = (flat_notice(r) for r in iter_records(conn, filters))
                    n = write_csv(rows, NOTICE_COLUMNS, f)
                with _open(problems_out, bom=True) as f:
                    m = write_csv(problem_rows(conn, filters), PROBLEM_COLUMNS, f)
                _done(f"{n} notices", out)
                _done(f"{m} problems", problems_out)
    finally:
        engine.dispose()


def region_names(query: str | None) -> list[str] | None:
    """The stored region names a --region value stands for: the region and those below it."""
    if query is None:
        return None
    try:
        registry = load_registry()
        return [r.name for r in registry.descendants(registry.find_region(query))]
    except SeedError:
        # A region no longer in the registry can still be asked for by its stored name.
        return [query]


def problems_path(out: Path) -> Path:
    """X.csv -> X.problems.csv (any other name gets .problems.csv appended)."""
    stem = out.name[: -len(".csv")] if out.name.lower().endswith(".csv") else out.name
    return out.with_name(f"{stem}.problems.csv")


def write_jsonl(records: Iterable[dict[str, Any]], f: IO[str]) -> int:
    n = 0
    for record in records:
        f.write(json.dumps(record, ensure_ascii=False, default=_json_default) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[Any], columns: list[str], f: IO[str]) -> int:
    writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        mapping = row if isinstance(row, dict) else dict(row._mapping)
        writer.writerow({k: neutralise_cell(v) for k, v in mapping.items()})
        n += 1
    return n


BOM = "\ufeff"  # what utf-8-sig writes first: Excel's sign that a CSV is UTF-8

# Text only an encoding of all of Unicode can write: a CJK ideograph and one beyond the BMP.
_UNICODE_PROBE = "巡\U00020000"


def check_encoding(stream: IO[str]) -> None:
    """Refuse, before the first row, a stream whose encoding cannot write every notice (a
    latin-1 or ASCII terminal): a half-written export is worse than none."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        _UNICODE_PROBE.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        raise UsageError(
            f"stdout's encoding {encoding} cannot write the notices' text; "
            "use --out FILE, or set PYTHONIOENCODING=utf-8"
        ) from None


def neutralise_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, prefixed with `'`; others unchanged.
    Numbers stay numbers: only text can carry a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def flat_notice(record: dict[str, Any]) -> dict[str, Any]:
    row = {k: v for k, v in record.items() if k not in FLAT}
    for f in FLAT:
        value = record.get(f)
        if f not in NESTED:
            items = value or []
            # A list of words is joined; a list of objects (accountability, money) is JSON.
            texts = all(isinstance(v, str) for v in items)
            row[f] = LIST_SEP.join(items) if texts else json.dumps(items, ensure_ascii=False)
            continue
        nested = value or {}
        for k, column in zip(names(NESTED[f][1]), flat_columns(f), strict=True):
            item = nested.get(k)
            row[column] = LIST_SEP.join(item or []) if isinstance(item, list) else item
    for f in JSON_TEXT:
        row[f] = json.dumps(record.get(f) or {}, ensure_ascii=False)
    row["urls"] = LIST_SEP.join(record.get("urls") or [])
    row["problem_count"] = len(record.get("problems") or [])
    row["attachments"] = json.dumps(record.get("attachments") or [], ensure_ascii=False)
    row["extra"] = json.dumps(record["extra"], ensure_ascii=False) if record.get("extra") else ""
    return row


@contextmanager
def _open(path: Path | None, *, bom: bool) -> Iterator[IO[str]]:
    """stdout, or a new UTF-8 file (with a BOM for CSV: spreadsheets then read Chinese right)."""
    if path is None:
        yield sys.stdout
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        f = path.open("w", encoding="utf-8", newline="")
        if bom:
            f.write(BOM)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    with f:
        yield f


def _done(what: str, path: Path | None) -> None:
    if path is not None:
        typer.echo(f"wrote {what} to {path}", err=True)


def _json_default(value: Any) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
