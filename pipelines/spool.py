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
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from models.db import is_transient
from models.upsert import write_pages
from models.writes import AttachmentWrite, Outcome, PageWrite

logger = logging.getLogger(__name__)

DEFAULT_SPOOL = "data/spool.jsonl"
SPOOL_ENV = "NOTICES_SPOOL"
REPLAY_BATCH = 200


def spool_path(setting: str | None = None) -> Path:
    """The spool file: the given setting, else `NOTICES_SPOOL`, else data/spool.jsonl."""
    return Path(setting or os.environ.get(SPOOL_ENV) or DEFAULT_SPOOL)


def append(path: Path, pages: Iterable[PageWrite]) -> int:
    """Append pages to the spool, flushed to disk before returning; returns how many."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # default=str: a value JSON cannot hold is kept as text rather than failing the spool.
    lines = [json.dumps(to_json(p), ensure_ascii=False, default=str) + "\n" for p in pages]
    with _locked(path, ".lock"), path.open("a", encoding="utf-8") as f:
        f.writelines(lines)
        f.flush()
        os.fsync(f.fileno())
    return len(lines)


def read(path: Path) -> list[PageWrite]:
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
    rejected: list[PageWrite] = []
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


def to_json(page: PageWrite) -> dict[str, Any]:
    return {
        "url": page.url,
        "canonical_url": page.canonical_url,
        "site_id": page.site_id,
        "region": page.region,
        "status": page.status,
        "fetched_at": page.fetched_at.isoformat(),
        "body_b64": _b64(page.body),
        "record": page.record,
        "list_title": page.list_title,
        "rule": page.rule,
        "attachments": [
            {
                "name": a.name,
                "url": a.url,
                "status": a.status,
                "content_type": a.content_type,
                "body_b64": _b64(a.body) if a.body is not None else None,
                "sha256": a.sha256,
                "text": a.text,
                "error": a.error,
            }
            for a in page.attachments
        ],
    }


def from_json(data: dict[str, Any]) -> PageWrite:
    return PageWrite(
        url=data["url"],
        canonical_url=data["canonical_url"],
        site_id=data["site_id"],
        region=data.get("region"),
        status=data.get("status"),
        fetched_at=datetime.fromisoformat(data["fetched_at"]),
        body=base64.b64decode(data["body_b64"]),
        record=data.get("record"),
        list_title=data.get("list_title"),
        rule=data.get("rule"),
        attachments=[
            AttachmentWrite(
                name=a["name"],
                url=a["url"],
                status=a.get("status"),
                content_type=a.get("content_type"),
                body=base64.b64decode(a["body_b64"]) if a.get("body_b64") is not None else None,
                sha256=a.get("sha256"),
                text=a.get("text"),
                error=a.get("error"),
            )
            for a in data.get("attachments") or []
        ],
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
