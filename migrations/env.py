"""Alembic environment: the URL comes from NOTICES_DB_URL unless a connection is handed in."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.operations import MigrationScript

import models
from models.db import database_url, make_engine
from models.search import is_search_table
from models.types import UTCDateTime

config = context.config
target_metadata = models.Base.metadata


def _skip_empty_revisions(_context: Any, _revision: Any, directives: list[MigrationScript]) -> None:
    # An autogenerate run that finds no change must not leave an empty migration behind.
    if config.cmd_opts is not None and getattr(config.cmd_opts, "autogenerate", False):
        script = directives[0]
        if script.upgrade_ops is not None and script.upgrade_ops.is_empty():
            directives[:] = []


def _render_item(type_: str, obj: Any, _autogen_context: Any) -> str | Literal[False]:
    # Migrations stay free of model imports: our UTC decorator is a plain DateTime in the database.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def _include_name(name: str | None, type_: str, _parents: Any) -> bool:
    # The search index is not a model: its DDL differs per database (models/search.py).
    return not (type_ == "table" and name is not None and is_search_table(name))


def _configure(**kwargs: Any) -> None:
    context.configure(
        target_metadata=target_metadata,
        include_name=_include_name,
        render_item=_render_item,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        process_revision_directives=_skip_empty_revisions,
        **kwargs,
    )


def run_migrations_offline() -> None:
    _configure(url=database_url(), literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(database_url())
    try:
        with engine.connect() as connection:
            _configure(connection=connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
