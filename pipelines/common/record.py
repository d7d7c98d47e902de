"""The notice record (contract version 2: docs/record.md), declared once: frozen dataclasses
whose fields each say their storage and meaning; `to_dict()` is the JSON shape.

Everything else is derived from these declarations or tested against them: the JSON Schema
(record_schema.py), the `notices` columns and their comments, the row mapping, the export columns,
the gold comparator, the README's record table and the data dictionary. A new field is a line
here, its extractor, its line in models/notice.py and a migration; `python -m models.docs` then
rewrites the generated docs (the tests fail until it has).
"""

from __future__ import annotations

from dataclasses import Field, asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any

# How far a problem's rectification is (record v2: six classes; v1's in_progress held the middle four).
STATUSES = ("done", "basically_done", "in_progress", "long_term", "not_done", "not_started")
# What an accountability figure counts (docs/record.md, Figures); form_1..4: the "four forms".
ACCOUNTABILITY_KINDS = (
    "party_discipline", "government_sanction", "party_government_sanction",
    "organisational_handling", "admonishment", "criticism", "accountability_persons",
    "accountability_organisations", "case_filed", "case_closed", "transferred_judicial",
    "transferred_discipline", "leads_received", "leads_disposed", "four_forms",
    "form_1", "form_2", "form_3", "form_4",
)  # fmt: skip
# What happened to an amount of money (docs/record.md, Figures).
MONEY_KINDS = (
    "refunded", "surrendered", "confiscated", "recovered", "losses_retrieved", "reclaimed",
    "back_paid", "rectification_funds", "other",
)  # fmt: skip
LEVELS = ("central", "provincial", "city", "county", "other")
# What a notice reports (record v2, units block): docs/record.md says which words make each.
REPORT_PHASES = (
    "rectification_status",
    "concentrated_progress",
    "progress",
    "interim_progress",
    "completed",
    "look_back",
)
# The inspected unit's field of work (record v2): docs/record.md lists the words of each.
SECTORS = (
    "party_committee",
    "court",
    "procuratorate",
    "public_security",
    "discipline",
    "university",
    "health",
    "education",
    "finance",
    "soe",
    "mass_organisation",
    "party_department",
    "street",
    "community",
    "village",
    "township",
    "department",
)
SPEC = "record"  # the key of a field's Spec in its dataclass metadata


class Storage(StrEnum):
    """How the store keeps a field of the record."""

    FLAG = "flag"  # a boolean column
    TEXT = "text"  # a text column
    LABEL = "label"  # a short text column: at most `length` characters, one of `values` if given
    NUMBER = "number"  # an integer column
    REAL = "real"  # a floating-point column (a percentage, an amount in yuan)
    DATE = "date"  # a date column: an ISO date
    PARTIAL_DATE = "partial date"  # 'YYYY-MM-DD' or 'YYYY-MM' in a String(10) column
    JSON = "json"  # a JSON column (lists and nested objects)
    TABLE = "table"  # rows of a table of its own


@dataclass(frozen=True, slots=True)
class Spec:
    """What one record field declares besides its type."""

    storage: Storage
    description: str  # one line: the data dictionary's text and the column comment
    length: int | None = None  # longest value of a LABEL column
    values: tuple[str, ...] = ()  # the only values a LABEL may take (empty: any)


def _spec(storage: Storage, description: str, **kw: Any) -> dict[str, Spec]:
    return {SPEC: Spec(storage, description, **kw)}


def _text(description: str) -> dict[str, Spec]:
    return _spec(Storage.TEXT, description)


@dataclass(frozen=True, slots=True)
class Problem:
    seq: int = field(metadata=_spec(Storage.NUMBER, "position in the notice, from 1"))
    aspect: str | None = field(
        metadata=_text("heading of the group it sits under (聚焦…方面); null when none")
    )
    title: str = field(metadata=_text("its short statement without numbering (≤ 80 chars)"))
    description: str | None = field(default=None, metadata=_text("the 问题表现 text"))
    rectification: str | None = field(default=None, metadata=_text("the measures text"))
    status: str | None = field(
        default=None,
        metadata=_spec(Storage.LABEL, "how far its rectification is", values=STATUSES),
    )
    status_label: str | None = field(
        default=None, metadata=_text("the words its status was read from (基本完成, 已整改到位)")
    )


@dataclass(frozen=True, slots=True)
class Counts:
    aspects: int | None = field(default=None, metadata=_spec(Storage.NUMBER, "方面 stated"))
    items: int | None = field(default=None, metadata=_spec(Storage.NUMBER, "项/类 of problems"))
    problems: int | None = field(default=None, metadata=_spec(Storage.NUMBER, "(具体)问题 stated"))
    measures: int | None = field(
        default=None, metadata=_spec(Storage.NUMBER, "整改措施/举措 stated")
    )


