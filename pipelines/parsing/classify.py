"""Is this a rectification notice? It speaks in the publishing unit's own voice and reports its
rectification; news of a 动员会/反馈会, an audit 整改 公示, a findings disclosure and an article
about a notice open with the same sentences but are not notices."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from pipelines.common.pointer import short_enough_to_point
from pipelines.parsing.outline import classify_marker
from pipelines.parsing.vocab import (
    ARTICLE_GENRES,
    CASE_REPORT_WORDS,
    FEEDBACK_NEWS_WORDS,
    FEEDBACK_OBJECTS,
    FINDINGS_TALK,
    FIRST_PERSON_UNITS,
    INSPECTING_VERBS,
    MEETING_TALK,
    MEETING_WORDS,
    NEWS_MARKERS,
    NEWS_OF_NOTICE,
    NOTICE_FORMS,
    PLAN_WORDS,
    PROGRESS_WORDS,
    PUBLISHED_VERBS,
    RECTIFIED_WORDS,
    REFERRED_UNITS,
    alternation,
)

_INSPECTION = re.compile(r"巡[视察]")
_TITLE_NOTICE = re.compile(
    rf"巡[视察].{{0,20}}整改.{{0,16}}{alternation((*PROGRESS_WORDS, *NOTICE_FORMS))}|"
    rf"整改.{{0,10}}{alternation(PROGRESS_WORDS)}.{{0,6}}(?:的)?{alternation(NOTICE_FORMS)}"
)
_OWN_REPORT = re.compile(
    r"(?:现|特|兹)(?:将|就|把|对).{0,30}整改.{0,30}(?:予以|进行|向社会|如下|公布|公开|通报|报告)|"
    r"(?:整改|落实).{0,12}情况(?:予以|向社会)?(?:公布|公开|通报|报告)如下|"
    r"整改.{0,15}情况(?:予以|向社会)(?:公布|公开|通报)|"
    # 现将有关情况通报如下: after an opening that named the inspection, the report is its own
    r"(?:现|特|兹)(?:将|就|把)(?:有关|相关)?(?:情况|进展情况)(?:予以|向社会)?(?:公布|公开|通报|报告)"
)
# A notice's own text names its inspection and the feedback in its first lines, with or without
# its title: 巡察组对…开展了常规巡察 … 反馈了巡察意见.
_OPENING_CHARS = 800
_INSPECTED = re.compile(rf"{alternation(INSPECTING_VERBS)}了?[^。；]{{0,20}}?巡[视察]")
# the feedback as an event (反馈了巡察意见, 向我局反馈巡察情况), not 对照巡察反馈问题
_OBJECT = alternation(FEEDBACK_OBJECTS)
_FED_BACK = re.compile(
    rf"反馈了[^。；]{{0,16}}?{_OBJECT}|向[^。；，,]{{1,30}}?反馈[^。；]{{0,16}}?{_OBJECT}"
    rf"|于[^。；，,]{{2,16}}?反馈[^。；]{{0,16}}?{_OBJECT}"
)
_RECTIFIED = re.compile(alternation(RECTIFIED_WORDS))
# News of a meeting (its lead says what was said there), of the feedback (the team's voice), or
# the circular issuing a plan: what a text without its title still shows in its first lines.
_MEETING_TALK = re.compile(alternation(MEETING_TALK))
_FINDINGS_VOICE = re.compile(
    rf"{alternation(FEEDBACK_NEWS_WORDS, bare=True)}|"
    rf"(?:^|[。；，,\n])巡[视察]组?(?:组长)?{alternation(FINDINGS_TALK)}[，,:：]"
)
# A text that publishes itself says so (现将…); a news item's 整改情况向社会公开 is a demand.
_PUBLISHES = re.compile(r"(?:现|特|兹)(?:将|就|把)")
_PLAN_CIRCULAR = re.compile(r"现将《[^《》]{0,80}方案》印发|印发给你们")
_LEAD_CHARS = 400
_INVITES_SUPERVISION = re.compile(r"欢迎.{0,30}(?:监督|提出意见|反映)")
_PUBLISHED = alternation(PUBLISHED_VERBS)
_NEWS = re.compile(
    rf"{alternation(NEWS_MARKERS, bare=True)}|讯[(（]|日前[，,].{{0,40}}{_PUBLISHED}了|"
    rf"该{alternation(REFERRED_UNITS)}(?:党组|党委)?|"
    rf"{_PUBLISHED}了.{{0,30}}整改(?:进展)?情况"
)
_MEETING_TITLE = re.compile(alternation((*MEETING_WORDS, *NEWS_OF_NOTICE)))
_AUDIT = re.compile(r"审计")
_PLAN_TITLE = re.compile(alternation(PLAN_WORDS))
# A call for comments (公开征求《…整改方案（征求意见稿）》意见) publishes a draft, not a report.
_CONSULTATION = re.compile(r"征求.{0,60}意见|征求意见稿")
# A column's list page: line after line of a notice's title and its date.
_LISTED_TITLE = re.compile(
    rf".{{6,100}}{alternation((*NOTICE_FORMS, '情况'))}"
    r"\s+\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?"
)
_LIST_MIN = 3
_FEEDBACK_TITLE = re.compile(r"反馈.{0,4}巡[视察](?:情况|意见)|巡[视察](?:情况|意见)?反馈")
_RECTIFICATION = re.compile(r"整改")
# A page whose whole body points to its attachment: 现将《…整改情况的通报》予以公布，详见附件。
_POINTER = re.compile(r"(?:详见|见|请(?:查阅|查看|下载))(?:下方)?附件|附件(?:如下|为准)")
_QUOTED_NAME = re.compile(r"《([^《》]{6,100})》")
_INSPECTION_NOTICE_TITLE = re.compile(
    r"巡[视察].{0,20}整改(?:落实|工作)?(?:进展)?(?:情况|进展)|巡[视察].{0,20}整改.{0,6}(?:通报|报告|公开稿)"
)
_ARTICLE_TITLE = re.compile(alternation(ARTICLE_GENRES))
# A notice is the inspected unit's own report; the inspection office reporting on several
# units' rectification (各被巡察党组织…, 对县教育局等6个单位) is not one.
_INSPECTION_OFFICE = re.compile(r"巡[视察](?:工作)?(?:领导小组)?(?:办公室|办)$")
_MANY_UNITS = re.compile(
    r"各被巡[视察](?:党组织|单位)|等\s*[\d一二三四五六七八九十]+\s*(?:个|家)(?:单位|部门|党组织|乡镇)"
)
# A report of cases: 通报3起巡察整改不力典型问题 (title or lead), 整改不力典型问题的通报 (title).
_CASES = alternation(CASE_REPORT_WORDS)
_CASE_COUNT = re.compile(rf"[\d一二三四五六七八九十]+\s*起[^。；;\n]{{0,24}}?{_CASES}")
_CASE_TITLE = re.compile(rf"整改[^。；;\n]{{0,8}}?{_CASES}")
_FIRST_PERSON = re.compile(rf"我{alternation(FIRST_PERSON_UNITS)}|本单位")


@dataclass(frozen=True, slots=True)
class Decision:
    """Whether a page is a notice, and the id of the rule that decided it (stored with a page
    that is not one: raw_pages.reason)."""

    is_notice: bool
    rule: str


class _Page:
    """What the rules look at; each part is computed when a rule first asks for it."""

    def __init__(
        self, title: str | None, paras: list[str], problems_found: int, publisher: str | None
    ) -> None:
        self.title = title or ""
        self.paras = paras
        self.problems_found = problems_found
        self.publisher = publisher or ""

    @cached_property
    def text(self) -> str:
        return "\n".join(self.paras)

    @cached_property
    def opening(self) -> str:
        return self.text[:3000]

    @cached_property
    def head(self) -> str:
        """The title and the first paragraphs."""
        return self.title + "\n" + "\n".join(self.paras[:3])

    @cached_property
    def reports_in_head(self) -> bool:
        return _OWN_REPORT.search(self.head) is not None

    @cached_property
    def own_report(self) -> bool:
        return _OWN_REPORT.search(self.opening) is not None

    @cached_property
    def titled(self) -> bool:
        return _TITLE_NOTICE.search(self.title) is not None

    @cached_property
    def lead(self) -> str:
        """The first two paragraphs: a news item's lead, a notice's opening."""
        return "\n".join(self.paras[:2])[:_LEAD_CHARS]

    @cached_property
    def narrates_inspection(self) -> bool:
        """The first lines say the team inspected the unit and fed back its findings."""
        first = self.text[:_OPENING_CHARS]
        return _INSPECTED.search(first) is not None and _FED_BACK.search(first) is not None

    @cached_property
    def structured(self) -> bool:
        """Numbered sections (two or more) that report rectification (已完成, 整改措施 …)."""
        numbered = [
            i for i, p in enumerate(self.paras) if (m := classify_marker(p)) and m.style != "shi"
        ]
        if len(numbered) < 2:
            return False
        return _RECTIFIED.search("\n".join(self.paras[numbered[0] :])) is not None

    @cached_property
    def reports_rectification(self) -> bool:
        """Without a title: the opening, and its own report or the numbered rectification."""
        return self.narrates_inspection and (self.own_report or self.structured)

    @cached_property
    def first_person(self) -> bool:
        return _FIRST_PERSON.search(self.text) is not None


_Rule = tuple[str, bool, Callable[[_Page], object]]

# In order, the first rule that holds decides: (rule id, is_notice, holds).
RULES: tuple[_Rule, ...] = (
    ("no_inspection_word", False, lambda p: not _INSPECTION.search(p.text + p.title)),
    # the inspection office summing up the units it inspected
    (
        "inspection_office_summary",
        False,
        lambda p: _INSPECTION_OFFICE.search(p.publisher) and _MANY_UNITS.search(p.opening),
    ),
    # a discipline commission's report of cases, each a person and a sanction
    (
        "case_report",
        False,
        lambda p: _CASE_COUNT.search(f"{p.title}\n{p.lead}") or _CASE_TITLE.search(p.title),
    ),
    ("news_report", False, lambda p: _NEWS.search(p.head[:400]) and not p.reports_in_head),
    ("meeting_title", False, lambda p: _MEETING_TITLE.search(p.title) and not p.reports_in_head),
    # without a title: what was said at the meeting (会议强调, 会上), what the team found
    (
        "meeting_news",
        False,
        lambda p: not p.title and _MEETING_TALK.search(p.lead) and not _PUBLISHES.search(p.lead),
    ),
    (
        "findings_news",
        False,
        lambda p: (
            not p.title
            and _FINDINGS_VOICE.search(p.lead)
            and not (_PUBLISHES.search(p.lead) or p.first_person)
        ),
    ),
    ("plan_circular", False, lambda p: not p.title and _PLAN_CIRCULAR.search(p.lead)),
    # news of the feedback: 巡视组向某单位反馈巡视情况
    ("feedback_title", False, lambda p: _FEEDBACK_TITLE.search(p.title) and "整改" not in p.title),
    (
        "audit_rectification",
        False,
        lambda p: _AUDIT.search(p.head) and not _INSPECTION.search(p.head),
    ),
    ("consultation_draft", False, lambda p: _CONSULTATION.search(p.title)),
    ("list_page", False, lambda p: _is_list_page(p.paras)),
    # a plan or the circular issuing it reports no rectification yet
    ("plan_title", False, lambda p: _PLAN_TITLE.search(p.title) and not p.titled),
    (
        "no_own_report",
        False,
        lambda p: not (p.own_report or p.titled or p.reports_rectification),
    ),
    # 综述, 纪实: an article about rectification
    ("article_title", False, lambda p: _ARTICLE_TITLE.search(p.title) and not p.own_report),
    # a summary of several units' rectification, by no unit of them
    (
        "many_units_summary",
        False,
        lambda p: _MANY_UNITS.search(p.opening) and not (p.own_report or p.first_person),
    ),
    # a clear notice title (or a title-less notice's opening and report) counts as one mention
    (
        "few_rectification_mentions",
        False,
        lambda p: (
            len(_RECTIFICATION.findall(p.text)) + (1 if p.titled or p.reports_rectification else 0)
            < 3
        ),
    ),
    ("title_names_rectification", True, lambda p: p.titled),
    ("lists_problems", True, lambda p: p.problems_found >= 2),
    ("invites_supervision", True, lambda p: _INVITES_SUPERVISION.search(p.text)),
    ("first_person", True, lambda p: p.first_person),
    # a notice's own text without its title (an attachment, an excerpt, a repost)
    ("opening_reports_rectification", True, lambda p: p.reports_rectification),
)
NO_EVIDENCE = Decision(False, "no_notice_evidence")  # none of the rules held
POINTS_TO_NOTICE = Decision(True, "points_to_notice")  # the body points to a notice attached
PARSE_FAILED = Decision(False, "parse_failed")  # the parser raised: nothing is known
# longer than any notice (pipelines/common/limits.py): kept as it is, not parsed
TOO_LONG = Decision(False, "too_long")


def decide(
    title: str | None, paras: list[str], problems_found: int, publisher: str | None = None
) -> Decision:
    """A decision from the title, the opening and the closing; never raises."""
    page = _Page(title, paras, problems_found, publisher)
    for rule, verdict, holds in RULES:
        if holds(page):
            return Decision(verdict, rule)
    return NO_EVIDENCE


def _is_list_page(paras: list[str]) -> bool:
    listed = sum(1 for p in paras if _listed_title(p.strip()))
    return listed >= _LIST_MIN and listed >= len(paras) / 2


def _listed_title(line: str) -> bool:
    """A listed title ends with its date (a digit, what \\d matches, or 日): a line ending
    otherwise is not matched in full, from the start."""
    return (
        bool(line)
        and (line[-1] == "日" or line[-1].isdecimal())
        and _LISTED_TITLE.fullmatch(line) is not None
    )


def pointed_document(title: str | None, paras: list[str]) -> str | None:
    """For a page whose body only points to its attachment, the name of the rectification
    notice it points to (the quoted 《…》 name, else the page's title); None otherwise."""
    text = "\n".join(paras)
    if not short_enough_to_point(text) or not _POINTER.search(text):
        return None
    quoted = _QUOTED_NAME.search(text)
    for name in (quoted.group(1) if quoted else None, title):
        if name and _INSPECTION_NOTICE_TITLE.search(name) and not _bad_title(name):
            return name
    return None


def _bad_title(title: str) -> bool:
    return bool(
        _MEETING_TITLE.search(title)
        or _PLAN_TITLE.search(title)
        or (_FEEDBACK_TITLE.search(title) and "整改" not in title)
    )
