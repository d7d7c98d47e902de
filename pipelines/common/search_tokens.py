"""Search tokens for CJK text: overlapping character bigrams, the way Lucene's CJK analyzer and
most Chinese search engines without a dictionary index text.

Chinese has no spaces, and the databases' own tokenizers either keep a whole run of ideographs as
one token (SQLite's unicode61, PostgreSQL's `simple`) or need three characters (FTS5 `trigram`,
pg_trgm), so a two-character word such as 整改 or 问责 would never match. Bigrams match every
query of two or more characters, need no dictionary that may segment a phrase differently from the
text (jieba splits 巡察整改 and 巡察 整改 alike, but not 察整), and both databases index a
space-separated token string natively. A one-character run stays a unigram. Latin letters and
digits form lower-cased words. The same function makes the indexed text and the query, so they
always agree.
"""

from __future__ import annotations

import re
from operator import add

from pipelines.common.chars import CJK

_RUN = re.compile(f"[{CJK}]+|[0-9A-Za-z]+")


def runs(text: str) -> list[str]:
    """The runs of ideographs and of ASCII letters/digits, in text order."""
    return _RUN.findall(text)


def run_tokens(run: str) -> list[str]:
    """The tokens of one run: bigrams of an ideograph run, the lower-cased word otherwise."""
    if run.isascii():
        return [run.lower()]
    if len(run) == 1:
        return [run]
    return list(map(add, run, run[1:]))  # each character with the next: the bigrams


def tokens(text: str) -> str:
    """The indexed form of `text`: its tokens separated by single spaces."""
    return " ".join(" ".join(run_tokens(run)) for run in runs(text))


def query_phrases(query: str) -> list[list[str]]:
    """The query as phrases (one per run; a run must match contiguously), each a token list.
    Punctuation and spaces separate phrases, which must all occur (in any order)."""
    return [run_tokens(run) for run in runs(query)]
