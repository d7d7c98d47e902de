"""A job's lease on its hosts: held by the job's connection, the same for every job of the group,
and a second job of the group waits for the first (as after RabbitMQ's consumer_timeout)."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text

from crawler.cli.distributed.lease import host_lease, lease_key
from models.db import make_engine

pytestmark = pytest.mark.postgres


@pytest.fixture
def engine(pg_server_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_server_url)
    yield engine
    engine.dispose()


def is_free(engine: Engine, hosts: tuple[str, ...]) -> bool:
    with engine.connect() as conn:
        got = bool(
            conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": lease_key(hosts)}).scalar()
        )
        if got:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": lease_key(hosts)})
        conn.commit()
    return got


@pytest.mark.parametrize(
    ("held", "probed", "free"),
    [
        (("a.example", "b.example"), ("a.example", "b.example"), False),  # the same group
        (("a.example",), ("c.example",), True),  # another group
        (("b.example", "c.example"), ("b.example",), False),  # named by its first host
    ],
)
def test_the_lease_holds_its_group(
    engine: Engine, held: tuple[str, ...], probed: tuple[str, ...], free: bool
) -> None:
    run = uuid.uuid4().hex  # parallel test runs share the server
    held, probed = tuple(f"{h}.{run}" for h in held), tuple(f"{h}.{run}" for h in probed)
    with host_lease(engine, held):
        assert is_free(engine, probed) == free
    assert is_free(engine, probed)


def test_a_second_job_of_the_group_waits_for_the_first(engine: Engine) -> None:
    hosts = (f"a.example.{uuid.uuid4().hex}",)
    entered = threading.Event()

    def second() -> None:
        with host_lease(engine, hosts):
            entered.set()

    with host_lease(engine, hosts):
        waiter = threading.Thread(target=second)
        waiter.start()
        while not entered.is_set() and not _someone_waits(engine, lease_key(hosts)):
            time.sleep(0.01)
        assert not entered.is_set()
    waiter.join()
    assert entered.is_set()


def _someone_waits(engine: Engine, key: int) -> bool:
    """Whether a session waits for advisory lock `key` (a bigint lock is split in two halves)."""
    with engine.connect() as conn:
        return bool(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                    " AND ((classid::bigint << 32) | objid::bigint) = :k"
                ),
                {"k": key},
            ).scalar()
        )
