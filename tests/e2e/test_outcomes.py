"""Honest outcomes on the local farm, through both entry points (`scrapy crawl notices` and
`notices crawl`, each a subprocess into its own database): a 503 on list page 2 with a 404 on one
notice, a DNS failure on an `expected_empty` site, a site that is all blocked, and a site with no
rows. Each asserts the summary, the per-site and run outcomes, the exit code, and that every page
the farm answered is stored.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler import exit_codes
from migrations import alembic_config
from models.crawl_run import CrawlRun
from models.db import make_engine
from models.notice import Attachment, Notice
from models.raw_page import RawPage
from tests.farm import load_truth, start_farm

from .conftest import FAST, ROOT, notice_key, scrapy_crawl

pytestmark = pytest.mark.e2e

TRS = "farm-trs"
PAGE_2 = "/xsxc/xczg/index_1.html"  # TRS numbers its second list page _1
GONE = "/xsxc/xczg/202304/t20230424_1700758.html"  # a notice on list page 1
NOWHERE = "http://nonexistent.invalid:${NOTICES_FARM_PORT}/xsxc/"  # .invalid never resolves


@dataclass
class Crawl:
    entry: str  # "scrapy" or "notices"
    returncode: int
    stdout: str
    stderr: str
    db_url: str
    requests: list[Any] = field(default_factory=list)  # the farm's log of this run

    @property
    def said(self) -> str:
        return self.stdout + self.stderr


@pytest.fixture(scope="module")
def farm() -> Iterator[Any]:
    with start_farm(sites="farm", port=0) as running:
        yield running


def _site(sid: str, name: str, urls: list[str], extra: str = "") -> str:
    quoted = ", ".join(f'"{u}"' for u in urls)
    return (
        f"      - id: {sid}\n        name: {name}\n        platform: trs\n{extra}"
        f"        list_urls: [{quoted}]\n"
    )


def _seeds(tmp_path: Path, *sites: str) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    (seeds / "t.yaml").write_text(
        'regions:\n  - code: "990000"\n    name: 测试\n    pinyin: t\n    sites:\n'
        + "".join(sites),
        encoding="utf-8",
    )
    return seeds


def _run(entry: str, farm: Any, seeds: Path, tmp_path: Path) -> Crawl:
    where = tmp_path / entry
    where.mkdir()
    db_url = f"sqlite:///{where / 'notices.db'}"
    env = {**farm.env(), "NOTICES_DB_URL": db_url, "NOTICES_SPOOL": str(where / "spool.jsonl")}
    _upgrade(db_url)
    if entry == "scrapy":
        run = scrapy_crawl(["region=t", f"seeds={seeds}"], env=env)
        return Crawl(entry, run.returncode, run.stdout, run.stderr, db_url)
    fast = [f"--set={k}={v}" for k, v in FAST.items()]
    proc = _cli(["crawl", "--region", "t", "--seeds", str(seeds), *fast], env)
    return Crawl(entry, proc.returncode, proc.stdout, proc.stderr, db_url)


def _upgrade(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
    finally:
        engine.dispose()


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from crawler.cli import main; main()", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _both(farm: Any, seeds: Path, tmp_path: Path, faults: Callable[[], None]) -> list[Crawl]:
    """Each entry point on a farm with the same faults; the farm's log is per run."""
    crawls = []
    for entry in ("scrapy", "notices"):
        farm.reset()
        faults()
        crawl = _run(entry, farm, seeds, tmp_path)
        crawl.requests = farm.requests
        crawls.append(crawl)
    farm.reset()
    return crawls


def _last_run(db_url: str) -> tuple[str | None, dict[str, tuple[str, dict[str, Any]]]]:
    """The last crawl run's outcome and, per site, its outcome and details."""
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            run = session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc())).first()
            assert run is not None, "no crawl run recorded"
            return run.outcome, {o.site_id: (o.outcome, o.details) for o in run.site_outcomes}
    finally:
        engine.dispose()


def _stored(db_url: str) -> tuple[set[str], set[str], set[str]]:
    """Canonical URLs stored as notices and as other pages, and the stored attachments' URLs."""
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            rows = list(session.scalars(select(Notice)))
            notices = {n.canonical_url for n in rows if n.is_notice}
            others = {n.canonical_url for n in rows if not n.is_notice}
            others |= set(session.scalars(select(RawPage.canonical_url)))
            files = set(session.scalars(select(Attachment.url)))
            return notices, others, files
    finally:
        engine.dispose()


