"""Totals a notice states about the feedback (`3个方面11项21个问题`, `整改举措29项`) and status
tallies (`已完成19个，正在推进2个`); distractors (整改任务, 已完成, 制度45项, money) are skipped."""

from __future__ import annotations

import re

from pipelines.common.numerals import cn_to_int
from pipelines.parsing.record import Counts
from pipelines.parsing.statuses import STATUS_WORD
from pipelines.parsing.tallies import extract_status_counts
from pipelines.parsing.vocab import (
    COUNTERS,
    DONE_AFTER,
    DONE_BEFORE,
    FINDING_WORDS,
    OTHER_TALLIES,
    alternation,
)

NUM = r"(\d{1,4}|[一二三四五六七八九十百零〇两]{1,5})"
_SEP = r"\s*[、，,和及共计]*\s*"
_COUNTER = alternation(COUNTERS)
_ASPECTS_RE = re.compile(rf"{NUM}\s*(?:个|大)?\s*方面")
# After the aspects: '11项21个问题', '18个问题34个具体问题', '12类问题', '9个问题'.
_CHAIN_RE = re.compile(
    rf"^{_SEP}(?:(?:存在|的|主要)*\s*)?{NUM}\s*{alternation((*COUNTERS, '类'))}\s*(?:具体|主要)?\s*(问题)?"
    rf"(?:{_SEP}{NUM}\s*{_COUNTER}\s*(?:具体|主要)?\s*问题)?"
)
# The problems' figure after the items when 问题 came before the aspects: 反馈问题3个方面9项28个.
_BARE_SECOND_RE = re.compile(
    rf"^{_SEP}{NUM}\s*{_COUNTER}(?!\s*(?:具体|主要)?\s*(?:整改)?\s*(?:方面|措施|举措|任务))"
)
_PROBLEMS_RE = re.compile(
    rf"{NUM}\s*{_COUNTER}\s*(?:具体|主要)?\s*问题"
    rf"|问题\s*(?:共计|共|总计|合计)?\s*{NUM}\s*{_COUNTER}(?!\s*(?:大)?方面)"
)
_REFINED_RE = re.compile(rf"细化(?:为|成|出|分解为)?\s*{NUM}\s*{_COUNTER}\s*(?:具体)?\s*问题")
_MEASURES_RES = [
    re.compile(rf"{NUM}\s*{_COUNTER}\s*(?:具体)?\s*(?:整改)?\s*(?:措施|举措)"),
    re.compile(rf"(?:整改)?(?:措施|举措)\s*{NUM}\s*{_COUNTER}"),
]
_FEEDBACK_CONTEXT = re.compile(alternation(FINDING_WORDS))
_DISTRACTOR_AFTER = re.compile(rf"\s*{alternation(DONE_AFTER)}")
_DISTRACTOR_BEFORE = re.compile(rf"{alternation(DONE_BEFORE)}\s*$")
_TALLIED_TOTAL = re.compile(
    rf"{NUM}\s*{_COUNTER}\s*(?:具体)?\s*问题\s*(?:中)?\s*[，,]?\s*(?:{STATUS_WORD})"
    rf"(?:整改)?\s*(?:的)?\s*(?:问题)?\s*(?:共)?\s*{NUM}\s*{_COUNTER}"
)


# The figures' patterns allow spaces between every two words (`\s*(?:具体)?\s*问题`), so over one
# long run of spaces they backtrack quadratically or worse. Only numbers are read from the text:
# every run is read as one space (a newline when it holds one) before matching. (`\s\s+`, not
# `\s{2,}`: a pattern opening with a repeat is tried at every position.)
_SPACE_RUN = re.compile(r"\s\s+")
_SENTENCE_END = re.compile(r"[。；;\n]")
_PROBLEM_NEXT = re.compile(r"\s*问题")
# The words each figure's patterns need, looked for before a pattern is run on a sentence.
_PROBLEM_WORD = "问题"
_ASPECT_WORD = "方面"
_MEASURE_WORDS = ("措施", "举措")


def _squeezed(text: str) -> str:
    return _SPACE_RUN.sub(lambda m: "\n" if "\n" in m.group(0) else " ", text)


def _int(text: str) -> int | None:
    value = cn_to_int(text)
    return value if value is not None and 0 < value < 10000 else None


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s]


