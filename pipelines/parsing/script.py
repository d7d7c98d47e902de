"""Traditional-character reposts: parse a simplified copy, then give values back as written.

OpenCC's t2s conversion keeps the length of almost every text, so the copy lines up with the
original character for character; the inverse table built from that alignment restores each
extracted value to the original script (characters with an ambiguous inverse stay simplified).
"""

from __future__ import annotations

import dataclasses
import operator
import re
from functools import cache
from pathlib import Path
from typing import Any

import opencc

from pipelines.common.chars import cjk_count

# A document counts as traditional when this share of its CJK characters changes.
TRADITIONAL_SHARE = 0.02
SAMPLE = 50_000  # characters looked at to decide
# Every character t2s's tables map to another (data/README.md): a text holding none of them is
# its own simplified copy, found without converting it.
CHANGED_CHARS = Path(__file__).parent / "data" / "t2s_changed.txt"


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _changed() -> re.Pattern[str]:
    """The table's characters of the Basic Multilingual Plane as one class (a class holding
    characters beyond it is checked one range at a time: 200 times slower)."""
    chars = "".join(CHANGED_CHARS.read_text(encoding="utf-8").split())
    return re.compile(f"[{re.escape(''.join(c for c in chars if c <= chr(0xFFFF)))}]")


def may_change(text: str) -> bool:
    """Whether to_simplified could change the text: it holds a character the tables change,
    or one beyond the Basic Multilingual Plane (four bytes of UTF-16 where the others take two)."""
    if text and max(text) > "\uffff":  # found in C, without a copy of the text
        return True
    return _changed().search(text) is not None


def to_simplified(text: str) -> str:
    """Same-length simplified copy (lines whose conversion changes length stay as they are)."""
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    lines = text.split("\n")
    out = [_converter().convert(line) for line in lines]
    return "\n".join(c if len(c) == len(o) else o for c, o in zip(out, lines, strict=True))


def is_traditional(original: str, simplified: str) -> bool:
    original, simplified = original[:SAMPLE], simplified[:SAMPLE]
    if original == simplified:
        return False
    cjk = cjk_count(original)
    changed = sum(map(operator.ne, original, simplified))
    return cjk > 0 and changed >= max(3, TRADITIONAL_SHARE * cjk)


def inverse_table(original: str, simplified: str) -> dict[int, str]:
    """simplified char -> original char, for characters that only ever came from one."""
    sources: dict[str, set[str]] = {}
    for o, s in zip(original, simplified, strict=False):
        sources.setdefault(s, set()).add(o)
    return {ord(s): next(iter(o)) for s, o in sources.items() if len(o) == 1 and s not in o}


def restore(value: Any, table: dict[int, str]) -> Any:
    """Apply the inverse table to every string inside a record (dataclasses, tuples)."""
    if isinstance(value, str):
        return value.translate(table)
    if isinstance(value, tuple):
        return tuple(restore(v, table) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: restore(getattr(value, f.name), table)
            for f in dataclasses.fields(value)
            if f.name not in ("parser_version", "status", "inspection_level", "inspection_kinds")
        }
        return dataclasses.replace(value, **changes)
    return value
