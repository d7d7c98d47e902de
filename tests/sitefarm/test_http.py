"""Request helpers and route keys of the farm's HTTP layer."""

from __future__ import annotations

import pytest

from crawler.demo.http import Request, Response, is_asset_path, not_found, route_key


@pytest.mark.parametrize(
    ("path", "query", "key"),
    [
        ("/a/b.htm", "", "/a/b.htm"),
        ("/content.jsp", "wbnewsid=2&wbtreeid=1", "/content.jsp?wbnewsid=2&wbtreeid=1"),
        ("/content.jsp", "wbtreeid=1&wbnewsid=2", "/content.jsp?wbnewsid=2&wbtreeid=1"),
        ("/u/%d5%fb.doc", "", "/u/%D5%FB.doc"),
        ("/u/整改.doc", "", "/u/%E6%95%B4%E6%94%B9.doc"),
        ("/p", "webname=%E4%B8%B4&path=/", "/p?path=%2F&webname=%E4%B8%B4"),
    ],
)
def test_route_key_is_one_spelling_per_resource(path: str, query: str, key: str) -> None:
    assert route_key(path, query) == key


@pytest.mark.parametrize(
    ("path", "asset"),
    [
        ("/images/a.PNG", True),
        ("/js/list.js", True),
        ("/a.css", True),
        ("/a.pdf", False),
        ("/", False),
    ],
)
def test_asset_paths(path: str, asset: bool) -> None:
    assert is_asset_path(path) is asset


def test_request_reads_form_only_with_the_form_content_type() -> None:
    form = Request(
        "POST",
        "/p",
        "a=1",
        {"content-type": "application/x-www-form-urlencoded"},
        b"k=%E4%B8%B4",
        "h",
    )
    assert form.form() == {"k": "临"}
    assert form.args() == {"a": "1"}
    assert form.header("Content-Type") == "application/x-www-form-urlencoded"
    assert Request("POST", "/p", "", {}, b"k=v", "h").form() == {}


def test_request_json_body_is_none_when_not_json() -> None:
    assert Request("POST", "/p", "", {}, b'{"a": 1}', "h").json_body() == {"a": 1}
    assert Request("POST", "/p", "", {}, b"not json", "h").json_body() is None
    assert Request("POST", "/p", "", {}, b"\xff", "h").json_body() is None


def test_response_header_lookup_ignores_case() -> None:
    response = Response(200, b"", [("Content-Type", "text/html")])
    assert response.header("content-type") == "text/html"
    assert response.header("ETag") is None


def test_not_found_page() -> None:
    page = not_found()
    assert page.status == 404
    assert "<title>404</title>" in page.body.decode()
