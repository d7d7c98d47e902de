"""A fault of the database during a crawl, named as such: the store records the first one on the
run context, the crawl summary prints it once at the top, and the run row keeps it in its stats,
so that a database that is down, read-only, locked or not at the schema head is not mistaken for
sites that yielded nothing."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class FaultKind(enum.StrEnum):
    UNREACHABLE = "unreachable"
    READ_ONLY = "read-only"
    LOCKED = "locked"  # another writer holds the database past the timeout
    TIMED_OUT = "timing out"  # a statement ran past the timeout
    NOT_AT_HEAD = "not at the schema head"


@dataclass(slots=True)
class DbFault:
    kind: FaultKind
    database: str  # the URL with its password masked
    detail: str  # the driver's first line
    spool: str  # where the pages went
    spooled: int = 0  # pages spooled because the database could not take them
    refused: bool = False  # the crawl did not start: nothing was fetched

    def line(self) -> str:
        """The one line a person reads first."""
        head = f"database {self.database} is {self.kind}: {self.detail}"
        if self.refused:
            return f"{head}; nothing was crawled"
        if not self.spooled:
            return f"{head}; nothing was spooled"
        pages = f"{self.spooled} page{'' if self.spooled == 1 else 's'}"
        return (
            f"{head}; {pages} spooled to {self.spool}, written on the next run "
            "or by `notices db replay` (the sites are not at fault)"
        )

    def to_stats(self) -> dict[str, str | int]:
        """The fault as crawl stats, kept in the run row."""
        return {"notices/db/fault": self.kind.value, "notices/db/fault_detail": self.detail}


@dataclass(slots=True)
class DbReport:
    """The run's database fault, if any: set by the store, read by the crawl summary."""

    fault: DbFault | None = None
