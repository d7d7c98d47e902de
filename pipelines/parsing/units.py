"""Who: the publisher, the inspected unit, the inspection team and what its name implies
(level, kinds, round), and the theme of a 专项 inspection."""

from __future__ import annotations

import re

from pipelines.parsing import regions
from pipelines.parsing.places import COUNTY_LEVEL_CITIES
from pipelines.parsing.vocab import (
    CLOSING_QUOTES,
    COMMITTEE_LEVELS,
    DEICTIC_UNITS,
    INSPECTING_VERBS,
    INSPECTION_KINDS,
    KINDS_AFTER_RECTIFICATION,
    OPENING_QUOTES,
    ORG_SUFFIXES,
    PARTY_BODIES,
    PARTY_ORGANS,
    alternation,
)

N = "一二三四五六七八九十百\\d"
_COMMITTEES = alternation(COMMITTEE_LEVELS)
# A term may name the committee's place: 七届桂林市委.
_COMMITTEE = (
    rf"(?:[{N}]{{1,3}}届(?:[\u4e00-\u9fa5]{{2,8}}?(?={_COMMITTEES}))?)?"
    rf"(?:{_COMMITTEES}|[\u4e00-\u9fa5]{{1,10}}?党[委组])"
)
# The round may carry its 巡视 before the team: 十二届省委第四轮巡视第二巡视组.
TEAM_RE = re.compile(
    rf"{_COMMITTEE}(?:巡[视察]工作领导小组办公室|巡[视察]办|巡[视察]工作办公室)?"
    rf"(?:第[{N}]{{1,3}}轮(?:巡[视察])?)?"
    rf"(?:第?[{N}]{{1,3}})?(?:专项|机动|提级|交叉|联动|常规)*巡[视察](?:第?[{N}]{{1,3}})?组"
)
_BARE_TEAM_RE = re.compile(
    rf"第[{N}]{{1,3}}(?:专项|机动|提级|交叉|联动)?巡[视察]组|巡[视察][{N}]{{1,3}}组"
)
ROUND_RE = re.compile(
    rf"(?:[{N}]{{1,3}}届)?{_COMMITTEES}第[{N}]{{1,3}}轮|\d{{4}}年度?第[{N}]{{1,3}}轮"
)
_BARE_ROUND_RE = re.compile(rf"第[{N}]{{1,3}}轮(?=巡[视察])")
_COMMITTEE_ONLY_RE = re.compile(
    rf"({_COMMITTEES})(?:[^，,。；]{{0,12}}?)巡[视察]|根据[^，,。；]{{0,10}}?({_COMMITTEES})[^，,。；]{{0,8}}?部署"
)
# What a generic 党委/党组 prefix may have swallowed before the unit's name; not 和/及/与, which
# are inside names (国家林业和草原局党组, 人力资源和社会保障局党组).
_TRIM_BEFORE = re.compile(r".*(?:由|经|根据|按照|对|在|向|是|的|,|，|、)")
_KIND_WORD = alternation(INSPECTION_KINDS)
_OPEN, _CLOSE = f"[{re.escape(OPENING_QUOTES)}]?", f"[{re.escape(CLOSING_QUOTES)}]?"
_KINDS_RE = re.compile(rf"((?:{_KIND_WORD}{_CLOSE}\s*(?:式|性)?[、和及与]?{_OPEN}){{1,4}})巡[视察]")
# After it: 巡察“回头看”; after its 整改, only a kind of the rectification's: 巡察整改「回头看」.
_KINDS_AFTER_RE = re.compile(
    rf"巡[视察](?:整改(?=(?:工作)?{_OPEN}{alternation(KINDS_AFTER_RECTIFICATION)}))?(?:工作)?"
    rf"{_OPEN}({_KIND_WORD})"
)
_TOPIC_RES = [
    re.compile(r"关于(?:对)?([^，,。；:]{2,16}?)(?:工作|领域|问题)?(?:的)?专项巡[视察]"),
    re.compile(
        r"(?:开展了?|进行了?|实施了?)([^，,。；:]{2,16}?)(?:工作|领域|问题)?(?:的)?专项巡[视察]"
    ),
]
_TOPIC_STRIP = re.compile(rf"^(?:{_COMMITTEES}|中共|关于|对)+|(?:{_KIND_WORD}|[“”\"'‘’])")
ORG_SUFFIX = alternation(ORG_SUFFIXES)
ORG_RE = re.compile(rf"^[\u4e00-\u9fa5A-Za-z()“”]{{2,40}}{ORG_SUFFIX}$")
_DEICTIC_RE = re.compile(rf"^(?:我|本){alternation(DEICTIC_UNITS)}{alternation(PARTY_ORGANS)}?$")
_ASIDE_RE = re.compile(r"\((?:以下)?简称[^)]{0,20}\)|“[^”]{0,12}”简称")
_INSPECTING = alternation(INSPECTING_VERBS) + "了?"
_INSPECTED_RE = re.compile(
    rf"对\s*([^，,。；:“”]{{2,40}}?)\s*(?:党组织|领导班子)?\s*{_INSPECTING}[^。；]{{0,20}}?巡[视察]"
)
# The unit a team inspected while it was inspecting another (对Y进行了延伸巡察, 延伸巡察了Y) or
# raised to its own level (对Y开展了提级巡察).
_EXTENDED_RE = re.compile(
    rf"对\s*([^，,。；:“”]{{2,40}}?)\s*(?:党组织|领导班子)?\s*{_INSPECTING}"
    r"[^。；，,]{0,12}?(?:延伸|提级)巡[视察]"
    r"|(?:延伸|提级)巡[视察](?:了|至|到)\s*([^，,。；:“”]{2,30}?)\s*(?:党组织|领导班子)?"
    r"(?=[，,。；;]|并|$)"
)
# The first inspection named as the occasion of the second: 在对X开展巡察期间/时/过程中，…
_OCCASION_RE = re.compile(r"^[^。；，,]{0,4}(?:期间|之际|过程中|时|中)")
_FEEDBACK_TO_RE = re.compile(
    r"向\s*([^，,。；:]{2,30}?)\s*(?:党组织|领导班子)?\s*(?:反馈|进行了反馈)"
)
_STATIONED_RE = re.compile(r"进驻\s*([^，,。；:]{2,30}?)\s*(?:开展|进行|,|，)")
_PARTY_ORGAN = alternation(PARTY_BODIES)
_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
# Where a value was read (pipelines/parsing/located.py): a committee named, a deictic unit.
COMMITTEE_WORD_RE = re.compile(_COMMITTEES)
DEICTIC_MENTION_RE = re.compile(
    rf"(?:我|本){alternation(DEICTIC_UNITS)}{alternation(PARTY_ORGANS)}?"
)


