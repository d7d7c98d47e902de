"""End to end: the real spider (`scrapy crawl notices`, subprocess) with the real pipelines,
against the local farm, into SQLite and PostgreSQL; and `notices crawl`'s summary and exit code.
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler import exit_codes
from models.crawl_run import CrawlRun
from models.db import make_engine
from models.notice import Notice
from tests.farm import load_truth

from .conftest import FARM_SEEDS, FAST, REPO_SEEDS, ROOT, notice_key, scrapy_crawl

pytestmark = pytest.mark.e2e

SITES = [
    "farm-trs",
    "farm-hanweb",
    "farm-vsb",
    "farm-gbk",
    "farm-api",
    "farm-waf",
    "farm-mutable",
    "farm-ccdi",
]
DEMO = ["demo-trs", "demo-vsb", "demo-gbk"]


def _env(farm: Any, db_url: str, tmp_path: Path) -> dict[str, str]:
    return {
        **farm.env(),
        "NOTICES_DB_URL": db_url,
        "NOTICES_SPOOL": str(tmp_path / "spool.jsonl"),
    }


def _upgrade(env: dict[str, str]) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "from crawler.cli import main; main()", "db", "upgrade"],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


def _runs(db_url: str) -> list[tuple[CrawlRun, dict[str, str]]]:
    """Crawl runs, oldest first, with their per-site outcome."""
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            runs = session.scalars(select(CrawlRun).order_by(CrawlRun.id))
            return [(r, {o.site_id: o.outcome for o in r.site_outcomes}) for r in runs]
    finally:
        engine.dispose()


def _notices(db_url: str) -> list[Notice]:
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            return list(session.scalars(select(Notice)))
    finally:
        engine.dispose()


# The farm has sites that need a person by design (farm-waf's blocks, a dead farm-vsb link).
CODES = {"demo": exit_codes.OK, "farm": exit_codes.NEEDS_ATTENTION}


# The demo region twice into SQLite is tests/cli/test_demo_cmd.py's `notices demo` twice.
CRAWLED_TWICE = [
    ("farm", FARM_SEEDS, "sqlite"),
    ("farm", FARM_SEEDS, "postgres"),
    ("demo", REPO_SEEDS, "postgres"),
]


@pytest.mark.parametrize(
    ("region", "seeds", "db_url"),
    [
        pytest.param(r, s, b, marks=[pytest.mark.postgres] if b == "postgres" else [])
        for r, s, b in CRAWLED_TWICE
    ],
    indirect=["db_url"],
)
def test_crawl_twice_second_run_changes_nothing(
    farm: Any, db_url: str, tmp_path: Path, region: str, seeds: Path
) -> None:
    env = _env(farm, db_url, tmp_path)
    _upgrade(env)
    for _ in range(2):
        run = scrapy_crawl([f"region={region}", f"seeds={seeds}"], env=env)
        assert run.returncode == CODES[region], run.stderr[-3000:]
    first, second = (r.stats for r, _ in _runs(db_url))
    assert first.get("notices/db/inserted", 0) > 0
    assert first.get("notices/db/updated", 0) == 0
    assert second.get("notices/db/inserted", 0) == 0
    assert second.get("notices/db/updated", 0) == 0
    # incremental (docs/incremental.md): archived rows are not fetched again, except the fresh
    # window's (notices first seen in the last days, among a list's first rows), conditionally
    assert second.get("notices/detail_pages", 0) < first["notices/detail_pages"]
    known = second.get("notices/incremental/known_rows", 0)
    assert known + second.get("notices/incremental/fresh_rows", 0) > 0


@pytest.fixture(scope="module")
def farm_db(farm: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("farmdb")
    db_url = f"sqlite:///{tmp / 'notices.db'}"
    env = _env(farm, db_url, tmp)
    _upgrade(env)
    for region, seeds in (("farm", FARM_SEEDS), ("demo", REPO_SEEDS)):
        run = scrapy_crawl([f"region={region}", f"seeds={seeds}"], env=env)
        assert run.returncode == CODES[region], run.stderr[-3000:]
    return db_url


@pytest.mark.parametrize("site", SITES + DEMO)
def test_every_target_stored_once_with_its_fields(farm: Any, farm_db: str, site: str) -> None:
    truth = load_truth(site)
    stored = {n.canonical_url: n for n in _notices(farm_db) if n.site_id == site}
    for want in truth.notices:
        got = stored.get(notice_key(farm, site, want.path))
        assert got is not None, f"{want.path} not stored"
        assert got.is_notice, f"{want.path} stored as a non-notice"
        assert (got.title, got.published_date and got.published_date.isoformat()) == (
            want.title,
            want.published,
        )
        body = unicodedata.normalize("NFKC", got.body_text)
        for text in want.body_contains:  # the parser may normalise full-width punctuation
            assert unicodedata.normalize("NFKC", text) in body, (want.path, text)


@pytest.mark.parametrize("site", SITES + DEMO)
def test_no_non_notice_stored_as_a_notice(farm: Any, farm_db: str, site: str) -> None:
    truth = load_truth(site)
    notices = {n.canonical_url for n in _notices(farm_db) if n.site_id == site and n.is_notice}
    for non in truth.non_notices:
        assert notice_key(farm, site, non.path) not in notices, (non.path, non.reason)
    assert len(notices) == len(truth.notices)


def test_run_row_records_site_outcomes(farm_db: str) -> None:
    (run, outcomes), (demo_run, demo_outcomes) = _runs(farm_db)
    assert (run.outcome, demo_run.outcome) == ("partial", "ok")
    assert demo_outcomes == {"demo-trs": "ok", "demo-vsb": "ok", "demo-gbk": "ok"}
    assert outcomes == {
        "farm-trs": "ok",
        "farm-hanweb": "ok",
        "farm-vsb": "partial",  # an attachment link answers an HTML page
        "farm-gbk": "ok",
        "farm-api": "ok",
        "farm-waf": "partial",
        "farm-mutable": "ok",
        "farm-ccdi": "ok",
    }


def _notices_crawl(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    fast = [f"--set={k}={v}" for k, v in FAST.items()]
    return subprocess.run(
        [sys.executable, "-c", "from crawler.cli import main; main()", "crawl", *args, *fast],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_notices_crawl_summary_and_exit_code(farm: Any, sqlite_url: str, tmp_path: Path) -> None:
    env = _env(farm, sqlite_url, tmp_path)
    _upgrade(env)
    ok = _notices_crawl(["--site", "farm-trs", "--seeds", str(FARM_SEEDS)], env)
    assert ok.returncode == 0, ok.stderr[-2000:]
    stored = len([n for n in _notices(sqlite_url) if n.is_notice])
    for line in ("sites", "pages fetched", "notices unchanged", "non-notices", "elapsed"):
        assert line in ok.stdout
    assert f"notices inserted {stored:>7}".split() == ["notices", "inserted", str(stored)]
    assert any(
        row.split() == ["notices", "inserted", str(stored)] for row in ok.stdout.splitlines()
    ), ok.stdout


@pytest.mark.parametrize("expected_empty", [False, True])
def test_blocked_site_fails_the_run_even_if_expected_empty(
    farm: Any, sqlite_url: str, tmp_path: Path, expected_empty: bool
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "waf.yaml").write_text(
        'regions:\n  - code: "990000"\n    name: 测试\n    pinyin: t\n    sites:\n'
        "      - id: farm-waf\n        name: 北原市纪委监委\n        platform: trs\n"
        f"        expected_empty: {str(expected_empty).lower()}\n"
        '        list_urls: ["http://127.0.0.16:${NOTICES_FARM_PORT}/a/"]\n',
        encoding="utf-8",
    )
    env = _env(farm, sqlite_url, tmp_path)
    _upgrade(env)
    result = _notices_crawl(["--region", "t", "--seeds", str(seeds)], env)
    assert result.returncode == exit_codes.NEEDS_ATTENTION, result.stdout + result.stderr[-2000:]
    assert "blocked_waf" in result.stdout
    assert "sites that need a person: farm-waf" in result.stdout


# the farm registry's regions (farm_seeds/farm.yaml and selector_free.yaml)
KNOWN_REGIONS = "测试站群 (farm, 990000), 盲测站群 (selectorfree, 990100)"


def test_unknown_region_is_a_clear_error(sqlite_url: str, tmp_path: Path) -> None:
    result = _notices_crawl(
        ["--region", "火星", "--seeds", str(FARM_SEEDS)], {"NOTICES_FARM_PORT": "1"}
    )
    assert result.returncode == 2
    assert f"unknown region '火星'; known regions: {KNOWN_REGIONS}" in result.stderr


def test_scrapy_crawl_unknown_region_fails_with_the_known_ones() -> None:
    run = scrapy_crawl(["region=火星", f"seeds={FARM_SEEDS}"], env={"NOTICES_FARM_PORT": "1"})
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert (
        run.stderr.rstrip()
        .splitlines()[-1]
        .endswith(f"unknown region '火星'; known regions: {KNOWN_REGIONS}")
    )


@pytest.mark.parametrize(
    ("command", "env", "message"),
    [
        ("notices", {"NOTICES_DB_BATCH": "abc"}, "NOTICES_DB_BATCH='abc' (environment)"),
        ("scrapy", {"NOTICES_DB_RETRIES": "2.5"}, "NOTICES_DB_RETRIES='2.5' (environment)"),
        ("notices", {"NOTICES_FARM_PORT": "x"}, "NOTICES_FARM_PORT='x' (environment)"),
    ],
)
def test_a_bad_setting_is_one_line_and_exit_2(
    command: str, env: dict[str, str], message: str
) -> None:
    env = {"NOTICES_FARM_PORT": "1", **env}
    if command == "notices":
        run: Any = _notices_crawl(["--region", "farm", "--seeds", str(FARM_SEEDS)], env)
    else:
        run = scrapy_crawl(["region=farm", f"seeds={FARM_SEEDS}"], env=env)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.rstrip().splitlines()[-1] == f"error: {message} is not an integer"


def test_a_bad_scrapy_setting_names_its_channel() -> None:
    run = scrapy_crawl(
        ["region=farm", f"seeds={FARM_SEEDS}"],
        env={"NOTICES_FARM_PORT": "1"},
        settings={"NOTICES_RETRY_BACKOFF_MAX": "soon"},
    )
    assert run.returncode == 2
    assert run.stderr.rstrip().splitlines()[-1] == (
        "error: NOTICES_RETRY_BACKOFF_MAX='soon' (Scrapy setting) is not a number"
    )


def test_edits_and_deletions_between_crawls(tmp_path: Path) -> None:
    """Site G: epoch 1, then epoch 2 (edits, a cosmetic change, deletions, a new notice)."""
    from tests.farm import start_farm

    db_url = f"sqlite:///{tmp_path / 'notices.db'}"
    with start_farm(sites="farm", port=0) as own:  # its own farm: the epoch is farm-wide
        env = _env(own, db_url, tmp_path)
        _upgrade(env)
        args = ["region=farm", "site=farm-mutable", f"seeds={FARM_SEEDS}"]
        first = scrapy_crawl(args, env=env, dump=tmp_path / "1.jsonl", store=True)
        own.set_epoch(2)
        # a full walk refetches the listed notices, edited or not (docs/incremental.md)
        full = [*args, "full=1"]
        second = scrapy_crawl(full, env=env, dump=tmp_path / "2.jsonl", store=True)
        url = {c.case: notice_key(own, "farm-mutable", c.path) for c in _changes()}
    assert first.returncode == exit_codes.OK, first.stderr[-2000:]
    # the dangling notice, still listed, answers 404: the site is partial
    assert second.returncode == exit_codes.NEEDS_ATTENTION, second.stderr[-2000:]
    assert second.outcomes["farm-mutable"]["outcome"] == "partial"
    (_, _), (run2, _) = _runs(db_url)
    assert run2.stats.get("notices/db/inserted", 0) >= 1  # the new notice
    by_url = {n.canonical_url: n for n in _notices(db_url)}
    assert url["new"] in by_url
    versions = _version_counts(db_url)
    for case in ("edit_body", "edit_title"):
        assert versions[url[case]] == 2, case
    assert versions[url["cosmetic"]] == 1  # a view counter is not a new version
    assert by_url[url["edit_title"]].title.endswith("（更正）")
    # deleted notices (one still listed, two found by re-checking what the lists dropped) are
    # recorded and yielded only as removals; the WAF challenge is a problem, no removal
    problems = second.outcomes["farm-mutable"]["problems"]
    assert problems == {"not_found": 2, "soft_404": 1, "js_challenge": 1}
    gone = [i for i in second.items if i["canonical_url"] == url["dangling"]]
    assert [i["removed_reason"] for i in gone] == ["not_found"]


def _changes() -> tuple[Any, ...]:
    return load_truth("farm-mutable", epoch=2).changes


def _version_counts(db_url: str) -> dict[str, int]:
    from sqlalchemy import func

    from models.notice import NoticeVersion

    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            rows = session.execute(
                select(Notice.canonical_url, func.count(NoticeVersion.id))
                .join(NoticeVersion, NoticeVersion.notice_id == Notice.id)
                .group_by(Notice.canonical_url)
            )
            return {row[0]: row[1] for row in rows}
    finally:
        engine.dispose()


def test_replaced_attachment_makes_a_new_version(tmp_path: Path) -> None:
    from tests.farm import start_farm

    db_url = f"sqlite:///{tmp_path / 'notices.db'}"
    with start_farm(sites="farm", port=0) as own:
        env = _env(own, db_url, tmp_path)
        _upgrade(env)
        args = ["region=farm", "site=farm-mutable", f"seeds={FARM_SEEDS}"]
        assert scrapy_crawl(args, env=env).returncode == exit_codes.OK
        own.set_epoch(2)
        # with full=1 the dangling notice is asked for again: its 404 makes the site partial
        assert scrapy_crawl([*args, "full=1"], env=env).returncode == exit_codes.NEEDS_ATTENTION
        (change,) = [c for c in _changes() if c.case == "replace_attachment"]
        key = notice_key(own, "farm-mutable", change.path)
    assert _version_counts(db_url)[key] == 2
