"""`notices search QUERY`: full-text search of stored notices, ranked, with a snippet per hit."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from crawler.cli.db_cmd import UrlOption, open_archive
from crawler.cli.export_cmd import region_names
from crawler.cli.typer_apps import app, db_app, usage_error
from models import search
from pipelines.common.record import LEVELS


@app.command("search")
def search_notices(
    query: Annotated[
        str,
        typer.Argument(
            help="Words or phrases; a run of Chinese characters matches as a phrase, and every "
            "run must occur (整改 问责 finds notices holding both)."
        ),
    ],
    region: Annotated[
        str | None,
        typer.Option(help="Only this region and those below it (name, pinyin or GB/T 2260 code)."),
    ] = None,
    since: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Only notices published on or after YYYY-MM-DD."),
    ] = None,
    level: Annotated[
        str | None, typer.Option(help=f"Only this inspection level: {', '.join(LEVELS)}.")
    ] = None,
    removed: Annotated[
        bool, typer.Option("--removed", help="Only notices found removed from their site.")
    ] = False,
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="At most this many hits.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per hit.")] = False,
    url: UrlOption = None,
) -> None:
    """Search titles and bodies; best matches first (BM25 on SQLite, ts_rank on PostgreSQL), among
    the newest matches when a word is common (docs/search.md)."""
    if level is not None and level not in LEVELS:
        usage_error(f"unknown --level {level!r}: use one of {', '.join(LEVELS)}")
    filters = search.Filters(
        regions=region_names(region),
        since=since.date() if since else None,
        level=level,
        removed=removed,
        limit=limit,
    )
    engine = open_archive(url)
    try:
        with engine.connect() as conn:
            hits = search.search(conn, query, filters)
    except search.SearchQueryError as exc:
        usage_error(str(exc))
    finally:
        engine.dispose()
    if as_json:
        for hit in hits:
            typer.echo(json.dumps(hit.to_dict(), ensure_ascii=False))
        return
    console = Console(highlight=False)
    for n, hit in enumerate(hits, 1):
        head = Text(f"{n:>3}. ", style="bold")
        head.append(hit.title or "(no title)", style="bold")
        meta = " · ".join(
            x
            for x in (
                hit.published_date.isoformat() if hit.published_date else "undated",
                hit.region or "",
                hit.inspection_level or "",
                f"removed {hit.removed_at:%Y-%m-%d}" if hit.removed_at else "",
                f"id {hit.notice_id}",
            )
            if x
        )
        console.print(head)
        console.print(Text(f"     {meta}  {hit.url}", style="dim"))
        snippet = Text("     " + hit.snippet)
        for start, end in hit.spans:
            snippet.stylize("bold yellow", start + 5, end + 5)
        console.print(snippet)
    typer.echo(f"{len(hits)} hit(s)" + (f" (--limit {limit})" if len(hits) == limit else ""))


@db_app.command("reindex")
def reindex(url: UrlOption = None) -> None:
    """Rebuild the full-text search index from the stored notices (the store keeps it in step;
    this is for a database written by other means, or after a change of tokenizer)."""
    engine = open_archive(url, write=True)
    try:
        with engine.begin() as conn:
            n = search.reindex(conn)
    finally:
        engine.dispose()
    typer.echo(f"search index rebuilt: {n} notices")