def _tally(status: str) -> dict[str, Spec]:
    return _spec(Storage.NUMBER, f"problems {status}")


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusCounts:
    # One key per STATUSES class (tests/common/test_record.py holds them equal).
    done: int | None = field(default=None, metadata=_tally("done"))
    basically_done: int | None = field(default=None, metadata=_tally("basically done"))
    in_progress: int | None = field(default=None, metadata=_tally("in progress"))
    long_term: int | None = field(default=None, metadata=_tally("to be kept up long-term"))
    not_done: int | None = field(default=None, metadata=_tally("not done"))
    not_started: int | None = field(default=None, metadata=_tally("not started"))


@dataclass(frozen=True, slots=True)
class Accountability:
    """One figure of who or what was held to account (给予党纪处分37人, 问责3个党组织)."""

    kind: str = field(metadata=_spec(Storage.LABEL, "what it counts", values=ACCOUNTABILITY_KINDS))
    count: int = field(metadata=_spec(Storage.NUMBER, "the figure (0 is data)"))
    unit: str = field(metadata=_text("its unit as written: 人, 人次, 件, 个党组织 …"))
    text: str = field(metadata=_text("the phrase it was read from"))
    detail: str | None = field(
        default=None,
        metadata=_text("the breakdown label when it is part of one (严重警告); null when not"),
    )


@dataclass(frozen=True, slots=True)
class Money:
    """One amount of money recovered, refunded or spent (清退违规资金66.57万元)."""

    kind: str = field(metadata=_spec(Storage.LABEL, "what was done with it", values=MONEY_KINDS))
    yuan: float = field(metadata=_spec(Storage.REAL, "the amount in yuan (万元 ×10^4, 亿元 ×10^8)"))
    lower_bound: bool = field(
        metadata=_spec(Storage.FLAG, "true when the text says at least (万余元, 超, 逾, 多)")
    )
    text: str = field(metadata=_text("the phrase it was read from"))


@dataclass(frozen=True, slots=True)
class Contact:
    phones: tuple[str, ...] = field(default=(), metadata=_text("telephone numbers"))
    emails: tuple[str, ...] = field(default=(), metadata=_text("e-mail addresses"))
    address: str | None = field(default=None, metadata=_text("postal address"))
    postcode: str | None = field(default=None, metadata=_text("postcode"))


@dataclass(frozen=True, slots=True)
class Attachment:
    name: str = field(metadata=_text("file name as linked"))
    url: str | None = field(default=None, metadata=_text("where it was linked; null in text"))


