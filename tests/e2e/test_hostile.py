"""The real spider against a hostile site (tests/farm/hostile.py): every hostile answer ends in a
classified problem within bounded time and memory, and the rest of the run goes on."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from crawler.listing import MAX_LIST_ROWS
from tests.farm.hostile import (
    ELSEWHERE,
    REFUSED_REDIRECTS,
    HostileSite,
    Measured,
    hostile_seeds,
    measured_run,
    start_hostile_farm,
)

from .conftest import ROOT, crawl_command, read_dump

pytestmark = pytest.mark.e2e

# Short timeouts keep the test quick; the behaviour is the same at the defaults (bench/hostile.py).
SETTINGS = {"DOWNLOAD_TIMEOUT": "3", "RETRY_TIMES": "1"}
# Bounded, not the target: an unbounded reader took 8.4 GB on one bomb. The crawl's 300 MB target
# is measured by bench/hostile.py (246 MB there). This test's peak varies with what the crawl
# holds at once (the 100,000-link page's parse beside the 100 MB page): 328 MB in one run, 544 MB
# in a clean-clone CI run on 2026-12-02, 250-330 MB usually.
MEMORY_BOUND_MB = 768


class HostileRun:
    def __init__(self, measured: Measured, dump: Path, farm: Any, site: HostileSite) -> None:
        self.measured = measured
        self.items, outcomes = read_dump(dump)
        self.outcome: dict[str, Any] = outcomes["hostile"]
        self.requests = farm.requests
        self.site = site


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> HostileRun:
    tmp = tmp_path_factory.mktemp("hostile")
    seeds = hostile_seeds(tmp / "seeds")
    dump = tmp / "items.jsonl"
    with start_hostile_farm(port=0, bombs=2) as farm:
        cmd = crawl_command(["region=hostile", f"seeds={seeds}"], SETTINGS, dump)
        measured = measured_run(cmd, {**os.environ, **farm.env()}, ROOT, timeout=240)
        site = farm.site("hostile")
        assert isinstance(site, HostileSite)
        return HostileRun(measured, dump, farm, site)


def _paths(urls: list[str]) -> list[str]:
    return sorted(urlsplit(u).path for u in urls)


def test_the_run_finishes_without_a_traceback(run: HostileRun) -> None:
    assert "Traceback" not in run.measured.stderr, run.measured.stderr[-3000:]
    assert "Spider closed (finished)" in run.measured.stderr


def test_the_good_notices_are_stored_despite_the_rest(run: HostileRun) -> None:
    assert _paths([i["url"] for i in run.items]) == sorted(run.site.stored_paths())


def test_a_zip_bomb_keeps_its_bytes_and_a_bounded_error(run: HostileRun) -> None:
    bombs = [a for i in run.items for a in i["attachments"] if a["url"].endswith("bomb.docx")]
    assert len(bombs) == 2
    # read by the middleware, beside the downloads, not on the reactor by the spider
    assert "'notices/attachments/read': 2," in run.measured.stderr
    for att in bombs:
        assert att["sha256"] and att["text"] is None
        assert att["error"].startswith("extraction_limit: docx unzips to 256 MiB")


def test_redirects_off_the_site_are_refused_and_recorded(run: HostileRun) -> None:
    assert run.outcome["problems"]["redirect_refused"] == len(REFUSED_REDIRECTS)
    refused = re.findall(r"redirect refused from (\S+):", run.measured.stderr)
    assert _paths(refused) == sorted(REFUSED_REDIRECTS)
    assert not [r for r in run.requests if r.host.startswith(ELSEWHERE)]
    followed = [r.path for r in run.requests if r.path.startswith("/d/inside")]
    assert followed == ["/d/inside.html", "/d/inside-target.html"]  # an allowed redirect


@pytest.mark.parametrize(
    ("path", "kind"),
    [("/d/slow.html", "timeout"), ("/d/endless.html", "too_large"), ("/d/huge.html", "too_large")],
)
def test_slow_endless_and_huge_answers_are_classified(
    run: HostileRun, path: str, kind: str
) -> None:
    assert run.outcome["problems"][kind] >= 1
    assert path not in _paths([i["url"] for i in run.items])  # nothing half-read is stored
    classes = {s["class"] for s in run.outcome["samples"] if urlsplit(s["url"]).path == path}
    # the first five problems are kept as samples; the counts above hold the rest
    assert classes <= {kind}


def test_a_page_of_100000_links_is_read_only_so_far(run: HostileRun) -> None:
    assert run.outcome["problems"]["too_many_links"] == 1
    assert run.outcome["entries"] <= MAX_LIST_ROWS + len(run.site.details)
    assert not [r for r in run.requests if r.path.startswith("/many/")]


def test_memory_stays_bounded(run: HostileRun) -> None:
    assert run.measured.peak_rss_mb < MEMORY_BOUND_MB, run.measured.peak_rss_mb
