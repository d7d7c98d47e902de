"""`template`: page URLs from the seed's pattern, numbered from `start:`."""

from __future__ import annotations

import pytest

from crawler.paging import ReadPage, Template
from crawler.seeds import ListSource


@pytest.mark.parametrize(
    ("settings", "number", "expected"),
    [
        ({}, 1, "http://p/news/index_2.html"),
        ({}, 2, "http://p/news/index_3.html"),
        ({"pattern": "list_{n}.html"}, 1, "http://p/news/list_2.html"),
        ({"pattern": "list_{n}.html", "start": 1}, 1, "http://p/news/list_1.html"),
        ({"pattern": "/all/p{n}.htm", "start": 10}, 3, "http://p/all/p12.htm"),
    ],
)
def test_page_urls(settings: dict, number: int, expected: str) -> None:
    style = Template(ListSource("http://p/news/index.html", {"type": "template", **settings}))
    request, reason = style.next(ReadPage(number, "http://p/x", "", [], None))
    assert request is not None and (request.url, request.page, reason) == (expected, number + 1, "")
