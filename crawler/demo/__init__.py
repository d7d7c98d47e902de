"""The offline demo: three small bundled sites (TRS-, VSB-style and a GBK one) and the loopback
HTTP server that serves them byte for byte, so `notices demo` works from an installed wheel.

The test farm (tests/farm) reuses this server and adds its own sites; the demo sites' files are
written by its builders (`python -m tests.farm.build`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crawler.demo.server import Farm
from crawler.demo.static import StaticSite

DEMO_SITES_DIR = Path(__file__).resolve().parent / "sites"


@dataclass(frozen=True, slots=True)
class DemoSite:
    site_id: str
    host: str
    prefix: str


DEMO_SITES: tuple[DemoSite, ...] = (
    DemoSite("demo-trs", "127.0.0.1", "/hnjw"),
    DemoSite("demo-vsb", "127.0.0.1", "/hszh"),
    DemoSite("demo-gbk", "127.0.0.1", "/hahsh"),
)


def start_demo(port: int = 0) -> Farm:
    """Serve the demo sites on 127.0.0.1:`port` (0: a free one)."""
    sites = [
        StaticSite(s.site_id, s.host, s.prefix, DEMO_SITES_DIR / s.site_id) for s in DEMO_SITES
    ]
    return Farm(sites).start(port)
