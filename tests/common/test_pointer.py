"""The pointer-page length (pipelines/common/pointer.py), shared by parse pipeline and classifier."""

from __future__ import annotations

import pytest

from pipelines.common.pointer import POINTER_MAX_CJK, short_enough_to_point


@pytest.mark.parametrize(
    ("body", "short"),
    [
        ("现将《县林业局关于巡察整改情况的通报》予以公布，详见附件。", True),
        ("整" * (POINTER_MAX_CJK - 1) + "abc 123" * 50, True),  # only CJK characters count
        ("整" * POINTER_MAX_CJK, False),
        ("", True),
    ],
)
def test_short_enough_to_point(body: str, short: bool) -> None:
    assert short_enough_to_point(body) is short
