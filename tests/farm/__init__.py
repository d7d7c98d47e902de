"""The test site farm: fixture sites (with the demo's) served on loopback addresses by the demo's
real HTTP server (crawler/demo), with the ground truth of each site."""

from __future__ import annotations

from crawler.demo.server import Farm, RequestRecord
from tests.farm.catalog import make_sites
from tests.farm.truth import SiteTruth, load_truth

__all__ = ["Farm", "RequestRecord", "SiteTruth", "load_truth", "start_farm"]


def start_farm(sites: str = "all", port: int = 0) -> Farm:
    """Start the sites of a group ('demo', 'farm' or 'all') on `port` (0: a free one)."""
    return Farm(make_sites(sites)).start(port)