def _assert_nothing_lost(farm: Any, crawl: Crawl, site: str) -> None:
    """Every detail page and attachment of `site` the farm answered 200 was stored, and every
    notice among them as a notice."""
    truth = load_truth(site)
    lists = {*truth.list_paths, *truth.start_paths, "/robots.txt"}
    answered = [r for r in crawl.requests if r.site == site and r.status == 200 and not r.is_asset]
    pages = {notice_key(farm, site, r.target) for r in answered if r.path.endswith(".html")}
    files = {farm.url(site, r.target) for r in answered if not r.path.endswith(".html")} - {
        farm.url(site, p) for p in lists
    }
    pages -= {notice_key(farm, site, p) for p in lists}
    notices, others, stored_files = _stored(crawl.db_url)
    assert pages, "the farm answered no detail page"
    assert pages <= notices | others, (crawl.entry, pages - notices - others)
    assert files <= stored_files, (crawl.entry, files - stored_files)
    for want in truth.notices:
        if notice_key(farm, site, want.path) in pages:
            assert notice_key(farm, site, want.path) in notices, (crawl.entry, want.path)


def _stats_run(db_url: str) -> list[str]:
    """The first run's row of `notices stats`: run, region, started, took, outcome, flagged…"""
    stats = _cli(["stats", "--url", db_url], {})
    assert stats.returncode == 0, stats.stderr
    return next(r.split() for r in stats.stdout.splitlines() if r.split()[:2] == ["1", "测试"])


def test_a_503_on_list_page_2_and_a_404_on_a_notice_make_the_site_partial(
    farm: Any, tmp_path: Path
) -> None:
    seeds = _seeds(tmp_path, _site(TRS, "青垭市纪委监委", [farm.url(TRS, "/xsxc/xczg/")]))

    def faults() -> None:
        farm.fail(TRS, PAGE_2, status=503, times=100)  # every retry too
        farm.fail(TRS, GONE, status=404, times=100)

    for crawl in _both(farm, seeds, tmp_path, faults):
        assert crawl.returncode == exit_codes.NEEDS_ATTENTION, crawl.said[-3000:]
        assert "Traceback" not in crawl.stderr
        run_outcome, sites = _last_run(crawl.db_url)
        outcome, details = sites[TRS]
        assert (run_outcome, outcome, details["flagged"]) == ("partial", "partial", True)
        assert sorted(details["failures"]) == [
            f"detail not_found 404 {farm.url(TRS, GONE)}",
            f"list page 2 server_error 503 {farm.url(TRS, PAGE_2)}",
        ]
        assert "site farm-trs needs a person (partial): " in crawl.stderr
        _assert_nothing_lost(farm, crawl, TRS)
        notices, _, _ = _stored(crawl.db_url)
        assert notice_key(farm, TRS, GONE) not in notices
        assert len(notices) == 2  # the other notices of list page 1
    notices_crawl = crawl
    lines = notices_crawl.stdout.splitlines()
    at = lines.index("farm-trs partial: what failed")
    assert sorted(lines[at + 1 : at + 3]) == [
        f"  detail not_found 404 {farm.url(TRS, GONE)}",
        f"  list page 2 server_error 503 {farm.url(TRS, PAGE_2)}",
    ]
    assert any(line.split() == ["flagged", "sites", TRS] for line in lines), notices_crawl.stdout
    assert any(line.split() == ["run", "outcome", "partial"] for line in lines)
    assert "sites that need a person: farm-trs" in notices_crawl.stdout
    # `notices stats` shows the run as partial, with its flagged site
    assert _stats_run(notices_crawl.db_url)[4:6] == ["partial", "1"]


def test_a_dns_failure_is_not_excused_by_expected_empty(farm: Any, tmp_path: Path) -> None:
    seeds = _seeds(
        tmp_path,
        _site(TRS, "青垭市纪委监委", [farm.url(TRS, "/xsxc/xczg/")]),
        _site("nowhere", "无处", [NOWHERE], "        expected_empty: true\n"),
    )
    for crawl in _both(farm, seeds, tmp_path, lambda: None):
        # (Scrapy's robots.txt middleware logs the DNS failure with its traceback)
        assert crawl.returncode == exit_codes.NEEDS_ATTENTION, crawl.said[-3000:]
        run_outcome, sites = _last_run(crawl.db_url)
        assert run_outcome == "partial"
        assert sites[TRS][0] == "ok"
        outcome, details = sites["nowhere"]
        assert (outcome, details["flagged"], details["expected_empty"]) == (
            "unreachable",
            True,
            True,
        )
        assert [f.split(" http")[0] for f in details["failures"]] == ["list page 1 dns_error"]
        _assert_nothing_lost(farm, crawl, TRS)
    assert "nowhere unreachable: what failed" in crawl.stdout
    assert "sites that need a person: nowhere" in crawl.stdout


