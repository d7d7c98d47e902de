"""The spider's cursor: one paging state per list source, its first page, and the page limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.pagination import Cursor, page_limit, start
from crawler.paging import JsonApi, TrsJs
from crawler.seeds import ListSource, Site, load_registry

SEEDS = """\
regions:
  - code: "340000"
    name: 安徽省
    pinyin: anhui
    sites:
      - id: ah
        name: 安徽
        platform: trs
        list_urls:
          - "http://h/xsxc/"
          - url: "http://h/api/"
            pagination: {type: json_api, max_pages: 7}
            api: {url: /list, params: {p: "{page}"}, results_path: rows, page_start: 0}
"""


@pytest.fixture
def site(tmp_path: Path) -> Site:
    (tmp_path / "ah.yaml").write_text(SEEDS, encoding="utf-8")
    return load_registry(tmp_path).all_sites()[0]


def test_start_gives_each_source_its_style_and_first_page(site: Site) -> None:
    trs, first = start(site, 0)
    assert isinstance(trs.style, TrsJs) and first.url == "http://h/xsxc/"
    api, first = start(site, 1)
    assert isinstance(api.style, JsonApi) and first.url == "http://h/list?p=0"
    assert (api.site_id, api.source, api.page) == ("ah", 1, 1)


def test_the_style_is_made_once_and_kept() -> None:
    cursor = Cursor("ah", 0)
    source = ListSource("http://h/xsxc/", {"type": "trs_js"})
    assert cursor.style is None
    style = cursor.paging(source)
    assert cursor.paging(source) is style is cursor.style


@pytest.mark.parametrize(
    ("index", "override", "expected"),
    [(0, None, 50), (0, 3, 3), (1, None, 7), (1, 2, 2)],
)
def test_page_limit(site: Site, index: int, override: int | None, expected: int) -> None:
    assert page_limit(site, site.sources[index], override, 50) == expected
