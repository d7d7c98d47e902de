"""`notices health`: per site, how the last nights went, and who needs a person (most urgent first).

Exit 0 when no site needs a person, 1 when some do (crawler/exit_codes.py), so a monitoring job
can run it on its own; `notices nightly` prints the same report after its crawl.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from crawler import exit_codes
from crawler.cli.db_cmd import UrlOption, open_archive
from crawler.cli.typer_apps import app
from crawler.seeds import SeedError, load_registry
from models.health import HealthReport, SiteHealth, health

NightsOption = Annotated[
    int, typer.Option("--nights", min=1, help="How many days of runs to look at.")
]
RegionOption = Annotated[
    str | None, typer.Option("--region", "-r", help="Only the sites of this region (and below).")
]
SeedsOption = Annotated[
    str | None, typer.Option("--seeds", help="Registry directory (default: seeds/).")
]


class UsageError(ValueError):
    """Bad arguments or registry: one line for the operator, exit 2."""


def region_sites(region: str | None, seeds: str | None) -> list[str] | None:
    """The site ids of `region` from the registry; None (every site) without a region."""
    if not region:
        return None
    try:
        return [s.id for s in load_registry(seeds).select(region)]
    except SeedError as exc:
        raise UsageError(str(exc)) from None


def build_report(url: str | None, nights: int, site_ids: list[str] | None) -> HealthReport:
    engine = open_archive(url)  # a bad URL is one line and exit 2 there
    try:
        with engine.connect() as conn:
            return health(conn, now=datetime.now(UTC), nights=nights, site_ids=site_ids)
    finally:
        engine.dispose()


def print_report(report: HealthReport, console: Console | None = None) -> None:
    console = console or (Console() if sys.stdout.isatty() else Console(width=140))
    table = Table(
        title=f"Health of {len(report.sites)} sites over the last {report.nights} nights",
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    for col in ("site", "latest", "since good", "failing", "failures", "new", "edited", "removed"):
        table.add_column(col, justify="left" if col in ("site", "latest", "failing") else "right")
    for s in report.sites:
        table.add_row(
            s.site_id + (" ⚠" if s.needs_person else ""),
            s.latest,
            _since(s),
            _kinds(s.streak_kinds) or "-",
            str(sum(s.failures.values())),
            str(s.new),
            str(s.edited),
            "—" if s.removed is None else str(s.removed),
        )
    console.print(table)
    urgent = report.needs_person
    if not urgent:
        console.print("No site needs a person.")
        return
    console.print(f"[red]{len(urgent)} site(s) need a person, most urgent first:[/red]")
    for i, s in enumerate(urgent, 1):
        name = f" ({s.name})" if s.name else ""
        good = (
            f"last good {s.last_good_at:%Y-%m-%d}, {s.nights_since_good} night(s) ago"
            if s.last_good_at
            else "never good"
        )
        console.print(
            f"{i}. {s.site_id}{name}: {_kinds(s.streak_kinds)} "
            f"({len(s.streak)} run(s) in a row); {good}\n   {s.hint}"
        )


def _since(s: SiteHealth) -> str:
    return "never" if s.nights_since_good is None else str(s.nights_since_good)


def _kinds(kinds: dict[str, int]) -> str:
    return ", ".join(f"{k}×{n}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))


@app.command("health")
def show_health(
    nights: NightsOption = 7,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document.")] = False,
    region: RegionOption = None,
    seeds: SeedsOption = None,
    url: UrlOption = None,
) -> None:
    """Per site: nights since the last good crawl, failures by kind, new/edited/removed notices,
    and the sites that need a person (exit 1 when there are some)."""
    try:
        report = build_report(url, nights, region_sites(region, seeds))
    except UsageError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exit_codes.USAGE) from None
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_report(report)
    raise typer.Exit(exit_codes.NEEDS_ATTENTION if report.needs_person else exit_codes.OK)
