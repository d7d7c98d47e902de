"""unit_keys: the inspected unit's party organ, sector and stable key."""

from __future__ import annotations

import pytest

from pipelines.common.record import SECTORS
from pipelines.parsing.unit_keys import sector, unit_key, unit_type
from pipelines.parsing.units_vocab import SECTOR_WORDS


@pytest.mark.parametrize(
    ("name", "kind", "field"),
    [
        ("中共揭阳市揭东区红十字会党组", "党组", "mass_organisation"),
        ("白石镇党委", "党委", "township"),
        ("城关街道党工委", "党工委", "street"),
        ("XX村党支部", "党支部", "village"),
        ("XX社区党总支", "党总支", "community"),
        ("中共XX县人民法院党组", "党组", "court"),
        ("XX县人民检察院党组", "党组", "procuratorate"),
        ("市公安局党委", "党委", "public_security"),
        ("市卫健委", None, "health"),
        ("XX医科大学党委", "党委", "university"),
        ("县教育局党组", "党组", "education"),
        ("市财政局党组", "党组", "finance"),
        ("市城投集团有限公司党委", "党委", "soe"),
        ("中共淮南市委统一战线工作部", None, "party_department"),
        ("中共湖南省怀化市鹤城区委员会", "党委", "party_committee"),
        ("XX县委", "党委", "department"),  # no real county named: read by its words
        # a unit named only as its place: the place's party committee
        ("寿光市", None, "party_committee"),
        ("曲靖市", None, "party_committee"),
        ("寿光市委", "党委", "party_committee"),
        ("寿光市农业农村局党组", "党组", "department"),
        ("县住房和城乡建设局党组", "党组", "department"),
        ("城镇化工作领导小组", None, None),  # 镇 inside a word is no township
    ],
)
def test_type_and_sector(name: str, kind: str | None, field: str | None) -> None:
    assert (unit_type(name), sector(name)) == (kind, field)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("中共揭阳市揭东区红十字会党组", "揭东区红十字会"),
        ("区红十字会党组", "揭东区红十字会"),
        ("市委统战部", "中共淮南市委统一战线工作部"),
        ("淮安市卫生健康委员会党组", "市卫健委"),
        # a name that opens with a level character keeps it (市场 is no 市's 场)
        ("中共荆州市市场监督管理局党组", "市市场监督管理局"),
        ("市场监督管理局党组", "荆州市市场监督管理局"),
    ],
)
def test_one_unit_one_key(a: str, b: str) -> None:
    assert unit_key(a, "445203") == unit_key(b, "445203") is not None


def test_a_level_word_is_kept_in_the_key() -> None:
    assert unit_key("中共荆州市市场监督管理局党组", "421000") == "421000:市场监督管理局"


def test_keys_differ_by_region_and_need_one() -> None:
    assert unit_key("红十字会", "445203") != unit_key("红十字会", "320800")
    assert unit_key("红十字会", None) is None
    assert unit_key(None, "445203") is None


def test_every_sector_word_maps_to_a_declared_sector() -> None:
    assert {label for label, _ in SECTOR_WORDS} | {"party_committee"} == set(SECTORS)
