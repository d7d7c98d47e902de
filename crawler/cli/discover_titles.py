"""Does a list row's title read like a rectification notice? The crawler's title rules (巡视/巡察
with 整改) and the parser's words for what a notice title reports (整改情况, 整改进展 … 通报) and
for what news of one says (推进会, 召开, 公布, 综述 …): a pure function over the title, which
`sites discover` hands to its walk (the crawler package runs no pipeline code of its own)."""

from __future__ import annotations

import re

from crawler.seeds import TitleRules
from pipelines.parsing.vocab import (
    ARTICLE_GENRES,
    MEETING_WORDS,
    NEWS_OF_NOTICE,
    NOTICE_FORMS,
    PROGRESS_WORDS,
    alternation,
)

_RULES = TitleRules()
# 整改 … 情况/进展, or 整改 … 通报/报告/公示: the report itself, not an event around it
_REPORTS = re.compile(rf"整改.{{0,16}}{alternation((*PROGRESS_WORDS, *NOTICE_FORMS))}")
# a plan (印发…方案) reports no 情况/进展, so it fails the first test; 整改方案落实情况 passes it
_NEWS = re.compile(alternation((*MEETING_WORDS, *NEWS_OF_NOTICE, *ARTICLE_GENRES)))


def reads_like_notice(title: str | None) -> bool:
    """True for a title such as 关于县委第三轮巡察整改进展情况的公示; False for news of a meeting,
    a plan, an article about rectification, or a title the list did not give."""
    if not title or not _RULES.accepts(title):
        return False
    return _REPORTS.search(title) is not None and _NEWS.search(title) is None
