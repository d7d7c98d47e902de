"""`notices sites discover HOME_URL`: walk a site's navigation from its home page and list the
columns whose rows read like rectification notices, each ready for `notices sites add`
(crawler/discover/ does the walk)."""

from __future__ import annotations

import json
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from crawler.cli.discover_titles import reads_like_notice
from crawler.discover.fetching import site_fetch
from crawler.discover.walk import MAX_PAGES, Column, DiscoverFailed, Discovery, discover
from crawler.polite_fetch import DELAY
from crawler.seeds.checks import valid_url


def discover_cmd(
    home_url: str = typer.Argument(..., help="The site's home page."),
    max_pages: int = typer.Option(
        MAX_PAGES, "--max-pages", min=1, help="Pages fetched at most (robots.txt aside)."
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
    delay: float = typer.Option(
        DELAY,
        "--delay",
        min=0.0,
        help="Seconds between two requests, at least (a longer robots.txt Crawl-delay wins).",
    ),
) -> None:
    """Walk the site's menus from its home page (same site only, robots.txt obeyed, at most
    --max-pages pages) and list the columns whose rows read like rectification notices."""
    if not valid_url(home_url):
        typer.echo(f"error: not an http(s) URL: {home_url!r}", err=True)
        raise typer.Exit(2)
    try:
        found = discover(
            home_url, site_fetch(home_url), reads_like_notice, max_pages=max_pages, delay=delay
        )
    except DiscoverFailed as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps(as_object(found), ensure_ascii=False))
    else:
        _show(found)


def as_object(found: Discovery) -> dict[str, Any]:
    """The contract's JSON object."""
    return {
        "home": found.home,
        "pages_fetched": found.pages_fetched,
        "columns": [_column(c) for c in found.columns],
    }


def _column(column: Column) -> dict[str, Any]:
    return {
        "url": column.url,
        "name": column.name,
        "path": list(column.path),
        "notices": column.rows.notices,
        "rows": [{"title": e.title, "url": e.url, "date": e.date} for e in column.rows.sample],
    }


def _show(found: Discovery) -> None:
    console = Console(width=200)
    summary = Table(
        title=f"{len(found.columns)} column(s) with notices among {found.pages_fetched} pages "
        f"of {found.home}"
    )
    for col in ("#", "column", "path", "notices / rows", "URL"):
        summary.add_column(col)
    for n, c in enumerate(found.columns, 1):
        summary.add_row(
            str(n),
            c.name,
            " > ".join(c.path),
            f"{c.rows.notices} / {len(c.rows.sample)}",
            c.url,
        )
    console.print(summary)
    for n, c in enumerate(found.columns, 1):
        rows = Table(title=f"{n}. {c.name}: notices sites add {c.url}", title_justify="left")
        for col in ("notice", "date", "title", "url"):
            rows.add_column(col)
        for e in c.rows.sample:
            mark = "yes" if e.url in c.rows.notice_urls else ""
            rows.add_row(mark, e.date or "-", e.title or "(from the detail page)", e.url)
        console.print(rows)
