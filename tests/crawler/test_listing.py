"""List-page rows under the TRS, Hanweb and VSB profiles, dates, titles, and notice identity."""

from __future__ import annotations

import pytest

from crawler import listing
from crawler.platforms import PLATFORMS

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


def test_trs_rows_use_full_title_and_resolve_against_the_list_url() -> None:
    rows = listing.html_entries(TRS_LIST, "http://h/xsxc/xczg/", PLATFORMS["trs"].list_rules)
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


def test_hanweb_records_come_from_the_datastore() -> None:
    rows = listing.html_entries(
        HANWEB_COLUMN, "http://b/col/col1536/index.html", PLATFORMS["hanweb"].list_rules
    )
    assert [(r.url, r.title, r.date) for r in rows] == [
        (
            "http://b/art/2023/6/19/art_1536_48211.html",
            "中共城关镇委员会关于县委第二轮巡察整改进展情况的通报",
            "2023-06-19",
        ),
        ("http://b/art/2023/6/2/art_1536_48100.html", "关于巡察整改情况的通报", "2023-06-02"),
    ]


def test_vsb_title_from_p_sticky_marker_dropped() -> None:
    rows = listing.html_entries(VSB_LIST, "http://c/xsxc/zgtb.htm", PLATFORMS["vsb"].list_rules)
    assert [r.title for r in rows] == [
        "白沙县2021年巡察整改工作指引",
        "中共白石镇委员会关于县委第二轮巡察整改进展情况的通报",
    ]


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


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("http://127.0.0.17:8001/xcgk/1.jhtml", "http://127.0.0.17:9002/xcgk/1.jhtml"),
        ("http://www.c.gov.cn/a/1.html", "https://c.gov.cn/a/1.html"),
        ("https://c.gov.cn:8443/a/1.html", "http://www.c.gov.cn/a/1.html"),
    ],
)
def test_identity_survives_port_scheme_and_www_on_the_sites_hosts(a: str, b: str) -> None:
    hosts = ("127.0.0.17", "c.gov.cn")
    assert listing.canonical_url(a, hosts) == listing.canonical_url(b, hosts)


def test_another_hosts_port_still_tells_servers_apart() -> None:
    assert listing.canonical_url("http://d:8080/a", ("c",)) != listing.canonical_url(
        "http://d/a", ("c",)
    )
    assert listing.canonical_url("http://www.c:81/a", ("c",)) == "http://c/a"


def test_with_query_sets_the_page_parameter() -> None:
    assert listing.with_query("http://h/list?cat=3&page=1", page=2) == "http://h/list?cat=3&page=2"
