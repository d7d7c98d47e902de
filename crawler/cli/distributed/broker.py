"""The engine: Dramatiq on RabbitMQ, one `crawl_host` message per job (docs/distributed.md).

Both ends read the broker from `NOTICES_BROKER_URL` and the archive from `NOTICES_DB_URL`. The
queue is named after the archive's database, so workers of one archive never take another
archive's jobs from a shared broker (and parallel test runs stay apart). Dramatiq acknowledges a
message only after its actor returns, so a job whose worker dies is redelivered; retries are off
(a site that fails is a row of the night, not a job to repeat) and the time limit is a night.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import dramatiq
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from sqlalchemy.engine import make_url

from models.db import check_url, masked_url
from pipelines.common import settings

ACTOR = "crawl_host"
QUEUE_PREFIX = "notices."
TIME_LIMIT_MS = 24 * 3600 * 1000  # a host with many sites may take hours; a night is the bound
_NOT_IN_NAME = re.compile(r"[^A-Za-z0-9_.-]")


class DistributedError(ValueError):
    """The distributed crawl cannot start (SQLite archive, broker unreachable): one line."""


def archive_url(url: str) -> str:
    """The archive's URL when workers can share it (PostgreSQL); else DistributedError."""
    parsed = check_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise DistributedError(
            f"distributed crawls need a PostgreSQL archive that every worker reaches; "
            f"NOTICES_DB_URL is {masked_url(parsed)}"
        )
    return parsed.render_as_string(hide_password=False)


def queue_name(db_url: str) -> str:
    return QUEUE_PREFIX + _NOT_IN_NAME.sub("_", make_url(db_url).database or "notices")


def connect(broker_url: str | None = None) -> RabbitmqBroker:
    """A broker on `broker_url` (default NOTICES_BROKER_URL), connected now so that a wrong URL
    or a broker that is down is one line before anything starts."""
    url = broker_url or settings.read(settings.BROKER_URL)
    try:
        broker = RabbitmqBroker(url=url)
        broker.connection  # noqa: B018 - opens the connection: fail here, not mid-run
    except Exception as exc:  # noqa: BLE001 - pika raises many kinds; all mean "no broker"
        raise DistributedError(
            f"cannot reach the broker at {masked_url(url)}: {type(exc).__name__} {exc}".strip()
        ) from None
    return broker


def declare(
    broker: RabbitmqBroker, db_url: str, fn: Callable[[dict[str, Any]], None]
) -> dramatiq.Actor[[dict[str, Any]], None]:
    """The `crawl_host` actor of the archive's queue on `broker`, running `fn` on a worker."""
    declare_actor = dramatiq.actor(
        actor_name=ACTOR,
        queue_name=queue_name(db_url),
        broker=broker,
        max_retries=0,
        time_limit=TIME_LIMIT_MS,
    )
    return declare_actor(fn)
