"""date_roles: written, published and updated dates apart, each with where it was read."""

from __future__ import annotations

import pytest

from pipelines.common.cleaned import PageMeta
from pipelines.common.evidence import Elsewhere, Span
from pipelines.parsing.date_roles import date_roles, signature_span

BODY = "正文。\n中共咸宁市红十字会党组\n2023年9月18日"


def test_page_dates_stay_apart() -> None:
    meta = PageMeta(published="2024-06-24 10:00", written="2024年6月20日", updated="2024-07-01")
    roles = date_roles(meta, BODY, "2023-09-18")
    assert roles.written and roles.written.value == "2024-06-20"
    assert roles.written.evidence == Elsewhere("page meta", "成文日期")
    assert roles.published and roles.published.value == "2024-06-24"
    assert roles.published.evidence == Elsewhere("page meta", "发布时间")
    assert roles.updated and roles.updated.value == "2024-07-01"
    assert roles.updated.evidence == Elsewhere("page meta", "更新时间")


def test_the_signature_date_is_the_written_date_and_v1s_published_fallback() -> None:
    roles = date_roles(PageMeta(), BODY, "2023-09-18")
    assert roles.published is None and roles.updated is None
    assert roles.written and isinstance(roles.written.evidence, Span)
    assert roles.written.evidence.text(BODY) == "2023年9月18日"
    assert roles.published_or_written == roles.written


def test_a_page_date_wins_for_published_date() -> None:
    roles = date_roles(PageMeta(published="2023-10-01"), BODY, "2023-09-18")
    assert roles.published_or_written == roles.published


@pytest.mark.parametrize(
    ("body", "iso", "text"),
    [
        ("…\n2019年4月17", "2019-04-17", "2019年4月17"),
        ("…\n二〇二三年九月十八日", "2023-09-18", "二〇二三年九月十八日"),
        ("…\n2022-01-24", "2022-01-24", "2022-01-24"),
        ("2023年9月18日召开会议。\n……\n2023年9月18日", "2023-09-18", "2023年9月18日"),
    ],
)
def test_signature_span(body: str, iso: str, text: str) -> None:
    span = signature_span(body, iso)
    assert span is not None and span.text(body) == text and span.end == len(body)


def test_no_span_for_a_date_not_written() -> None:
    assert signature_span(BODY, "2020-01-01") is None
    assert date_roles(PageMeta(published="不是日期"), BODY, None).published is None
