"""Feedback news: the item a site publishes when an inspection team reports its findings to the
inspected unit (省委第三巡视组向某某市委反馈巡视情况, 十一届市委第五轮巡察反馈会议召开). Each unit
fed back is one event, with the team and committee, the round and the feedback date, and where
each value was read. `notices link` joins the events to the inspections of the notices, so an
inspection known only by its feedback (never disclosed) is counted too (docs/linking.md).

The round, committee and unit key are read by record v2's own helpers (units_fields), so an
event keys and compares exactly as a notice of the same unit does.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pipelines.common.cleaned import PageMeta
from pipelines.common.evidence import Elsewhere, Evidence, Span
from pipelines.parsing.dates import find_dates
from pipelines.parsing.rounds import find_rounds
from pipelines.parsing.units import ORG_SUFFIX, committee_level, find_team
from pipelines.parsing.units_fields import units_fields
from pipelines.parsing.vocab import alternation

# -- the words (data) ------------------------------------------------------------------------------

# Patterns (regular expressions) where a list says so; plain words elsewhere.
# A title that announces the feedback: 反馈巡察情况, 巡视反馈会, 巡察情况反馈.
FEEDBACK_TITLE_WORDS = (r"反馈.{0,6}巡[视察](?:工作)?(?:情况|意见)", r"巡[视察].{0,12}反馈")
# A title of what is not the feedback itself: a meeting or report on rectification, a findings
# disclosure (公布巡察发现问题), a notice or a circular. Only what comes before a 暨 counts: a
# 反馈会暨整改动员会 is the feedback, with the rectification's start joined to it.
NOT_FEEDBACK_TITLE_WORDS = ("整改", "公布", "公开", "清单", "发现问题", "通报", "方案", "报告")
TITLE_JOINED = "暨"
# A text that publishes itself is a notice, not news of the feedback.
OWN_REPORT_WORDS = (r"(?:现|特|兹)(?:将|就|把)", r"情况(?:予以|向社会)?(?:公布|公开|通报)如下")
# Who is fed back, besides the unit: its leaders.
ADDRESSEES = ("主要负责同志", "主要负责人", "领导班子", "党组织")
# What a unit's place in the sentence may hold that names no unit (各被巡察党组织, 我局, a person:
# 党组书记张三).
NOT_UNITS = (
    r"^(?:被巡[视察]|各|有关|相关|该|我|本|其)",
    r"巡[视察]",
    r"\d",
    r"书记|局长|主任|县长|市长|区长|同志",
)
# Between the unit and the feedback: 进行了, 集中, 分别.
FEEDBACK_VERB = r"(?:分别|集中|专题|进行了?|开展了?)*\s*"
UNIT_SEPARATORS = "、"  # 向A、B和C反馈; 和/及 split only after a unit's suffix
UNIT_JOINERS = ("以及", "和", "及", "与")
EVENT_CHARS = 2000  # the feedback is told in the first paragraphs

# -- the patterns ----------------------------------------------------------------------------------

_FEEDBACK_TITLE = re.compile("|".join(FEEDBACK_TITLE_WORDS))
_NOT_FEEDBACK_TITLE = re.compile(alternation(NOT_FEEDBACK_TITLE_WORDS))
_OWN_REPORT = re.compile("|".join(OWN_REPORT_WORDS))
_ADDRESSEE = alternation(ADDRESSEES)
_UNITS = r"[^。；;：:，,“”\n巡]{2,120}?"
_EVENT_RES = (
    # 向A、B和C党组反馈巡察情况 / 反馈了巡视意见 / 进行了巡察反馈
    re.compile(
        rf"向\s*(?P<units>{_UNITS})\s*(?:{_ADDRESSEE})?\s*{FEEDBACK_VERB}"
        r"(?:反馈了?[^。；;，,]{0,20}?巡[视察]|巡[视察](?:工作)?(?:情况|意见)?\s*反馈)"
    ),
    # 对A进行巡察反馈, 对A反馈巡察情况
    re.compile(
        rf"对\s*(?P<units>{_UNITS})\s*(?:{_ADDRESSEE})?\s*{FEEDBACK_VERB}"
        r"(?:反馈了?[^。；;，,]{0,20}?巡[视察](?:工作)?(?:情况|意见)|巡[视察](?:工作)?(?:情况|意见)?\s*反馈)"
    ),
    # 巡视A党委情况反馈会
    re.compile(rf"巡[视察]\s*(?P<units>[^。；;，,\n巡]{{2,40}}?{ORG_SUFFIX})\s*(?:工作)?情况反馈"),
)
_NOT_UNIT = re.compile("|".join(NOT_UNITS))
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_SPLIT = re.compile(rf"[{UNIT_SEPARATORS}]")
_JOINER = re.compile(alternation(UNIT_JOINERS))
_ENDS_AS_UNIT = re.compile(rf"{ORG_SUFFIX}$")
_FEEDBACK_WORD = re.compile("反馈")


@dataclass(frozen=True, slots=True)
class FeedbackEvent:
    """One unit fed back, as the news tells it; `evidence` maps each field named here that has a
    value to where it was read (a Span into the text, or the title, or the page's date)."""

    unit: str
    unit_key: str | None = None  # record v2's key of the unit
    team: str | None = None  # the team as written (市委第一巡察组)
    team_number: int | None = None
    committee: str | None = None
    inspection_level: str | None = None
    term: int | None = None
    round: int | None = None
    round_year: int | None = None
    feedback_date: str | None = None  # partial ISO date
    evidence: dict[str, Evidence] = field(default_factory=dict)


def is_feedback_news(title: str | None, text: str) -> bool:
    """A title announcing the feedback (and no rectification), or without a title a lead that
    tells it; never a text that publishes itself."""
    if _OWN_REPORT.search(text[:EVENT_CHARS]):
        return False
    if title:
        return feedback_title(title)
    return any(p.search(text[:EVENT_CHARS]) for p in _EVENT_RES)


def feedback_title(title: str) -> bool:
    """The title announces the feedback, not a rectification, a disclosure or a notice."""
    own = title.split(TITLE_JOINED, 1)[0]
    return bool(_FEEDBACK_TITLE.search(title)) and not _NOT_FEEDBACK_TITLE.search(own)


def feedback_events(
    title: str | None, text: str, page_date: str | None, region_code: str | None = None
) -> list[FeedbackEvent]:
    """The events of a feedback-news page (none for any other page). `text` is its body,
    `page_date` its publication day ('YYYY-MM-DD'), `region_code` its site's region (GB/T 2260)."""
    if not is_feedback_news(title, text):
        return []
    found = _mentions(text[:EVENT_CHARS], True) or _mentions(title or "", False)
    events: list[FeedbackEvent] = []
    for mention in found:
        for unit, span in mention.units:
            event = _event(unit, span, mention, title, text, page_date, region_code)
            same = next((i for i, e in enumerate(events) if _same_unit(event, e)), None)
            if same is None:
                events.append(event)
            elif _dated_in_text(event) and not _dated_in_text(events[same]):
                events[same] = event  # a text repeating its title, then telling the day
    return events


def _dated_in_text(event: FeedbackEvent) -> bool:
    return isinstance(event.evidence.get("feedback_date"), Span)


def _same_unit(later: FeedbackEvent, earlier: FeedbackEvent) -> bool:
    """The unit named again: alike, by its key, or by the end of its name (宣城市委 … 向市委领导
    班子反馈)."""
    if later.unit_key is not None and later.unit_key == earlier.unit_key:
        return True
    return earlier.unit.endswith(later.unit)


@dataclass(frozen=True, slots=True)
class _Mention:
    """One sentence telling the feedback: its units, its text and where it begins."""

    units: list[tuple[str, Evidence]]
    sentence: str
    in_text: bool  # read from the text (else from the title)
    begin: int  # where the sentence begins in what it was read from


def _mentions(source: str, in_text: bool) -> list[_Mention]:
    """Every phrasing's matches, in the order of the text; one that overlaps an earlier is not."""
    matches = sorted(
        (m for pattern in _EVENT_RES for m in pattern.finditer(source)), key=lambda m: m.start()
    )
    mentions: list[_Mention] = []
    done = 0
    for match in matches:
        if match.start() < done:
            continue
        units = _units(match, in_text)
        if units:
            begin = _sentence_start(source, match.start())
            mentions.append(_Mention(units, source[begin : match.end()], in_text, begin))
            done = match.end()
    return mentions


def _sentence_start(text: str, at: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    return ends[-1] if ends else 0


def _units(match: re.Match[str], in_text: bool) -> list[tuple[str, Evidence]]:
    """向A、B和C党组: each unit with its span (a 和/及 inside a name, 人力资源和社会保障局, stays)."""
    start = match.start("units")
    raw = match.group("units")
    out: list[tuple[str, Evidence]] = []
    pieces: list[tuple[int, str]] = []
    position = 0
    for part in _SPLIT.split(raw):
        pieces.extend(_joined(start + position, part))
        position += len(part) + 1
    for at, piece in pieces:
        name = piece.strip()
        if len(name) < 2 or _NOT_UNIT.search(name):
            continue
        lead = len(piece) - len(piece.lstrip())
        begin = at + lead
        evidence = Span(begin, begin + len(name)) if in_text else Elsewhere("title")
        out.append((name, evidence))
    return out


def _joined(at: int, part: str) -> list[tuple[int, str]]:
    for joiner in _JOINER.finditer(part):
        left = part[: joiner.start()]
        if _ENDS_AS_UNIT.search(left.strip()):
            rest = _joined(at + joiner.end(), part[joiner.end() :])
            return [(at, left), *rest]
    return [(at, part)]


def _event(
    unit: str,
    unit_evidence: Evidence,
    mention: _Mention,
    title: str | None,
    text: str,
    page_date: str | None,
    region_code: str | None,
) -> FeedbackEvent:
    head = text[:EVENT_CHARS]
    team = find_team(mention.sentence) or find_team(head) or find_team(title or "")
    level = committee_level(team, head)
    meta = PageMeta(title=title, published=page_date, region_code=region_code)
    v2 = units_fields(
        text,
        0,
        title,
        meta,
        signed_date=None,
        inspected_unit=unit,
        publisher=None,
        county_level=level == "county",
    )
    values: dict[str, Any] = {"unit": unit}
    evidence: dict[str, Evidence] = {"unit": unit_evidence}
    for name, key in (
        ("unit_key", "unit_key"),
        ("committee", "inspecting_committee"),
        ("term", "term"),
        ("round", "round"),
        ("round_year", "round_year"),
        ("team_number", "team_number"),
    ):
        if key in v2.values:
            values[name] = v2.values[key]
            evidence[name] = v2.evidence[key]
    own = find_rounds(mention.sentence).team_number  # this sentence's team, not the first one
    if own is not None:
        values["team_number"] = own.value
        evidence["team_number"] = _in_text(own.evidence, mention)
    if team:
        values["team"] = team
        evidence["team"] = _where(team, mention, text, title)
    if level:
        values["inspection_level"] = level
        evidence["inspection_level"] = evidence.get("team", Elsewhere("site"))
    when = _feedback_date(mention, text, page_date)
    if when is not None:
        values["feedback_date"], evidence["feedback_date"] = when
    return dataclasses.replace(FeedbackEvent(unit), **values, evidence=evidence)


def _in_text(found: Evidence, mention: _Mention) -> Evidence:
    if not mention.in_text or not isinstance(found, Span):
        return Elsewhere("title")
    return found.shifted(mention.begin)


def _where(value: str, mention: _Mention, text: str, title: str | None) -> Evidence:
    if mention.in_text:
        at = text.find(value, mention.begin)
        if at < 0:
            at = text.find(value)
        if at >= 0:
            return Span(at, at + len(value))
    return Elsewhere("title") if title and value in title else Elsewhere("site")


def _feedback_date(
    mention: _Mention, text: str, page_date: str | None
) -> tuple[str, Evidence] | None:
    """The date written closest before the unit in the sentence that tells the feedback, else
    in an earlier sentence of its paragraph about the feedback (2024年5月20日，…反馈会议召开。
    巡察组向…); for an event read from the title, the first sentence about the feedback. A year
    left out is the page's. Else the page's date (近日，日前)."""
    page = date.fromisoformat(page_date) if page_date else None
    for start, end in _date_windows(mention, text):
        hits = [h for h in find_dates(text[start:end]) if h.month is not None]
        for hit in reversed(hits):
            iso = hit.iso(hit.year or _year_for(hit.month, page))
            if iso and (page is None or iso <= page.isoformat()):
                return iso, Span(start + hit.start, start + hit.end)
    if page is not None:
        return page.isoformat(), Elsewhere("page meta")
    return None


def _date_windows(mention: _Mention, text: str) -> list[tuple[int, int]]:
    head = text[:EVENT_CHARS]
    if not mention.in_text:
        match = _FEEDBACK_WORD.search(head)
        if match is None:
            return []
        begin = _sentence_start(head, match.start())
        stop = _SENTENCE_END.search(head, match.end())
        return [(begin, stop.start() if stop else len(head))]
    windows = [(mention.begin, mention.begin + len(mention.sentence))]
    end = mention.begin
    while end > 0 and head[end - 1] != "\n":
        begin = _sentence_start(head, end - 1)
        if _FEEDBACK_WORD.search(head, begin, end):
            windows.append((begin, end))
        end = begin
    return windows


def _year_for(month: int | None, page: date | None) -> int | None:
    """A month written without its year is of the page's year, or the year before when it is
    later than the page's month (news of a December feedback published in January)."""
    if page is None or month is None:
        return None
    return page.year - 1 if month > page.month else page.year
