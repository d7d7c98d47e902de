"""The database fault's one line, per kind and state, and its stats."""

from __future__ import annotations

import pytest

from pipelines.common.db_fault import DbFault, DbReport, FaultKind

DB = "postgresql+psycopg://u:***@h/d"


@pytest.mark.parametrize(
    ("fault", "line"),
    [
        (
            DbFault(FaultKind.UNREACHABLE, DB, "connection refused", "data/spool.jsonl", 12),
            (
                f"database {DB} is unreachable: connection refused; 12 pages spooled to "
                "data/spool.jsonl, written on the next run or by `notices db replay` "
                "(the sites are not at fault)"
            ),
        ),
        (
            DbFault(FaultKind.READ_ONLY, DB, "read-only transaction", "s.jsonl"),
            f"database {DB} is read-only: read-only transaction; nothing was spooled",
        ),
        (
            DbFault(FaultKind.LOCKED, DB, "database is locked", "s.jsonl", 1),
            (
                f"database {DB} is locked: database is locked; 1 page spooled to s.jsonl, "
                "written on the next run or by `notices db replay` (the sites are not at fault)"
            ),
        ),
        (
            DbFault(FaultKind.NOT_AT_HEAD, DB, "run it", "s.jsonl", refused=True),
            f"database {DB} is not at the schema head: run it; nothing was crawled",
        ),
        (
            DbFault(FaultKind.TIMED_OUT, DB, "statement timeout", "s.jsonl"),
            f"database {DB} is timing out: statement timeout; nothing was spooled",
        ),
    ],
)
def test_line(fault: DbFault, line: str) -> None:
    assert fault.line() == line


def test_stats_and_report() -> None:
    fault = DbFault(FaultKind.READ_ONLY, DB, "attempt to write", "s.jsonl", 3)
    assert fault.to_stats() == {
        "notices/db/fault": "read-only",
        "notices/db/fault_detail": "attempt to write",
    }
    assert DbReport().fault is None
