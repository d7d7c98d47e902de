"""Which fixture sites exist, where each one listens, and which class serves it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crawler.demo import DEMO_SITES, DEMO_SITES_DIR
from crawler.demo.http import Site
from crawler.demo.static import StaticSite
from tests.farm.dynamic import (
    ApiSite,
    CookieChallengeSite,
    EpochSite,
    HanwebSite,
    RateLimitedSite,
)

SITES_DIR = Path(__file__).resolve().parent / "sites"
GROUPS = ("demo", "farm", "all")

_KINDS: dict[str, type[StaticSite | EpochSite]] = {
    "static": StaticSite,
    "hanweb": HanwebSite,
    "api": ApiSite,
    "ratelimit": RateLimitedSite,
    "epochs": EpochSite,
    "cookies": CookieChallengeSite,
}


@dataclass(frozen=True, slots=True)
class SiteSpec:
    site_id: str
    group: str  # 'demo' | 'farm'
    host: str
    prefix: str
    kind: str  # key of _KINDS


# The demo sites are the product's (crawler/demo); the farm's own sites live beside this module.
CATALOG: tuple[SiteSpec, ...] = (
    *(SiteSpec(d.site_id, "demo", d.host, d.prefix, "static") for d in DEMO_SITES),
    SiteSpec("farm-trs", "farm", "127.0.0.11", "", "static"),
    SiteSpec("farm-hanweb", "farm", "127.0.0.12", "", "hanweb"),
    SiteSpec("farm-vsb", "farm", "127.0.0.13", "", "static"),
    SiteSpec("farm-gbk", "farm", "127.0.0.14", "", "static"),
    SiteSpec("farm-api", "farm", "127.0.0.15", "", "api"),
    SiteSpec("farm-waf", "farm", "127.0.0.16", "", "ratelimit"),
    SiteSpec("farm-mutable", "farm", "127.0.0.17", "", "epochs"),
    SiteSpec("farm-ccdi", "farm", "127.0.0.18", "", "cookies"),
    # validators honoured (304) and ignored (always 200), each in two epochs (docs/incremental.md)
    SiteSpec("farm-etag", "farm", "127.0.0.19", "", "epochs"),
    SiteSpec("farm-plain", "farm", "127.0.0.20", "", "epochs"),
    # held out from every profile: selector-free crawling is measured on them (bench/selector_free.py)
    SiteSpec("farm-x-dhcms", "farm", "127.0.0.21", "", "static"),
    SiteSpec("farm-x-nanwei", "farm", "127.0.0.22", "", "static"),
    SiteSpec("farm-x-phpcms", "farm", "127.0.0.23", "", "static"),
    SiteSpec("farm-x-aspx", "farm", "127.0.0.24", "", "static"),
    SiteSpec("farm-x-cards", "farm", "127.0.0.25", "", "static"),
    SiteSpec("farm-x-vsbrev", "farm", "127.0.0.26", "", "static"),
    # home pages with real menus, for `notices sites discover` (tests/farm/build/farm_home.py)
    SiteSpec("farm-home-county", "farm", "127.0.0.27", "", "static"),
    SiteSpec("farm-home-gbk", "farm", "127.0.0.28", "", "static"),
    SiteSpec("farm-home-xxgk", "farm", "127.0.0.29", "", "static"),
    # whole small sites from the home page: `notices sites discover` is measured on them
    # (bench/discover_score.py; each site's discover_truth.json)
    SiteSpec("farm-y-trs", "farm", "127.0.0.30", "", "static"),
    SiteSpec("farm-y-hanweb", "farm", "127.0.0.31", "", "static"),
    SiteSpec("farm-y-vsb", "farm", "127.0.0.32", "", "static"),
    SiteSpec("farm-y-dede", "farm", "127.0.0.33", "", "static"),
    SiteSpec("farm-y-gkml", "farm", "127.0.0.34", "", "static"),
    SiteSpec("farm-y-mobile", "farm", "127.0.0.35", "", "static"),
)


def site_ids(group: str) -> list[str]:
    if group not in GROUPS:
        raise ValueError(f"unknown site group {group!r}; choose one of {', '.join(GROUPS)}")
    return [s.site_id for s in CATALOG if group in ("all", s.group)]


def spec(site_id: str) -> SiteSpec:
    for entry in CATALOG:
        if entry.site_id == site_id:
            return entry
    raise KeyError(f"unknown farm site {site_id!r}; known: {[s.site_id for s in CATALOG]}")


def site_root(site_id: str) -> Path:
    """The folder a site's files are built into and served from."""
    return (DEMO_SITES_DIR if spec(site_id).group == "demo" else SITES_DIR) / site_id


def make_sites(group: str, sites_dir: Path | None = None) -> list[Site]:
    """Load the sites of a group from their files (raises if a site was never built); with
    `sites_dir`, every site is read from that one folder instead."""
    made: list[Site] = []
    for site_id in site_ids(group):
        entry = spec(site_id)
        root = sites_dir / site_id if sites_dir else site_root(site_id)
        made.append(_KINDS[entry.kind](entry.site_id, entry.host, entry.prefix, root))
    return made
