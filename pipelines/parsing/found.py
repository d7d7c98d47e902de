"""A value an extractor read, with the span of the text it read it from (record v2 evidence)."""

from __future__ import annotations

from typing import Generic, NamedTuple, TypeVar

from pipelines.common.evidence import Span

T = TypeVar("T")


class Found(NamedTuple, Generic[T]):
    """`value`, read from `span.text(text)` of the text the extractor was given."""

    value: T
    span: Span
