"""The archive's lock (models/archive_lock.py) on SQLite (a file lock) and PostgreSQL (an advisory
lock): a second holder is refused at once, a released or killed holder frees it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from models.archive_lock import (
    ArchiveLocked,
    LockUnsupported,
    advisory_key,
    archive_lock,
    lock_file,
)

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys, time
from models.archive_lock import archive_lock
with archive_lock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(120)
"""


def test_a_second_holder_is_refused_until_the_first_lets_go(db_url: str) -> None:
    with archive_lock(db_url) as held:
        assert "lock" in held
        with pytest.raises(ArchiveLocked, match="another run holds"), archive_lock(db_url):
            pass
    with archive_lock(db_url):  # released: free again
        pass


def test_locks_of_other_names_do_not_collide(db_url: str) -> None:
    with archive_lock(db_url, "nightly"), archive_lock(db_url, "site:farm-trs"):
        pass


def test_a_killed_holder_leaves_no_stale_lock(db_url: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, db_url], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        with pytest.raises(ArchiveLocked), archive_lock(db_url):
            pass
    finally:
        proc.kill()  # SIGKILL: no cleanup code of the holder runs
        proc.wait(timeout=30)
    with archive_lock(db_url):
        pass


def test_the_sqlite_lock_sits_beside_the_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'notices.db'}"
    assert lock_file(url, "nightly") == tmp_path / "notices.db.nightly.lock"
    with archive_lock(url) as held:
        assert str(tmp_path / "notices.db.nightly.lock") in held


def test_the_advisory_key_is_stable_and_fits_a_bigint() -> None:
    assert advisory_key("nightly") == advisory_key("nightly") != advisory_key("other")
    assert -(2**63) <= advisory_key("nightly") < 2**63


def test_other_databases_have_no_lock() -> None:
    lock = archive_lock("mysql://u@localhost/db")
    with pytest.raises(LockUnsupported, match="only SQLite and PostgreSQL"), lock:
        pass
