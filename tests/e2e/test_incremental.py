"""Incremental crawling on the farm's validator sites, night after night, read off the farm's
request log: I (`farm-etag`) answers conditional GETs with 304, J (`farm-plain`) ignores them.

Night 1 walks everything; night 2, unchanged, costs one list request per site and no detail;
night 3, with one new notice on page 1 (epoch 2), two list requests and that one detail; a
`full=1` night downloads every list page and every row again, without validators. These nights
run with the fresh window off (NOTICES_FRESH_DAYS=0), so the list costs are seen alone.

The fresh window on the mutable site G (`farm-mutable`): an incremental second night finds the
edit of a notice whose list row did not change, by asking the known notices of page 1 again,
conditionally; without the window the same night misses it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.farm import load_truth, start_farm

from .conftest import FARM_SEEDS, ROOT, Run, notice_key, scrapy_crawl
from .test_crawl_db import _env, _notices, _runs, _upgrade, _version_counts

pytestmark = pytest.mark.e2e

SEEDS = ROOT / "tests" / "fixtures" / "incremental_seeds"
SITES = ("farm-etag", "farm-plain")
CONDITIONAL = ("if-none-match", "if-modified-since")


NO_FRESH_WINDOW = {"NOTICES_FRESH_DAYS": "0"}


def _night(farm: Any, env: dict[str, str], *extra: str) -> Run:
    farm.reset()
    args = ["region=incremental", f"seeds={SEEDS}", *extra]
    run = scrapy_crawl(args, env=env, settings=NO_FRESH_WINDOW)
    assert run.returncode == 0, run.stderr[-3000:]
    run.requests = [r for r in farm.requests if r.path != "/robots.txt"]
    return run


def _lists(run: Run, site: str, epoch: int) -> list[Any]:
    truth = load_truth(site, epoch=epoch)
    pages = {*truth.list_paths, *truth.start_paths}
    return [r for r in run.requests_for(site) if r.path in pages]


def _details(run: Run, site: str, epoch: int) -> list[Any]:
    truth = load_truth(site, epoch=epoch)
    pages = {*truth.list_paths, *truth.start_paths}
    return [r for r in run.requests_for(site) if r.path not in pages]


def test_nights_cost_what_changed(db_url: str, tmp_path: Path) -> None:
    with start_farm(sites="farm", port=0) as farm:  # its own farm: the epoch is farm-wide
        env = _env(farm, db_url, tmp_path)
        _upgrade(env)
        nights = [_night(farm, env)]
        nights.append(_night(farm, env))
        farm.set_epoch(2)
        nights.append(_night(farm, env))
        nights.append(_night(farm, env, "full=1"))
    first, unchanged, one_new, full = nights

    for site in SITES:
        honours = site == "farm-etag"
        epoch1, epoch2 = load_truth(site), load_truth(site, epoch=2)
        # night 1: every list page (the start URL is page 1) and every notice-titled row
        assert len(_lists(first, site, 1)) == len(epoch1.list_paths), site
        fetched = {r.path for r in _details(first, site, 1)}
        assert {n.path for n in epoch1.notices} <= fetched, site

        # night 2, nothing changed: page 1 only, sent with its validators
        (page1,) = _lists(unchanged, site, 1)
        assert all(page1.headers.get(h) for h in CONDITIONAL), (site, page1.headers)
        assert page1.status == (304 if honours else 200), site
        assert _details(unchanged, site, 1) == [], site
        assert unchanged.outcomes == {} or not unchanged.outcomes[site]["flagged"]

        # night 3, one new notice on page 1: pages 1 and 2, and the new notice only
        (new,) = (c.path for c in epoch2.changes if c.case == "new")
        assert len(_lists(one_new, site, 2)) <= 2, site
        assert [r.path for r in _details(one_new, site, 2)] == [new], site

        # a full night: every list page and every notice-titled row, downloaded whole
        # (the start URL is page 1, index.html)
        walked = {r.path for r in _lists(full, site, 2)}
        assert walked == {*epoch2.start_paths, *epoch2.list_paths[1:]}, site
        details = _details(full, site, 2)
        assert {n.path for n in epoch2.notices} <= {r.path for r in details}, site
        assert not any(r.headers.get(h) for r in full.requests_for(site) for h in CONDITIONAL)
        assert {r.status for r in details} == {200}, site

    stored = {n.canonical_url for n in _notices(db_url)}
    for site in SITES:
        (new,) = (c.path for c in load_truth(site, epoch=2).changes if c.case == "new")
        assert notice_key(farm, site, new) in stored
    stats = [run.stats for run, _ in _runs(db_url)]
    assert stats[1].get("notices/incremental/list_not_modified") == 1  # farm-etag's page 1
    assert stats[1].get("notices/incremental/list_same_bytes") == 1  # farm-plain's page 1
    assert [s.get("notices/db/inserted", 0) for s in stats] == [28, 0, 2, 0]
    assert stats[3].get("notices/db/unchanged") == 30  # 15 notices per site, all seen again


MUTABLE = "farm-mutable"
MUTABLE_LIST = ("/xcgk/index.jhtml", "/xcgk/index_2.jhtml")


@pytest.mark.parametrize("fresh_days", ["14", "0"])
def test_the_fresh_window_finds_an_edit_that_left_its_list_row_alone(
    tmp_path: Path, fresh_days: str
) -> None:
    db_url = f"sqlite:///{tmp_path / 'notices.db'}"
    args = ["region=farm", f"site={MUTABLE}", f"seeds={FARM_SEEDS}"]
    settings = {"NOTICES_FRESH_DAYS": fresh_days, "NOTICES_FRESH_ROWS": "20"}
    with start_farm(sites="farm", port=0) as farm:  # its own farm: the epoch is farm-wide
        env = _env(farm, db_url, tmp_path)
        _upgrade(env)
        assert scrapy_crawl(args, env=env, settings=settings).returncode == 0
        farm.set_epoch(2)
        farm.reset()
        night2 = scrapy_crawl(args, env=env, settings=settings)  # incremental, not full
        requests = [r for r in farm.requests_for(MUTABLE) if r.path != "/robots.txt"]
        changes = load_truth(MUTABLE, epoch=2).changes
        key = {c.case: notice_key(farm, MUTABLE, c.path) for c in changes}
        paths = {c.case: c.path for c in changes}
    assert night2.returncode in (0, 1), night2.stderr[-3000:]
    versions = _version_counts(db_url)
    # the edited notices keep their list rows (the list shows the title short): only the window
    # asks for them again
    for case in ("edit_body", "edit_title"):
        assert versions[key[case]] == (2 if fresh_days != "0" else 1), case
    # so does the still-listed notice whose page now answers 404
    reasons = {n.canonical_url: n.removed_reason for n in _notices(db_url)}
    assert reasons[key["dangling"]] == ("not_found" if fresh_days != "0" else None)
    asked = {r.path: r for r in requests if r.path not in MUTABLE_LIST}
    if fresh_days == "0":
        assert paths["edit_body"] not in asked and paths["cosmetic"] not in asked
        return
    # the window's requests are conditional: an unchanged page answers 304
    assert asked[paths["edit_body"]].headers.get("if-none-match")
    assert asked[paths["edit_body"]].status == 200
    assert versions[key["cosmetic"]] == 1  # asked again, but a view counter is no new version
    assert any(r.status == 304 and r.headers.get("if-none-match") for r in asked.values())
