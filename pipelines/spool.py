"""The local spool: what the database could not take is appended here and written on the next run
or by `notices db replay`. Nothing fetched is ever dropped.

One JSON object a line (bytes in base64): a fetched page, or a crawl-run row
(`"kind": "crawl_run"`) whose database was down when the run ended. Each record is one
newline-terminated write, fsync'd; a torn line (a crash mid-write) is sealed off by the next
append and, on replay, moved to `<spool>.torn.jsonl` with a warning instead of blocking the
spool. Text is made storable (lone surrogates, NUL) before it is written, so one odd character
cannot make a record unspoolable.
"""

from __future__ import annotations

import base64
import dataclasses
import fcntl
import json
import logging
import os
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import MISSING, dataclass, field
from datetime import datetime
from pathlib import Path
from types import UnionType
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from sqlalchemy import Engine

from models.db import is_transient
from models.runs import json_safe, record_crawl_run
from models.upsert import write_pages
from pipelines.common import settings
from pipelines.common.fetched import FetchedAttachment, FetchedPage, stored_fields
from pipelines.common.storable import storable

logger = logging.getLogger(__name__)

SPOOL_ENV = settings.SPOOL.name
REPLAY_BATCH = 200
RUN_KIND = "crawl_run"  # the `kind` of a spooled crawl-run row; pages have none
RUN_FIELDS = ("region", "started_at", "finished_at", "outcome", "stats", "site_outcomes")
_T = TypeVar("_T")
_B64 = "_b64"  # a bytes field's key suffix: its value is base64 text
# Field types of the spooled types, resolved once.
_HINTS: dict[type[Any], dict[str, Any]] = {
    cls: get_type_hints(cls) for cls in (FetchedPage, FetchedAttachment)
}


def spool_path(setting: str | None = None) -> Path:
    """The spool file: the given setting, else `NOTICES_SPOOL`, else the registry's default."""
    return Path(setting or settings.read(settings.SPOOL))


def rejected_path(path: Path) -> Path:
    """Records the database refused for their data: kept, never replayed automatically."""
    return path.with_name(path.stem + ".rejected" + path.suffix)


def torn_path(path: Path) -> Path:
    """Lines that were not whole records (a crash mid-write): kept for a person to look at."""
    return path.with_name(path.stem + ".torn" + path.suffix)


def replaying_path(path: Path) -> Path:
    return path.with_name(path.name + ".replaying")


def pending(path: Path) -> bool:
    """True when the spool, or a replay interrupted by a crash, holds records."""
    return path.exists() or replaying_path(path).exists()


# -- writing ----------------------------------------------------------------------------------


def append(path: Path, pages: Iterable[FetchedPage]) -> int:
    """Append pages to the spool, on disk before returning; returns how many."""
    return _append_lines(path, [_line(to_json(p)) for p in pages])


def append_run(path: Path, run: Mapping[str, Any]) -> None:
    """Append a crawl-run row (the keyword arguments of `models.runs.record_crawl_run`)."""
    data: dict[str, Any] = {"kind": RUN_KIND, **{k: run.get(k) for k in RUN_FIELDS}}
    _append_lines(path, [_line(json_safe(data))])  # json_safe: times in ISO 8601


def _line(data: Any) -> bytes:
    # default=str: a value JSON cannot hold is kept as text rather than failing the spool.
    return (json.dumps(storable(data), ensure_ascii=False, default=str) + "\n").encode("utf-8")


def _append_lines(path: Path, lines: list[bytes]) -> int:
    if not lines:
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with _locked(path, ".lock"):
        fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            _seal(fd)
            _write_all(fd, b"".join(lines))
            os.fsync(fd)
        finally:
            os.close(fd)
    return len(lines)


def _seal(fd: int) -> None:
    """End a torn last line (a crash mid-write), so that the next record starts on its own."""
    size = os.fstat(fd).st_size
    if size and os.pread(fd, 1, size - 1) != b"\n":
        _write_all(fd, b"\n")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


# -- reading ----------------------------------------------------------------------------------


@dataclass(slots=True)
class BadLine:
    number: int
    raw: bytes
    reason: str


@dataclass(slots=True)
class Contents:
    pages: list[FetchedPage] = field(default_factory=list)
    runs: list[dict[str, Any]] = field(default_factory=list)  # record_crawl_run's arguments
    bad: list[BadLine] = field(default_factory=list)


def load(path: Path) -> Contents:
    """Everything the spool holds; a line that is not a whole record is listed in `bad`."""
    contents = Contents()
    with path.open("rb") as f:
        for n, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            try:
                data = json.loads(raw.decode("utf-8"))
                if not isinstance(data, dict):
                    raise TypeError(f"a JSON {type(data).__name__}, not an object")
                if data.get("kind") == RUN_KIND:
                    contents.runs.append(_run_from_json(data))
                else:
                    contents.pages.append(from_json(data))
            except (ValueError, KeyError, TypeError) as exc:
                contents.bad.append(BadLine(n, raw, f"{type(exc).__name__}: {exc}"))
    return contents