def extract_counts(text: str) -> Counts:
    """Counts from the text before the problems (the opening and organisation sections)."""
    aspects = items = problems = measures = tallied = None
    for sentence in _sentences(_squeezed(text)):
        named_problems = _PROBLEM_WORD in sentence
        tallied = tallied or (_tallied_total(sentence) if named_problems else None)
        feedback = _FEEDBACK_CONTEXT.search(sentence) is not None
        if feedback and aspects is None and _ASPECT_WORD in sentence:
            match = _ASPECTS_RE.search(sentence)
            if match and _counted(sentence, match):
                aspects = _int(match.group(1))
                named = "问题" in sentence[max(0, match.start() - 6) : match.start()]
                items, problems = _chain(sentence[match.end() :], items, problems, named)
        if feedback and problems is None and named_problems:
            match = _PROBLEMS_RE.search(sentence)
            if match and _counted(sentence, match):
                problems = _int(match.group(1) or match.group(2))
        if items is not None and problems is not None and items == problems:
            items = None
        if measures is None:
            measures = _measures(sentence)
    return Counts(aspects, items, problems if problems is not None else tallied, measures)


def _tallied_total(sentence: str) -> int | None:
    """'巡察反馈的18个问题已完成整改16个': a total whose status figures follow it."""
    match = _TALLIED_TOTAL.search(sentence)
    before = sentence[: match.start()] if match else ""
    if not match or not _FEEDBACK_CONTEXT.search(before) or "其中" in before:
        return None  # 其中，上轮反馈的5个问题已整改3个: a part of the problems
    total, part = _int(match.group(1)), _int(match.group(2))
    return total if total and part is not None and part <= total else None


def _counted(sentence: str, match: re.Match[str]) -> bool:
    """Not a tally of what was done: 已完成18个问题, 18个问题已整改完成."""
    before, after = sentence[: match.start()], sentence[match.end() :]
    return not (_DISTRACTOR_BEFORE.search(before) or _DISTRACTOR_AFTER.match(after))


def _chain(
    rest: str, items: int | None, problems: int | None, named: bool = False
) -> tuple[int | None, int | None]:
    """The figures after '…个方面'; `named`: 问题 came before them (指出问题4个方面15条)."""
    match = _CHAIN_RE.match(rest)
    if not match:
        return items, problems
    first, has_problem_word, second = match.group(1), match.group(2), match.group(3)
    if second:
        return _int(first), _int(second)
    bare = _BARE_SECOND_RE.match(rest[match.end() :]) if named and not has_problem_word else None
    if bare:
        return _int(first), _int(bare.group(1))
    refined = _REFINED_RE.search(rest)
    if refined:
        return _int(first), _int(refined.group(1))
    if has_problem_word or named or _PROBLEM_NEXT.match(rest[match.end() :]):
        return items, _int(first)
    return items, problems


def _measures(sentence: str) -> int | None:
    if not any(word in sentence for word in _MEASURE_WORDS):
        return None
    for pattern in _MEASURES_RES:
        for match in pattern.finditer(sentence):
            if not _counted(sentence, match):
                continue
            return _int(match.group(1))
    return None


# '截至目前，' / '截至2023年11月底，' / '目前，': a tally of where the rectification stands.
_AS_OF = re.compile(
    r"^(?:(?:经过|通过|经)[^，,。；:]{1,6}[，,]\s*)?"  # 经过集中整改，截至目前，
    r"(?:(?:截至|截止|至|到)[^，,。；]{0,16}?(?:目前|现在|底|末|日|止)|(?:目前|当前|现)\s*[，,])"
)
_PROBLEMS_COUNTED = re.compile(rf"{NUM}\s*{_COUNTER}\s*(?:具体)?\s*问题|问题\s*{NUM}\s*{_COUNTER}")

_OTHER_TALLY = re.compile(alternation(OTHER_TALLIES))


def is_closing_tally(para: str) -> bool:
    """'截至目前，8个问题已整改完成6个，正在整改2个': the state of all the problems, as of a date."""
    para = _squeezed(para)
    if _AS_OF.match(para) is None:
        return False
    found = extract_status_counts(para)  # the record's tallies, in its six status classes
    if _PROBLEMS_COUNTED.search(para):
        return bool(found)
    # '截至目前，已完成整改6个，正在整改2个': two figures of what, unnamed, can only be problems
    return len(found) >= 2 and _OTHER_TALLY.search(para) is None
