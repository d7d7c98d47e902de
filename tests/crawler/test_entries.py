"""Which rows of a list page get a detail request (crawler/entries.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.entries import is_relevant, wanted_entries
from crawler.listing import ListEntry
from crawler.outcomes import SiteOutcome
from crawler.seeds import Site, load_registry

SEEDS = """\
regions:
  - code: "340400"
    name: 淮南市
    pinyin: huainan
    sites:
      - id: site-a
        name: 甲
        platform: trs
        list_urls: ["http://a.test/xsxc/"]
"""
NOTICE = "中共白石镇委员会关于县委第二轮巡察整改进展情况的通报"


@pytest.fixture
def site(tmp_path: Path) -> Site:
    (tmp_path / "hn.yaml").write_text(SEEDS, encoding="utf-8")
    return load_registry(str(tmp_path)).select(None, "site-a")[0]


@pytest.mark.parametrize(
    ("entry", "since", "relevant"),
    [
        (ListEntry("http://a.test/1.html", NOTICE, "2023-06-19"), None, True),
        (ListEntry("http://b.test/1.html", NOTICE, "2023-06-19"), None, False),  # another host
        (ListEntry("http://a.test/1.html", "2023年端午节廉洁提醒", None), None, False),
        (ListEntry("http://a.test/1.html", NOTICE, "2023-06-19"), "2023-07-01", False),
        (ListEntry("http://a.test/1.html", NOTICE, None), "2023-07-01", True),  # undated
    ],
)
def test_is_relevant(site: Site, entry: ListEntry, since: str | None, relevant: bool) -> None:
    assert is_relevant(site, entry, since) is relevant


def test_known_rows_are_counted_not_yielded(site: Site) -> None:
    rows = [
        ListEntry("http://a.test/1.html", NOTICE, "2023-06-19"),
        ListEntry("http://a.test/2.html", NOTICE, "2023-06-18"),
        ListEntry("http://a.test/2.html?from=singlemessage", NOTICE, "2023-06-18"),
        ListEntry("http://a.test/3.html", "2023年端午节廉洁提醒", "2023-06-17"),
    ]
    out, counted, seen = SiteOutcome("site-a"), [], set[str]()
    wanted = wanted_entries(
        site,
        rows,
        out,
        since=None,
        seen=seen,
        count=counted.append,
        known=lambda e: e.url.endswith("1.html"),
    )
    assert [e.url for e in wanted] == ["http://a.test/2.html"]
    assert (out.entries, out.known, out.duplicates, out.skipped_by_title) == (4, 1, 1, 1)
    assert counted == ["notices/incremental/known_rows", "notices/skipped/title"]
    assert seen == {"http://a.test/1.html", "http://a.test/2.html"}
