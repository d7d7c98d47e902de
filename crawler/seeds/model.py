"""What the site registry holds: regions, their sites, list sources and title rules."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

UNVERIFIED = "unverified"  # the `verified:` of an entry no crawl has read yet (else a date)


class SeedError(ValueError):
    """A registry file is invalid, or a region/site selection matches nothing."""


@dataclass(frozen=True, slots=True)
class TitleRules:
    """Which list titles are worth a detail request (the parser still decides)."""

    include_any: tuple[str, ...] = ("巡察", "巡视")
    require_any: tuple[str, ...] = ("整改",)
    exclude_any: tuple[str, ...] = ()

    def accepts(self, title: str | None) -> bool:
        if not title:  # no title on the list: let the detail page and parser decide
            return True
        if self.include_any and not any(k in title for k in self.include_any):
            return False
        if self.require_any and not any(k in title for k in self.require_any):
            return False
        return not any(k in title for k in self.exclude_any)


@dataclass(frozen=True, slots=True)
class ListSource:
    """One list URL and how to page through it."""

    url: str
    pagination: Mapping[str, Any]  # {"type": ..., plus type-specific keys}
    api: Mapping[str, Any] | None = None  # JSON list API (method, body, fields, ...)


@dataclass(frozen=True, slots=True)
class Site:
    id: str
    name: str
    publisher: str
    platform: str
    region_code: str
    region_name: str
    sources: tuple[ListSource, ...]
    list_rules: Mapping[str, Any]  # item/link/title/date selectors, merged over the profile
    titles: TitleRules
    options: Mapping[str, Any]  # content_selector, title_selector, date_selector, extra_chrome, ...
    politeness: Mapping[str, Any]
    expected_empty: bool
    verified: str  # ISO date or UNVERIFIED
    max_pages: int | None
    block_threshold: int
    hosts: tuple[str, ...]  # hosts whose detail links belong to this site
    # Opt-in: copy cookies out of a JS cookie challenge (groups `k` and `v`), then retry once.
    js_cookie: re.Pattern[str] | None
    file: str

    @property
    def list_urls(self) -> list[str]:
        return [s.url for s in self.sources]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "region": self.region_name,
            "region_code": self.region_code,
            "publisher": self.publisher,
            "platform": self.platform,
            "list_urls": self.list_urls,
        }


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    pinyin: str
    parent: str | None
    sites: tuple[Site, ...]
    file: str