def find_team(text: str) -> str | None:
    """The first inspection team named, e.g. 七届市委第十二轮巡察一组, 市委巡察办第一巡察组;
    a team named without its committee (第一巡察组) is kept as written."""
    match = TEAM_RE.search(text)
    if not match:
        bare = _BARE_TEAM_RE.search(text)
        return bare.group(0) if bare else None
    team = match.group(0)
    if not re.match(rf"(?:[{N}]{{1,3}}届)?{_COMMITTEES}", team):
        team = _TRIM_BEFORE.sub("", team)  # a generic 党委 prefix may have swallowed text
    elif team.startswith("市委"):
        team = _city_before(text[: match.start()]) + team
    return team if len(team) >= 4 else None


def _city_before(text: str) -> str:
    """The city a 市委 team is named with, as written: 义乌市委…, 中共重庆市委… (a known
    county-level city or a municipality, so no other word is taken for a name)."""
    for size in (5, 4, 3, 2):
        name = text[-size:]
        if name in COUNTY_LEVEL_CITIES or name in _MUNICIPALITIES:
            prefix = text[:-size]
            return ("中共" if prefix.endswith("中共") else "") + name
    return ""


def find_round(text: str) -> str | None:
    """七届市委第十二轮, 2023年第一轮, else a bare 第三轮 as written."""
    match = ROUND_RE.search(text) or _BARE_ROUND_RE.search(text)
    return match.group(0) if match else None


def committee_of(team: str) -> bool:
    """The team's name says which committee sent it (市委第一巡察组, 局党组巡察组)."""
    return COMMITTEE_WORD_RE.search(team) is not None or re.search("党[委组]", team) is not None


def committee_level(team: str | None, context: str) -> str | None:
    """Rank of the committee that sent the team (see the contract's inspection_level)."""
    committee = None
    if team:
        match = re.search(_COMMITTEES, team)
        committee = match.group(0) if match else ("other" if re.search("党[委组]", team) else None)
    if committee is None:
        match = _COMMITTEE_ONLY_RE.search(context)
        committee = (match.group(1) or match.group(2)) if match else None
    if committee is None:
        return None
    if committee == "市委":
        city = _first_city(team or "") or _first_city(context) or ""
        if city.endswith(_MUNICIPALITIES):
            return "provincial"
        if city in COUNTY_LEVEL_CITIES:
            return "county"
    return COMMITTEE_LEVELS.get(committee, "other")


def _first_city(text: str) -> str | None:
    """The city named first (X市, X市委): the one whose 市委 the text means; words before a
    市 that name no city (根据市委, 全市) are passed over."""
    full = regions.divisions().full
    for match in re.finditer("市", text):
        before = text[max(0, match.start() - 5) : match.start()]
        for size in (5, 4, 3, 2):
            if before[-size:] in COUNTY_LEVEL_CITIES or f"{before[-size:]}市" in full:
                return before[-size:]
    return None


def find_kinds(text: str) -> tuple[str, ...]:
    """Kinds named next to 巡视/巡察 (also inside a team name), in contract order."""
    found: set[str] = set()
    for match in _KINDS_RE.finditer(text):
        found.update(k for k in INSPECTION_KINDS if k in match.group(1))
    for match in _KINDS_AFTER_RE.finditer(text):
        found.add(match.group(1))
    return tuple(k for k in INSPECTION_KINDS if k in found)


