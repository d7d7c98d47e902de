"""`notices stats`: what the archive holds (per region, site, year) and the last crawl runs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from crawler.cli.db_cmd import UrlOption, open_archive
from crawler.cli.typer_apps import app
from models import stats


@app.command("stats")
def show_stats(
    runs: Annotated[int, typer.Option(min=0, help="How many recent crawl runs to list.")] = 10,
    url: UrlOption = None,
) -> None:
    """Counts of stored notices per region, site and year, and the last crawl runs."""
    engine = open_archive(url)
    try:
        with engine.connect() as conn:
            tables = [
                _table("Archive", ["table", "rows"], stats.totals(conn).items()),
                _table(
                    "Notices per region", ["region", "notices", "problems"], stats.by_region(conn)
                ),
                _table(
                    "Sites",
                    ["site", "name", "notices", "other pages"],
                    stats.by_site(conn),
                ),
                _table("Notices per publication year", ["year", "notices"], stats.by_year(conn)),
                _table(
                    f"Last {runs} crawl runs (UTC)",
                    [
                        "run",
                        "region",
                        "started",
                        "took",
                        "outcome",
                        "flagged",
                        "new",
                        "upd",
                        "same",
                        "spool",
                    ],
                    [
                        (
                            r.id,
                            r.region,
                            f"{r.started_at:%Y-%m-%d\N{NO-BREAK SPACE}%H:%M}",
                            _took(r),
                            r.outcome,
                            r.flagged,
                            r.inserted,
                            r.updated,
                            r.unchanged,
                            r.spooled,
                        )
                        for r in stats.last_runs(conn, runs)
                    ],
                ),
            ]
    finally:
        engine.dispose()
    console = Console()
    for table in tables:
        console.print(table)


def _table(title: str, columns: list[str], rows: Iterable[Sequence[object]]) -> Table:
    rows = list(rows)
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    for i, name in enumerate(columns):
        numeric = bool(rows) and all(isinstance(r[i], int) for r in rows)
        table.add_column(name, justify="right" if numeric else "left")
    for row in rows:
        table.add_row(*("—" if v is None else str(v) for v in row))
    return table


def _took(run: stats.RunSummary) -> str | None:
    if run.finished_at is None:
        return None
    seconds = int((run.finished_at - run.started_at).total_seconds())
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"
