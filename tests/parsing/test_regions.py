"""regions: GB/T 2260 codes by the places a unit or committee names, the site's region behind."""

from __future__ import annotations

import csv

import pytest

from pipelines.common.evidence import Elsewhere, Span
from pipelines.parsing import regions


def test_the_vendored_table_is_whole() -> None:
    with regions.TABLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    codes = {r["code"] for r in rows}
    assert len(rows) == len(codes) > 3000
    assert all(len(c) == 6 and c.isdigit() for c in codes)
    assert {r["parent"] for r in rows} - {""} <= codes
    assert (regions.TABLE.parent / "README.md").read_text("utf-8").count("MIT") >= 1


@pytest.mark.parametrize(
    ("text", "site", "code", "place"),
    [
        ("中共揭阳市揭东区红十字会党组", None, "445203", "揭东区"),
        ("淮安市红十字会", None, "320800", "淮安市"),
        ("中共湖南省怀化市鹤城区委员会", None, "431202", "鹤城区"),
        ("湖南省委", None, "430000", "湖南省"),
        ("湖南高速公路集团", None, "430000", "湖南"),  # a bare province name at the start
        ("鼓楼区卫健局", None, None, None),  # four 鼓楼区: no guess
        ("鼓楼区卫健局", "350100", "350102", "鼓楼区"),  # on 福州市's site: 福州's
        ("江苏省南京市鼓楼区卫健局", None, "320106", "鼓楼区"),  # the places before say which
        ("市卫健委", "431200", None, None),  # no place named (the site's region is the caller's)
    ],
)
def test_resolve(text: str, site: str | None, code: str | None, place: str | None) -> None:
    found = regions.resolve(text, site)
    if code is None:
        assert found is None
        return
    assert found is not None and found[0] == code and found[1].text(text) == place


def test_the_site_region_stands_when_no_name_says() -> None:
    assert regions.region_code(["市卫健委", None], "431200") == ("431200", None)
    assert regions.region_code(["市卫健委", "中共淮安市卫健委党组"], "431200") == (
        "320800",
        "淮安市",
    )
    assert regions.region_code(["市卫健委"], None) is None


@pytest.mark.parametrize(
    ("committee", "unit", "county_level", "code"),
    [
        ("湖南省委", None, False, "430000"),
        ("市委", "431202", False, "431200"),
        ("市委", "330782", True, "330782"),  # 义乌市委: a county-level city's own
        ("区委", "445203", False, "445203"),
        ("区委", "445200", False, None),  # the unit is known only at the city: no guess
        ("省委", "445203", False, "440000"),
        ("市委", "110105", False, "110000"),  # 北京市委 is a province-level committee
        ("中央", "110105", False, None),
    ],
)
def test_committee_region(
    committee: str, unit: str | None, county_level: bool, code: str | None
) -> None:
    found = regions.committee_region_code(committee, Span(0, len(committee)), unit, county_level)
    assert (found[0] if found else None) == code


def test_locate_says_where_a_place_is_written() -> None:
    body = "根据部署，市委巡察组对淮安市红十字会开展了巡察"
    assert regions.locate("淮安市", body, None).text(body) == "淮安市"  # type: ignore[union-attr]
    assert regions.locate("淮安市", "正文", "淮安市红十字会关于…") == Elsewhere("title")
    assert regions.locate(None, body, None) == Elsewhere("site")


@pytest.mark.parametrize(
    ("name", "code"),
    [("淮南市", "340400"), ("安徽省", "340000"), ("鼓楼区", None), ("演示", None), (None, None)],
)
def test_registry_region_names(name: str | None, code: str | None) -> None:
    assert regions.code_of_name(name) == code
