"""The Datasette plugin `notices serve` registers: Datasette's search box runs its query through
`escape_fts(:search)`; ours turns it into the bigram phrases the archive's index holds
(models/search.py), so 形式主义 finds the phrase instead of a token no notice contains."""

from __future__ import annotations

import sqlite3

from datasette import hookimpl

from models.search import fts5_match


@hookimpl(trylast=True)  # after Datasette's own escape_fts, so this definition is the one kept
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("escape_fts", 1, fts5_match, deterministic=True)
