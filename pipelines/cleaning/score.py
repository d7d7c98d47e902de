"""How close a cleaned body is to the expected one: character-level F1 (the fixtures' gate).

Characters are compared as multisets with whitespace ignored, the usual measure for Chinese
extraction, where word boundaries are not written. It does not see order, so the fixture tests
pair it with exact checks on metadata and chrome phrases.
"""

from __future__ import annotations

from collections import Counter


def _chars(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace())


def char_f1(predicted: str, expected: str) -> float:
    """F1 of the non-space characters of `predicted` against `expected`; 1.0 when both are empty."""
    got, want = _chars(predicted), _chars(expected)
    if not got and not want:
        return 1.0
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(got.values())
    recall = overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)
