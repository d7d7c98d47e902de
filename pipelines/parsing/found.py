"""A value an extractor read, with the span of the text it read it from (record v2 evidence)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Generic, NamedTuple, TypeVar

from pipelines.common.evidence import Span

T = TypeVar("T")


class Found(NamedTuple, Generic[T]):
    """`value`, read from `span.text(text)` of the text the extractor was given."""

    value: T
    span: Span


def lines_with(text: str, key: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of `text` holding a match of `key`: the figures' patterns, which
    begin with digits or optional words and so cannot be scanned for fast, run on these only."""
    pos = 0
    while (hit := key.search(text, pos)) is not None:
        start = text.rfind("\n", 0, hit.start()) + 1
        end = text.find("\n", hit.end())
        end = len(text) if end == -1 else end
        yield start, end
        pos = end + 1
