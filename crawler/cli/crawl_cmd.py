"""`notices crawl`: run the notices spider in-process and print a summary table.

`run_crawl()` and `print_summary()` are reusable (the demo command calls them). The exit codes
are those of `scrapy crawl notices` (crawler/exit_codes.py): 1 when the crawl did not finish,
pages had to be spooled, or any site needs a person (crawler/outcomes.py: every outcome but `ok`,
except "no rows" on a site whose seed says `expected_empty: true`); 2 for a bad argument.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from crawler import exit_codes, outcomes, run_context, spider_args
from crawler.cli.typer_apps import app
from crawler.outcomes import NO_ROWS, SiteOutcome
from crawler.preflight import check_pipelines
from crawler.seeds import SeedError
from crawler.usage_errors import check_scrapy_settings
from pipelines.common import settings as notices_settings
from pipelines.common.db_fault import DbFault


@dataclass(slots=True)
class CrawlSummary:
    region: str
    sites: list[dict[str, Any]] = field(default_factory=list)  # outcome dicts, plus "name"
    outcome: str = "ok"  # the run's, as in its crawl-run row (crawler/outcomes.py run_outcome)
    pages_fetched: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    known: int = 0  # list rows already archived, not fetched again (crawler/incremental.py)
    non_notices: int = 0  # rows skipped by title plus pages the parser rejected
    non_notices_stored: int = 0  # of which reached the store (as non-notice rows)
    problems: int = 0  # problem rows written with inserted or updated notices
    spooled: int = 0  # pages the database could not take, kept in the spool
    elapsed: float = 0.0
    finish_reason: str | None = None
    errors: int = 0  # ERROR log lines (e.g. the store refused to start)
    db_fault: DbFault | None = None  # the database's own fault: not the sites'

    @property
    def flagged(self) -> list[str]:
        return [s["site_id"] for s in self.sites if s.get("flagged")]

    @property
    def exit_code(self) -> int:
        fault = self.db_fault is not None or self.spooled > 0
        return outcomes.exit_code(self.outcome, database_fault=fault)


def summarise(
    region: str,
    stats: Mapping[str, Any],
    site_outcomes: Mapping[str, SiteOutcome],
    names: Mapping[str, str],
    elapsed: float,
) -> CrawlSummary:
    """A summary from Scrapy stats and the run's per-site outcomes."""
    sites = []
    for sid, outcome in site_outcomes.items():
        d = outcome.to_dict()
        d["name"] = names.get(sid, sid)
        sites.append(d)
    stored_non = int(stats.get("notices/db/non_notice", 0))
    finish_reason = stats.get("finish_reason")
    return CrawlSummary(
        region=region,
        sites=sites,
        outcome=outcomes.run_outcome(site_outcomes.values(), finish_reason),
        pages_fetched=int(stats.get("notices/list_pages", 0))
        + int(stats.get("notices/detail_pages", 0)),
        inserted=int(stats.get("notices/db/inserted", 0)),
        updated=int(stats.get("notices/db/updated", 0)),
        unchanged=int(stats.get("notices/db/unchanged", 0)),
        known=sum(s.get("known", 0) for s in sites),
        non_notices=stored_non + sum(s["skipped_by_title"] for s in sites),
        non_notices_stored=stored_non,
        problems=int(stats.get("notices/db/problems", 0)),
        spooled=int(stats.get("notices/db/spooled", 0)),
        elapsed=elapsed,
        finish_reason=finish_reason,
        errors=int(stats.get("log_count/ERROR", 0)),
    )


