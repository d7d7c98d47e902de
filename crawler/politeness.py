"""Per-site politeness from the seeds as Scrapy download slots, keyed by host; and a downloader
that keeps each slot's concurrency when there is no delay."""

from __future__ import annotations

from collections.abc import Coroutine, Iterable, Mapping
from typing import Any

from scrapy import Request
from scrapy.core.downloader import Downloader as ScrapyDownloader
from scrapy.core.downloader import Slot
from twisted.internet.defer import Deferred

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


class Downloader(ScrapyDownloader):
    """Scrapy's downloader, with a request counted as transferring as soon as it is dispatched.

    On the asyncio reactor Scrapy starts each download as a task that runs on the next loop
    turn, and only then marks the request transferring; with DOWNLOAD_DELAY=0 nothing breaks
    its dispatch loop, which therefore saw free slots and sent a host's whole queue at once
    (4 and more in flight against a limit of 2, measured from the farm's log). Marking it here,
    while the loop still runs, keeps the limit; Scrapy's own `_download` adds it again (a set)
    and removes it when done.
    """

    def _wait_for_download(
        self, slot: Slot, request: Request, queue_dfd: Deferred[Any]
    ) -> Coroutine[Any, Any, None]:
        slot.transferring.add(request)
        return super()._wait_for_download(slot, request, queue_dfd)
