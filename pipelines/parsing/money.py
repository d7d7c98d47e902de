"""Amounts of money a notice states with what was done with them: 清退违规资金66.57万元,
退缴违规资金1.49亿元, 挽回经济损失84万余元, 投入整改资金300万元.

API (pure; spans are offsets into the text given):
- `extract_money(text) -> tuple[Found[Money], ...]` in document order. An amount counts when a
  kind's verb stands before it in the same clause (nearest verb wins: 清退、追缴违规资金12万元 is
  confiscated), at most MAX_GAP characters away, and is not negated (未追回, 拟投入). Amounts with
  no such verb (a budget, donations received) give nothing. `yuan` is the amount in yuan
  (万元 ×10^4, 亿元 ×10^8, Chinese numerals through cn2an); `lower_bound` for 万余元, 超, 逾, 多.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import cn2an

from pipelines.common.evidence import Span
from pipelines.parsing.figures_vocab import (
    LOWER_BOUND_BEFORE,
    LOWER_BOUND_INSIDE,
    MONEY_NEGATIONS,
    MONEY_WORDS,
    YUAN_FACTORS,
)
from pipelines.parsing.found import Found, lines_with
from pipelines.parsing.record import Money
from pipelines.parsing.vocab import alternation, opens_with

MAX_GAP = 16  # characters between the verb and its amount: 清退违规发放的津贴补贴共计…
_KIND_OF = {word: kind for kind, words in MONEY_WORDS.items() for word in words}
_VERB = re.compile(alternation(_KIND_OF))
_INSIDE = alternation(LOWER_BOUND_INSIDE)
_CN_DIGITS = "零〇一二三四五六七八九十百千两点"
_OPENS = opens_with(LOWER_BOUND_BEFORE, rf"\d{_CN_DIGITS}")
# 66.57万元, 84万余元, 1000余万元, 一百二十万元, 5,000元.
_AMOUNT = re.compile(
    rf"{_OPENS}({alternation(LOWER_BOUND_BEFORE)})?"
    rf"(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,12}}(?:\.\d{{1,4}})?|[{_CN_DIGITS}]{{1,12}})"
    rf" ?({_INSIDE})?({alternation(('亿', '万', '千'))})?({_INSIDE})?元"
)
_CLAUSE_END = re.compile(r"[，,。；;:\n]")
_KEY = re.compile("元")
_NEGATED = re.compile(rf"{alternation(MONEY_NEGATIONS)}$")


def extract_money(text: str) -> tuple[Found[Money], ...]:
    found = []
    for m in (m for a, b in lines_with(text, _KEY) for m in _AMOUNT.finditer(text, a, b)):
        verb = _verb_before(text, m.start())
        value = _yuan(m.group(2), m.group(4))
        if verb is None or value is None:
            continue
        lower = bool(m.group(1) or m.group(3) or m.group(5))
        span = Span(verb.start(), m.end())
        money = Money(_KIND_OF[verb.group(0)], value, lower, span.text(text))
        found.append(Found(money, span))
    return tuple(found)


def _verb_before(text: str, start: int) -> re.Match[str] | None:
    """The nearest kind's verb before an amount in its clause, unless it is negated."""
    window = text[max(0, start - MAX_GAP) : start]
    clause = _CLAUSE_END.split(window)[-1]
    offset = start - len(clause)
    verbs = list(_VERB.finditer(text, offset, start))
    if not verbs:
        return None
    verb = verbs[-1]
    return None if _NEGATED.search(text[max(0, verb.start() - 3) : verb.start()]) else verb


def _yuan(number: str, scale: str | None) -> float | None:
    factor = YUAN_FACTORS[f"{scale or ''}元"]
    try:
        amount = Decimal(number.replace(",", "")) if number[0].isdigit() else _cn(number)
    except InvalidOperation:
        return None
    return float(amount * factor) if amount is not None else None


@lru_cache(maxsize=1024)  # cn2an takes ~8 us a numeral; amounts in words recur
def _cn(number: str) -> Decimal | None:
    try:
        return Decimal(str(cn2an.cn2an(number, "strict")))
    except (ValueError, KeyError, IndexError):
        return None