def run_crawl(
    region: str | None,
    *,
    site: str | None = None,
    seeds_dir: str | os.PathLike[str] | None = None,
    db_url: str | None = None,
    since: str | None = None,
    max_pages: int | None = None,
    full: bool = False,
    settings: Mapping[str, Any] | None = None,
    spider_kwargs: Mapping[str, Any] | None = None,
) -> CrawlSummary:
    """Crawl a region (or one site) in this process; returns the summary.

    Raises SeedError (region, site, registry, since or max_pages) or SettingError (a NOTICES_*
    value) before anything starts. Runs Scrapy's reactor, so call it once per process.
    """
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from crawler.spiders.notices import NoticesSpider

    scrapy_settings = get_project_settings()
    scrapy_settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
    if db_url:
        scrapy_settings.set("NOTICES_DB_URL", db_url, priority="cmdline")
    for key, value in (settings or {}).items():
        scrapy_settings.set(key, value, priority="cmdline")
    # fail fast, before the reactor starts: first the settings (the seeds may use them)
    notices_settings.check(scrapy_settings)
    check_scrapy_settings(scrapy_settings)
    kwargs: dict[str, Any] = {"region": region, "site": site, "since": since}
    if seeds_dir:
        kwargs["seeds"] = str(seeds_dir)
    if max_pages:
        kwargs["max_pages"] = max_pages
    if full:
        kwargs["full"] = True
    kwargs.update(spider_kwargs or {})  # e.g. `notices recheck`'s stored notices
    spider_args.check(kwargs)
    check_pipelines(scrapy_settings)  # the database, once the command's own input is known good
    process = CrawlerProcess(scrapy_settings)
    crawler = process.create_crawler(NoticesSpider)
    started = time.monotonic()
    process.crawl(crawler, **kwargs)
    process.start()
    elapsed = time.monotonic() - started
    stats = crawler.stats.get_stats() if crawler.stats else {}
    context = run_context.find(crawler)
    if context is None:  # the spider was never built: nothing ran
        return summarise(region or site or "?", stats, {}, {}, elapsed)
    names = {s.id: s.name for s in context.sites.values()}
    summary = summarise(context.region_name, stats, context.outcomes, names, elapsed)
    add_db_fault(summary, context.db.fault)
    return summary


def add_db_fault(summary: CrawlSummary, fault: DbFault | None) -> None:
    """Put the database's fault on the summary; when it stopped the crawl before any site was
    fetched, the sites are "not crawled", not flagged as having yielded nothing."""
    summary.db_fault = fault
    if fault is not None and fault.refused:
        for s in summary.sites:
            s["outcome"], s["flagged"] = "not crawled", False


def print_db_fault(summary: CrawlSummary, console: Console) -> None:
    """The database's fault, once, before anything about the sites."""
    if summary.db_fault is not None:
        # one line, however long: it is the first thing to read and to grep for
        console.print(f"[red]{summary.db_fault.line()}[/red]", highlight=False, soft_wrap=True)


_FAILURES_SHOWN = 5  # per site; the crawl-run row keeps more


def print_summary(summary: CrawlSummary, console: Console | None = None) -> None:
    """The crawl's summary, in sections: the sites, what failed on each, the totals, and the
    sites that need a person. A fault of the database is no site's: it is said before them."""
    # piped output (CI logs, tests) gets a wide table instead of rich's 80-column default
    console = console or (Console() if sys.stdout.isatty() else Console(width=140))
    print_db_fault(summary, console)
    _print_sites(summary, console)
    _print_failures(summary, console)
    _print_totals(summary, console)
    _print_verdict(summary, console)


def _print_sites(summary: CrawlSummary, console: Console) -> None:
    table = Table(title=f"Crawl of {summary.region}", show_lines=False)
    # "issues" are what went wrong fetching a site (blocks, errors); "problems" below are the
    # notices' own problems, the rows researchers count.
    columns = ("site", "outcome", "pages", "rows", "items", "skipped", "attachments", "failed")
    for col in (*columns, "issues"):
        table.add_column(col, justify="left" if col in ("site", "outcome", "issues") else "right")
    for s in summary.sites:
        outcome = s["outcome"] + (" ⚠" if s["flagged"] else "")
        issues = ", ".join(f"{k}×{v}" for k, v in sorted(s["problems"].items())) or "-"
        table.add_row(
            s["site_id"],
            outcome,
            str(s["list_pages"] + s["detail_pages"]),
            str(s["entries"]),
            str(s["items"]),
            str(s["skipped_by_title"]),
            f"{s['attachments_fetched']}/{s['attachments_fetched'] + s['attachments_failed']}",
            str(sum(s["failed"].values())),
            issues,
        )
    console.print(table)


def _print_failures(summary: CrawlSummary, console: Console) -> None:
    for s in summary.sites:
        total = sum(s["failed"].values())
        if not total:
            continue
        console.print(f"{s['site_id']} {s['outcome']}: what failed", markup=False)
        for line in s["failures"][:_FAILURES_SHOWN]:
            console.print(f"  {line}", markup=False, overflow="fold")
        if total > _FAILURES_SHOWN:
            console.print(f"  … and {total - _FAILURES_SHOWN} more", markup=False)


