"""Removals, delistings, moves and comebacks over several nights of the mutable farm site G, by
the real spider into a real database; `notices recheck` and the export contract on the result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.db import make_engine
from models.notice import Notice
from tests.farm import load_truth, start_farm

from .conftest import FARM_SEEDS, FAST, ROOT, notice_key, scrapy_crawl

pytestmark = pytest.mark.e2e

SITE = "farm-mutable"
ARGS = ["region=farm", f"site={SITE}", f"seeds={FARM_SEEDS}"]


@dataclass
class Stored:
    url: str
    urls: list[str]
    removed_at: Any
    removed_reason: str | None
    delisted_at: Any
    last_checked_at: Any
    versions: int
    events: list[str]


def _env(farm: Any, db_url: str, tmp: Path) -> dict[str, str]:
    return {**farm.env(), "NOTICES_DB_URL": db_url, "NOTICES_SPOOL": str(tmp / "spool.jsonl")}


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from crawler.cli import main; main()", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def _state(db_url: str) -> dict[str, Stored]:
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            notices = session.scalars(
                select(Notice).options(
                    selectinload(Notice.urls),
                    selectinload(Notice.events),
                    selectinload(Notice.versions),
                )
            )
            return {
                n.canonical_url: Stored(
                    n.url,
                    [u.url for u in n.urls],
                    n.removed_at,
                    n.removed_reason,
                    n.delisted_at,
                    n.last_checked_at,
                    len(n.versions),
                    [e.kind for e in n.events],
                )
                for n in notices
            }
    finally:
        engine.dispose()


@dataclass
class Nights:
    farm: Any
    env: dict[str, str]
    db_url: str
    tmp: Path
    key: dict[str, str]  # change case -> key of its notice (moved: of its old URL)
    night1: dict[str, Stored]
    night2: dict[str, Stored]

    def crawl(self, name: str) -> Any:
        # A full walk fetches every listed notice again; an incremental night leaves the listed
        # ones to `notices recheck` (docs/incremental.md), which the recheck tests below use.
        full = [*ARGS, "full=1"]
        run = scrapy_crawl(full, env=self.env, dump=self.tmp / f"{name}.jsonl", store=True)
        assert run.returncode in (0, 1), run.stderr[-3000:]
        return run


@pytest.fixture(scope="module")
def nights(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nights]:
    tmp = tmp_path_factory.mktemp("removals")
    db_url = f"sqlite:///{tmp / 'notices.db'}"
    with start_farm(sites="farm", port=0) as farm:  # its own farm: the epoch is farm-wide
        env = _env(farm, db_url, tmp)
        assert _cli(["db", "upgrade"], env).returncode == 0
        key = {c.case: notice_key(farm, SITE, c.path) for c in load_truth(SITE, epoch=2).changes}
        state = Nights(farm, env, db_url, tmp, key, {}, {})
        state.crawl("night1")
        state.night1 = _state(db_url)
        farm.set_epoch(2)
        state.crawl("night2")
        state.night2 = _state(db_url)
        yield state


def test_night_one_stores_every_notice_live(nights: Nights) -> None:
    truth = load_truth(SITE, epoch=1)
    assert set(nights.night1) == {notice_key(nights.farm, SITE, n.path) for n in truth.notices}
    for stored in nights.night1.values():
        assert (stored.removed_at, stored.delisted_at, stored.events) == (None, None, [])
        assert stored.urls == [stored.url] and stored.last_checked_at is not None


@pytest.mark.parametrize(
    ("case", "reason"),
    [("hard_delete", "not_found"), ("dangling", "not_found"), ("soft_delete", "soft_not_found")],
)
def test_deleted_pages_mark_their_notices_removed_and_keep_them(
    nights: Nights, case: str, reason: str
) -> None:
    stored = nights.night2[nights.key[case]]
    assert stored.removed_reason == reason
    assert stored.removed_at is not None and stored.events == ["removed"]
    assert stored.versions == nights.night1[nights.key[case]].versions == 1


def test_a_notice_off_every_list_whose_page_answers_is_delisted(nights: Nights) -> None:
    stored = nights.night2[nights.key["delisted"]]
    assert stored.delisted_at is not None
    assert (stored.removed_at, stored.events) == (None, ["delisted"])


def test_a_waf_challenge_removes_nothing(nights: Nights) -> None:
    stored = nights.night2[nights.key["challenged"]]
    assert (stored.removed_at, stored.delisted_at, stored.events) == (None, None, [])


def test_a_moved_notice_keeps_one_row_with_both_urls(nights: Nights) -> None:
    truth = load_truth(SITE, epoch=2)
    (move,) = [c for c in truth.changes if c.case == "moved"]
    old, new = nights.key["moved"], notice_key(nights.farm, SITE, "/xcgk/zgtb/4530.jhtml")
    assert old in nights.night1 and old not in nights.night2
    stored = nights.night2[new]
    assert stored.url == nights.farm.url(SITE, "/xcgk/zgtb/4530.jhtml")
    assert set(stored.urls) == {nights.farm.url(SITE, move.path), stored.url}
    assert stored.events == ["moved"] and stored.removed_at is None
    assert len(nights.night2) == len(nights.night1) + 1  # the new notice; the move is no new row


def test_an_edit_is_a_new_version_of_a_live_notice(nights: Nights) -> None:
    stored = nights.night2[nights.key["edit_body"]]
    assert (stored.versions, stored.removed_at, stored.events) == (2, None, [])


def test_the_night_two_outcome_names_what_it_saw(nights: Nights) -> None:
    run = json.loads((nights.tmp / "night2.jsonl.outcomes.json").read_text(encoding="utf-8"))
    assert run[SITE]["problems"] == {"not_found": 2, "soft_404": 1, "js_challenge": 1}


def test_exports_carry_the_contract_columns_for_removed_notices_too(nights: Nights) -> None:
    out = _cli(["export", "--format", "jsonl"], nights.env)
    assert out.returncode == 0, out.stderr
    records = {r["canonical_url"]: r for r in map(json.loads, out.stdout.splitlines())}
    contract = ["url", "urls", "first_seen_at", "last_seen_at", "removed_at", "removed_reason"]
    contract += ["delisted_at", "versions"]
    assert set(records) == set(nights.night2)
    for record in records.values():
        assert set(contract) <= set(record)
    soft = records[nights.key["soft_delete"]]
    assert soft["removed_reason"] == "soft_not_found" and soft["removed_at"]
    assert records[nights.key["edit_body"]]["versions"] == 2
    assert records[nights.key["delisted"]]["delisted_at"]
    csv_out = _cli(["export", "--format", "csv"], nights.env)
    header = csv_out.stdout.splitlines()[0].split(",")
    assert set(contract) <= set(header)


def test_faults_on_a_third_night_mark_nothing_removed(nights: Nights) -> None:
    before = _state(nights.db_url)
    nights.farm.fail(SITE, "/", status=503, times=10_000)  # the whole site answers 503
    try:
        nights.crawl("night3-503")
        recheck = _cli(
            ["recheck", "--site", SITE, "--seeds", str(FARM_SEEDS), *_fast()], nights.env
        )
    finally:
        nights.farm.reset()
    assert recheck.returncode == 0, recheck.stderr[-2000:]
    nights.farm.slow(SITE, 3.0)
    try:
        timeout = _cli(
            ["recheck", "--site", SITE, "--seeds", str(FARM_SEEDS), *_fast(), *_short_timeout()],
            nights.env,
        )
    finally:
        nights.farm.slow(SITE, 0)
    assert timeout.returncode == 0, timeout.stderr[-2000:]
    after = _state(nights.db_url)
    standing = {k: (s.removed_reason, s.delisted_at, s.events) for k, s in before.items()}
    assert {k: (s.removed_reason, s.delisted_at, s.events) for k, s in after.items()} == standing


def test_recheck_sends_validators_and_keeps_the_standing(nights: Nights) -> None:
    nights.farm.reset()
    result = _cli(["recheck", "--site", SITE, "--seeds", str(FARM_SEEDS), *_fast()], nights.env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "notices re-checked" in result.stdout
    details = [r for r in nights.farm.requests_for(SITE) if r.path != "/robots.txt"]
    assert details and all(not r.path.startswith("/xcgk/index") for r in details)  # no lists
    live = [r for r in details if r.status in (200, 304)]
    assert any(r.status == 304 for r in live)
    assert all("if-none-match" in {h.lower() for h in r.headers} for r in live if r.status == 304)
    after = _state(nights.db_url)
    assert after[nights.key["hard_delete"]].events == ["removed"]  # still gone: no new event
    assert all(s.last_checked_at is not None for s in after.values())


def test_removed_notices_that_come_back_are_live_again(nights: Nights) -> None:
    nights.farm.set_epoch(1)  # the deleted pages answer and are listed again
    try:
        nights.crawl("night4")
    finally:
        nights.farm.set_epoch(2)
    after = _state(nights.db_url)
    for case in ("hard_delete", "soft_delete", "dangling"):
        stored = after[nights.key[case]]
        assert (stored.removed_at, stored.removed_reason) == (None, None), case
        assert stored.events == ["removed", "restored"], case
    relisted = after[nights.key["delisted"]]
    assert (relisted.delisted_at, relisted.events) == (None, ["delisted", "relisted"])


def _fast() -> list[str]:
    return [f"--set={k}={v}" for k, v in FAST.items()]


def _short_timeout() -> list[str]:
    return ["--set=DOWNLOAD_TIMEOUT=1", "--set=RETRY_TIMES=0"]


def test_identity_survives_a_change_of_port(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'notices.db'}"
    stored, ports = [], set()
    for _ in range(2):  # two farms, two free ports, one archive
        with start_farm(sites="farm", port=0) as farm:
            ports.add(farm.port)
            env = _env(farm, db_url, tmp_path)
            assert _cli(["db", "upgrade"], env).returncode == 0
            run = scrapy_crawl([*ARGS, "full=1"], env=env)  # every page fetched on each port
            assert run.returncode == 0, run.stderr[-2000:]
            stored.append({k: s.urls for k, s in _state(db_url).items()})
    first, second = stored
    assert set(first) == set(second) and len(first) == len(load_truth(SITE).notices)
    assert all(len(second[k]) == len(ports) for k in second)  # as fetched, on each port


def test_scrapy_crawl_refuses_a_recheck_argument_in_one_line() -> None:
    run = scrapy_crawl([*ARGS, "recheck=5"], env={"NOTICES_FARM_PORT": "1"})
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.rstrip().splitlines()[-1] == (
        "error: -a recheck is not a crawl argument: run `notices recheck`"
    )
