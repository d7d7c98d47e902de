"""Selector-free crawling on the six held-out farm sites: `notices crawl` with a registry that gives
only id, name, platform and list URL (tests/fixtures/farm_seeds/selector_free.yaml) must archive
every notice of each site's truth with its title and date, and request nothing the truth does not
list. The figures are bench/selector_free.py's, which holds the crawl and the scoring.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType
from typing import Any

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.e2e


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_selector_free", ROOT / "bench" / "selector_free.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


BENCH = load_bench()
SITES = BENCH.site_ids()


def test_the_registry_names_the_six_held_out_sites() -> None:
    assert SITES == [
        "farm-x-dhcms",
        "farm-x-nanwei",
        "farm-x-phpcms",
        "farm-x-aspx",
        "farm-x-cards",
        "farm-x-vsbrev",
    ]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Any:
    done = BENCH.crawl(tmp_path_factory.mktemp("selector-free"))
    assert done.db.exists(), done.output[-3000:]
    return done


@pytest.mark.parametrize("site", SITES)
def test_every_notice_is_archived_with_its_title_and_date(run: Any, site: str) -> None:
    result = BENCH.score(site, run.db, run.requests)
    assert result.wrong == []
    assert len(result.right_title) == len(result.right_date) == result.in_truth


@pytest.mark.parametrize("site", SITES)
def test_no_request_outside_the_truth(run: Any, site: str) -> None:
    assert BENCH.score(site, run.db, run.requests).extra == []
