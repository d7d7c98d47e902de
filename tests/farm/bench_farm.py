"""A large, generated-on-the-fly TRS farm for the crawl benchmark (thousands of detail pages).

Deterministic: detail n of a site always has the same bytes. Every second detail is a notice."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from crawler.demo.http import Request, Response, is_asset_path, not_found
from crawler.demo.server import Farm
from crawler.demo.static import asset_response
from tests.farm.build.content import Doc, make_news, make_notice
from tests.farm.build.trs import DetailOptions, TrsSkin, detail_page, list_page

COLUMN = "/xxgk/"
_FIRST_DAY = date(2021, 1, 1)
_DETAIL = re.compile(r"^/xxgk/(\d{6})/t(\d{8})_(\d+)\.html$")
_LIST = re.compile(r"^/xxgk/(?:index(?:_(\d+))?\.html)?$")
HTML = [("Content-Type", "text/html; charset=UTF-8")]


def _day(n: int) -> date:
    return _FIRST_DAY + timedelta(days=n // 3)


def detail_path(n: int) -> str:
    d = _day(n)
    return f"{COLUMN}{d:%Y%m}/t{d:%Y%m%d}_{n}.html"


def list_path(page: int) -> str:
    return COLUMN + ("index.html" if page == 0 else f"index_{page}.html")


@dataclass(frozen=True, slots=True)
class BenchLayout:
    details: int
    per_page: int

    @property
    def pages(self) -> int:
        return -(-self.details // self.per_page)


class BenchSite:
    """One TRS-style column with `details` detail pages, newest first, `per_page` rows per page."""

    def __init__(self, site_id: str, host: str, layout: BenchLayout, seed: int) -> None:
        self.site_id = site_id
        self.host = host
        self.prefix = ""
        self.layout = layout
        self.seed = seed
        self.skin = TrsSkin(
            site_name=f"基准测试站点{seed}",
            org="基准测试",
            site_code=f"99000000{seed:02d}",
            icp="湘ICP备00000000号",
            gongan="湘公网安备 00000000000000号",
            column="信息公开",
            parent_column="巡视巡察",
        )
        self._cache: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def reset(self) -> None:
        """Generated pages keep no state worth clearing."""

    def doc(self, n: int) -> Doc:
        if n % 2 == 0:
            return make_notice(self.seed, n, _day(n))
        return make_news(self.seed, n, _day(n))

    def handle(self, request: Request) -> Response:
        path = request.path
        if path == "/robots.txt":
            return Response(
                200, b"User-agent: *\nDisallow: /search\n", [("Content-Type", "text/plain")]
            )
        with self._lock:
            body = self._cache.get(path)
        if body is None:
            rendered = self._render(path)
            if rendered is None:
                return asset_response(path) if is_asset_path(path) else not_found()
            body = rendered
            with self._lock:
                self._cache[path] = body
        return Response(200, body, HTML)

    def _render(self, path: str) -> bytes | None:
        match = _LIST.match(path)
        if match:
            page = int(match.group(1) or 0)
            if page >= self.layout.pages or match.group(1) == "0":
                return None
            newest = self.layout.details - 1 - page * self.layout.per_page
            rows = []
            for n in range(newest, max(newest - self.layout.per_page, -1), -1):
                d = _day(n)
                rows.append((f"./{d:%Y%m}/t{d:%Y%m%d}_{n}.html", self.doc(n).title, d.isoformat()))
            return list_page(self.skin, COLUMN, rows, page, self.layout.pages).encode()
        match = _DETAIL.match(path)
        if match:
            n = int(match.group(3))
            if n >= self.layout.details or detail_path(n) != path:
                return None
            opt = DetailOptions(url_name=path.rsplit("/", 1)[1], laiyuan=None)
            return detail_page(self.skin, self.doc(n), opt).encode()
        return None


def bench_sites(sites: int, details_per_site: int, per_page: int) -> list[BenchSite]:
    layout = BenchLayout(details_per_site, per_page)
    return [BenchSite(f"bench-{i}", f"127.0.0.{20 + i}", layout, i) for i in range(1, sites + 1)]


def start_bench_farm(
    port: int = 0, sites: int = 4, details_per_site: int = 500, per_page: int = 20
) -> Farm:
    """Serve `sites` generated sites on 127.0.0.21… (`sites * details_per_site` detail pages)."""
    return Farm(bench_sites(sites, details_per_site, per_page)).start(port)


def bench_truth(sites: int = 4, details_per_site: int = 500, per_page: int = 20) -> dict[str, Any]:
    """What a complete crawl of the bench farm reaches: per site its start and list paths, and the
    expected totals (paths only; the host is `127.0.0.{20+i}` for `bench-i`)."""
    layout = BenchLayout(details_per_site, per_page)
    per_site = {
        f"bench-{i}": {
            "host": f"127.0.0.{20 + i}",
            "start_paths": [COLUMN],
            "list_paths": [list_path(p) for p in range(layout.pages)],
            "details": details_per_site,
            "notices": (details_per_site + 1) // 2,
        }
        for i in range(1, sites + 1)
    }
    return {
        "sites": per_site,
        "list_pages": sites * layout.pages,
        "details": sites * details_per_site,
        "notices": sites * ((details_per_site + 1) // 2),
    }
