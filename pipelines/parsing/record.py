"""The record types the parser builds, declared in the common leaf (pipelines/common/record.py)
so the models and the crawler read the same declaration; re-exported for the parser's modules."""

from __future__ import annotations

from pipelines.common.record import (
    Accountability,
    Attachment,
    Contact,
    Counts,
    Money,
    NoticeRecord,
    Problem,
    StatusCounts,
)

__all__ = [
    "Accountability",
    "Attachment",
    "Contact",
    "Counts",
    "Money",
    "NoticeRecord",
    "Problem",
    "StatusCounts",
]
