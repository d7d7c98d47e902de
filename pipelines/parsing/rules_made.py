"""The number of rules (制度/规定/办法) a notice says were made or revised: 建立完善制度2103项,
制定及修改完善制度12项, 新建制度5项、修订制度8项 (13: summed when split made + revised),
建立健全了12项制度.

API (pure; the span is an offset into the text given):
- `extract_rules_made(text) -> Found[int] | None`: the figures of the first sentence stating
  any, summed; the span runs from its first figure's verb to its last figure. A figure needs a
  verb of making (RULE_VERBS, joined: 制定及修改完善), a rule noun and a counter; a 问责 or a
  rule named in 《》 without a count gives nothing, and so does 一 (健全一项制度: a slogan's
  "a rule", not a count).
"""

from __future__ import annotations

import re

from pipelines.common.evidence import Span
from pipelines.common.numerals import cn_to_int
from pipelines.parsing.figures_vocab import RULE_COUNTERS, RULE_NOUNS, RULE_VERB_JOINERS, RULE_VERBS
from pipelines.parsing.found import Found, lines_with
from pipelines.parsing.vocab import alternation, opens_with

_NUMERALS = "一二三四五六七八九十百千两"
_NUM = rf"(\d{{1,5}}|[{_NUMERALS}]{{1,6}})"
_VERBS = rf"{alternation(RULE_VERBS)}(?:{alternation(RULE_VERB_JOINERS)}?{alternation(RULE_VERBS)}){{0,3}}了?"
_NOUN = alternation(RULE_NOUNS)
_COUNTER = alternation(RULE_COUNTERS)
# 建立完善制度2103项 / 健全完善议事规则制度115项 / 修订完善财务管理、合同管理等内控制度18项
# (words naming the rules between, a list of them or a title in 《》 too; 30余项 is 30).
_NOUN_FIRST = re.compile(
    rf"{opens_with((*RULE_VERBS, *RULE_NOUNS))}(?:{_VERBS}[^\d，,。；;:()\n]{{0,24}}?)?{_NOUN}(?:文件)?(?:共|共计)?{_NUM}余?{_COUNTER}"
)
# 建立健全了12项制度 / 修订完善12项管理办法.
_FIGURE_FIRST = re.compile(
    rf"{_VERBS}(?:共|共计)?{_NUM}{_COUNTER}[^\d，,。；;:、()《》“”\n]{{0,6}}?{_NOUN}"
)
_KEY = re.compile(alternation(RULE_NOUNS, bare=True))
# Both figure patterns hold a number's last character and its counter (12项, 30余项): a sentence
# without one is not run through them (it is scanned for by its first character).
_COUNTED = re.compile(rf"[\d{_NUMERALS}]余?{_COUNTER}")
_VERB = re.compile(rf"{alternation(RULE_VERBS)}|建章立制")
_SENTENCE = re.compile(r"[^。；;\n]+")


def extract_rules_made(text: str) -> Found[int] | None:
    sentences = (
        s
        for a, b in lines_with(text, _KEY)
        for s in _SENTENCE.finditer(text, a, b)
        if _KEY.search(text, s.start(), s.end())  # a figure needs a rule noun
    )
    for sentence in sentences:
        if not _COUNTED.search(text, sentence.start(), sentence.end()):
            continue
        figures = sorted(
            (m.start(), m.end(), n)
            for pattern in (_NOUN_FIRST, _FIGURE_FIRST)
            for m in pattern.finditer(text, sentence.start(), sentence.end())
            if m.group(1) != "一" and (n := cn_to_int(m.group(1))) is not None
        )
        figures = [f for i, f in enumerate(figures) if i == 0 or f[0] >= figures[i - 1][1]]
        figures = [(a, b, n) for a, b, n in figures if _made(text, a, b)]
        if figures:
            return Found(sum(n for _, _, n in figures), Span(figures[0][0], figures[-1][1]))
    return None


def _made(text: str, start: int, end: int) -> bool:
    """A figure names the making: its own verb, or 建章立制."""
    return _VERB.search(text, start, end) is not None
