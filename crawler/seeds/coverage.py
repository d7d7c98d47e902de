"""How far the registry reaches: per top region (a province, the central level, the demo), its
sites at each level below it and how many of them a crawl has verified."""

from __future__ import annotations

from dataclasses import dataclass

from crawler.seeds.model import UNVERIFIED, Region
from crawler.seeds.registry import Registry

LEVELS = ("province", "city", "county")  # a region's depth below its top region (0, 1, 2+)


@dataclass(frozen=True, slots=True)
class Coverage:
    code: str
    name: str
    by_level: tuple[int, ...]  # sites per entry of LEVELS
    verified: int
    unverified: int

    @property
    def sites(self) -> int:
        return self.verified + self.unverified


def coverage(registry: Registry, top: Region | None = None) -> list[Coverage]:
    """One line per top region (regions without a parent), in code order; only `top` when
    given (any region: then its own level counts as the first)."""
    tops = [top] if top else [r for r in registry.regions.values() if r.parent is None]
    return [_count(registry, r) for r in sorted(tops, key=lambda r: r.code)]


def _count(registry: Registry, top: Region) -> Coverage:
    depth = {top.code: 0}
    by_level = [0] * len(LEVELS)
    verified = unverified = 0
    for region in registry.descendants(top):  # parents first, so a parent's depth is known
        if region.code != top.code:
            depth[region.code] = depth[region.parent or top.code] + 1
        level = min(depth[region.code], len(LEVELS) - 1)
        by_level[level] += len(region.sites)
        for site in region.sites:
            if site.verified == UNVERIFIED:
                unverified += 1
            else:
                verified += 1
    return Coverage(top.code, top.name, tuple(by_level), verified, unverified)