@dataclass(frozen=True, slots=True, kw_only=True)
class NoticeRecord:
    # In the contract's order (shared/schema/notice-record.md), which the exports keep.
    is_notice: bool = field(
        metadata=_spec(Storage.FLAG, "the document is a rectification notice (not news of one)")
    )
    title: str | None = field(default=None, metadata=_text("the notice's own title line"))
    published_date: str | None = field(  # ISO dates as strings: the contract's wire form
        default=None,
        metadata=_spec(Storage.DATE, "the page's publication date, else the signature date"),
    )
    source: str | None = field(default=None, metadata=_text("the page's 来源 value"))
    author: str | None = field(default=None, metadata=_text("the page's 作者 value"))
    publisher: str | None = field(default=None, metadata=_text("the unit issuing the notice"))
    inspected_unit: str | None = field(default=None, metadata=_text("the unit inspected"))
    inspection_body: str | None = field(
        default=None, metadata=_text("the inspection team as written (市委第一巡察组)")
    )
    inspection_level: str | None = field(
        default=None,
        metadata=_spec(
            Storage.LABEL,
            "rank of the committee that sent the team",
            length=20,
            values=LEVELS,
        ),
    )
    inspection_kinds: tuple[str, ...] = field(
        default=(), metadata=_spec(Storage.JSON, "kinds named: 常规 专项 回头看 机动 提级 …")
    )
    inspection_topic: str | None = field(
        default=None, metadata=_text("the theme of a 专项 inspection")
    )
    inspection_round: str | None = field(
        default=None, metadata=_text("the round, e.g. 十九届中央第四轮")
    )
    inspection_start: str | None = field(
        default=None, metadata=_spec(Storage.PARTIAL_DATE, "first day of the inspection")
    )
    inspection_end: str | None = field(
        default=None, metadata=_spec(Storage.PARTIAL_DATE, "last day of the inspection")
    )
    feedback_date: str | None = field(
        default=None, metadata=_spec(Storage.PARTIAL_DATE, "the day findings were fed back")
    )
    # Record v2, units block: the round and team apart, the dates apart, the report's phase, the
    # units linked to places (pipelines/parsing: rounds, date_roles, phase, regions, unit_keys).
    term: int | None = field(
        default=None, metadata=_spec(Storage.NUMBER, "the committee's term (届): 十九届 -> 19")
    )
    round: int | None = field(
        default=None, metadata=_spec(Storage.NUMBER, "the inspection round (轮): 第三轮 -> 3")
    )
    round_year: int | None = field(
        default=None,
        metadata=_spec(Storage.NUMBER, "the year of the round, when stated (2023年第二轮)"),
    )
    inspecting_committee: str | None = field(
        default=None,
        metadata=_text(
            "the committee that sent the team, with its place when named (湖南省委, 市委)"
        ),
    )
    team_number: int | None = field(
        default=None, metadata=_spec(Storage.NUMBER, "the team's number: 第九巡视组 -> 9")
    )
    written_date: str | None = field(
        default=None,
        metadata=_spec(Storage.DATE, "the document's date: 成文日期, else the signature date"),
    )
    updated_date: str | None = field(
        default=None, metadata=_spec(Storage.DATE, "the page's 更新时间 at the source")
    )
    report_phase: str | None = field(
        default=None,
        metadata=_spec(
            Storage.LABEL,
            "what the notice reports (整改情况, 整改进展 …), from the title and opening",
            length=30,
            values=REPORT_PHASES,
        ),
    )
    region_code: str | None = field(
        default=None,
        metadata=_spec(Storage.LABEL, "GB/T 2260 code of the inspected unit's division", length=6),
    )
    committee_region_code: str | None = field(
        default=None,
        metadata=_spec(
            Storage.LABEL, "GB/T 2260 code of the inspecting committee's division", length=6
        ),
    )
    unit_type: str | None = field(
        default=None,
        metadata=_spec(Storage.LABEL, "the inspected unit's party organ (党委, 党组 …)", length=10),
    )
    sector: str | None = field(
        default=None,
        metadata=_spec(
            Storage.LABEL, "the inspected unit's field of work", length=30, values=SECTORS
        ),
    )
    unit_key: str | None = field(
        default=None,
        metadata=_text(
            "region_code:normalised name, the same for one unit across rounds and sites"
        ),
    )
    counts: Counts = field(
        default_factory=Counts,
        metadata=_spec(Storage.JSON, "totals the text states about the feedback"),
    )
    status_counts: StatusCounts | None = field(
        default=None,
        metadata=_spec(Storage.JSON, "problems per status, when the text states them"),
    )
    problems: tuple[Problem, ...] = field(
        default=(), metadata=_spec(Storage.TABLE, "the problems in document order")
    )
    accountability: tuple[Accountability, ...] = field(
        default=(),
        metadata=_spec(Storage.JSON, "sanctions, cases and leads stated, in document order"),
    )
    money: tuple[Money, ...] = field(
        default=(),
        metadata=_spec(Storage.JSON, "amounts recovered, refunded or spent, in document order"),
    )
    rules_made: int | None = field(
        default=None,
        metadata=_spec(Storage.NUMBER, "制度/规定/办法 made or revised, as the text states"),
    )
    completion_rate: float | None = field(
        default=None,
        metadata=_spec(Storage.REAL, "the rectification completion rate as reported, in percent"),
    )
    tally_date: str | None = field(
        default=None,
        metadata=_spec(Storage.PARTIAL_DATE, "the date the tallies are as of (截至…)"),
    )
    contact: Contact = field(
        default_factory=Contact,
        metadata=_spec(Storage.JSON, "how to reach the publisher (欢迎…监督 paragraph)"),
    )
    signed_by: str | None = field(default=None, metadata=_text("the signature block's unit"))
    signed_date: str | None = field(
        default=None, metadata=_spec(Storage.DATE, "the signature block's date")
    )
    attachments: tuple[Attachment, ...] = field(
        default=(),
        metadata=_spec(
            Storage.JSON, "the record's attachment links [{name, url}]; files: table attachments"
        ),
    )
    body_text: str = field(
        default="", metadata=_text("the cleaned notice text, one paragraph a line")
    )
    parser_version: str = field(
        metadata=_spec(Storage.LABEL, "version of the parser that made the record", length=40)
    )
    # record v2: where each value was read (pipelines/common/evidence.py; docs/record.md)
    evidence: dict[str, dict[str, Any]] = field(
        default_factory=dict,
        metadata=_spec(
            Storage.JSON,
            "field path -> where its value was read: {start, end} offsets into body_text, "
            "or {from: title | page meta | site, key}",
        ),
    )

    def to_dict(self) -> dict[str, Any]:
        """The contract JSON: every field, lists for sequences, nested objects as dicts."""
        data = asdict(self)
        data["inspection_kinds"] = list(self.inspection_kinds)
        data["problems"] = [asdict(p) for p in self.problems]
        data["accountability"] = [asdict(a) for a in self.accountability]
        data["money"] = [asdict(m) for m in self.money]
        data["contact"]["phones"] = list(self.contact.phones)
        data["contact"]["emails"] = list(self.contact.emails)
        data["attachments"] = [asdict(a) for a in self.attachments]
        return data


def spec(f: Field[Any]) -> Spec:
    """The declaration of a record field."""
    found = f.metadata[SPEC]
    assert isinstance(found, Spec)
    return found


def names(cls: type, *storages: Storage) -> tuple[str, ...]:
    """The fields of a record dataclass in declaration order; those stored so, if given."""
    return tuple(f.name for f in fields(cls) if not storages or spec(f).storage in storages)


def declared(cls: type, name: str) -> Spec:
    """The declaration of field `name` of a record dataclass."""
    (found,) = (f for f in fields(cls) if f.name == name)
    return spec(found)
