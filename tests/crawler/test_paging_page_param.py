"""`page_param`: the page number set in the list URL's query, from `start:`."""

from __future__ import annotations

import pytest

from crawler.paging import PageParam, ReadPage
from crawler.seeds import ListSource


@pytest.mark.parametrize(
    ("settings", "number", "expected"),
    [
        ({}, 1, "http://p/list?cat=3&page=2"),
        ({}, 4, "http://p/list?cat=3&page=5"),
        ({"param": "pageNo", "start": 1}, 1, "http://p/list?cat=3&page=1&pageNo=1"),
    ],
)
def test_page_urls(settings: dict, number: int, expected: str) -> None:
    style = PageParam(ListSource("http://p/list?cat=3&page=1", {"type": "page_param", **settings}))
    request, reason = style.next(ReadPage(number, "http://p/x", "", [], None))
    assert request is not None and (request.url, request.page, reason) == (expected, number + 1, "")
