"""`notices recheck`: revalidate stored notices, the ones checked longest ago first.

Each page is requested with the validators of its last answer (a 304 costs no body); an edited
page becomes a new version, a 404/410/deletion page marks its notice removed, a removed notice
that answers is live again. Blocks, rate limits, timeouts and 5xx change nothing. It runs the
notices spider in its re-check mode, so the detail path and the store are the crawl's own.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from crawler.cli.crawl_cmd import run_crawl
from crawler.cli.db_cmd import open_archive
from crawler.cli.typer_apps import app
from crawler.seeds import SeedError, load_registry
from models.lifecycle import events_since, not_checked_since, recheck_targets
from pipelines.common import settings as notices_settings
from pipelines.common.lifecycle import EventKind

DEFAULT_LIMIT = 200


@app.command("recheck")
def recheck(
    region: Annotated[
        str | None, typer.Option("--region", "-r", help="Name, pinyin or GB/T 2260 code.")
    ] = None,
    site: Annotated[str | None, typer.Option("--site", help="Only this site id.")] = None,
    limit: Annotated[
        int, typer.Option("--limit", min=1, help="Notices to re-check, oldest-checked first.")
    ] = DEFAULT_LIMIT,
    seeds: Annotated[
        str | None, typer.Option("--seeds", help="Registry directory (default: seeds/).")
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="Scrapy setting KEY=VALUE (repeatable), as for crawl."),
    ] = None,
) -> None:
    """Re-check stored notices of a region, a site or every site (NOTICES_DB_URL)."""
    overrides = {}
    for pair in set_ or []:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            typer.echo(f"error: --set takes KEY=VALUE, got {pair!r}", err=True)
            raise typer.Exit(2)
        overrides[key] = value
    try:
        selected = load_registry(seeds).select(region, site)
    except SeedError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    url = overrides.get(notices_settings.DB_URL.name)
    engine = open_archive(url)
    try:
        targets = recheck_targets(engine, [s.id for s in selected], limit)
        if not targets:
            typer.echo("no stored notices to re-check")
            return
        started = datetime.now(UTC)
        try:
            summary = run_crawl(
                region,
                site=site,
                seeds_dir=seeds,
                db_url=url,
                settings=overrides,
                spider_kwargs={"recheck": targets},
            )
        except (SeedError, notices_settings.SettingError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        events = events_since(engine, started)
        unanswered = not_checked_since(engine, [t.canonical_url for t in targets], started)
    finally:
        engine.dispose()
    rows: tuple[tuple[str, int | str], ...] = (
        ("notices re-checked", len(targets)),
        ("unchanged", summary.unchanged),
        ("updated (new version)", summary.updated),
        ("found removed", events.get(EventKind.REMOVED, 0)),
        ("restored", events.get(EventKind.RESTORED, 0)),
        ("moved", events.get(EventKind.MOVED, 0)),
        ("no usable answer", unanswered),  # blocked, failed, timed out: nothing changed
        ("elapsed", f"{summary.elapsed:.1f} s"),
    )
    for label, figure in rows:
        typer.echo(f"{label:<24}{figure:>8}")
    if summary.finish_reason != "finished":
        typer.echo(f"re-check did not finish cleanly: {summary.finish_reason}", err=True)
        raise typer.Exit(1)