def _print_totals(summary: CrawlSummary, console: Console) -> None:
    totals = Table(show_header=False, box=None)
    totals.add_column(justify="left")
    totals.add_column(justify="right")
    for label, value in (
        ("sites", len(summary.sites)),
        ("pages fetched", summary.pages_fetched),
        ("notices inserted", summary.inserted),
        ("notices updated", summary.updated),
        ("notices unchanged", summary.unchanged),
        ("rows already archived", summary.known),
        ("non-notices", summary.non_notices),
        ("problems written", summary.problems),
        ("run outcome", summary.outcome),
        ("flagged sites", ", ".join(summary.flagged) or "none"),
        ("elapsed", f"{summary.elapsed:.1f} s"),
    ):
        totals.add_row(label, str(value))
    console.print(totals)


def _print_verdict(summary: CrawlSummary, console: Console) -> None:
    if summary.finish_reason != outcomes.FINISHED:
        console.print(f"[red]crawl did not finish cleanly: {summary.finish_reason}[/red]")
    if summary.flagged:
        console.print(f"[red]sites that need a person: {', '.join(summary.flagged)}[/red]")
    no_rows = [s["site_id"] for s in summary.sites if s["flagged"] and s["outcome"] in NO_ROWS]
    if no_rows:
        console.print(
            f"{', '.join(no_rows)}: no rows; a site empty by design can be marked expected_empty"
        )


@app.command("crawl")
def crawl(
    region: str = typer.Option(None, "--region", "-r", help="Name, pinyin or GB/T 2260 code."),
    site: str = typer.Option(None, "--site", help="Only this site id."),
    since: str = typer.Option(None, "--since", help="Stop paging past this date (YYYY-MM-DD)."),
    max_pages: int = typer.Option(None, "--max-pages", min=1, help="List pages per list URL."),
    seeds: str = typer.Option(None, "--seeds", help="Registry directory (default: seeds/)."),
    full: bool = typer.Option(
        False, "--full", help="Walk every list page and refetch every row (weekly)."
    ),
    set_: list[str] = typer.Option(  # noqa: B008 - typer declares options in defaults
        None, "--set", help="Scrapy setting KEY=VALUE (repeatable), e.g. LOG_LEVEL=INFO."
    ),
    distributed: bool = typer.Option(
        False,
        "--distributed",
        help="Queue one job per host for `notices worker`s and wait for them (docs/distributed.md).",
    ),
) -> None:
    """Crawl the sites of a region into the database (NOTICES_DB_URL)."""
    if not region and not site:
        typer.echo("error: pass --region R (or --site ID)", err=True)
        raise typer.Exit(exit_codes.USAGE)
    overrides = {}
    for pair in set_ or []:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            typer.echo(f"error: --set takes KEY=VALUE, got {pair!r}", err=True)
            raise typer.Exit(exit_codes.USAGE)
        overrides[key] = value
    try:
        if distributed:
            summary = crawl_distributed(region, site, seeds, since, max_pages, full, overrides)
        else:
            summary = run_crawl(
                region,
                site=site,
                seeds_dir=seeds,
                since=since,
                max_pages=max_pages,
                full=full,
                settings=overrides,
            )
    except (SeedError, notices_settings.SettingError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exit_codes.USAGE) from None
    print_summary(summary)
    raise typer.Exit(summary.exit_code)


# -- --distributed (docs/distributed.md) ------------------------------------------------------------


def crawl_distributed(
    region: str | None,
    site: str | None,
    seeds: str | None,
    since: str | None,
    max_pages: int | None,
    full: bool,
    overrides: dict[str, str],
) -> CrawlSummary:
    """The night through the broker; a SQLite archive or an unreachable broker is one line and
    exit 2 (crawler/cli/distributed/broker.py)."""
    # here, not at the top: a local crawl does not pay for the engine's imports
    from crawler.cli.distributed.broker import DistributedError
    from crawler.cli.distributed.enqueue import run_distributed
    from crawler.cli.distributed.jobs import CrawlOptions
    from models.db import database_url

    spider_args.check(
        {"region": region, "site": site, "since": since, "max_pages": max_pages, "seeds": seeds}
    )
    notices_settings.check(overrides)
    # each worker writes to its own NOTICES_DB_URL (the queue is that archive's), not to ours
    settings = {k: v for k, v in overrides.items() if k != "NOTICES_DB_URL"}
    options = CrawlOptions(seeds, since, max_pages, full, settings)
    url = overrides.get("NOTICES_DB_URL") or database_url()

    def progress(done: int, expected: int) -> None:
        typer.echo(f"distributed: {done}/{expected} sites done", err=True)

    try:
        return run_distributed(region, site, options, url, progress=progress)
    except DistributedError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exit_codes.USAGE) from None
