"""`notices sites check|list|probe`: validate, list and probe the site registry."""

from __future__ import annotations

import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin

import typer
from rich.console import Console
from rich.table import Table

from crawler import listing, paging
from crawler.blocks import classify_response
from crawler.cli.app import sites_app
from crawler.seeds import SeedError, Site, check_registry, load_registry, seeds_dir
from crawler.settings import USER_AGENT
from pipelines.common.decoding import charset_of, decode_html

PROBE_TIMEOUT = 20  # seconds per site


@sites_app.command("check")
def check(seeds: str = typer.Option(None, "--seeds", help="Registry directory.")) -> None:
    """Validate every registry file; one line per problem, naming the file, line and key."""
    problems = check_registry(seeds)
    if problems:
        for line in problems:
            typer.echo(line, err=True)
        typer.echo(f"{len(problems)} problem(s) in {seeds_dir(seeds)}", err=True)
        raise typer.Exit(2)  # a broken registry is bad input, like every other command's
    registry = load_registry(seeds)
    typer.echo(
        f"ok: {len(registry.regions)} regions, {len(registry.all_sites())} sites "
        f"in {seeds_dir(seeds)}"
    )


def _selected(region: str | None, seeds: str | None) -> list[Site]:
    try:
        return load_registry(seeds).select(region)
    except SeedError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


@sites_app.command("list")
def list_sites(
    region: str = typer.Option(None, "--region", "-r", help="Name, pinyin or code."),
    seeds: str = typer.Option(None, "--seeds", help="Registry directory."),
) -> None:
    """List registered sites (of a region and the regions below it)."""
    sites = _selected(region, seeds)
    table = Table(title=f"{len(sites)} sites")
    for col in ("id", "name", "region", "platform", "verified", "list URL"):
        table.add_column(col)
    for s in sites:
        more = f" (+{len(s.sources) - 1})" if len(s.sources) > 1 else ""
        table.add_row(
            s.id,
            s.name,
            f"{s.region_name} {s.region_code}",
            s.platform,
            s.verified,
            s.list_urls[0] + more,
        )
    Console().print(table)


@dataclass(frozen=True, slots=True)
class ProbeResult:
    site_id: str
    url: str
    verdict: str  # reachable | blocked:<class> | unreachable | layout-not-recognised | robots
    rows: int
    detail: str


Fetch = Callable[[listing.PageRequest], tuple[int, dict[str, str], bytes]]


def _fetch(page: listing.PageRequest) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(
        page.url,
        data=page.body,
        method=page.method,
        headers={**page.headers, "User-Agent": USER_AGENT},
    )
    try:
        with urllib.request.urlopen(request, timeout=PROBE_TIMEOUT) as resp:
            return resp.status, dict(resp.headers.items()), resp.read(5_000_000)
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers.items()), exc.read(5_000_000)


def _robots_allow(url: str, fetch: Fetch) -> bool:
    """robots.txt says we may fetch `url` (a missing or unreadable robots.txt allows, as in
    Scrapy)."""
    try:
        status, _, body = fetch(listing.PageRequest(url=urljoin(url, "/robots.txt"), page=0))
    except (OSError, ValueError):
        return True
    if status >= 400:
        return True
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(body.decode("utf-8", errors="replace").splitlines())
    return parser.can_fetch(USER_AGENT, url)


def probe_site(site: Site, fetch: Fetch = _fetch) -> ProbeResult:
    """Fetch the first list page of a site and say whether the crawler could read it."""
    style = paging.pager(site.sources[0])
    page = style.first()
    url = page.url
    if site.politeness.get("obey_robots", True) and not _robots_allow(url, fetch):
        return ProbeResult(site.id, url, "robots", 0, "disallowed by robots.txt")
    try:
        status, headers, body = fetch(page)
    except (OSError, ValueError) as exc:
        return ProbeResult(site.id, url, "unreachable", 0, f"{type(exc).__name__}: {exc}"[:200])
    cookies = [v.split("=", 1)[0] for k, v in headers.items() if k.lower() == "set-cookie"]
    ctype = next((v for k, v in headers.items() if k.lower() == "content-type"), "").lower()
    verdict = classify_response(status, body, set_cookie_names=cookies, content_type=ctype)
    if verdict is not None:
        label = f"blocked:{verdict.kind}" if verdict.is_block else verdict.kind
        return ProbeResult(site.id, url, label, 0, verdict.detail)
    text, _ = decode_html(
        body, declared_encoding=charset_of(ctype), forced_encoding=site.options.get("encoding")
    )
    rows, _ = style.rows(text, url, site.list_rules)
    if not rows:
        return ProbeResult(site.id, url, "layout-not-recognised", 0, "no list rows found")
    return ProbeResult(site.id, url, "reachable", len(rows), f"first row: {rows[0].title}")


@sites_app.command("probe")
def probe(
    region: str = typer.Option(None, "--region", "-r", help="Name, pinyin or code."),
    seeds: str = typer.Option(None, "--seeds", help="Registry directory."),
) -> None:
    """Fetch each site's first list page: reachable / blocked / layout-not-recognised."""
    sites = _selected(region, seeds)
    table = Table(title=f"probe of {len(sites)} sites")
    for col in ("id", "verdict", "rows", "detail"):
        table.add_column(col)
    bad = 0
    for s in sites:
        r = probe_site(s)
        bad += r.verdict != "reachable"
        table.add_row(r.site_id, r.verdict, str(r.rows), r.detail)
    Console().print(table)
    raise typer.Exit(1 if bad else 0)
