"""The local spool: pages the database could not take are appended here (JSONL, bytes in base64)
and written on the next run or by `notices db replay`. Nothing fetched is ever dropped."""

from __future__ import annotations

import base64
import fcntl
import json
import logging
import os
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import MISSING
from datetime import datetime
from pathlib import Path
from types import UnionType
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from sqlalchemy import Engine

from models.db import is_transient
from models.upsert import write_pages
from models.writes import Outcome
from pipelines.common import settings
from pipelines.common.fetched import FetchedAttachment, FetchedPage, stored_fields

logger = logging.getLogger(__name__)

SPOOL_ENV = settings.SPOOL.name
REPLAY_BATCH = 200
_T = TypeVar("_T")
_B64 = "_b64"  # a bytes field's key suffix: its value is base64 text
# Field types of the spooled types, resolved once.
_HINTS: dict[type[Any], dict[str, Any]] = {
    cls: get_type_hints(cls) for cls in (FetchedPage, FetchedAttachment)
}


def spool_path(setting: str | None = None) -> Path:
    """The spool file: the given setting, else `NOTICES_SPOOL`, else the registry's default."""
    return Path(setting or settings.read(settings.SPOOL))


def append(path: Path, pages: Iterable[FetchedPage]) -> int:
    """Append pages to the spool, flushed to disk before returning; returns how many."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # default=str: a value JSON cannot hold is kept as text rather than failing the spool.
    lines = [json.dumps(to_json(p), ensure_ascii=False, default=str) + "\n" for p in pages]
    with _locked(path, ".lock"), path.open("a", encoding="utf-8") as f:
        f.writelines(lines)
        f.flush()
        os.fsync(f.fileno())
    return len(lines)


def read(path: Path) -> list[FetchedPage]:
    """The spooled pages; a line that does not decode is an error naming the file and line."""
    pages = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                pages.append(from_json(json.loads(line)))
            except (ValueError, KeyError, TypeError) as exc:
                raise SpoolError(f"{path}:{n}: unreadable spool line ({exc})") from exc
    return pages


class SpoolError(ValueError):
    """The spool file holds a line that is not a spooled page."""


def replay(engine: Engine, path: Path) -> Counter[Outcome]:
    """Write the spooled pages to the database, then remove the spool.

    The file is first moved aside so that pages spooled meanwhile go to a new file; if the
    database fails, the moved file is put back (merged with any new one) and the error propagates.
    A page the database rejects for its data is moved to `<spool>.rejected.jsonl` (logged), so
    it cannot block the others. Replaying twice is harmless: repeated pages are `unchanged`.
    """
    counts: Counter[Outcome] = Counter()
    if not path.exists():
        return counts
    try:
        with _locked(path, ".replay.lock", wait=False):
            return _replay(engine, path, counts)
    except BlockingIOError:
        logger.info("spool %s is being replayed by another process", path)
        return counts


def _replay(engine: Engine, path: Path, counts: Counter[Outcome]) -> Counter[Outcome]:
    work = path.with_name(path.name + ".replaying")
    with _locked(path, ".lock"):
        if not path.exists():  # another replay finished meanwhile
            return counts
        if work.exists():  # a replay that was interrupted: its pages come first
            _append_file(work, path)
            path.unlink()
        else:
            path.rename(work)
    rejected: list[FetchedPage] = []
    try:
        pages = read(work)
        for start in range(0, len(pages), REPLAY_BATCH):
            batch = pages[start : start + REPLAY_BATCH]
            try:
                counts.update(write_pages(engine, batch))
            except Exception as exc:  # a page's data (any error type) must not block the rest
                if is_transient(exc):
                    raise
                for page in batch:  # find the page at fault, write the others
                    try:
                        counts.update(write_pages(engine, [page]))
                    except Exception as page_exc:
                        if is_transient(page_exc):
                            raise
                        logger.error("spooled page %s rejected: %s", page.url, page_exc)
                        rejected.append(page)
    except Exception:
        _restore(work, path)
        raise
    if rejected:
        append(rejected_path(path), rejected)
        logger.error("%d pages moved to %s", len(rejected), rejected_path(path))
    work.unlink()
    logger.info("replayed %d spooled pages from %s", sum(counts.values()), path)
    return counts


def rejected_path(path: Path) -> Path:
    return path.with_name(path.stem + ".rejected" + path.suffix)


def _restore(work: Path, path: Path) -> None:
    with _locked(path, ".lock"):
        if path.exists():
            _append_file(work, path)
        work.replace(path)


def _append_file(dest: Path, src: Path) -> None:
    """Append src's lines to dest in place (dest's pages stay first)."""
    with dest.open("ab") as out, src.open("rb") as f:
        shutil.copyfileobj(f, out)


@contextmanager
def _locked(path: Path, suffix: str, *, wait: bool = True) -> Iterator[None]:
    """An exclusive lock beside the spool, so that crawls running side by side neither lose
    appended lines nor replay the same file twice. Raises BlockingIOError if `wait` is false
    and the lock is held."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.with_name(path.name + suffix).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def to_json(value: FetchedPage | FetchedAttachment) -> dict[str, Any]:
    """A fetched page (or attachment) as JSON: its stored fields by name, bytes in base64 under
    `<name>_b64`, times in ISO 8601, attachments as a list of the same."""
    data: dict[str, Any] = {}
    for f in stored_fields(type(value)):
        kind, item = _kind(type(value), f.name), getattr(value, f.name)
        if kind is bytes:
            data[f.name + _B64] = None if item is None else base64.b64encode(item).decode("ascii")
        elif kind is datetime:
            data[f.name] = None if item is None else item.isoformat()
        elif kind is list:
            data[f.name] = [to_json(element) for element in item]
        else:
            data[f.name] = item
    return data


def from_json(data: dict[str, Any]) -> FetchedPage:
    return _from_json(FetchedPage, data)


def _from_json(cls: type[_T], data: dict[str, Any]) -> _T:
    """The inverse of `to_json`; a field missing from an older line takes its default."""
    values: dict[str, Any] = {}
    for f in stored_fields(cls):
        kind = _kind(cls, f.name)
        key = f.name + _B64 if kind is bytes else f.name
        if key not in data:
            if f.default is MISSING and f.default_factory is MISSING:
                raise KeyError(key)
            continue
        item = data[key]
        if item is None:
            values[f.name] = None
        elif kind is bytes:
            values[f.name] = base64.b64decode(item)
        elif kind is datetime:
            values[f.name] = datetime.fromisoformat(item)
        elif kind is list:
            (element,) = get_args(_HINTS[cls][f.name])
            values[f.name] = [_from_json(element, e) for e in item]
        elif kind is tuple:  # of plain values (a page's redirect sources): JSON keeps a list
            values[f.name] = tuple(item)
        else:
            values[f.name] = item
    return cls(**values)


def _kind(cls: type[Any], name: str) -> Any:
    """The field's type without `| None` and type arguments: bytes, datetime, list, str …"""
    hint = _HINTS[cls][name]
    args = [a for a in get_args(hint) if a is not type(None)]
    if isinstance(hint, UnionType) and len(args) == 1:
        hint = args[0]
    return get_origin(hint) or hint
