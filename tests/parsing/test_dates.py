from __future__ import annotations

import pytest

from pipelines.parsing.dates import find_dates, find_range, resolve_range, year_after


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "2018年11月9日至12月24日，市委巡察组", ("2018-11-09", "2018-12-24"), id="year-carried"
        ),
        pytest.param("2020年11月9日至1月24日", ("2020-11-09", "2021-01-24"), id="next-year"),
        pytest.param(
            "于 2022 年 7 月 8 日至 8 月 26 日", ("2022-07-08", "2022-08-26"), id="spaces"
        ),
        pytest.param("2021年6月3日至25日", ("2021-06-03", "2021-06-25"), id="day-only-end"),
        pytest.param("2021年6月28日-7月19日", ("2021-06-28", "2021-07-19"), id="hyphen"),
        pytest.param("2021年6月28日起至7月19日", ("2021-06-28", "2021-07-19"), id="qi-zhi"),
        pytest.param("2024年8月下旬至10月下旬", ("2024-08", "2024-10"), id="month-precision"),
        pytest.param("2023年9月至11月", ("2023-09", "2023-11"), id="months"),
        pytest.param("2022年X月20日至X月19日", (None, None), id="redacted"),
        pytest.param("2022年5月1日召开会议", None, id="no-range"),
        pytest.param(
            "2022年9月5日召开动员会。9月6日至11月10日，县委第二巡察组进驻",
            ("2022-09-06", "2022-11-10"),
            id="start-year-from-sentence-before",
        ),
        pytest.param(
            "2021年12月20日召开动员会，1月4日—3月1日开展巡察",
            ("2022-01-04", "2022-03-01"),
            id="start-year-rolls-over",
        ),
        pytest.param(
            "2022年9月5日召开动员会。\n9月6日至11月10日，县委第二巡察组进驻",
            ("2022-09-06", "2022-11-10"),
            id="year-from-the-paragraph-before",
        ),
        pytest.param(
            "2019年工作要点。\n按照部署开展工作。\n9月6日至11月10日开展巡察",
            (None, None),
            id="no-year-from-further-back",
        ),
    ],
)
def test_inspection_range(text: str, expected: tuple[str | None, str | None] | None) -> None:
    span = find_range(text, find_dates(text))
    assert (resolve_range(*span) if span else None) == expected


def test_year_after_rolls_over_when_the_month_goes_back() -> None:
    start, end, later = find_dates("2020年11月9日至12月24日。1月28日反馈")
    assert year_after(later, end) is None  # the end itself has no year
    assert year_after(later, start) == 2021


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年4月26日。5月20日", 2024),
        ("2024年4月26日。4月26日", 2024),  # the same day
        ("2024年4月26日。4月10日", 2025),  # the month-day is earlier: the next year
        ("2024年4月。4月10日", 2024),  # no day to compare: the month decides
        ("2024年12月26日。1月6日", 2025),
    ],
)
def test_year_after_compares_the_month_day(text: str, expected: int) -> None:
    previous, hit = find_dates(text)
    assert year_after(hit, previous) == expected