def test_a_site_all_blocked_fails_the_run(farm: Any, tmp_path: Path) -> None:
    waf = [farm.url("farm-waf", p) for p in ("/a/", "/c/", "/h/")]
    seeds = _seeds(tmp_path, _site("farm-waf", "北原市纪委监委", waf))
    for crawl in _both(farm, seeds, tmp_path, lambda: None):
        assert crawl.returncode == exit_codes.NEEDS_ATTENTION, crawl.said[-3000:]
        assert "Traceback" not in crawl.stderr
        run_outcome, sites = _last_run(crawl.db_url)
        outcome, details = sites["farm-waf"]
        assert (run_outcome, outcome, details["flagged"]) == ("failed", "blocked", True)
        assert sorted(details["failures"]) == [  # the list URLs are fetched two at a time
            f"list page 1 blocked_waf 412 {waf[0]}",
            f"list page 1 blocked_waf 521 {waf[1]}",
            f"list page 1 forbidden 403 {waf[2]}",
        ]
        assert _stored(crawl.db_url) == (set(), set(), set())  # nothing came, nothing stored
    assert "blocked ⚠" in crawl.stdout
    assert any(line.split() == ["run", "outcome", "failed"] for line in crawl.stdout.splitlines())
    assert _stats_run(crawl.db_url)[4:6] == ["failed", "1"]  # was `finished`


@pytest.mark.parametrize(("expected_empty", "code"), [(True, 0), (False, 1)])
def test_expected_empty_excuses_a_site_without_rows(
    farm: Any, tmp_path: Path, expected_empty: bool, code: int
) -> None:
    extra = "        list: {item: ul.no-such-list li}\n"
    extra += f"        expected_empty: {str(expected_empty).lower()}\n"
    seeds = _seeds(tmp_path, _site(TRS, "青垭市纪委监委", [farm.url(TRS, "/xsxc/xczg/")], extra))
    for crawl in _both(farm, seeds, tmp_path, lambda: None):
        assert crawl.returncode == code, crawl.said[-3000:]
        run_outcome, sites = _last_run(crawl.db_url)
        assert sites[TRS][0] == "layout_not_recognised"
        assert run_outcome == ("ok" if expected_empty else "failed")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "error: pass -a region=NAME (or -a site=ID); known regions: 测试 (t, 990000)"),
        (
            ["region=t", "since=2023-13-01"],
            "since must be a date like 2024-01-31, got '2023-13-01'",
        ),
        (["region=t", "max_pages=x"], "max_pages must be a positive integer, got 'x'"),
        (["region=t", "max_pages=0"], "max_pages must be a positive integer, got '0'"),
    ],
)
def test_scrapy_crawl_refuses_a_bad_argument_in_one_line(
    tmp_path: Path, args: list[str], message: str
) -> None:
    seeds = _seeds(tmp_path, _site(TRS, "青垭市纪委监委", ["http://127.0.0.11:1/"]))
    run = scrapy_crawl([*args, f"seeds={seeds}"], env={"NOTICES_FARM_PORT": "1"})
    assert run.returncode == exit_codes.USAGE
    assert "Traceback" not in run.stderr
    assert run.stderr.rstrip().splitlines()[-1].endswith(message), run.stderr[-2000:]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--since", "2023-13-01"],
            "error: since must be a date like 2024-01-31, got '2023-13-01'",
        ),
        ([], "error: pass --region R (or --site ID)"),
    ],
)
def test_notices_crawl_refuses_a_bad_argument_in_one_line(
    tmp_path: Path, args: list[str], message: str
) -> None:
    seeds = _seeds(tmp_path, _site(TRS, "青垭市纪委监委", ["http://127.0.0.11:1/"]))
    region = ["--region", "t"] if args else []
    proc = _cli(["crawl", *region, *args, "--seeds", str(seeds)], {"NOTICES_FARM_PORT": "1"})
    assert proc.returncode == exit_codes.USAGE
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [message]
