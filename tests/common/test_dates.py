"""Date normalisation (pipelines/common/dates.py): one reading for list rows, pages and the parser."""

from __future__ import annotations

import pytest

from pipelines.common.dates import date_number, iso_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021年5月10日", "2021-05-10"),
        ("2021年05月10日 10:21", "2021-05-10"),
        ("2022 年 7 月 8 日", "2022-07-08"),
        ("二〇二一年五月十日", "2021-05-10"),
        ("二○一九年四月十七日", "2019-04-17"),
        ("二〇二〇年十二月三十一日", "2020-12-31"),
        ("2019年4月17", "2019-04-17"),
        ("２０２１年５月１０日", "2021-05-10"),  # full-width digits
        ("2024-06-24", "2024-06-24"),
        ("2020-12-17 09:37", "2020-12-17"),
        ("2023/06/02", "2023-06-02"),
        ("2021/5/10", "2021-05-10"),
        ("2023.6.9", "2023-06-09"),
        ("发布时间：2023年6月9日 10:00", "2023-06-09"),
        ("5月10日 2023-10-18", "2023-10-18"),  # the first complete date
        ("2023-06-190", None),  # no day runs into more digits
        ("2021年13月1日", None),
        ("2021年2月30日", None),
        ("2023-13-40", None),
        ("1900-01-01", None),  # no notice is that old
        ("5月10日", None),
        (1686879000000, "2023-06-16"),  # epoch ms, UTC+8
        (1686879000, "2023-06-16"),
        ("1686879000", "2023-06-16"),
        ("20230619", None),  # a number too small for a timestamp
        (True, None),
        ("no date", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("05", 5), ("０５", 5), ("2021", 2021), ("二〇二一", 2021), ("十", 10), ("十七", 17), ("二十", 20),
     ("三十一", 31), ("一二", 12), ("十十", None), ("2十", None), ("X", None)],
)  # fmt: skip
def test_date_number(text: str, expected: int | None) -> None:
    assert date_number(text) == expected
