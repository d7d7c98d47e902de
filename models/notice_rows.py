"""A notice page turned into the rows of its notice, problems, attachments, files and version."""

from __future__ import annotations

import hashlib
import json
import re
import typing
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, dataclass, fields
from datetime import date
from typing import Any

from models.hashing import file_sha256, files_digest
from pipelines.common.fetched import FetchedAttachment, FetchedPage
from pipelines.common.record import NoticeRecord, Problem, Storage, names, spec

# The record's fields with a column of `notices` (problems: a table of their own); is_notice is
# true of every row, since only notices get one.
_FIELDS = {f.name: f for f in fields(NoticeRecord) if spec(f).storage is not Storage.TABLE}
_COLUMN_FIELDS = tuple(name for name in _FIELDS if name != "is_notice")
_DATE_FIELDS = names(NoticeRecord, Storage.DATE)
_KNOWN_FIELDS = frozenset(names(NoticeRecord))
_SEQUENCES = frozenset(
    name
    for name, hint in typing.get_type_hints(NoticeRecord).items()
    if typing.get_origin(hint) is tuple
)
_PARTIAL_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")


@dataclass(slots=True)
class Prepared:
    """A notice page turned into rows, with the hash that decides unchanged vs updated."""

    page: FetchedPage
    row: dict[str, Any]
    record_sha256: str
    problems: list[dict[str, Any]]
    version: dict[str, Any]
    attachments: list[dict[str, Any]]
    files: list[dict[str, Any]]  # rows of attachment_files, without first_seen_at
    version_files: list[tuple[str, str]]  # (url, file sha256) of the version

    @classmethod
    def of(cls, page: FetchedPage, fetch: str, digest: str, has_nul: bool) -> Prepared:
        record = page.record or {}
        attachments = [no_nul(r) for r in _attachment_rows(page.attachments)]
        files = _file_rows(page.attachments)
        version_files = [(r["url"], r["sha256"]) for r in attachments if r["sha256"] is not None]
        raw_sha = hashlib.sha256(page.body).hexdigest()
        row = _notice_row(page, record)
        row.update(content_sha256=raw_sha, fetch_sha256=fetch, record_sha256=digest)
        body_sha = hashlib.sha256(_normalise(row["body_text"]).encode()).hexdigest()
        version = {
            "raw_sha256": raw_sha,
            "files_sha256": files_digest(version_files),
            "body_sha256": body_sha,
            "raw_zlib": zlib.compress(page.body),
            "http_status": page.status,
            "fetched_at": page.fetched_at,
            "parser_version": row["parser_version"],
        }
        problems = _problem_rows(record)
        if has_nul:
            row = no_nul(row)
            problems = [no_nul(r) for r in problems]
        return cls(page, row, digest, problems, version, attachments, files, version_files)


def _notice_row(page: FetchedPage, record: Mapping[str, Any]) -> dict[str, Any]:
    # Values that do not fit their typed column are kept in `extra`, never dropped or guessed.
    extra: dict[str, Any] = {k: v for k, v in record.items() if k not in _KNOWN_FIELDS}

    row: dict[str, Any] = {
        "site_id": page.site_id,
        "region": page.region,
        "url": page.url,
        "canonical_url": page.canonical_url,
        "is_notice": True,  # only notices get a row; other pages are raw_pages
    }
    for name in _COLUMN_FIELDS:
        value = record.get(name)
        if value is not None and _FITS[name](value):
            row[name] = _iso_date(value) if name in _DATE_FIELDS else value
            continue
        if value is not None:
            extra[name] = value
        row[name] = _default(name)
    problems = record.get("problems")
    if isinstance(problems, list):
        unreadable = [p for p in problems if not isinstance(p, Mapping)]
        if unreadable:  # entries that are not {seq, aspect, title, ...}
            extra["problems"] = unreadable
    elif problems is not None:
        extra["problems"] = problems
    row["extra"] = extra
    return row


def _fits(name: str) -> Callable[[Any], bool]:
    """Whether a value fits the column of record field `name`, as its declaration says."""
    declared = spec(_FIELDS[name])
    match declared.storage:
        case Storage.FLAG:
            return lambda v: isinstance(v, bool)
        case Storage.TEXT:
            return lambda v: isinstance(v, str)
        case Storage.NUMBER:
            return lambda v: isinstance(v, int) and not isinstance(v, bool)
        case Storage.REAL:
            return lambda v: isinstance(v, int | float) and not isinstance(v, bool)
        case Storage.DATE:
            return lambda v: _iso_date(v) is not None
        case Storage.PARTIAL_DATE:
            return lambda v: isinstance(v, str) and _PARTIAL_DATE.fullmatch(v) is not None
        case Storage.LABEL:
            return lambda v: (
                isinstance(v, str)
                and (declared.length is None or len(v) <= declared.length)
                and (not declared.values or v in declared.values)
            )
        case Storage.JSON if name in _SEQUENCES:
            return lambda v: isinstance(v, list)
        case Storage.JSON:  # a nested record object
            return lambda v: isinstance(v, dict)
    raise ValueError(f"{name}: {declared.storage} has no column")


def _default(name: str) -> Any:
    """A missing field's column value: the record's own default, JSON-shaped (a new one each
    time, so rows never share a list)."""
    f = _FIELDS[name]
    if f.default_factory is not MISSING:  # a nested object
        return {}
    if f.default is MISSING:
        return None
    return [] if isinstance(f.default, tuple) else f.default


_FITS = {name: _fits(name) for name in _COLUMN_FIELDS}
_PROBLEM_TEXTS = tuple(name for name in names(Problem) if name != "seq")


def _problem_rows(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    # seq is the position in the document, which the contract defines it to be; using the
    # position keeps (notice_id, seq) unique even if a parser repeats a number.
    problems = record.get("problems")
    return [
        {"seq": n, **{name: _text(p.get(name)) for name in _PROBLEM_TEXTS}}
        for n, p in enumerate(problems if isinstance(problems, list) else [], start=1)
        if isinstance(p, Mapping)
    ]


def _text(value: Any) -> str | None:
    """A text column's value: a non-string the parser should not have given is kept as JSON."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _attachment_rows(attachments: Iterable[FetchedAttachment]) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for a in attachments:
        rows[a.url] = {  # one row per URL: a page linking a file twice stores it once
            "name": a.name,
            "url": a.url,
            "sha256": file_sha256(a),
            "http_status": a.status,
            "error": a.error,
        }
    return list(rows.values())


def _file_rows(attachments: Iterable[FetchedAttachment]) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for a in attachments:
        sha = file_sha256(a)
        if a.body is None or sha is None or sha in rows:
            continue
        rows[sha] = no_nul(
            {
                "sha256": sha,
                "size": len(a.body),
                "content_type": a.content_type,
                "body_zlib": zlib.compress(a.body),
                "text": a.text,
            }
        )
    return list(rows.values())


def _iso_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _normalise(text: str) -> str:
    # Whitespace only: the cleaner already fixed the text, and NFKC would cost a fifth of a write.
    return " ".join(text.split())


def no_nul(row: dict[str, Any]) -> dict[str, Any]:
    # PostgreSQL text cannot hold NUL; a NUL in scraped text is an artefact, not content.
    return {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in row.items()}
