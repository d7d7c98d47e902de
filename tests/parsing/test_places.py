from __future__ import annotations

import pytest

from pipelines.parsing.places import COUNTY_LEVEL_CITIES


@pytest.mark.parametrize(
    "name", ["仙桃", "济源", "赤壁", "昆山", "义乌", "张家港", "锡林浩特", "库尔勒", "格尔木"]
)
def test_county_level_cities_are_listed(name: str) -> None:
    assert name in COUNTY_LEVEL_CITIES


@pytest.mark.parametrize(
    "name", ["咸宁", "淮安", "淮南", "揭阳", "宜昌", "儋州", "合作", "东方", "新星", "芒"]
)
def test_prefecture_level_cities_and_common_words_are_not(name: str) -> None:
    assert name not in COUNTY_LEVEL_CITIES
