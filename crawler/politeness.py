"""Per-site politeness from the seeds as Scrapy download slots, keyed by host."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from crawler.seeds import Site


def download_slots(
    sites: Iterable[Site], slots: Mapping[str, Any], per_domain_cap: int
) -> dict[str, Any]:
    """`slots` with each site's delay and concurrency set on its hosts."""
    out = dict(slots)
    for site in sites:
        slot: dict[str, Any] = {}
        if "download_delay" in site.politeness:
            slot["delay"] = float(site.politeness["download_delay"])
        if "concurrency" in site.politeness:
            # never above the global per-domain cap
            slot["concurrency"] = min(int(site.politeness["concurrency"]), per_domain_cap)
        for host in site.hosts if slot else ():
            out[host] = {**out.get(host, {}), **slot}
    return out
