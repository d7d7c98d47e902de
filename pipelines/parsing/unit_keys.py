"""The inspected unit's kind and identity: unit_type (its party organ: 党委, 党组, 党工委 …),
sector (units_vocab.SECTOR_WORDS, labels record.SECTORS) and unit_key, `region_code:name` with
the name normalised (中共, the party organ and the division names cut, long names shortened to
their usual short form), so one unit keys alike across rounds and sites."""

from __future__ import annotations

import re

from pipelines.parsing import regions
from pipelines.parsing.units_vocab import (
    COMMITTEE_WORDS,
    KEY_ALIASES,
    KEY_DROP_PREFIXES,
    KEY_DROP_SUFFIXES,
    LEVEL_CHAR_WORDS,
    LEVEL_CHARS,
    SECTOR_WORDS,
    SECTORS_AT_END,
    UNIT_TYPE_NAMES,
    UNIT_TYPES,
)
from pipelines.parsing.vocab import alternation

_TYPE_RE = re.compile(rf"({alternation(UNIT_TYPES)})$")
# A local party committee inspected as a unit (XX县委): its unit_type is 党委.
_COMMITTEE_RE = re.compile(rf"(?:{alternation(w for w in COMMITTEE_WORDS if w != '中央')})$")
_LEVEL_RE = re.compile(rf"^(?!{alternation(LEVEL_CHAR_WORDS)})[{LEVEL_CHARS}](?=..)")
_DROP_SUFFIX_RE = re.compile(rf"(?:{alternation(KEY_DROP_SUFFIXES)})+$")
_COMMITTEE_CORES = {"委员会", "委", "党委", *(w[-2:] for w in COMMITTEE_WORDS)}
_SPACES = re.compile(r"[\s“”\"'‘’《》（）()]")


def unit_type(*names: str | None) -> str | None:
    """The party organ the first name ending with one ends with (中共X县委员会 -> 党委)."""
    for name in names:
        if not name:
            continue
        match = _TYPE_RE.search(_SPACES.sub("", name) if "（" not in name else name.strip())
        if match:
            return UNIT_TYPE_NAMES.get(match.group(1), match.group(1))
        if _COMMITTEE_RE.search(name):
            return "党委"
    return None


def core_name(name: str) -> str:
    """The unit's name without 中共, its party organ and its division names: 中共揭阳市揭东区
    红十字会党组 -> 红十字会; 淮安市红十字会 -> 红十字会; 市委统一战线工作部 -> 市委统战部."""
    core = _SPACES.sub("", name)
    for prefix in KEY_DROP_PREFIXES:
        core = core.removeprefix(prefix)
    places = regions.find_places(core)
    leading = 0
    for place in places:
        if place.start != leading:
            break
        leading = place.end
    if places and leading == len(core):
        return "党委"  # a unit named only as its place (寿光市): the place's party committee
    core = core[leading:]
    for long, short in KEY_ALIASES.items():
        core = core.replace(long, short)
    stripped = _DROP_SUFFIX_RE.sub("", core)
    core = stripped if len(stripped) >= 2 else core
    if core in _COMMITTEE_CORES:
        return "党委"  # the local party committee itself: 中共X县委员会, X县委
    return _LEVEL_RE.sub("", core)  # 市卫健委 on the city's site is 淮安市卫健委's unit


def sector(name: str | None) -> str | None:
    """The sector of a unit by the words of its name (the first table row that matches)."""
    if not name:
        return None
    core = core_name(name)
    if core == "党委":
        return "party_committee"
    for label, words in SECTOR_WORDS:
        if label in SECTORS_AT_END:
            if core.endswith(words):
                return label
        elif any(word in core for word in words):
            return label
    return None


def unit_key(name: str | None, region_code: str | None) -> str | None:
    """`region_code:core name`; None without a name or a region (a bare 红十字会 links nothing)."""
    if not name or not region_code:
        return None
    core = core_name(name)
    return f"{region_code}:{core}" if core else None
