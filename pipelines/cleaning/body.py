"""Line-level cleanup of the rendered content that needs DOM context (title, attachment residue)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipelines.cleaning.text import parse_meta_line

# What is left of a line once its attachment links are lifted out: `附件：`, VSB's
# `附件【】已下载次`, `点击下载`.
ATTACHMENT_RESIDUE = re.compile(
    r"(?:相关)?附件(?:下载|列表)?\s*[\d一二三四五六七八九十]*\s*[:：]?"
    r"|附件\s*[【\[]\s*[】\]]\s*(?:已下载\s*\d*\s*次)?"
    r"|[（(]?(?:点击|附件)?下载(?:附件)?[)）]?\s*[:：]?"
    r"|[、，,;；|\s]+"
)
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[。；;！!？?]$")
TITLE_SCAN_LINES = 6  # a flattened page's meta line sits within its first lines


def _squash(text: str) -> str:
    return _SPACES.sub("", text)


def clean_lines(
    lines: Sequence[str], title: str | None, extra_chrome: Sequence[str] = ()
) -> list[str]:
    """Drop a repeated title at the top, attachment residue and site-specific chrome phrases."""
    kept = list(lines)
    if title:
        squashed = _squash(title)
        while kept and _squash(kept[0]) in {squashed, squashed + "（全文）"}:
            kept.pop(0)
    kept = [line for line in kept if not ATTACHMENT_RESIDUE.fullmatch(line)]
    if extra_chrome:
        kept = [line for line in kept if not any(p in line for p in extra_chrome)]
    return kept


def title_above_meta_line(lines: Sequence[str]) -> str | None:
    """In a flattened body, the line just above the `时间:… 作者:…` line is the title."""
    for i, line in enumerate(lines[:TITLE_SCAN_LINES]):
        if i and parse_meta_line(line) is not None:
            above = lines[i - 1]
            if 4 <= len(above) <= 100 and not _SENTENCE_END.search(above):
                return above
            return None
    return None