def read(path: Path) -> list[FetchedPage]:
    """The spooled pages (a bad line is skipped here, and quarantined by `replay`)."""
    return load(path).pages


def _run_from_json(data: dict[str, Any]) -> dict[str, Any]:
    run: dict[str, Any] = {k: data.get(k) for k in RUN_FIELDS}
    for key in ("started_at", "finished_at"):
        run[key] = datetime.fromisoformat(run[key]) if run[key] else None
    if run["started_at"] is None:
        raise KeyError("started_at")
    run["stats"] = run["stats"] or {}
    return run


# -- replaying --------------------------------------------------------------------------------


def replay(engine: Engine, path: Path) -> Counter[str]:
    """Write the spooled records to the database, then remove the spool; returns the count per
    page outcome (`inserted`, …), plus `crawl_run`, `rejected` and `torn`.

    The file is first moved aside to `<spool>.replaying`, so that records spooled meanwhile go to
    a new file; a `.replaying` left by a crash is taken up first. If the database fails, the moved
    file is put back (merged with any new one) and the error propagates. A record the database
    rejects for its data goes to `<spool>.rejected.jsonl`, a torn line to `<spool>.torn.jsonl`
    (both logged), so neither blocks the others. Replaying twice is harmless: repeated pages are
    `unchanged`.
    """
    counts: Counter[str] = Counter()
    if not pending(path):
        return counts
    try:
        with _locked(path, ".replay.lock", wait=False):
            return _replay(engine, path, counts)
    except BlockingIOError:
        logger.info("spool %s is being replayed by another process", path)
        return counts


def _replay(engine: Engine, path: Path, counts: Counter[str]) -> Counter[str]:
    work = replaying_path(path)
    with _locked(path, ".lock"):
        if work.exists():  # a replay that was interrupted: its records come first
            if path.exists():
                _append_file(work, path)
                path.unlink()
        elif path.exists():
            path.rename(work)
        else:  # another replay finished meanwhile
            return counts
    try:
        contents = load(work)
        _quarantine(path, contents.bad)
        counts["torn"] += len(contents.bad)
        rejected = _write_pages(engine, contents.pages, counts)
        rejected_runs = _write_runs(engine, contents.runs, counts)
    except Exception:
        _restore(work, path)
        raise
    if rejected or rejected_runs:
        append(rejected_path(path), rejected)
        for run in rejected_runs:
            append_run(rejected_path(path), run)
        counts["rejected"] += len(rejected) + len(rejected_runs)
        logger.error(
            "%d spooled records moved to %s",
            len(rejected) + len(rejected_runs),
            rejected_path(path),
        )
    work.unlink()
    logger.info("replayed %d spooled records from %s", sum(counts.values()), path)
    return +counts


def _write_pages(
    engine: Engine, pages: list[FetchedPage], counts: Counter[str]
) -> list[FetchedPage]:
    """Write in batches; a batch that fails for its data is written page by page. Returns the
    pages the database rejected; a fault of the database itself propagates."""
    rejected: list[FetchedPage] = []
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
    return rejected


def _write_runs(
    engine: Engine, runs: list[dict[str, Any]], counts: Counter[str]
) -> list[dict[str, Any]]:
    rejected = []
    for run in runs:
        try:
            record_crawl_run(engine, **run)
            counts[RUN_KIND] += 1
        except Exception as exc:
            if is_transient(exc):
                raise
            logger.error("spooled crawl run of %s rejected: %s", run["started_at"], exc)
            rejected.append(run)
    return rejected


def _quarantine(path: Path, bad: list[BadLine]) -> None:
    if not bad:
        return
    for line in bad:
        logger.warning(
            "%s:%d: not a whole spool record (%s), moved to %s",
            replaying_path(path),
            line.number,
            line.reason,
            torn_path(path),
        )
    _append_lines(torn_path(path), [line.raw.rstrip(b"\n") + b"\n" for line in bad])


def _restore(work: Path, path: Path) -> None:
    with _locked(path, ".lock"):
        if path.exists():
            _append_file(work, path)
        work.replace(path)


def _append_file(dest: Path, src: Path) -> None:
    """Append src's lines to dest in place (dest's records stay first)."""
    fd = os.open(dest, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        _seal(fd)
        with src.open("rb") as f, os.fdopen(os.dup(fd), "ab") as out:
            shutil.copyfileobj(f, out)
            out.flush()
        os.fsync(fd)
    finally:
        os.close(fd)


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


# -- the page as JSON -------------------------------------------------------------------------


def storable_page(page: FetchedPage) -> FetchedPage:
    """The page with every text value made storable (lone surrogates, NUL), bytes untouched."""
    return _storable(page)


def _storable(value: _T) -> _T:
    changes: dict[str, Any] = {}
    for f in stored_fields(type(value)):
        kind, item = _kind(type(value), f.name), getattr(value, f.name)
        if kind is list:
            changes[f.name] = [_storable(element) for element in item]
        elif kind is not bytes and kind is not datetime:
            changes[f.name] = storable(item)
    return dataclasses.replace(value, **changes)  # type: ignore[type-var]


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