def find_topic(title: str | None, opening: str) -> str | None:
    """Theme of a 专项 inspection: 关于脱贫攻坚专项巡察…, 进行了脱贫攻坚工作专项巡察."""
    for text in (title or "", opening):
        for pattern in _TOPIC_RES:
            match = pattern.search(text)
            if not match:
                continue
            topic = _TOPIC_STRIP.sub("", match.group(1)).strip()
            topic = re.sub(r"(?:工作|领域)$", "", topic)
            if len(topic) >= 2 and not re.search(r"[巡\d]|对|的$", topic):
                return topic
    return None


def is_org_name(line: str) -> bool:
    return ORG_RE.match(line) is not None and not re.search(r"[。，,；;:：]", line)


def publisher_from_title(title: str | None) -> str | None:
    """中共淮南市委统一战线工作部关于… -> the part before 关于 (or before 巡察/巡视)."""
    if not title:
        return None
    head = re.split(r"关于|对(?=[^，,]{0,20}巡)|巡[视察]", title, maxsplit=1)[0].strip()
    return head if is_org_name(head) else None


def inspected_unit(opening: str, publisher: str | None) -> str | None:
    """The object of 对…开展了巡察 (or 向…反馈 / 进驻…); 我单位-style deictics -> publisher.
    When the team inspected Y while inspecting X (在对X开展巡察期间，对Y进行了延伸巡察), Y."""
    opening = _ASIDE_RE.sub("", opening)
    extended = _extended_unit(opening, publisher)
    if extended is not None:
        return extended or None
    for pattern in (_INSPECTED_RE, _STATIONED_RE, _FEEDBACK_TO_RE):
        match = pattern.search(opening)
        if not match:
            continue
        unit = _trim_work_topic(match.group(1).strip())
        if _DEICTIC_RE.match(unit):
            return _resolve_deictic(unit, publisher)
        if re.search(r"[巡察视]组|\d", unit):
            continue
        return unit
    return None


def _resolve_deictic(deictic: str, publisher: str | None) -> str | None:
    """我局党组 -> the publisher as named; 我单位/我局 -> the unit itself, without 中共 and the
    party organ (中共咸宁市红十字会党组 -> 咸宁市红十字会)."""
    if publisher is None or re.search(_PARTY_ORGAN, deictic):
        return publisher
    unit = re.sub(rf"^中共|(?:{_PARTY_ORGAN})$", "", publisher)
    return unit if len(unit) >= 2 else publisher


def _trim_work_topic(unit: str) -> str:
    """市委统战部脱贫攻坚工作 -> 市委统战部: cut a trailing '…工作' after the last unit suffix."""
    if not unit.endswith("工作"):
        return unit
    for end in range(len(unit) - 2, 1, -1):
        if re.fullmatch(rf".+{ORG_SUFFIX}", unit[:end]):
            return unit[:end]
    return unit


def _extended_unit(opening: str, publisher: str | None) -> str | None:
    """The unit of a 延伸/提级 inspection named after the first inspection (对X…巡察), in its
    sentence, when it is the notice's: X's inspection is its occasion (在对X开展巡察期间，对Y进行
    了延伸巡察) and the publisher does not say otherwise, or the publisher is Y and not X. With
    no 对X…巡察 before it, Y when the publisher is Y. '' when Y is a deictic with no publisher
    to name it; None when the first inspection's unit stands."""
    first = _INSPECTED_RE.search(opening)
    for match in _EXTENDED_RE.finditer(opening, first.end() if first else 0):
        if first and "。" in opening[first.end() : match.start()]:
            break
        unit = _trim_work_topic((match.group(1) or match.group(2)).strip())
        if _DEICTIC_RE.match(unit):
            return _resolve_deictic(unit, publisher) or ""
        if unit.startswith("我") or re.search(r"[巡察视]组|\d", unit):
            continue
        if first is None:  # 在巡视某市过程中，延伸巡视了Y: Y when the publisher is Y
            return unit if _is_publisher(unit, publisher) else None
        occasion = _OCCASION_RE.search(opening[first.end() : match.start()]) is not None
        ours = _is_publisher(unit, publisher)
        other = _trim_work_topic(first.group(1).strip())
        theirs = _DEICTIC_RE.match(other) is not None or _is_publisher(other, publisher)
        if (ours and not theirs) or (occasion and ours == theirs):
            return unit
    return None


def _is_publisher(unit: str, publisher: str | None) -> bool:
    """The publisher is this unit: its name ends with the unit's (区农业农村局 and 中共宜宾市
    叙州区农业农村局党组), the party organ and a leading 市/区/县 aside."""
    if not publisher:
        return False
    organ = rf"(?:{_PARTY_ORGAN}|支部委员会|总支部委员会)$"
    name = re.sub(organ, "", re.sub(r"^中共", "", publisher))
    core = re.sub(organ, "", re.sub(r"^中共", "", unit))
    if len(core) > 3 and core[0] in "省市区县州旗盟镇乡":
        core = core[1:]
    return len(core) >= 2 and name.endswith(core)
