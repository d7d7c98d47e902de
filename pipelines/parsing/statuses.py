"""Problem statuses in the six classes of record v2 (STATUSES), with the words they were read from.

API:
- `classify(label) -> str | None`: the class of status words as written ('已全部整改完成' ->
  'done', '基本完成' -> 'basically_done', '需长期坚持' -> 'long_term'); None when none is there.
- `group_label(heading) -> str | None`: the status words a status group heading opens with
  ('（一）已整改完成的问题' -> '已整改完成'), which the problems extractor passes through.
- `STATUS_WORD`: regex text matching one status phrase (adverbs and words), for the patterns of
  problem markers and ledger cells (problem_parts.py, tables.py).
"""

from __future__ import annotations

import re

from pipelines.parsing.figures_vocab import (
    GROUP_PREFIXES,
    NOT_BEFORE_STATUS,
    STATUS_ADVERBS,
    STATUS_WORDS,
)
from pipelines.parsing.vocab import alternation

# Not after 未/不/基本: 未完成 is not_done, 基本完成 basically_done, whatever 完成 says.
NOT_AFTER = "".join(rf"(?<!{w})" for w in NOT_BEFORE_STATUS)
_CLASS_OF = {word: status for status, words in STATUS_WORDS.items() for word in words}
_WORD = alternation(_CLASS_OF)
STATUS_WORD = rf"{alternation(STATUS_ADVERBS)}{{0,3}}{_WORD}"
# The first status phrase of a text, its words captured: leftmost wins, so 未完成 is never 完成.
_PHRASE = re.compile(rf"{alternation(STATUS_ADVERBS)}{{0,3}}({_WORD})")
# A group heading: the phrase, then only what names the group (的问题, （2个）), not 整改完成情况.
_GROUP = re.compile(
    rf"^{alternation(GROUP_PREFIXES)}?({STATUS_WORD})(?=(?:整改)?的?(?:问题|事项|$|[(:，,。]))"
)


def classify(label: str) -> str | None:
    """The status class of the first status phrase in `label`."""
    match = _PHRASE.search(label)
    return _CLASS_OF[match.group(1)] if match else None


def group_label(heading: str) -> str | None:
    """The status words a heading opens with (a group of problems by status), else None."""
    match = _GROUP.match(heading)
    return match.group(1) if match else None
