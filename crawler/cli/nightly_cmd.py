"""`notices nightly`: the one command for cron or a systemd timer (docs/operations.md).

Under the archive's lock (models/archive_lock.py), it runs `STEPS` in order, each a `notices`
command in a child process of its own (Scrapy's reactor starts once per process, and a step that
dies does not take the others' results with it), then prints the health report of the sites it
crawled. A step registered here whose command this build does not have is skipped, and says so.
The exit code (crawler/exit_codes.py) is 3 when another run holds the lock, 2 for a usage error,
1 when a step failed or a site needs a person, else 0.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Annotated, Any

import typer
import typer.main
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from crawler import exit_codes
from crawler.cli.health_cmd import (
    NightsOption,
    RegionOption,
    SeedsOption,
    UsageError,
    build_report,
    print_report,
    region_sites,
)
from crawler.cli.typer_apps import app
from crawler.seeds import Region, Registry, SeedError, load_registry
from models.archive_lock import ArchiveLocked, LockUnsupported, archive_lock
from models.db import database_url, masked_url

DEFAULT_RECHECK_BUDGET = 200  # stored notices revalidated per night (oldest-checked first)


@dataclass(frozen=True, slots=True)
class Night:
    """What the operator asked for."""

    regions: tuple[str, ...]  # --region, else every top-level region of the registry
    region: str | None  # --region as given
    recheck_budget: int
    full: bool
    settings: Mapping[str, str]  # --set KEY=VALUE, passed to the crawl
    distributed: bool = False  # the crawl queued for `notices worker`s (docs/distributed.md)


@dataclass(frozen=True, slots=True)
class Step:
    name: str  # the `notices` command it runs
    argvs: Callable[[Night], list[list[str]]]  # its command lines tonight; none: nothing to do


# The nightly crawl is judged by Spidermon as it ends (crawler/monitors.py); --set may override.
CRAWL_SETTINGS = {"SPIDERMON_ENABLED": "1"}


def crawl_argvs(night: Night) -> list[list[str]]:
    """One crawl per region: `notices crawl` takes one region (and all the regions below it)."""
    settings = {**CRAWL_SETTINGS, **night.settings}
    sets = [arg for key, value in settings.items() for arg in ("--set", f"{key}={value}")]
    flags = (["--full"] if night.full else []) + (["--distributed"] if night.distributed else [])
    return [["crawl", "--region", region, *flags, *sets] for region in night.regions]


def recheck_argvs(night: Night) -> list[list[str]]:
    if night.recheck_budget == 0:
        return []
    region = ["--region", night.region] if night.region else []
    return [["recheck", *region, "--limit", str(night.recheck_budget)]]


def link_argvs(night: Night) -> list[list[str]]:
    """The inspections are regrouped over the whole archive: a notice found tonight may join an
    inspection of another region's site (a repost)."""
    return [["link"]]


# The night's work, in order.
STEPS: tuple[Step, ...] = (
    Step("crawl", crawl_argvs),
    Step("recheck", recheck_argvs),
    Step("link", link_argvs),
)


def commands() -> dict[str, Any]:
    """The `notices` commands of this build, by name (typer's command objects)."""
    return dict(getattr(typer.main.get_command(app), "commands", {}))


def accepts(command: str, option: str) -> bool:
    """Whether `notices <command>` has `option` in this build."""
    found = commands().get(command)
    return found is not None and any(option in p.opts for p in found.params)


def run_step(argv: list[str], env: Mapping[str, str]) -> int:
    """`notices ARGV` in a child process, its output going to ours; returns its exit code."""
    cmd = [sys.executable, "-m", "crawler.cli", *argv]
    return subprocess.run(cmd, env={**os.environ, **env}, check=False).returncode


def _say(message: str) -> None:
    typer.echo(f"nightly: {message}")
    sys.stdout.flush()  # keep our lines in order with the children's output in a log file


def run_night(night: Night, env: Mapping[str, str]) -> int:
    """Every step in order; the worst exit code, or USAGE at once when a step refuses its
    arguments (nothing was started then)."""
    worst = exit_codes.OK
    for step in STEPS:
        argvs = step.argvs(night)
        if not argvs:
            _say(f"{step.name}: nothing to do tonight")
            continue
        for argv in argvs:
            _say(f"{step.name}: notices {' '.join(argv)}")
            started = time.monotonic()
            code = run_step(argv, env)
            _say(f"{step.name}: exit {code} after {time.monotonic() - started:.1f} s")
            if code == exit_codes.USAGE:
                return exit_codes.USAGE
            if code != exit_codes.OK:
                worst = exit_codes.NEEDS_ATTENTION
    return worst


def top_regions(registry: Registry) -> list[Region]:
    """The regions no other region of the registry holds, by code."""
    return sorted(
        (r for r in registry.regions.values() if r.parent not in registry.regions),
        key=lambda r: r.code,
    )


def _settings(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--set takes KEY=VALUE, got {pair!r}")
        out[key] = value
    return out


@app.command("nightly")
def nightly(
    region: RegionOption = None,
    recheck_budget: Annotated[
        int,
        typer.Option("--recheck-budget", min=0, help="Stored notices to re-check (0: none)."),
    ] = DEFAULT_RECHECK_BUDGET,
    full: Annotated[
        bool, typer.Option("--full", help="Page through every list (e.g. weekly).")
    ] = False,
    nights: NightsOption = 7,
    seeds: SeedsOption = None,
    distributed: Annotated[
        bool, typer.Option("--distributed", help="Crawl on the workers (docs/distributed.md).")
    ] = False,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="Scrapy setting KEY=VALUE for the crawl (repeatable)."),
    ] = None,
) -> None:
    """Crawl, re-check within a budget, print the health report; one run at a time.

    Exit codes: 0 ok, 1 some sites need a person (or a step failed), 2 usage, 3 locked."""
    try:
        settings = _settings(set_ or [])
        # the registry and region are checked before the lock, so a typo never waits for a lock
        registry = load_registry(seeds)
        registry.select(region)
        regions = (region,) if region else tuple(r.code for r in top_regions(registry))
        site_ids = region_sites(region, seeds)
        if full and not accepts("crawl", "--full"):
            raise UsageError("this build's `notices crawl` has no --full (no incremental crawl)")
        url = settings.get("NOTICES_DB_URL") or database_url()
    except (UsageError, SeedError, ArgumentError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exit_codes.USAGE) from None
    lock = ExitStack()
    try:
        held = lock.enter_context(archive_lock(url))
    except ArchiveLocked as exc:
        typer.echo(f"nightly: not started, {exc}", err=True)
        raise typer.Exit(exit_codes.LOCKED) from None
    except (LockUnsupported, ArgumentError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exit_codes.USAGE) from None
    except (SQLAlchemyError, OSError) as exc:
        typer.echo(f"error: cannot take the lock on {masked_url(url)}: {exc}", err=True)
        raise typer.Exit(exit_codes.NEEDS_ATTENTION) from None
    env = {"NOTICES_DB_URL": url, **({"NOTICES_SEEDS": seeds} if seeds else {})}
    with lock:
        _say(f"holding the {held}")
        code = run_night(Night(regions, region, recheck_budget, full, settings, distributed), env)
        if code == exit_codes.USAGE:
            raise typer.Exit(code)
        report = build_report(url, nights, site_ids)
    print_report(report)
    raise typer.Exit(
        max(code, exit_codes.NEEDS_ATTENTION if report.needs_person else exit_codes.OK)
    )
