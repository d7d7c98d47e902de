"""Line-level cleanup of the rendered content that needs DOM context (title, attachment residue)."""

from __future__ import annotations

import re
from collections.abc import Sequence

# What is left of a line once its attachment links are lifted out: `附件：`, VSB's
# `附件【】已下载次`, `点击下载`.
ATTACHMENT_RESIDUE = re.compile(
    r"(?:相关)?附件(?:下载|列表)?\s*[\d一二三四五六七八九十]*\s*[:：]?"
    r"|附件\s*[【\[]\s*[】\]]\s*(?:已下载\s*\d*\s*次)?"
    r"|[（(]?(?:点击|附件)?下载(?:附件)?[)）]?\s*[:：]?"
    r"|[、，,;；|\s]+"
)
_SPACES = re.compile(r"\s+")


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
