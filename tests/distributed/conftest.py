"""The broker's queues of a throwaway archive go with it; an engine on an empty PostgreSQL
archive, the store every worker shares."""

from __future__ import annotations

from collections.abc import Iterator

import pika
import pytest
from sqlalchemy import Engine

from crawler.cli.distributed.broker import queue_name
from models.db import make_engine
from pipelines.common import settings

# Dramatiq declares, beside the queue, its delay (.DQ) and dead-letter (.XQ) queues
_SUFFIXES = ("", ".DQ", ".XQ")


def drop_queues(db_url: str) -> None:
    """Delete the queues of the archive at `db_url` from NOTICES_BROKER_URL's broker."""
    connection = pika.BlockingConnection(pika.URLParameters(settings.read(settings.BROKER_URL)))
    try:
        channel = connection.channel()
        for suffix in _SUFFIXES:
            channel.queue_delete(queue_name(db_url) + suffix)
    finally:
        connection.close()


@pytest.fixture
def pg_engine(pg_migrated_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_migrated_url)
    yield engine
    engine.dispose()
