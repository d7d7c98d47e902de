"""End to end: the mutable farm site crawled by the real spider on night 1 and night 2, then
`notices history` of its edited notices and `notices reparse` of the archive (subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from tests.farm import load_truth, start_farm

from .conftest import FARM_SEEDS, ROOT, scrapy_crawl

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def two_nights(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, str], Any]]:
    tmp = tmp_path_factory.mktemp("history")
    with start_farm(sites="farm", port=0) as farm:  # its own farm: the epoch is farm-wide
        env = {
            **farm.env(),
            "NOTICES_DB_URL": f"sqlite:///{tmp / 'notices.db'}",
            "NOTICES_SPOOL": str(tmp / "spool.jsonl"),
        }
        assert notices(env, "db", "upgrade").returncode == 0
        args = ["region=farm", "site=farm-mutable", f"seeds={FARM_SEEDS}"]
        assert scrapy_crawl(args, env=env).returncode == 0
        farm.set_epoch(2)
        # a full walk: an incremental night does not refetch notices still listed unchanged;
        # exit 1: the night's dangling link answers 404, so the site is partial
        assert scrapy_crawl([*args, "full=1"], env=env).returncode == 1
        yield env, farm


def notices(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def url_of(farm: Any, case: str) -> str:
    (change,) = [c for c in load_truth("farm-mutable", epoch=2).changes if c.case == case]
    return str(farm.url("farm-mutable", change.path))


def history(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return notices(env, "history", *args, "--seeds", str(FARM_SEEDS))


def test_an_edited_body_shows_the_sentence_added(two_nights: tuple[dict[str, str], Any]) -> None:
    env, farm = two_nights
    result = history(env, url_of(farm, "edit_body"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "2 versions" in out
    assert "\n  first version\n" in out
    assert "\n  body_text:\n    @@ " in out
    assert "\n    +(2023年8月补充)截至7月底，上述整改任务已全部完成，相关制度已印发执行。\n" in out
    assert "Traceback" not in result.stderr


def test_an_edited_title_is_a_field_change(two_nights: tuple[dict[str, str], Any]) -> None:
    env, farm = two_nights
    result = history(env, url_of(farm, "edit_title"), "--json")
    assert result.returncode == 0, result.stderr
    _, second = json.loads(result.stdout)["versions"]
    changes = {c["field"]: c for c in second["changes"]}
    # The edit also stamped the page's 更新时间 (updated_date).
    assert set(changes) <= {"title", "updated_date"}, set(changes)
    assert changes["title"]["new"] == changes["title"]["old"] + "（更正）"


def test_a_replaced_file_is_listed(two_nights: tuple[dict[str, str], Any]) -> None:
    env, farm = two_nights
    result = history(env, url_of(farm, "replace_attachment"))
    assert result.returncode == 0, result.stderr
    assert "  file replaced 整改台账.pdf (" in result.stdout


def test_an_unknown_url_is_one_line_and_exit_2(two_nights: tuple[dict[str, str], Any]) -> None:
    env, farm = two_nights
    result = history(env, str(farm.url("farm-mutable", "/xcgk/0.jhtml")))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: no stored notice has the URL or id '{farm.url('farm-mutable', '/xcgk/0.jhtml')}'"
    ]


def test_reparse_with_the_same_parser_changes_nothing(
    two_nights: tuple[dict[str, str], Any],
) -> None:
    env, _ = two_nights
    result = notices(env, "reparse", "--seeds", str(FARM_SEEDS))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].split()[0] == "notices" and int(lines[1].split()[1]) >= 8
    assert lines[2].split() == ["changed", "0"]
