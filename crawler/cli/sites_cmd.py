"""`notices sites check|list|probe|add|discover`: validate, list and probe the site registry, add a
site from its column URL (crawler/cli/site_survey.py works out the entry), and find a site's
columns from its home page (crawler/cli/site_discover.py)."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import typer
from rich.console import Console
from rich.table import Table

from crawler import listing, paging
from crawler.autolist.survey import survey_page
from crawler.cli import site_discover, site_survey
from crawler.cli.typer_apps import sites_app
from crawler.polite_fetch import content_type, verdict_of
from crawler.seeds import SeedError, Site, check_registry, load_registry, seeds_dir
from crawler.seeds.append import append_site, render_entry
from crawler.seeds.build import SITE_ID_RE
from crawler.seeds.checks import valid_url
from crawler.seeds.coverage import LEVELS, coverage
from crawler.seeds.model import UNVERIFIED
from crawler.settings import USER_AGENT
from pipelines.common.decoding import charset_of, decode_html

PROBE_TIMEOUT = 20  # seconds per site
SUMMARY_WIDTH = 120  # columns: the longest region name (新疆维吾尔自治区) and all counts, unwrapped


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
    summary: bool = typer.Option(
        False, "--summary", help="Count sites per province and level, verified or not."
    ),
) -> None:
    """List registered sites (of a region and the regions below it)."""
    if summary:
        _summary(region, seeds)
        return
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


def _summary(region: str | None, seeds: str | None) -> None:
    try:
        registry = load_registry(seeds)
        lines = coverage(registry, registry.find_region(region) if region else None)
    except SeedError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    verified = sum(c.verified for c in lines)
    total = sum(c.sites for c in lines)
    table = Table(title=f"{total} sites ({verified} verified) in {len(lines)} top regions")
    for col in ("region", "code", *LEVELS, "verified", "unverified", "sites"):
        table.add_column(col, justify="left" if col in ("region", "code") else "right")
    for c in lines:
        numbers = (*c.by_level, c.verified, c.unverified, c.sites)
        table.add_row(c.name, c.code, *(str(n) for n in numbers))
    Console(width=SUMMARY_WIDTH).print(table)


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
    verdict = verdict_of(status, headers, body)
    if verdict is not None:
        label = f"blocked:{verdict.kind}" if verdict.is_block else verdict.kind
        return ProbeResult(site.id, url, label, 0, verdict.detail)
    text, _ = decode_html(
        body,
        declared_encoding=charset_of(content_type(headers)),
        forced_encoding=site.options.get("encoding"),
    )
    rows, _ = style.rows(text, url, site.list_rules)
    if not rows:
        api = site.sources[0].api is not None
        seen = "in the API payload" if api else f"on the page: {survey_page(text, url).summary()}"
        return ProbeResult(site.id, url, "layout-not-recognised", 0, f"no list rows found {seen}")
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


_ID_JUNK = re.compile(r"[^a-z0-9]+")
_PAGE_FILE = re.compile(r"^(index|default|list)[\w-]*\.\w+$|^\w+\.(s?html?|jsp|aspx?|php)$")


def site_id_for(url: str, taken: set[str]) -> str:
    """An id from the URL's host and column path (`x-gov-cn-xsxc-zgtb`), unique in `taken`."""
    parts = urlsplit(url)
    host = (parts.hostname or "site").removeprefix("www.")
    path = [p for p in parts.path.split("/") if p and not _PAGE_FILE.match(p)]
    base = _ID_JUNK.sub("-", "-".join([host, *path[-2:]]).lower()).strip("-")[:60] or "site"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _entry(found: site_survey.Survey, site_id: str) -> dict[str, object]:
    return {
        "id": site_id,
        "name": found.name,
        "platform": found.platform,
        "list_urls": [found.url],
        **found.overrides,
        "verified": UNVERIFIED,
    }


def _show(found: site_survey.Survey, entry: dict[str, object]) -> None:
    declared = f" (declared {found.declared})" if found.declared else ""
    typer.echo(f"platform: {found.platform}; encoding: {found.encoding}{declared}")
    typer.echo(f"rows: {len(found.rows)} by {found.rows_by} ({found.where})")
    table = Table(show_header=True)
    for col in ("date", "title", "url"):
        table.add_column(col)
    for e in found.rows:
        table.add_row(e.date or "-", e.title or "(from the detail page)", e.url)
    Console(width=200).print(table)
    typer.echo(f"pagination: {found.pagination}; next page: {found.next_url or '(none)'}")
    for p in found.pages[1:]:
        typer.echo(f"  read {p.url}: {p.rows} rows" + (f", then {p.stop}" if p.stop else ""))
    if found.record is not None:
        r = found.record
        typer.echo(f"detail: {found.detail_url}")
        typer.echo(
            f"  is_notice={r.is_notice} title={r.title!r} published={r.published_date} "
            f"inspected_unit={r.inspected_unit!r}"
        )
    else:
        typer.echo(f"detail: {found.detail_url or '-'}: {found.detail_problem}")
    typer.echo("entry:")
    for line in render_entry(entry, 0):
        typer.echo("  " + line.rstrip("\n"))


@sites_app.command("add")
def add(
    url: str = typer.Argument(..., help="The column's list page."),
    region: str = typer.Option(None, "--region", "-r", help="Region code, name or pinyin."),
    site_id: str = typer.Option(None, "--id", help="Site id (default: from the URL)."),
    write: bool = typer.Option(False, "--write", help="Append the entry to the region's file."),
    seeds: str = typer.Option(None, "--seeds", help="Registry directory."),
    delay: float = typer.Option(
        site_survey.DELAY,
        "--delay",
        min=0.0,
        help="Seconds between two requests, at least (a longer robots.txt Crawl-delay wins).",
    ),
) -> None:
    """Read a column page (one or two more list pages, one detail page; robots obeyed) and show
    its platform, rows, pager and one parsed record; with --write, add it to the registry."""
    if not valid_url(url):
        typer.echo(f"error: not an http(s) URL: {url!r}", err=True)
        raise typer.Exit(2)
    if write and not region:
        typer.echo("error: --write needs --region (the region whose file gets the entry)", err=True)
        raise typer.Exit(2)
    try:
        registry = load_registry(seeds)
        target = registry.find_region(region) if region else None
    except SeedError as exc:
        typer.echo(f"error: {str(exc).splitlines()[0]}", err=True)
        raise typer.Exit(2) from None
    taken = {s.id for s in registry.all_sites()}
    if site_id and (site_id in taken or not SITE_ID_RE.match(site_id)):
        why = "is already used" if site_id in taken else "must match [a-z0-9][a-z0-9_-]{1,63}"
        typer.echo(f"error: site id {site_id!r} {why}", err=True)
        raise typer.Exit(2)
    try:
        found = site_survey.survey(url, _fetch, delay=delay)
    except site_survey.SurveyFailed as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    entry = _entry(found, site_id or site_id_for(url, taken))
    _show(found, entry)
    if write and target is not None:
        try:
            append_site(target, entry, seeds_dir(seeds))
        except SeedError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
        typer.echo(f"written to {target.file} (region {target.name} {target.code})")


sites_app.command("discover")(site_discover.discover_cmd)
