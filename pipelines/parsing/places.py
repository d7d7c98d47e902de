"""County-level cities (县级市): the 市委 of one of these sends county-level inspection teams.

Derived from the division table (regions.py, data/divisions.csv): every county-level division
(a GB/T 2260 code not ending in 00: also 仙桃, 济源 under their province) named …市, without its 市. Names that are also common words (合作, 东方) are left out: an unknown
city reads as prefecture-level, the usual case."""

from __future__ import annotations

from pipelines.parsing.regions import divisions

# County-level cities whose names are also words of a notice (合作, 东方, 新星, 白杨).
_COMMON_WORDS = frozenset({"合作", "东方", "新星", "白杨"})


def _county_level_cities() -> frozenset[str]:
    names = (
        division.name.removesuffix("市")
        for code, division in divisions().by_code.items()
        if division.name.endswith("市") and not code.endswith("00")
    )
    # a one-character name (芒市) is no name a text can be searched for
    return frozenset(n for n in names if len(n) >= 2 and n not in _COMMON_WORDS)


COUNTY_LEVEL_CITIES = _county_level_cities()
