"""Local fixture sites (demo and test farm) served by a real HTTP server on loopback addresses."""

from __future__ import annotations

from crawler.sitefarm.catalog import make_sites
from crawler.sitefarm.server import Farm, RequestRecord
from crawler.sitefarm.truth import SiteTruth, load_truth

__all__ = ["Farm", "RequestRecord", "SiteTruth", "load_truth", "start_farm"]


def start_farm(sites: str = "all", port: int = 0) -> Farm:
    """Start the sites of a group ('demo', 'farm' or 'all') on `port` (0: a free one)."""
    return Farm(make_sites(sites)).start(port)
