"""One lock per archive, so that two nightly runs on the same database never overlap.

The lock follows the database, not the machine:

- PostgreSQL: a session-level advisory lock (`pg_try_advisory_lock`) held on a connection of its
  own for the whole run. Every machine that writes to the database sees it, so it keeps holding
  when crawls move to several workers (issue 13); it is released when the connection closes, so a
  killed run never leaves it behind.
- SQLite: the file lives on one machine, so an OS file lock (the `filelock` library: `flock` on
  Unix) on `<database file>.<name>.lock` beside it. The kernel drops it when the process dies, so
  a crashed run leaves no stale lock either (the empty lock file stays, which is harmless).

Taking the lock never waits: a second run is told at once (`ArchiveLocked`).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import filelock
from sqlalchemy import text
from sqlalchemy.engine import make_url

from models.db import make_engine, masked_url


class ArchiveLocked(RuntimeError):
    """Another run holds the archive's lock."""


class LockUnsupported(ValueError):
    """The database is of a kind that has no lock here (only SQLite and PostgreSQL do)."""


def advisory_key(name: str) -> int:
    """The signed 64-bit key of lock `name`, the same on every machine."""
    digest = hashlib.sha256(f"notices:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def lock_file(url: str, name: str) -> Path:
    """Where the file lock of a SQLite archive lives: beside the database file."""
    database = make_url(url).database
    if database in (None, "", ":memory:"):  # no file to sit beside: nothing else can share it
        return Path(tempfile.gettempdir()) / f"notices-memory.{name}.lock"
    return Path(f"{database}.{name}.lock")


@contextmanager
def archive_lock(url: str, name: str = "nightly") -> Iterator[str]:
    """Hold lock `name` of the archive at `url` for the `with` block; yields what it holds.

    Raises ArchiveLocked when another run holds it, LockUnsupported for other databases, and
    SQLAlchemyError or OSError when the database or the lock file cannot be reached."""
    backend = make_url(url).get_backend_name()
    if backend == "postgresql":
        with _advisory_lock(url, name) as held:
            yield held
    elif backend == "sqlite":
        with _file_lock(lock_file(url, name)) as held:
            yield held
    else:
        raise LockUnsupported(f"no lock for {backend} databases (only SQLite and PostgreSQL)")


@contextmanager
def _advisory_lock(url: str, name: str) -> Iterator[str]:
    key = advisory_key(name)
    held = f"PostgreSQL advisory lock {key} ({name!r}) on {masked_url(url)}"
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar_one()
            conn.commit()  # the lock is the session's, not the transaction's: end the transaction
            if not got:
                raise ArchiveLocked(f"another run holds the {held}")
            try:
                yield held
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                conn.commit()
    finally:
        engine.dispose()


@contextmanager
def _file_lock(path: Path) -> Iterator[str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(path, timeout=0)
    held = f"file lock {path}"
    try:
        lock.acquire()
    except filelock.Timeout:
        raise ArchiveLocked(f"another run holds the {held}") from None
    try:
        yield held
    finally:
        lock.release()
