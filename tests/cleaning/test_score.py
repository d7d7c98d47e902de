from __future__ import annotations

import pytest

from pipelines.cleaning.score import char_f1


@pytest.mark.parametrize(
    ("predicted", "expected", "f1"),
    [
        ("巡察整改", "巡察整改", 1.0),
        ("巡察 整改\n", "巡察整改", 1.0),  # whitespace is ignored
        ("", "", 1.0),
        ("", "巡察", 0.0),
        ("巡察", "", 0.0),
        (
            "巡察整改版权所有",
            "巡察整改",
            2 * (4 / 8) * 1.0 / (4 / 8 + 1.0),
        ),  # chrome costs precision
        ("巡察", "巡察整改", 2 * 1.0 * 0.5 / 1.5),  # a cut body costs recall
    ],
)
def test_char_f1(predicted: str, expected: str, f1: float) -> None:
    assert char_f1(predicted, expected) == pytest.approx(f1)
