"""Problem statuses in the six classes of record v2 (STATUSES), with the words they were read from.

API:
- `classify(label) -> str | None`: the class of status words as written ('已全部整改完成' ->
  'done', '基本完成' -> 'basically_done', '需长期坚持' -> 'long_term'); None when none is there.
- `group_label(heading) -> str | None`: the status words a status group heading opens with
  ('（一）已整改完成的问题' -> '已整改完成'), which the problems extractor passes through.
- `STATUS_WORD`: regex text matching one status phrase (adverbs and words, or a negated done
  phrase: 尚未全部整改完成), for the patterns of problem markers, ledger cells and tallies
  (problem_parts.py, tables.py, tallies.py, counts.py).
- `CLASS_PHRASES`: regex text of each class's phrases, for finding where a tally was read.
"""

from __future__ import annotations

import re

from pipelines.parsing.figures_vocab import (
    DONE_NEGATIONS,
    GROUP_PREFIXES,
    NEGATED_CLASS,
    NEGATED_MANNER,
    NOT_BEFORE_STATUS,
    STATUS_ADVERBS,
    STATUS_WORDS,
)
from pipelines.parsing.vocab import alternation

# Not after 未/不/基本: 未完成 is not_done, 基本完成 basically_done, whatever 完成 says.
NOT_AFTER = "".join(rf"(?<!{w})" for w in NOT_BEFORE_STATUS)
_CLASS_OF = {word: status for status, words in STATUS_WORDS.items() for word in words}
_WORD = alternation(_CLASS_OF)
# 尚未全部整改完成: tried before the words, so the done words inside it (整改完成) are not read.
# One alternative per negation, each opening with its word: a scan for the phrases is a scan for
# their first characters (a group of negations first would have it tried at every position).
_NEGATED_REST = (
    rf"{alternation((*STATUS_ADVERBS, *NEGATED_MANNER))}{{0,3}}{alternation(STATUS_WORDS['done'])}"
)
NEGATED_DONE = "|".join(
    re.escape(negation) + _NEGATED_REST
    for negation in sorted(DONE_NEGATIONS, key=len, reverse=True)
)
STATUS_WORD = rf"(?:{NEGATED_DONE}|{alternation(STATUS_ADVERBS)}{{0,3}}{_WORD})"
# The first status phrase of a text, its words captured: leftmost wins, so 未完成 is never 完成.
_PHRASE = re.compile(rf"({NEGATED_DONE})|{alternation(STATUS_ADVERBS)}{{0,3}}({_WORD})")
CLASS_PHRASES = {
    status: f"{NEGATED_DONE}|{alternation(words, bare=True)}"
    if status == NEGATED_CLASS
    else alternation(words, bare=True)
    for status, words in STATUS_WORDS.items()
}
# A group heading: the phrase, then only what names the group (的问题, （2个）), not 整改完成情况.
_GROUP = re.compile(
    rf"^{alternation(GROUP_PREFIXES)}?({STATUS_WORD})(?=(?:整改)?的?(?:问题|事项|$|[(:，,。]))"
)


def classify(label: str) -> str | None:
    """The status class of the first status phrase in `label`."""
    match = _PHRASE.search(label)
    if match is None:
        return None
    return NEGATED_CLASS if match.group(1) else _CLASS_OF[match.group(2)]


def group_label(heading: str) -> str | None:
    """The status words a heading opens with (a group of problems by status), else None."""
    match = _GROUP.match(heading)
    return match.group(1) if match else None
