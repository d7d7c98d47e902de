"""Registry coverage: sites per top region and level, verified or not; and the shipped registry
reaches every province of the division table and the central level."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.seeds import REPO_SEEDS, load_registry
from crawler.seeds.coverage import Coverage, coverage
from pipelines.parsing.regions import divisions

SEEDS = """\
regions:
  - code: "340000"
    name: 安徽省
    pinyin: anhui
    sites:
      - {id: ah-a, name: a, platform: trs, list_urls: ["http://a.test/"], verified: 2026-11-21}
  - code: "340400"
    name: 淮南市
    pinyin: huainan
    parent: "340000"
    sites:
      - {id: hn-a, name: a, platform: trs, list_urls: ["http://a.test/"]}
      - {id: hn-b, name: b, platform: trs, list_urls: ["http://a.test/"], verified: unverified}
  - code: "340402"
    name: 大通区
    pinyin: datong
    parent: "340400"
    sites:
      - {id: dt-a, name: a, platform: trs, list_urls: ["http://a.test/"]}
  - code: "100000"
    name: 中央
    pinyin: central
    sites: []
"""
MIN_SITES = 3  # entries every province (and the central level) must have
CENTRAL = "central"  # pinyin of the central level's region (code 100000 is outside GB/T 2260)


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        (
            None,
            [
                Coverage("100000", "中央", (0, 0, 0), 0, 0),
                Coverage("340000", "安徽省", (1, 2, 1), 1, 3),
            ],
        ),
        ("淮南", [Coverage("340400", "淮南市", (2, 1, 0), 0, 3)]),
        ("大通区", [Coverage("340402", "大通区", (1, 0, 0), 0, 1)]),
    ],
)
def test_coverage_per_top_region_and_level(
    tmp_path: Path, top: str | None, expected: list[Coverage]
) -> None:
    (tmp_path / "anhui.yaml").write_text(SEEDS, encoding="utf-8")
    registry = load_registry(tmp_path)
    assert coverage(registry, registry.find_region(top) if top else None) == expected


def test_every_province_and_the_central_level_have_a_file_of_three_sites() -> None:
    table = divisions()
    # The provinces the table lists divisions under (台湾, 香港, 澳门 have none in it): the 31.
    parents = {d.parent for d in table.by_code.values()}
    provinces = sorted(c for c, d in table.by_code.items() if d.parent is None and c in parents)
    assert len(provinces) == 31
    registry = load_registry(REPO_SEEDS)
    central = [r.code for r in registry.regions.values() if r.pinyin == CENTRAL]
    assert central, "no central-level region"
    counts = {c.code: c.sites for c in coverage(registry)}
    for code in [*provinces, *central]:
        region = registry.regions.get(code)
        assert region is not None, f"no seeds file holds {table.by_code[code].name} ({code})"
        assert Path(region.file).stem == region.pinyin, region.file
        assert counts[code] >= MIN_SITES, f"{region.name}: {counts[code]} sites"
