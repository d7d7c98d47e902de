"""A job's hold on its hosts, beside the broker's: a PostgreSQL advisory lock per host group, held
on a connection of the job's own while it crawls.

The broker's lease (an unacknowledged message) ends when RabbitMQ closes a consumer's channel,
which it also does to a job that outlives its `consumer_timeout` (30 minutes by default) while
the job still crawls; the job is then handed to another worker. That worker waits here until
the first one is done, finds the job's sites in the night and skips them, so a host is never
crawled by two workers at once. A worker that dies drops its connection, and the lock with it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Engine, text

from models.archive_lock import advisory_key


def lease_key(hosts: Sequence[str]) -> int:
    """The lock of a host group: a group's hosts are sorted (jobs.host_groups), so its first is
    its name, whichever night queued it."""
    return advisory_key(f"crawl-host:{hosts[0]}")


@contextmanager
def host_lease(engine: Engine, hosts: Sequence[str]) -> Iterator[None]:
    """Hold the lease of `hosts` for the `with` block, waiting for the job that holds it."""
    key = lease_key(hosts)
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": key})
        conn.commit()  # the lock is the session's: no transaction stays open while it is held
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
            conn.commit()
