"""The engine's ends: only a PostgreSQL archive is shared, the queue is the archive's, and a broker
that cannot be reached is one line."""

from __future__ import annotations

import pytest

from crawler.cli.distributed.broker import DistributedError, archive_url, connect, queue_name


@pytest.mark.parametrize(
    ("url", "shared"),
    [
        ("postgresql+psycopg://u:pw@db.internal:5432/notices", True),
        ("postgres://u@db/notices", True),  # read as psycopg's
        ("sqlite:///data/notices.db", False),
        ("sqlite:////srv/nfs/notices.db", False),  # a shared disk is still one writer's file
    ],
)
def test_only_postgresql_is_shared(url: str, shared: bool) -> None:
    if shared:
        assert archive_url(url).startswith("postgresql+psycopg://")
    else:
        with pytest.raises(DistributedError, match="need a PostgreSQL archive"):
            archive_url(url)


@pytest.mark.parametrize(
    ("url", "queue"),
    [
        ("postgresql+psycopg://u@db-a/notices", "notices.notices"),
        ("postgresql+psycopg://u@db-b:6543/test_0af3", "notices.test_0af3"),
        ("postgresql+psycopg://u@db/档案 库", "notices.____"),
    ],
)
def test_queue_is_named_after_the_archive(url: str, queue: str) -> None:
    assert queue_name(url) == queue


def test_an_unreachable_broker_is_one_line() -> None:
    with pytest.raises(DistributedError) as caught:
        connect("amqp://guest:secret@127.0.0.1:1/%2F")
    message = str(caught.value)
    assert "cannot reach the broker at amqp://guest:***@127.0.0.1:1/" in message
    assert "\n" not in message and "secret" not in message
