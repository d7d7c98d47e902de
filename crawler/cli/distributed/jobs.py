"""The night's work as jobs: one job per host, so that no two workers ever crawl one host.

Sites that share a host (two columns of one portal, a county site on its city's server) are one
job, and so are sites linked through a host they share with a third: the groups are the connected
components of "site uses host". Pure: the registry's sites in, jobs out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from crawler.seeds import Site


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    """What the enqueuer was asked for, the same for every job of the night."""

    seeds: str | None = None  # the registry directory; every worker must see the same one
    since: str | None = None
    max_pages: int | None = None
    full: bool = False
    settings: Mapping[str, str] = field(default_factory=dict)  # --set KEY=VALUE


@dataclass(frozen=True, slots=True)
class Job:
    """One message on the queue: the sites of one host, crawled one after the other."""

    run_id: int  # the night's crawl-run row, which every site's outcome joins
    hosts: tuple[str, ...]
    site_ids: tuple[str, ...]
    options: CrawlOptions

    def to_message(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_message(cls, message: Mapping[str, Any]) -> Job:
        return cls(
            run_id=int(message["run_id"]),
            hosts=tuple(message["hosts"]),
            site_ids=tuple(message["site_ids"]),
            options=CrawlOptions(**message["options"]),
        )


def host_groups(sites: Iterable[Site]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(hosts, site ids) of each group of sites sharing hosts, in registry order."""
    parent: dict[str, str] = {}  # union-find over site ids

    def root(sid: str) -> str:
        while parent[sid] != sid:
            parent[sid] = parent[parent[sid]]
            sid = parent[sid]
        return sid

    ordered: list[Site] = []
    owner: dict[str, str] = {}  # host -> a site id using it
    for site in sites:
        ordered.append(site)
        parent[site.id] = site.id
        for host in site.hosts:
            if host in owner:
                parent[root(site.id)] = root(owner[host])
            else:
                owner[host] = site.id
    groups: dict[str, list[Site]] = {}
    for site in ordered:
        groups.setdefault(root(site.id), []).append(site)
    out = []
    for members in groups.values():
        hosts = sorted({h for s in members for h in s.hosts})
        out.append((tuple(hosts), tuple(s.id for s in members)))
    return out


def night_jobs(run_id: int, sites: Sequence[Site], options: CrawlOptions) -> list[Job]:
    return [Job(run_id, hosts, ids, options) for hosts, ids in host_groups(sites)]
