"""`notices reparse [--region R] [--since-version V] [--dry-run]`: today's cleaner and parser over
the stored raw pages and attachment texts (no network); records that come out different are
rewritten in place, and a report says how many changed, per field, with examples."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer
from packaging.version import InvalidVersion, Version

from crawler.cli.db_cmd import UrlOption, open_archive
from crawler.cli.typer_apps import app, usage_error
from crawler.run_context import clean_rules
from crawler.seeds import Registry, SeedError, load_registry
from pipelines.cleaning import SiteCleanRules
from pipelines.reparse import ReparseReport, reparse

SeedsOption = Annotated[
    str | None,
    typer.Option(
        "--seeds",
        help="Registry directory, for each site's cleaning rules (default: seeds/); sites it "
        "does not hold are cleaned with the generic rules.",
    ),
]


def load_seeds(seeds: str | None) -> Registry | None:
    """The registry, or None (with a warning) when it cannot be read: stored pages can still be
    re-parsed with the generic cleaning rules."""
    try:
        return load_registry(seeds)
    except SeedError as exc:
        first = str(exc).splitlines()[0]
        typer.echo(f"warning: registry not read ({first}); generic cleaning rules", err=True)
        return None


def rules_lookup(registry: Registry | None) -> Callable[[str], SiteCleanRules]:
    """Each site's cleaning rules as the crawl builds them, built on first use."""
    sites = {s.id: s for s in registry.all_sites()} if registry else {}
    built: dict[str, SiteCleanRules] = {}

    def rules_for(site_id: str) -> SiteCleanRules:
        if site_id not in built:
            site = sites.get(site_id)
            rules, _ = clean_rules({site_id: site.options if site else None})
            built[site_id] = rules[site_id]
        return built[site_id]

    return rules_for


def region_names(registry: Registry | None, query: str) -> list[str]:
    """The stored region names a --region value stands for: the region and those below it."""
    if registry is None:
        return [query]
    try:
        return [r.name for r in registry.descendants(registry.find_region(query))]
    except SeedError as exc:
        usage_error(str(exc))


@app.command("reparse")
def reparse_cmd(
    region: Annotated[
        str | None,
        typer.Option(help="Only pages of this region and those below it (name, pinyin or code)."),
    ] = None,
    since_version: Annotated[
        str | None,
        typer.Option(
            "--since-version",
            help="Only notices made by a parser older than this version (e.g. 1.6.0); pages "
            "that are not notices record no version and are always re-parsed.",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Report what would change; write nothing.")
    ] = False,
    batch: Annotated[int, typer.Option(help="Pages read and written at a time.")] = 200,
    seeds: SeedsOption = None,
    url: UrlOption = None,
) -> None:
    """Re-parse the archive with today's cleaner and parser and rewrite what changed."""
    if batch < 1:
        usage_error(f"--batch {batch}: give at least 1")
    since = None
    if since_version is not None:
        try:
            since = Version(since_version)
        except InvalidVersion:
            usage_error(f"--since-version {since_version!r} is not a version such as 1.6.0")
    registry = load_seeds(seeds)
    regions = region_names(registry, region) if region else None
    engine = open_archive(url, write=not dry_run)
    try:
        report = reparse(
            engine,
            rules_lookup(registry),
            regions=regions,
            since_version=since,
            dry_run=dry_run,
            batch=batch,
        )
    finally:
        engine.dispose()
    for line in report_lines(report):
        typer.echo(line)


def report_lines(report: ReparseReport) -> list[str]:
    verb = "would change" if report.dry_run else "changed"
    lines = [
        f"re-parsed with parser {report.parser_version}"
        + (" (dry run: nothing written)" if report.dry_run else ""),
        f"notices       {report.notices:>7}",
        f"  {verb:<11} {report.changed:>7}",
        f"  restamped   {report.stamped:>7}   (same fields; new parser version and hashes)",
        f"  not notices {report.demoted:>7}   (kept, is_notice false)",
        f"other pages   {report.raw_pages:>7}",
        f"  now notices {report.promoted:>7}",
        f"  new reason  {report.reasons:>7}",
    ]
    if report.skipped:
        lines.append(f"  left alone  {report.skipped:>7}   (the URL is a notice already)")
    if report.fields:
        lines.append("fields changed:")
        for name, n in report.fields.most_common():
            lines.append(f"  {name:<18} {n:>7}")
        lines.append("examples:")
        for name, _ in report.fields.most_common():
            for example in report.examples.get(name, []):
                lines.append(f"  {example.url}  {name}:")
                lines += [f"      {line}" for line in example.lines]
    return lines
