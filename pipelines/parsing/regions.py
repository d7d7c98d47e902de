"""Units to places: GB/T 2260 codes by the division names a unit or committee is written with.

The division table (pipelines/parsing/data/divisions.csv, vendored with its source and date in
the README there) is read once, on first use. A name is matched whole (怀化市, 鹤城区, 湖南省) or,
for provinces and prefectures at the start of a name, without its suffix (湖南, 怀化). A county
name shared by several divisions (鼓楼区) is taken only when an earlier place in the same name,
or the site's region, says which. With no place in the name, the site's region stands, with
the evidence Elsewhere("site").
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipelines.common.evidence import Elsewhere, Evidence, Span

TABLE = Path(__file__).with_name("data") / "divisions.csv"
_SUFFIXES = ("特别行政区", "自治区", "自治州", "地区", "省", "市", "盟")
_LEADING = ("中国共产党", "中共")
_LONGEST = 20  # characters of the longest division name (新疆维吾尔自治区 …)


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    parent: str | None


@dataclass(frozen=True, slots=True)
class Place:
    """A division named in a text: where, and every division the name may mean."""

    start: int
    end: int
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Divisions:
    by_code: dict[str, Division]
    full: dict[str, tuple[str, ...]]  # whole names
    short: dict[str, tuple[str, ...]]  # provinces and prefectures without their suffix

    def ancestors(self, code: str) -> list[str]:
        """The code and its parents up to the province."""
        chain: list[str] = []
        current: str | None = code
        while current and current in self.by_code and current not in chain:
            chain.append(current)
            current = self.by_code[current].parent
        return chain

    def within(self, code: str, other: str) -> bool:
        """One of the two divisions contains the other (or they are the same)."""
        return other in self.ancestors(code) or code in self.ancestors(other)

    def level(self, code: str) -> int:
        """0 for a province, 1 for a prefecture, 2 for a county (by the chain of parents)."""
        return len(self.ancestors(code)) - 1


@cache
def divisions() -> Divisions:
    by_code: dict[str, Division] = {}
    full: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    with TABLE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            division = Division(row["code"], row["name"], row["parent"] or None)
            by_code[division.code] = division
            full.setdefault(division.name, []).append(division.code)
    for code, division in by_code.items():
        if division.parent is not None and by_code[division.parent].parent is not None:
            continue  # counties: their bare names (城关, 新华) are common words
        for suffix in _SUFFIXES:
            bare = division.name.removesuffix(suffix)
            if bare != division.name and len(bare) >= 2:
                short.setdefault(bare, []).append(code)
                break
    return Divisions(
        by_code,
        {k: tuple(v) for k, v in full.items()},
        {k: tuple(v) for k, v in short.items()},
    )


def find_places(text: str) -> list[Place]:
    """Division names in `text`, left to right, the longest at each position; a bare province
    or prefecture name only at the start (after 中共)."""
    table = divisions()
    places: list[Place] = []
    start = 0
    for lead in _LEADING:
        if text.startswith(lead):
            start = len(lead)
            break
    i = start
    while i < len(text):
        hit = _longest(text, i, table.full) or (
            _longest(text, i, table.short) if i == start else None
        )
        if hit is None:
            i += 1
            continue
        end, codes = hit
        places.append(Place(i, end, codes))
        i = end
    return places


def _longest(
    text: str, i: int, names: dict[str, tuple[str, ...]]
) -> tuple[int, tuple[str, ...]] | None:
    for end in range(min(len(text), i + _LONGEST), i + 1, -1):
        codes = names.get(text[i:end])
        if codes:
            return end, codes
    return None


def resolve(text: str, site_code: str | None = None) -> tuple[str, Span] | None:
    """The deepest division `text` names that its other places and the site's region agree
    with, and the span of its name in `text`."""
    table = divisions()
    context = site_code if site_code in table.by_code else None
    best: tuple[str, Span] | None = None
    for place in find_places(text):
        fitting = [c for c in place.codes if best is None or table.within(c, best[0])]
        if len(fitting) > 1 and context:
            fitting = [c for c in fitting if _near(table, c, context)]
        if len(fitting) != 1:
            continue  # ambiguous, or no place of the others: no guess
        code = fitting[0]
        if best is None or table.level(code) >= table.level(best[0]):
            best = (code, Span(place.start, place.end))
    return best


def _near(table: Divisions, code: str, site: str) -> bool:
    """The division is the site's, inside it or beside it in the site's province."""
    if table.within(code, site):
        return True
    return table.ancestors(code)[-1] == table.ancestors(site)[-1]


def region_code(
    names: list[str | None], site_code: str | None = None
) -> tuple[str, str | None] | None:
    """The code of the first name (in the order given) that names a place, with the place's
    name as written (the caller locates it for its evidence); else the site's region, with
    None for the name."""
    for name in names:
        found = resolve(name, site_code) if name else None
        if name and found is not None:
            code, span = found
            return code, span.text(name)
    if site_code and site_code in divisions().by_code:
        return site_code, None
    return None


def locate(needle: str | None, body: str, title: str | None, start: int = 0) -> Evidence:
    """Where a value's words are written: a Span into `body` (from `start`), else the title,
    else the site (the value came from the registry's region)."""
    if needle:
        found = body.find(needle, start)
        if found < 0:
            found = body.find(needle)
        if found >= 0:
            return Span(found, found + len(needle))
        if title and needle in title:
            return Elsewhere("title")
    return Elsewhere("site")


# The division level a committee word sends its teams from (省委: the province …).
_COMMITTEE_LEVELS = {"省委": 0, "自治区党委": 0, "市委": 1, "州委": 1, "盟委": 1, "地委": 1}
_COUNTY_COMMITTEES = ("县委", "区委", "旗委")


def committee_region_code(
    committee: str | None,
    evidence: Evidence | None,
    unit_code: str | None,
    county_level: bool = False,
    site_code: str | None = None,
) -> tuple[str, Evidence] | None:
    """The division of the committee that sent the team: the place it is named with (湖南省委),
    else the inspected unit's division at the committee's level (市委 of a unit in 鹤城区: 怀化市;
    a county-level city's 市委 when `county_level`). 中央 has no division: None."""
    if not committee or committee == "中央":
        return None
    named = resolve(committee, site_code)
    if named is not None:
        code, span = named
        if isinstance(evidence, Span):
            return code, span.shifted(evidence.start)
        return code, evidence or Elsewhere("site")
    if unit_code is None:
        return None
    word = next(
        (w for w in (*_COMMITTEE_LEVELS, *_COUNTY_COMMITTEES) if committee.endswith(w)), None
    )
    if word is None:
        return None
    chain = list(reversed(divisions().ancestors(unit_code)))
    level = 2 if word in _COUNTY_COMMITTEES or county_level else _COMMITTEE_LEVELS[word]
    if word == "市委" and divisions().by_code[chain[0]].name.endswith("市") and not county_level:
        level = 0  # a municipality's 市委 (北京市委) is its province-level committee
    if level >= len(chain):
        return None  # the unit is known only above the committee's level: no guess
    return chain[level], evidence or Elsewhere("site")


def code_of_name(name: str | None) -> str | None:
    """The code of a registry region's name (淮南市, 安徽省), when the name is one division's;
    a name several divisions share (鼓楼区) gives None."""
    if not name:
        return None
    codes = divisions().full.get(name.strip(), ())
    return codes[0] if len(codes) == 1 else None
