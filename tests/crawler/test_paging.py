"""The registry of pagination styles: the seed names come from it, each source gets its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crawler import paging
from crawler.paging import COMMON_OPTIONS, PAGINATION_TYPES, STYLES
from crawler.seeds import ListSource

DOCS = Path(__file__).resolve().parents[2] / "docs" / "adding-a-site.md"
BLOCK = re.compile(r"<!-- paging styles -->\n(.*?)\s*<!-- /paging styles -->", re.DOTALL)


def test_every_style_is_registered_under_its_own_name() -> None:
    assert tuple(STYLES) == PAGINATION_TYPES
    for name, style in STYLES.items():
        assert style.name == name and style.__doc__, name
        keys = [o.key for o in (*COMMON_OPTIONS, *style.options)]
        assert len(keys) == len(set(keys)), f"{name} declares a key twice"


@pytest.mark.parametrize("name", PAGINATION_TYPES)
def test_pager_gives_each_source_its_own_state(name: str) -> None:
    source = ListSource("http://p/list.html", {"type": name}, {"results_path": "list"})
    one, two = paging.pager(source), paging.pager(source)
    assert type(one) is STYLES[name] and one is not two
    assert one.first().url.startswith("http://p/")
