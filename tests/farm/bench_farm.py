"""A large, generated-on-the-fly TRS farm for the crawl and nightly benchmarks (thousands of
detail pages).

Deterministic: detail n of a site always has the same bytes. Every second detail is a notice,
unless the layout says every one is. A site may change on its second night (`set_epoch(2)`):
`Changes` adds notices on top of its list, edits some (one sentence more) and removes some (the
page answers 404 and the row leaves the list). A site may honour validators (`validators`): its
pages carry an ETag and a conditional GET that matches it gets a 304; the others send none."""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
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


def is_list_path(path: str) -> bool:
    return _LIST.match(path) is not None


EDIT = "此文于第二夜修订：增补一项整改措施的完成情况。"  # the sentence an edit appends


@dataclass(frozen=True, slots=True)
class BenchLayout:
    details: int
    per_page: int
    all_notices: bool = False  # else every second detail is news

    @property
    def pages(self) -> int:
        return -(-self.details // self.per_page)


@dataclass(frozen=True, slots=True)
class Changes:
    """What a site's second night changes."""

    added: int = 0  # new notices on top of the list, n = details, details + 1, …
    edited: frozenset[int] = field(default_factory=frozenset)  # details that get one more sentence
    removed: frozenset[int] = field(default_factory=frozenset)  # 404, and off the list

    @property
    def count(self) -> int:
        return self.added + len(self.edited) + len(self.removed)


class BenchSite:
    """One TRS-style column with `details` detail pages, newest first, `per_page` rows per page."""

    def __init__(
        self,
        site_id: str,
        host: str,
        layout: BenchLayout,
        seed: int,
        changes: Changes | None = None,
        validators: bool = False,
    ) -> None:
        self.site_id = site_id
        self.validators = validators
        self.host = host
        self.prefix = ""
        self.layout = layout
        self.seed = seed
        self.changes = changes or Changes()
        self.epoch = 1
        self.skin = TrsSkin(
            site_name=f"基准测试站点{seed}",
            org="基准测试",
            site_code=f"99000000{seed:02d}",
            icp="湘ICP备00000000号",
            gongan="湘公网安备 00000000000000号",
            column="信息公开",
            parent_column="巡视巡察",
        )
        self._cache: dict[tuple[int, str], bytes] = {}
        self._lock = threading.Lock()

    def reset(self) -> None:
        """Generated pages keep no state worth clearing (the epoch stays, as in every farm)."""

    def set_epoch(self, epoch: int) -> None:
        with self._lock:
            self.epoch = epoch

    @property
    def _changed(self) -> Changes:
        return self.changes if self.epoch >= 2 else Changes()

    def listed(self) -> list[int]:
        """The details on the list tonight, newest first."""
        changes = self._changed
        newest = self.layout.details + changes.added
        return [n for n in range(newest - 1, -1, -1) if n not in changes.removed]

    def doc(self, n: int) -> Doc:
        if self.layout.all_notices or n % 2 == 0:
            doc = make_notice(self.seed, n, _day(n))
            if n in self._changed.edited:
                doc = replace(doc, paragraphs=[*doc.paragraphs, EDIT])
            return doc
        return make_news(self.seed, n, _day(n))

    def handle(self, request: Request) -> Response:
        path = request.path
        if path == "/robots.txt":
            return Response(
                200, b"User-agent: *\nDisallow: /search\n", [("Content-Type", "text/plain")]
            )
        with self._lock:
            key = (min(self.epoch, 2), path)
            body = self._cache.get(key)
        if body is None:
            rendered = self._render(path)
            if rendered is None:
                return asset_response(path) if is_asset_path(path) else not_found()
            body = rendered
            with self._lock:
                self._cache[key] = body
        if not self.validators:
            return Response(200, body, HTML)
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if etag in (request.header("if-none-match") or ""):
            return Response(304, b"", [("ETag", etag)])
        return Response(200, body, [*HTML, ("ETag", etag)])

    def _render(self, path: str) -> bytes | None:
        match = _LIST.match(path)
        if match:
            listed = self.listed()
            per_page = self.layout.per_page
            pages = -(-len(listed) // per_page)
            page = int(match.group(1) or 0)
            if page >= pages or match.group(1) == "0":
                return None
            rows = []
            for n in listed[page * per_page : (page + 1) * per_page]:
                d = _day(n)
                rows.append((f"./{d:%Y%m}/t{d:%Y%m%d}_{n}.html", self.doc(n).title, d.isoformat()))
            return list_page(self.skin, COLUMN, rows, page, pages).encode()
        match = _DETAIL.match(path)
        if match:
            n = int(match.group(3))
            changes = self._changed
            gone = n >= self.layout.details + changes.added or n in changes.removed
            if gone or detail_path(n) != path:
                return None
            opt = DetailOptions(url_name=path.rsplit("/", 1)[1], laiyuan=None)
            return detail_page(self.skin, self.doc(n), opt).encode()
        return None


def bench_sites(
    sites: int,
    details_per_site: int,
    per_page: int,
    *,
    all_notices: bool = False,
    changes: Mapping[str, Changes] | None = None,
    validators: bool = False,
) -> list[BenchSite]:
    """`validators`: every second site (the even ones) honours conditional GETs."""
    if sites > 200:  # 127.0.0.21 … 127.0.0.220 stay inside one /24 of the loopback range
        raise ValueError(f"at most 200 bench sites, not {sites}")
    layout = BenchLayout(details_per_site, per_page, all_notices)
    changes = changes or {}
    return [
        BenchSite(
            f"bench-{i}",
            f"127.0.0.{20 + i}",
            layout,
            i,
            changes.get(f"bench-{i}"),
            validators=validators and i % 2 == 0,
        )
        for i in range(1, sites + 1)
    ]


def start_bench_farm(
    port: int = 0,
    sites: int = 4,
    details_per_site: int = 500,
    per_page: int = 20,
    *,
    all_notices: bool = False,
    changes: Mapping[str, Changes] | None = None,
    validators: bool = False,
) -> Farm:
    """Serve `sites` generated sites on 127.0.0.21… (`sites * details_per_site` detail pages);
    `changes` (by site id) take effect after `farm.set_epoch(2)`; with `validators`, the even
    sites answer conditional GETs."""
    built = bench_sites(
        sites,
        details_per_site,
        per_page,
        all_notices=all_notices,
        changes=changes,
        validators=validators,
    )
    return Farm(built).start(port)


def second_night(
    sites: int, notices_per_site: int, per_page: int = 20, share: float = 0.01, every: int = 10
) -> dict[str, Changes]:
    """Changes for `farm.set_epoch(2)` touching `share` of all notices (an all-notices layout),
    on every `every`-th site only, so that the others stay unchanged: a third each new, edited
    and removed, the edits and removals among the newest `per_page` (the first list page)."""
    changed = [i for i in range(1, sites + 1) if i % every == 0] or [1]
    per_site = max(3, round(sites * notices_per_site * share / len(changed)))
    added = per_site // 3
    touched = min(per_site - added, per_page, notices_per_site)  # edited + removed
    newest = [notices_per_site - 1 - k for k in range(per_page)][:touched]
    edited, removed = newest[0::2], newest[1::2]
    return {f"bench-{i}": Changes(added, frozenset(edited), frozenset(removed)) for i in changed}


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
