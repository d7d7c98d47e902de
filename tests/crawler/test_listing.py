"""List-page extraction, every pagination helper, and notice identity (canonical URLs)."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlsplit

import pytest

from crawler import listing
from crawler.profiles import PROFILES

TRS_LIST = """<html><body><ul class="nav"><li><a href="/gzdt/">工作动态</a></li></ul>
<div class="list-box"><ul class="list">
<li><a href="./202306/t20230619_1700895.html" title="中共白石镇委员会关于县委第二轮巡察整改进展情况的通报">中共白石镇委员会关于县委第二轮巡察整改进展情…</a><span>2023-06-19</span></li>
<li><a href="./202306/t20230612_1700801.html" title="2023年端午节廉洁提醒">2023年端午节廉洁提醒</a><span>2023-06-12</span></li>
</ul><div class="page"><script>
var currentPage = 0;//所在页从0开始
var countPage = 3//共多少页
createPageHTML(countPage, currentPage, "index", "html");
</script></div></div></body></html>"""

HANWEB_COLUMN = """<div id="8821"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=7&path=/&columnid=1536&unitid=8821&webname=%E4%B8%B4%E6%B2%B3&permissiontype=0"></a>]]></nextgroup>
<recordset>
<record><![CDATA[<li><a href='/art/2023/6/19/art_1536_48211.html' title='中共城关镇委员会关于县委第二轮巡察整改进展情况的通报' target="_blank">中共城关镇委员会关于县委第二轮巡察整改进...</a><span>2023-06-19</span></li>]]></record>
<record><![CDATA[<li style=<br/><li><a href='/art/2023/6/2/art_1536_48100.html' title='关于巡察整改情况的通报'>关于…</a><span>2023/06/02</span></li>]]></record>
</recordset></datastore></script></div>
<script>$('#8821').jpage({perPage:5, totalRecord:27, groupSize:3, proxyUrl:'/module/web/jpage/dataproxy.jsp'});</script>
<ul class="main_list"></ul>"""

VSB_LIST = """<ul class="news-list">
<li id="line_u5_0"><a href="../info/1026/2611.htm" title="白沙县纪委监委"><p><span class="zd">[置顶]</span>白沙县2021年巡察整改工作指引</p><span>2021-04-02</span></a></li>
<li id="line_u5_1"><a href="../content.jsp?urltype=news.NewsContentUrl&wbtreeid=1026&wbnewsid=2901" title="白沙县纪委监委"><p>中共白石镇委员会关于县委第二轮巡察整改进展情况的通报</p><span>2023-06-19</span></a></li>
</ul>
<div class="pagebar"><span class="p_pages"><span class="p_no_d">1</span><span class="p_no"><a href="zgtb/4.htm">2</a></span><span class="p_next p_fun"><a href="zgtb/4.htm">下页</a></span><span class="p_last p_fun"><a href="zgtb/1.htm">尾页</a></span></span></div>"""

VSB_LAST = '<ul><li><a href="../../info/1/2.htm"><p>x</p><span>2021-01-01</span></a></li></ul><span class="p_next_d p_fun_d">下页</span>'


def test_trs_rows_use_full_title_and_resolve_against_the_list_url() -> None:
    rows = listing.html_entries(TRS_LIST, "http://h/xsxc/xczg/", PROFILES["trs"].list_rules)
    assert rows == [
        listing.ListEntry(
            "http://h/xsxc/xczg/202306/t20230619_1700895.html",
            "中共白石镇委员会关于县委第二轮巡察整改进展情况的通报",
            "2023-06-19",
        ),
        listing.ListEntry(
            "http://h/xsxc/xczg/202306/t20230612_1700801.html", "2023年端午节廉洁提醒", "2023-06-12"
        ),
    ]  # the undated nav row is dropped


def test_trs_pager_only_in_script() -> None:
    assert listing.trs_page_count(TRS_LIST) == (3, "index", "html")
    assert listing.trs_page_url("http://h/a/", 0, "index", "html") == "http://h/a/index.html"
    assert (
        listing.trs_page_url("http://h/a/index.html", 1, "index", "html")
        == "http://h/a/index_1.html"
    )
    assert listing.trs_page_count("createPageHTML(7, 0, 'home', 'htm')") == (7, "home", "htm")
    assert listing.trs_page_count("Pager({size:5, current:0, prefix:'index', suffix:'shtml'})") == (
        5,
        "index",
        "shtml",
    )
    assert listing.trs_page_count("<p>no pager</p>") is None


def test_hanweb_records_come_from_the_datastore() -> None:
    rows = listing.html_entries(
        HANWEB_COLUMN, "http://b/col/col1536/index.html", PROFILES["hanweb"].list_rules
    )
    assert [(r.url, r.title, r.date) for r in rows] == [
        (
            "http://b/art/2023/6/19/art_1536_48211.html",
            "中共城关镇委员会关于县委第二轮巡察整改进展情况的通报",
            "2023-06-19",
        ),
        ("http://b/art/2023/6/2/art_1536_48100.html", "关于巡察整改情况的通报", "2023-06-02"),
    ]
    assert listing.jpage_settings(HANWEB_COLUMN) == {
        "totalRecord": 27,
        "perPage": 5,
        "groupSize": 3,
    }


def test_hanweb_dataproxy_get_and_post() -> None:
    settings = listing.jpage_settings(HANWEB_COLUMN)
    get = listing.dataproxy_request(
        HANWEB_COLUMN, "http://b/col/col1536/index.html", 2, "GET", settings
    )
    assert get is not None and get.method == "GET"
    query = dict(parse_qsl(urlsplit(get.url).query))
    assert query["page"] == "2" and query["columnid"] == "1536" and query["unitid"] == "8821"
    post = listing.dataproxy_request(
        HANWEB_COLUMN, "http://b/col/col1536/index.html", 2, "POST", settings
    )
    assert post is not None and post.method == "POST"
    assert dict(parse_qsl(urlsplit(post.url).query)) == {
        "startrecord": "16",
        "endrecord": "30",
        "perpage": "5",
    }
    form = dict(parse_qsl(post.body.decode()))
    assert form["columnid"] == "1536" and form["col"] == "1" and form["webname"] == "临河"
    assert post.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert not listing.dataproxy_done(settings, 1)
    assert listing.dataproxy_done(settings, 2)
    assert listing.dataproxy_request("<p>no datastore</p>", "http://b/", 2, "GET", settings) is None


def test_vsb_title_from_p_sticky_marker_dropped_and_next_link() -> None:
    rows = listing.html_entries(VSB_LIST, "http://c/xsxc/zgtb.htm", PROFILES["vsb"].list_rules)
    assert [r.title for r in rows] == [
        "白沙县2021年巡察整改工作指引",
        "中共白石镇委员会关于县委第二轮巡察整改进展情况的通报",
    ]
    assert listing.next_link(VSB_LIST, "http://c/xsxc/zgtb.htm") == "http://c/xsxc/zgtb/4.htm"
    assert listing.next_link(VSB_LAST, "http://c/xsxc/zgtb/1.htm") is None


@pytest.mark.parametrize(
    ("html", "selector", "expected"),
    [
        ('<a href="list_7_2.html">下一页</a>', None, "http://d/news/list_7_2.html"),
        ('<a href="?page=3">下页</a>', None, "http://d/news/list_7_1.html?page=3"),
        (
            '<div class="pg"><a class="nx" href="p2.html">›</a></div>',
            "div.pg a.nx @href",
            "http://d/news/p2.html",
        ),
        ('<a href="javascript:void(0)">下一页</a>', None, None),
        ('<p><a id="n" href="p3.html">more</a></p>', "//a[@id='n'] @href", "http://d/news/p3.html"),
        ("<p>no pager</p>", None, None),
    ],
)
def test_next_link(html: str, selector: str | None, expected: str | None) -> None:
    assert listing.next_link(html, "http://d/news/list_7_1.html", selector) == expected


def test_json_api_form_and_json_bodies() -> None:
    form_api = {
        "url": "/api/content/list",
        "method": "POST",
        "body": {"channelId": "1024", "pageNo": "{page}", "pageSize": "{size}"},
        "page_size": 5,
        "results_path": "data.list",
        "total_path": "data.total",
        "date_field": "publishTime",
    }
    req = listing.api_request(form_api, "http://e/xcgz/zgtb/index.html", 2)
    assert req.url == "http://e/api/content/list"
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
    req = listing.api_request(json_api, "http://e/xcgz/xcgg/index.html", 1)
    assert json.loads(req.body) == {"channelId": "2048", "page": {"current": 1, "size": 20}}
    get_api = {
        "url": "/gkmlpt/api/all/1?sid=2",
        "params": {"page": "{page}"},
        "results_path": "articles",
    }
    assert (
        listing.api_request(get_api, "http://g/gkmlpt/index", 3).url
        == "http://g/gkmlpt/api/all/1?sid=2&page=3"
    )


def test_json_api_rows_total_and_stop() -> None:
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
    rows, total = listing.api_entries(data, api, "http://e/api/content/list")
    assert total == 17
    assert rows == [
        listing.ListEntry("http://e/content/post_1.html", "关于巡察整改情况的通报", "2023-06-19"),
        listing.ListEntry("http://e2/content/post_2.html", "x", "2023-06-16"),  # epoch ms, UTC+8
    ]
    assert not listing.api_done(rows * 3, 17, 3, api)
    assert listing.api_done(rows, 17, 4, api)
    assert listing.api_done([], None, 5, api)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "http://c/info/1026/2897.htm",
            "http://c/content.jsp?urltype=news.NewsContentUrl&wbtreeid=1026&wbnewsid=2897",
        ),
        (
            "https://c/info/1026/2885.htm",
            "http://c/info/1026/2885.htm?from=singlemessage&isappinstalled=0",
        ),
        ("http://c:80/a/t1.html#top", "http://C/a/t1.html?utm_source=wx"),
        ("http://c/a?b=2&a=1", "http://c/a?a=1&b=2"),
    ],
)
def test_duplicate_urls_collapse(a: str, b: str) -> None:
    assert listing.canonical_url(a) == listing.canonical_url(b)


def test_different_notices_stay_different() -> None:
    assert listing.canonical_url("http://c/info/1026/1.htm") != listing.canonical_url(
        "http://c/info/1026/2.htm"
    )
    assert listing.canonical_url("http://c:8080/a") != listing.canonical_url("http://c/a")


def test_with_query_sets_the_page_parameter() -> None:
    assert listing.with_query("http://h/list?cat=3&page=1", page=2) == "http://h/list?cat=3&page=2"
