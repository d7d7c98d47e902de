"""The Datasette plugin `notices serve` registers:

- Datasette's search box runs its query through `escape_fts(:search)`; ours turns it into the
  bigram phrases the archive's index holds (models/search.py), so 形式主义 finds the phrase
  instead of a token no notice contains;
- a `year` facet: researchers count notices per year, and Datasette's own facets stop at days
  (`date`). Its values are the first four characters of an ISO date column; choosing one filters
  with Datasette's own `__startswith`, so the page's filter form shows what was chosen.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

from models.search import fts5_match


@hookimpl(trylast=True)  # after Datasette's own escape_fts, so this definition is the one kept
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("escape_fts", 1, fts5_match, deterministic=True)


class YearFacet(Facet):
    type = "year"

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        results: list[dict[str, Any]] = []
        timed_out: list[str] = []
        chosen = dict(self.get_querystring_pairs())
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config, source = source_and_config["config"], source_and_config["source"]
            column = config.get("column") or config["simple"]
            year = f"substr({escape_sqlite(column)}, 1, 4)"
            sql = (
                f"select {year} as value, count(*) as count from ({self.sql})"
                f" where {escape_sqlite(column)} glob '[0-9][0-9][0-9][0-9]*'"
                f" group by value order by value desc limit {size + 1}"
            )
            try:
                rows = await self.ds.execute(
                    self.database,
                    sql,
                    self.params,
                    truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                timed_out.append(column)
                continue
            key = f"{column}__startswith"
            values = []
            for row in rows.rows[:size]:
                selected = chosen.get(key) == row["value"]
                change = path_with_removed_args if selected else path_with_added_args
                values.append(
                    {
                        "value": row["value"],
                        "label": row["value"],
                        "count": row["count"],
                        "toggle_url": self.ds.absolute_url(
                            self.request, change(self.request, {key: row["value"]})
                        ),
                        "selected": selected,
                    }
                )
            results.append(
                {
                    "name": f"{column} (year)",
                    "type": self.type,
                    "results": values,
                    "hideable": source != "metadata",
                    "toggle_url": path_with_removed_args(self.request, {"_facet_year": column}),
                    "truncated": len(rows.rows) > size,
                }
            )
        return results, timed_out


@hookimpl
def register_facet_classes() -> list[type[Facet]]:
    return [YearFacet]
