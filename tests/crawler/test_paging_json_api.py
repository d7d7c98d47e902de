"""`json_api`: requests built from the seed's `api:`, rows and totals, and where paging stops."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

import pytest

from crawler import listing
from crawler.paging import JsonApi, ReadPage
from crawler.paging.json_api import api_done, api_entries, api_request
from crawler.seeds import ListSource

FORM_API = {
    "url": "/api/content/list",
    "method": "POST",
    "body": {"channelId": "1024", "pageNo": "{page}", "pageSize": "{size}"},
    "page_size": 5,
    "results_path": "data.list",
    "total_path": "data.total",
    "date_field": "publishTime",
}


def test_form_json_and_get_requests() -> None:
    req = api_request(FORM_API, "http://e/xcgz/zgtb/index.html", 2)
    assert req.url == "http://e/api/content/list" and req.body is not None
    assert dict(parse_qsl(req.body.decode())) == {
        "channelId": "1024",
        "pageNo": "2",
        "pageSize": "5",
    }
    assert req.headers["X-Requested-With"] == "XMLHttpRequest"
    json_api = {
        "url": "/api/v2/list",
        "method": "POST",
        "body_format": "json",
        "body": {"channelId": "2048", "page": {"current": "{page}", "size": "{size}"}},
        "page_size": 20,
        "results_path": "result.records",
    }
    req = api_request(json_api, "http://e/xcgz/xcgg/index.html", 1)
    assert req.body is not None
    assert json.loads(req.body) == {"channelId": "2048", "page": {"current": 1, "size": 20}}
    get_api = {
        "url": "/gkmlpt/api/all/1?sid=2",
        "params": {"page": "{page}"},
        "results_path": "articles",
    }
    assert (
        api_request(get_api, "http://g/gkmlpt/index", 3).url
        == "http://g/gkmlpt/api/all/1?sid=2&page=3"
    )


def test_rows_total_and_stop() -> None:
    api = {
        "results_path": "data.list",
        "total_path": "data.total",
        "date_field": "publishTime",
        "page_size": 5,
    }
    data = {
        "data": {
            "total": 17,
            "list": [
                {
                    "title": "关于巡察整改情况的通报",
                    "url": "/content/post_1.html",
                    "publishTime": "2023-06-19 09:30:00",
                },
                {
                    "title": "x",
                    "url": "http://e2/content/post_2.html",
                    "publishTime": 1686879000000,
                },
                {"title": "no url"},
            ],
        }
    }
    rows, total = api_entries(data, api, "http://e/api/content/list")
    assert total == 17
    assert rows == [
        listing.ListEntry("http://e/content/post_1.html", "关于巡察整改情况的通报", "2023-06-19"),
        listing.ListEntry("http://e2/content/post_2.html", "x", "2023-06-16"),  # epoch ms, UTC+8
    ]
    assert not api_done(rows * 3, 17, 3, api)
    assert api_done(rows, 17, 4, api)
    assert api_done([], None, 5, api)


def one_row(n: int) -> str:
    return json.dumps({"data": {"total": 12, "list": [{"url": f"/p{n}.html", "title": "t"}]}})


@pytest.mark.parametrize(
    ("api", "pages"),
    [
        # page_size 5, total 12: pages 1, 2, 3 (3 × 5 ≥ 12), then the total is covered
        ({**FORM_API}, [1, 2, 3]),
        # a 0-based API: its first page is 0
        ({**FORM_API, "page_start": 0}, [0, 1, 2]),
    ],
)
def test_the_style_counts_the_api_pages(api: dict[str, Any], pages: list[int]) -> None:
    style = JsonApi(ListSource("http://e/xcgz/zgtb/index.html", {"type": "json_api"}, api))
    request = style.first()
    asked = []
    for number in range(1, 10):
        asked.append(dict(parse_qsl((request.body or b"").decode()))["pageNo"])
        rows, total = style.rows(one_row(number), request.url, {})
        nxt, reason = style.next(ReadPage(number, request.url, "", rows, total))
        if nxt is None:
            assert reason == "last_page"
            break
        request = nxt
    assert asked == [str(p) for p in pages]


def test_a_page_that_is_not_json_has_no_rows() -> None:
    style = JsonApi(ListSource("http://e/", {"type": "json_api"}, FORM_API))
    assert style.rows("<html>blocked</html>", "http://e/api", {}) == ([], None)
