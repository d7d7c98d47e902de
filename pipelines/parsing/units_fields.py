"""Record v2's units block assembled: the values of rounds, date_roles, phase, regions and
unit_keys for one notice, and each value's evidence (field name -> Span into the record's
body_text, or Elsewhere), for record.evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipelines.common.cleaned import PageMeta
from pipelines.common.evidence import Elsewhere, Evidence, Span
from pipelines.parsing import regions, unit_keys
from pipelines.parsing.date_roles import date_roles
from pipelines.parsing.phase import find_phase
from pipelines.parsing.rounds import Found, find_rounds
from pipelines.parsing.units_vocab import COMMITTEE_WORDS

OPENING_MAX = 3000  # the opening names the team, the round and what is reported


@dataclass(frozen=True, slots=True)
class UnitsFields:
    values: dict[str, Any] = field(default_factory=dict)  # record field -> value
    evidence: dict[str, Evidence] = field(default_factory=dict)  # record field -> evidence

    def put(self, name: str, found: Found[Any] | None) -> None:
        if found is not None:
            self.values[name] = found.value
            self.evidence[name] = found.evidence


def units_fields(
    body: str,
    head_start: int,
    title: str | None,
    meta: PageMeta,
    *,
    signed_date: str | None,
    inspected_unit: str | None,
    publisher: str | None,
    county_level: bool,
) -> UnitsFields:
    """`body` is the record's body_text; the opening starts at `head_start` in it. `meta` is
    the page's metadata (the caller's merged with the cleaner's)."""
    out = UnitsFields()
    head = body[head_start : head_start + OPENING_MAX]
    rounds = find_rounds(head, title)
    for name in ("term", "round", "round_year", "inspecting_committee", "team_number"):
        out.put(name, _shifted(getattr(rounds, name), head_start))
    roles = date_roles(meta, body, signed_date)
    out.put("written_date", roles.written)
    out.put("published_date", roles.published_or_written)
    out.put("updated_date", roles.updated)
    phase = find_phase(head, title)
    if phase:
        out.put("report_phase", _shifted(Found(phase[0], phase[1]), head_start))
    region = regions.region_code([inspected_unit, publisher], meta.region_code)
    unit_code = None
    if region:
        unit_code, place = region
        where = regions.locate(place, body, title, head_start) if place else Elsewhere("site")
        out.put("region_code", Found(unit_code, where))
    committee = _shifted(rounds.inspecting_committee, head_start)
    committee_code = regions.committee_region_code(
        committee.value if committee else None,
        committee.evidence if committee else None,
        unit_code,
        county_level,
        meta.region_code,
    )
    if committee_code:
        out.put("committee_region_code", Found(*committee_code))
        if committee is not None and committee.value in COMMITTEE_WORDS:
            # A bare 市委 named the committee of the unit's own place: say which (湖州市委).
            named = _named_committee(committee.value, committee_code[0])
            if named:
                out.put("inspecting_committee", Found(named, committee.evidence))
    unit = inspected_unit or publisher
    if unit:
        where = regions.locate(unit, body, title, head_start)
        typed = _typed_unit(inspected_unit, publisher)
        if typed:
            kind, name = typed
            out.put("unit_type", Found(kind, _type_read(kind, name, body, title, head_start)))
        sector = unit_keys.sector(unit)
        if sector:
            out.put("sector", Found(sector, where))
        key = unit_keys.unit_key(unit, unit_code)
        if key:
            out.put("unit_key", Found(key, where))
    return out


def _typed_unit(*names: str | None) -> tuple[str, str] | None:
    """The unit type and the name it was read from (the first name that ends with one)."""
    for name in names:
        kind = unit_keys.unit_type(name) if name else None
        if name and kind:
            return kind, name
    return None


def _type_read(kind: str, name: str, body: str, title: str | None, start: int) -> Evidence:
    """Where the unit type was read: its words inside the unit's name, else the whole name (中共
    X县委员会 is a 党委); where the name is not written as read, where the type's words are."""
    where = regions.locate(name, body, title, start)
    if not isinstance(where, Span):
        return regions.locate(kind, body, title, start) if where == Elsewhere("site") else where
    inside = body.find(kind, where.start, where.end)
    return Span(inside, inside + len(kind)) if inside >= 0 else where


def _shifted(found: Found[Any] | None, offset: int) -> Found[Any] | None:
    if found is None or not isinstance(found.evidence, Span):
        return found
    return Found(found.value, found.evidence.shifted(offset))


def _named_committee(word: str, code: str) -> str | None:
    """湖州市 and 市委 -> 湖州市委; None where the short form is not the division's name + 委
    (自治区党委, 州委 of a 自治州: written 黔东南州委, not named from the table)."""
    name = regions.divisions().by_code[code].name
    suffix = COMMITTEE_WORDS[word]
    if not suffix or word != suffix + "委" or not name.endswith(suffix) or "自治" in name:
        return None
    return name + "委"
