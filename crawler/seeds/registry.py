"""The loaded registry and its selection of regions (by code, name or pinyin) and sites."""

from __future__ import annotations

from dataclasses import dataclass, field

from crawler.seeds.model import Region, SeedError, Site

# Administrative suffixes dropped when matching a region by name: 安徽 finds 安徽省.
_NAME_SUFFIXES = (
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "省",
    "市",
    "区",
    "县",
)


@dataclass(slots=True)
class Registry:
    regions: dict[str, Region] = field(default_factory=dict)  # by code

    def region_label(self, region: Region) -> str:
        return f"{region.name} ({region.pinyin}, {region.code})"

    def find_region(self, query: str) -> Region:
        """A region by code, name (with or without 省/市/县 suffix) or pinyin. A whole name wins
        over a bare one: 吉林省 is the province, though 吉林市 is 吉林 too."""
        q = query.strip()
        for matcher in (_by_code, _by_full_name, _by_name, _by_pinyin):
            hits = [r for r in self.regions.values() if matcher(r, q)]
            if len(hits) == 1:
                return hits[0]
            if len(hits) > 1:
                names = ", ".join(sorted(self.region_label(r) for r in hits))
                raise SeedError(f"region {query!r} is ambiguous: {names}; use the code")
        raise SeedError(f"unknown region {query!r}; known regions: {self.known_regions()}")

    def known_regions(self) -> str:
        return ", ".join(self.region_label(r) for r in sorted(self.regions.values(), key=_code))

    def descendants(self, region: Region) -> list[Region]:
        """The region and every region below it, parents first."""
        out = [region]
        for r in out:
            out.extend(c for c in self.regions.values() if c.parent == r.code and c not in out)
        return out

    def select(self, region: str | None = None, site: str | None = None) -> list[Site]:
        """Sites of a region (and the regions below it), optionally narrowed to one site id."""
        if region:
            sites = [s for r in self.descendants(self.find_region(region)) for s in r.sites]
        else:
            sites = self.all_sites()
        if site:
            chosen = [s for s in sites if s.id == site]
            if not chosen:
                scope = f" in region {region!r}" if region else ""
                known = ", ".join(sorted(s.id for s in sites)) or "(none)"
                raise SeedError(f"unknown site {site!r}{scope}; known sites: {known}")
            return chosen
        return sites

    def all_sites(self) -> list[Site]:
        return [s for r in self.regions.values() for s in r.sites]


def _code(region: Region) -> str:
    return region.code


def _bare_name(name: str) -> str:
    for suffix in _NAME_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _by_code(r: Region, q: str) -> bool:
    return r.code == q


def _by_full_name(r: Region, q: str) -> bool:
    return r.name == q


def _by_name(r: Region, q: str) -> bool:
    return _bare_name(r.name) == _bare_name(q)


def _by_pinyin(r: Region, q: str) -> bool:
    return r.pinyin.lower() == q.lower()
