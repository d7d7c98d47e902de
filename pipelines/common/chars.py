"""Character classes, as regex class bodies (to combine inside `[...]`) and compiled where used
whole: CJK ideographs, the characters that join CJK text without a space, and page spaces."""

from __future__ import annotations

import re

# CJK Unified Ideographs: what "a Chinese character" means when the parsers count them.
CJK = "\u4e00-\u9fff"
# CJK text including its punctuation: ideographs, CJK symbols (、。「」), full-width forms
# (，：（）) and the curly quotes and title marks Chinese text uses; no space goes between them.
CJK_TEXT = CJK + "\u3000-\u303f\uff00-\uffef“”‘’《》"
# Spaces a page puts between words: ASCII whitespace, no-break, en, em, thin and zero-width
# spaces, and a stray byte-order mark.
SPACES = " \t\r\n\f\v\xa0\u2002\u2003\u2009\u200b\ufeff"

_CJK_RUN_RE = re.compile(f"[{CJK}]+")


def cjk_count(text: str) -> int:
    """How many CJK ideographs the text holds (runs of them: a list of every one is slow)."""
    return sum(map(len, _CJK_RUN_RE.findall(text)))
