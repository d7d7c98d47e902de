"""Which notices report on the same inspection: pure rules over a few fields of each notice.

One inspection yields a feedback, then a 集中整改进展 notice, sometimes a later 整改完成 or 回头看
notice, often reposted on several sites. `link` groups notices into inspections; docs/linking.md
states the rules, and tests/models/test_linking.py holds them to hand-made groups:

1. Only notices of one unit are compared: the same `unit_key` (record v2: the region code and the
   unit's normalised name), or, for a notice without one, the same site region and normalised
   inspected unit (中共 and the 党委/党组/领导班子 endings dropped).
2. Two notices of one unit are of different inspections as soon as one fact differs: the term or
   the round (both stated), the round's year, the inspecting committee, or the feedback date or
   start of the inspection more than `DATE_SLACK_DAYS` apart.
3. They are of the same inspection when nothing differs and one fact ties them: the same round
   (term and round, or the round's year and committee), the same feedback or start date, or the
   same text (a repost).
4. A notice joins the first inspection of its unit (in publication order) that it ties to and
   contradicts no member of; otherwise it starts one. A notice that ties to nothing stands alone:
   an unknown is never a match.
5. Its stage is the record's report phase; a notice whose text another member published earlier
   is a `repost`.

Feedback-news events (pipelines/parsing/feedback_news.py: a team reporting its findings to one
unit) are grouped by the same rules, their feedback date as the date they state; an event that
no notice joins is an inspection never disclosed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

DATE_SLACK_DAYS = 31  # one feedback or start date written a few days apart by two reports
REPOST = "repost"
# A unit's name without what varies between two notices about it.
_UNIT_PREFIX = re.compile(r"^(?:中国共产党|中共)")
_UNIT_SUFFIX = re.compile(r"(?:党委|党组|党工委|党总支|党支部|领导班子|党组织)+$")
_NOT_NAME = re.compile(r"[\s“”\"'‘’《》()（）·•、，,.。]")
_FINGERPRINT_LINE = 30  # characters a line needs to identify a text
_FINGERPRINT_KEEP = re.compile(r"[\u3400-\u9fff0-9]")


@dataclass(frozen=True, slots=True)
class LinkInput:
    """What the rules read of one notice, or of one feedback-news event."""

    notice_id: int  # the notice's id; an event's own number when `event`
    published: date | None
    unit_key: str | None = None  # record v2
    region: str | None = None  # the site's region (the fallback key's scope)
    inspected_unit: str | None = None
    committee: str | None = None  # record v2 inspecting_committee
    term: int | None = None
    round: int | None = None
    round_year: int | None = None
    feedback: str | None = None  # partial ISO date
    start: str | None = None  # partial ISO date
    phase: str | None = None  # record v2 report_phase
    fingerprint: str | None = None  # of its text: `fingerprint(body)`
    event: bool = False  # a feedback-news event, not a notice: no stage, never a repost


@dataclass(slots=True)
class Inspection:
    key: str
    members: list[LinkInput] = field(default_factory=list)
    stages: dict[int, str | None] = field(default_factory=dict)  # notice id -> stage
    events: list[int] = field(default_factory=list)  # its feedback-news events' numbers


def unit_name(name: str) -> str:
    """A unit's name as the rules compare it."""
    text = _NOT_NAME.sub("", unicodedata.normalize("NFKC", name))
    return _UNIT_SUFFIX.sub("", _UNIT_PREFIX.sub("", text))


def unit_of(notice: LinkInput) -> str | None:
    """The key that decides which notices are compared at all (rule 1); None: no unit known."""
    if notice.unit_key:
        return notice.unit_key
    if notice.inspected_unit and (name := unit_name(notice.inspected_unit)):
        return f"{notice.region or ''}|{name}"
    return None


def fingerprint(text: str | None) -> str | None:
    """The text's identity across reposts: its first long line, ideographs and digits only (a
    repost adds a 来源 line, drops the title or changes spaces and punctuation)."""
    for line in (text or "").splitlines():
        kept = "".join(_FINGERPRINT_KEEP.findall(unicodedata.normalize("NFKC", line)))
        if len(kept) >= _FINGERPRINT_LINE:
            return hashlib.sha256(kept.encode()).hexdigest()[:16]
    return None


def _day(partial: str | None) -> date | None:
    """A partial ISO date's first day ('2024-05' -> 2024-05-01)."""
    if not partial:
        return None
    try:
        parts = [int(p) for p in partial.split("-")[:3]]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None


def _apart(a: str | None, b: str | None) -> bool:
    da, db = _day(a), _day(b)
    return da is not None and db is not None and abs((da - db).days) > DATE_SLACK_DAYS


def _differ(a: object, b: object) -> bool:
    return a is not None and b is not None and a != b


def contradicts(a: LinkInput, b: LinkInput) -> bool:
    """Rule 2: a stated fact differs."""
    return (
        _differ(a.term, b.term)
        or _differ(a.round, b.round)
        or _differ(a.round_year, b.round_year)
        or _differ(a.committee and unit_name(a.committee), b.committee and unit_name(b.committee))
        or _apart(a.feedback, b.feedback)
        or _apart(a.start, b.start)
    )


def ties(a: LinkInput, b: LinkInput) -> bool:
    """Rule 3: a stated fact is shared (call only when `contradicts` is false)."""
    same_round = a.round is not None and a.round == b.round
    return (
        (same_round and a.term is not None and a.term == b.term)
        or (same_round and a.round_year is not None and a.round_year == b.round_year)
        or (same_round and a.committee is not None and b.committee is not None)
        or (a.feedback is not None and b.feedback is not None)
        or (a.start is not None and b.start is not None)
        or (a.fingerprint is not None and a.fingerprint == b.fingerprint)
    )


def link(notices: Iterable[LinkInput]) -> list[Inspection]:
    """Rules 4 and 5: inspections in order of their first notice."""
    by_unit: dict[str, list[LinkInput]] = {}
    for notice in notices:
        key = unit_of(notice)
        if key is not None:
            by_unit.setdefault(key, []).append(notice)
    found: list[Inspection] = []
    for key, group in by_unit.items():
        group.sort(key=_order)
        mine: list[Inspection] = []
        for notice in group:
            home = next((i for i in mine if _joins(notice, i.members)), None)
            if home is None:
                home = Inspection(key)
                mine.append(home)
            _add(home, notice)
        found.extend(mine)
    found.sort(key=lambda i: _order(i.members[0]))
    return found


def _order(notice: LinkInput) -> tuple[date, bool, int]:
    """Publication order; the feedback news of a day before that day's notices."""
    return (notice.published or date.max, not notice.event, notice.notice_id)


def _joins(notice: LinkInput, members: Sequence[LinkInput]) -> bool:
    return not any(contradicts(notice, m) for m in members) and any(
        ties(notice, m) for m in members
    )


def _add(inspection: Inspection, notice: LinkInput) -> None:
    if notice.event:
        inspection.events.append(notice.notice_id)
        inspection.members.append(notice)
        return
    repost = notice.fingerprint is not None and any(
        m.fingerprint == notice.fingerprint for m in inspection.members
    )
    inspection.stages[notice.notice_id] = REPOST if repost else notice.phase
    inspection.members.append(notice)
