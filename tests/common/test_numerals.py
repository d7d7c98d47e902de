from __future__ import annotations

import pytest

from pipelines.common.numerals import cn_to_int


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十一", 21),
        ("九十九", 99),
        ("一百零五", 105),
        ("两", 2),
        ("21", 21),
        ("二〇二一", 2021),
        ("二○一九", 2019),
        ("二0二三", 2023),
        ("", None),
        ("个", None),
        ("十二个", None),
    ],
)
def test_cn_to_int(text: str, expected: int | None) -> None:
    assert cn_to_int(text) == expected
