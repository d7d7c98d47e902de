"""The registry of pagination styles: the seed names, the docs and the seed checks all come from it."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from crawler import paging
from crawler.paging import COMMON_OPTIONS, PAGINATION_TYPES, STYLES, PagingStyle
from crawler.seeds import ListSource, check_registry, load_registry

DOCS = Path(__file__).resolve().parents[2] / "docs" / "adding-a-site.md"
BLOCK = re.compile(r"<!-- paging styles -->\n(.*?)\s*<!-- /paging styles -->", re.DOTALL)


def doc_line(style: type[PagingStyle]) -> str:
    summary = " ".join((style.__doc__ or "").split())
    keys = ", ".join(f"`{o.key}`" for o in style.options)
    line = f"- `{style.name}`: {summary}" + (f" Keys: {keys}." if keys else "")
    return textwrap.fill(line, 100, initial_indent="  ", subsequent_indent="    ")


def test_docs_list_every_style_from_its_docstring() -> None:
    found = BLOCK.search(DOCS.read_text(encoding="utf-8"))
    assert found, f"{DOCS} lost its <!-- paging styles --> block"
    expected = "\n".join(doc_line(style) for style in STYLES.values())
    assert found.group(1) == expected, f"paste this into the block:\n{expected}"


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


SEED = """\
regions:
  - code: "340000"
    name: 安徽省
    pinyin: anhui
    sites:
      - id: ah-jw
        name: 安徽省纪委监委
        platform: {platform}
        list_urls:
          - url: "http://h/xsxc/"
            pagination: {entry}
          - "http://h/b/"
        pagination: {site}
"""


@pytest.mark.parametrize(
    ("platform", "entry", "site", "problem"),
    [
        ("trs", "{}", "{next: 'a[[x'}", "sites[0].pagination.next: invalid selector 'a[[x'"),
        ("trs", "{next: 'a[[x'}", "{}", "list_urls[0].pagination.next: invalid selector"),
        ("trs", "{step: 10}", "{}", "list_urls[0].pagination.step: unknown key 'step' for"),
        ("trs", "{}", "{type: template, start: -1}", "pagination.start: must be an integer, 0"),
        ("trs", "{max_pages: 0}", "{}", "list_urls[0].pagination.max_pages: must be a positive"),
        ("hanweb", "{method: PUT}", "{}", "pagination.method: must be one of GET, POST"),
        ("trs", "{type: page_param, param: ''}", "{}", "pagination.param: must be text"),
        ("generic", "{type: json_api}", "{}", "list_urls[0]: pagination json_api needs an `api:`"),
    ],
)
def test_seed_keys_are_checked_against_the_style(
    tmp_path: Path, platform: str, entry: str, site: str, problem: str
) -> None:
    seed = SEED.replace("{platform}", platform).replace("{entry}", entry).replace("{site}", site)
    (tmp_path / "anhui.yaml").write_text(seed, encoding="utf-8")
    problems = check_registry(tmp_path)
    assert any(problem in p for p in problems), problems
    assert len(problems) == len(set(problems)) == 1, "a site-level key is reported once"


@pytest.mark.parametrize(
    ("entry", "site"),
    [
        ("{}", "{}"),
        ("{type: hanweb_dataproxy, method: post}", "{max_pages: 3}"),
        ("{type: template, pattern: 'list_{n}.html', start: 0}", "{next: 'a.next @href'}"),
        ("{type: page_param, param: pageNo, start: 2}", "{}"),
    ],
)
def test_valid_pagination_keys_load(tmp_path: Path, entry: str, site: str) -> None:
    seed = SEED.replace("{platform}", "trs").replace("{entry}", entry).replace("{site}", site)
    (tmp_path / "anhui.yaml").write_text(seed, encoding="utf-8")
    assert load_registry(tmp_path).all_sites()[0].sources[0].pagination["type"]
