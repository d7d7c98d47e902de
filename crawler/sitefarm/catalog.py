"""Which fixture sites exist, where each one listens, and which class serves it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crawler.sitefarm.dynamic import (
    ApiSite,
    CookieChallengeSite,
    EpochSite,
    HanwebSite,
    RateLimitedSite,
)
from crawler.sitefarm.http import Site
from crawler.sitefarm.static import StaticSite

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


CATALOG: tuple[SiteSpec, ...] = (
    SiteSpec("demo-trs", "demo", "127.0.0.1", "/hnjw", "static"),
    SiteSpec("demo-vsb", "demo", "127.0.0.1", "/hszh", "static"),
    SiteSpec("demo-gbk", "demo", "127.0.0.1", "/hahsh", "static"),
    SiteSpec("farm-trs", "farm", "127.0.0.11", "", "static"),
    SiteSpec("farm-hanweb", "farm", "127.0.0.12", "", "hanweb"),
    SiteSpec("farm-vsb", "farm", "127.0.0.13", "", "static"),
    SiteSpec("farm-gbk", "farm", "127.0.0.14", "", "static"),
    SiteSpec("farm-api", "farm", "127.0.0.15", "", "api"),
    SiteSpec("farm-waf", "farm", "127.0.0.16", "", "ratelimit"),
    SiteSpec("farm-mutable", "farm", "127.0.0.17", "", "epochs"),
    SiteSpec("farm-ccdi", "farm", "127.0.0.18", "", "cookies"),
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


def make_sites(group: str, sites_dir: Path = SITES_DIR) -> list[Site]:
    """Load the sites of a group from their files (raises if a site was never built)."""
    made: list[Site] = []
    for site_id in site_ids(group):
        entry = spec(site_id)
        made.append(
            _KINDS[entry.kind](entry.site_id, entry.host, entry.prefix, sites_dir / site_id)
        )
    return made
