"""`hanweb_dataproxy`: jpage counts, GET and POST proxy requests, and the state kept across groups."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from crawler.paging import HanwebDataproxy, ReadPage
from crawler.paging.hanweb_dataproxy import dataproxy_done, dataproxy_request, jpage_settings
from crawler.seeds import ListSource

COLUMN_URL = "http://b/col/col1536/index.html"
COLUMN = """<div id="8821"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=7&path=/&columnid=1536&unitid=8821&webname=%E4%B8%B4%E6%B2%B3&permissiontype=0"></a>]]></nextgroup>
<recordset><record><![CDATA[<li><a href='/art/2023/6/19/art_1536_48211.html'>x</a><span>2023-06-19</span></li>]]></record>
</recordset></datastore></script></div>
<script>$('#8821').jpage({perPage:5, totalRecord:27, groupSize:3, proxyUrl:'/module/web/jpage/dataproxy.jsp'});</script>"""
PROXY_PAGE = "<datastore><totalrecord>27</totalrecord><recordset></recordset></datastore>"


def test_jpage_settings_from_the_column_and_the_proxy() -> None:
    assert jpage_settings(COLUMN) == {"totalRecord": 27, "perPage": 5, "groupSize": 3}
    assert jpage_settings(PROXY_PAGE) == {"totalRecord": 27}
    assert jpage_settings("<p>x</p>") == {}


def test_get_and_post_requests() -> None:
    settings = jpage_settings(COLUMN)
    get = dataproxy_request(COLUMN, COLUMN_URL, 2, "GET", settings)
    assert get is not None and get.method == "GET"
    query = dict(parse_qsl(urlsplit(get.url).query))
    assert query["page"] == "2" and query["columnid"] == "1536" and query["unitid"] == "8821"
    post = dataproxy_request(COLUMN, COLUMN_URL, 2, "POST", settings)
    assert post is not None and post.method == "POST" and post.body is not None
    assert dict(parse_qsl(urlsplit(post.url).query)) == {
        "startrecord": "16",
        "endrecord": "30",
        "perpage": "5",
    }
    form = dict(parse_qsl(post.body.decode()))
    assert form["columnid"] == "1536" and form["col"] == "1" and form["webname"] == "临河"
    assert post.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert dataproxy_request("<p>no datastore</p>", "http://b/", 2, "GET", settings) is None


@pytest.mark.parametrize(
    ("settings", "group", "done"),
    [
        ({"totalRecord": 27, "perPage": 5, "groupSize": 3}, 1, False),
        ({"totalRecord": 27, "perPage": 5, "groupSize": 3}, 2, True),
        ({"totalRecord": 45}, 1, True),  # default 15 per page, 3 pages a group
        ({"totalRecord": 46}, 1, False),
        ({}, 9, False),  # no total: only an empty group ends the column
    ],
)
def test_done_when_the_total_is_covered(settings: dict, group: int, done: bool) -> None:
    assert dataproxy_done(settings, group) is done


def test_the_style_keeps_the_column_between_groups() -> None:
    style = HanwebDataproxy(ListSource(COLUMN_URL, {"type": "hanweb_dataproxy", "method": "GET"}))
    request, _ = style.next(ReadPage(1, COLUMN_URL, COLUMN, [], None))
    assert request is not None and dict(parse_qsl(urlsplit(request.url).query))["page"] == "2"
    # page 2 is the proxy's XML: the proxy link still comes from the column page
    assert style.next(ReadPage(2, request.url, PROXY_PAGE, [], None)) == (None, "last_page")


def test_a_column_without_a_proxy_ends_after_its_first_group() -> None:
    style = HanwebDataproxy(ListSource(COLUMN_URL, {"type": "hanweb_dataproxy"}))
    assert style.next(ReadPage(1, COLUMN_URL, "<ul><li>x</li></ul>", [], None)) == (
        None,
        "no_next_group",
    )
