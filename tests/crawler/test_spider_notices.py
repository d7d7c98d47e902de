"""The notices spider's callbacks, fed with hand-made responses (no network, no pipelines)."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from crawler import run_context
from crawler.pagination import Cursor
from crawler.seeds import SeedError
from crawler.spiders.notices import START_WINDOW, NoticesSpider
from pipelines.common import page_state
from pipelines.common.fetched import FetchedPage
from pipelines.common.page_state import ArchiveState, ListRow, PageState

SEEDS = """\
regions:
  - code: "340400"
    name: 淮南市
    pinyin: huainan
    sites:
      - id: trs
        name: 淮南市纪委监委
        platform: trs
        list_urls: ["http://t.test/xsxc/", "http://t.test/b/", "http://t.test/c/"]
        content_selector: ".TRS_Editor"
        extra_chrome: ["扫一扫"]
        encoding: gb18030
      - id: param
        name: 参数分页
        platform: generic
        list_urls: ["http://p.test/list?page=1"]
        pagination: {type: page_param, param: page, start: 2}
"""

NOTICE = "中共白石镇委员会关于县委第二轮巡察整改进展情况的通报"
TRS_PAGE = f"""<ul>
<li><a href="./202306/t20230619_1.html" title="{NOTICE}">…</a><span>2023-06-19</span></li>
<li><a href="./202306/t20230612_2.html" title="2023年端午节廉洁提醒">…</a><span>2023-06-12</span></li>
<li><a href="http://other.test/a.html" title="{NOTICE}">…</a><span>2023-06-11</span></li>
</ul><script>var countPage = 3;createPageHTML(countPage, 0, "index", "html");</script>"""
DETAIL = (
    "<html><body><div class='TRS_Editor'>"
    + "<p>根据县委统一部署，开展了常规巡察。</p>" * 5
    + "<script>var att = '<a href=\"./P0202306.pdf\">整改台账.pdf</a>';</script></div></body></html>"
)


@pytest.fixture
def spider(tmp_path: Path) -> NoticesSpider:
    (tmp_path / "hn.yaml").write_text(SEEDS, encoding="utf-8")
    return make_spider(tmp_path, region="淮南")


def make_spider(seeds: Path, **kwargs: Any) -> NoticesSpider:
    crawler = get_crawler(NoticesSpider)
    spider = NoticesSpider.from_crawler(crawler, seeds=str(seeds), **kwargs)
    crawler.spider = spider
    return spider


def respond(
    spider: NoticesSpider, url: str, body: str | bytes, *, kind: str, status: int = 200, **meta: Any
) -> Response:
    site_id = meta.pop("site_id", "trs")
    request = Request(url, meta={"site_id": site_id, "kind": kind, **meta})
    # the "trs" seed says its pages are GB18030
    data = (
        body.encode("gb18030" if site_id == "trs" else "utf-8") if isinstance(body, str) else body
    )
    return HtmlResponse(url, status=status, body=data, encoding="utf-8", request=request)


def list_meta(site_id: str = "trs", source: int = 0, page: int = 1) -> dict[str, Any]:
    return {"site_id": site_id, "cursor": Cursor(site_id, source, page=page), "api_page": page}


def test_arguments_are_validated(tmp_path: Path) -> None:
    (tmp_path / "hn.yaml").write_text(SEEDS, encoding="utf-8")
    with pytest.raises(SeedError, match="known regions: 淮南市"):
        make_spider(tmp_path)
    with pytest.raises(SeedError, match="unknown region"):
        make_spider(tmp_path, region="上海")
    with pytest.raises(SeedError, match="since must be a date"):
        make_spider(tmp_path, region="huainan", since="yesterday")
    with pytest.raises(SeedError, match="max_pages must be a positive integer"):
        make_spider(tmp_path, region="huainan", max_pages="0")
    with pytest.raises(SeedError, match="full must be 1 or 0"):
        make_spider(tmp_path, region="huainan", full="maybe")
    assert make_spider(tmp_path, region="huainan", full="1").context.incremental.full
    one = make_spider(tmp_path, site="param")
    assert list(one.context.sites) == ["param"] and one.context.region_name == "淮南市"


def test_hands_the_pipelines_a_run_context(spider: NoticesSpider) -> None:
    context = run_context.find(spider.crawler)
    assert context is spider.context
    assert context.region_name == "淮南市"
    assert context.site_rows()[0] == {
        "id": "trs",
        "name": "淮南市纪委监委",
        "region": "淮南市",
        "region_code": "340400",
        "publisher": "淮南市纪委监委",
        "platform": "trs",
        "list_urls": ["http://t.test/xsxc/", "http://t.test/b/", "http://t.test/c/"],
    }
    rules = context.rules_for("trs")
    assert rules.content_selector == ".TRS_Editor"
    assert rules.extra_chrome == ("扫一扫",) and rules.encoding == "gb18030"
    assert context.unusable_rules == ()
    assert context.outcomes["trs"].to_dict()["outcome"] == "empty"


async def _collect(spider: NoticesSpider) -> list[Request]:
    return [r async for r in spider.start()]


def test_start_holds_back_list_urls_beyond_the_window(spider: NoticesSpider) -> None:
    starts = asyncio.run(_collect(spider))
    trs = [r.url for r in starts if r.meta["site_id"] == "trs"]
    assert trs == ["http://t.test/xsxc/", "http://t.test/b/"][:START_WINDOW]
    assert all(403 in r.meta["handle_httpstatus_list"] for r in starts)
    # each list response releases one held-back start
    released = list(
        spider.parse_list(
            respond(spider, "http://t.test/xsxc/", "<p>x</p>", kind="list", **list_meta())
        )
    )
    assert "http://t.test/c/" in [r.url for r in released if isinstance(r, Request)]


def test_trs_list_picks_notices_by_title_and_pages_by_script(spider: NoticesSpider) -> None:
    asyncio.run(_collect(spider))
    out = list(
        spider.parse_list(
            respond(spider, "http://t.test/xsxc/", TRS_PAGE, kind="list", **list_meta())
        )
    )
    urls = [r.url for r in out]
    assert urls[0] == "http://t.test/xsxc/202306/t20230619_1.html"
    assert out[0].meta["list_title"] == NOTICE and out[0].meta["list_date"] == "2023-06-19"
    assert "http://t.test/xsxc/index_1.html" in urls
    assert not any("t20230612_2" in u or "other.test" in u for u in urls)
    o = spider.context.outcomes["trs"]
    assert (o.list_pages, o.entries, o.skipped_by_title, o.external) == (1, 3, 1, 1)


def test_last_trs_page_and_max_pages_stop(tmp_path: Path) -> None:
    (tmp_path / "hn.yaml").write_text(SEEDS, encoding="utf-8")
    spider = make_spider(tmp_path, region="huainan", max_pages="1")
    out = list(
        spider._read_list(
            spider._sites["trs"],
            respond(spider, "http://t.test/xsxc/", TRS_PAGE, kind="list", **list_meta()),
        )
    )
    assert not any("index_1" in r.url for r in out)
    assert spider.context.outcomes["trs"].stop_reasons == [
        "http://t.test/xsxc/: max_pages after 1 page(s)"
    ]


def test_page_param_that_returns_page_one_again_is_detected(spider: NoticesSpider) -> None:
    page = f'<ul><li><a href="/a.html">{NOTICE}</a><span>2023-06-19</span></li></ul>'
    cursor = Cursor("param", 0)
    first = list(
        spider._read_list(
            spider._sites["param"],
            respond(
                spider,
                "http://p.test/list?page=1",
                page,
                kind="list",
                site_id="param",
                cursor=cursor,
                api_page=1,
            ),
        )
    )
    assert first[-1].url == "http://p.test/list?page=2"
    again = list(
        spider._read_list(
            spider._sites["param"],
            respond(
                spider,
                "http://p.test/list?page=2",
                page,
                kind="list",
                site_id="param",
                cursor=cursor,
                api_page=2,
            ),
        )
    )
    assert again == []
    assert spider.context.outcomes["param"].stop_reasons[-1].endswith("repeat_page after 2 page(s)")


def test_since_skips_old_rows_and_stops_paging(tmp_path: Path) -> None:
    (tmp_path / "hn.yaml").write_text(SEEDS, encoding="utf-8")
    spider = make_spider(tmp_path, region="huainan", since="2023-07-01")
    out = list(
        spider._read_list(
            spider._sites["trs"],
            respond(spider, "http://t.test/xsxc/", TRS_PAGE, kind="list", **list_meta()),
        )
    )
    assert out == []
    assert spider.context.outcomes["trs"].skipped_by_date == 2  # the third row is off-site
    assert spider.context.outcomes["trs"].stop_reasons[-1].endswith("since after 1 page(s)")


def test_detail_with_attachment_yields_the_page_after_the_file(spider: NoticesSpider) -> None:
    url = "http://t.test/xsxc/202306/t20230619_1.html"
    (att_request,) = spider.parse_detail(
        respond(spider, url, DETAIL, kind="detail", list_title=NOTICE)
    )
    assert att_request.url == "http://t.test/xsxc/202306/P0202306.pdf"
    pdf = b"%PDF-1.4 not really parseable"
    att_response = Response(att_request.url, body=pdf, request=att_request)
    (item,) = spider.parse_attachment(att_response, **att_request.cb_kwargs)
    assert isinstance(item, FetchedPage)
    assert item.canonical_url == "http://t.test/xsxc/202306/t20230619_1.html"
    assert (item.site_id, item.region, item.list_title) == ("trs", "淮南市", NOTICE)
    (att,) = item.attachments
    assert att.name == "整改台账.pdf" and att.sha256 == hashlib.sha256(pdf).hexdigest()
    assert att.error and "pdf text extraction failed" in att.error
    assert spider.context.outcomes["trs"].items == 1


def test_attachment_that_is_an_html_page_is_not_kept(spider: NoticesSpider) -> None:
    url = "http://t.test/xsxc/202306/t20230619_1.html"
    (att_request,) = spider.parse_detail(respond(spider, url, DETAIL, kind="detail"))
    html = TextResponse(
        att_request.url,
        body="<html><body>文件不存在</body></html>".encode(),
        encoding="utf-8",
        request=att_request,
    )
    (item,) = spider.parse_attachment(html, **att_request.cb_kwargs)
    assert item.attachments[0].body is None
    assert spider.context.outcomes["trs"].problems["wrong_content_type"] == 1


def test_blocked_detail_is_never_yielded_and_counts_towards_the_stop(spider: NoticesSpider) -> None:
    challenge = "<html><head><script>$_ts=window['$_ts'];</script></head><body></body></html>"
    for n in range(3):
        out = list(
            spider.parse_detail(
                respond(spider, f"http://t.test/{n}.html", challenge, kind="detail")
            )
        )
        assert out == []
    o = spider.context.outcomes["trs"]
    assert o.problems["js_challenge"] == 3 and o.stopped is True
    assert o.to_dict()["outcome"] == "blocked" and o.flagged


def test_detail_link_to_a_file_becomes_an_attachment(spider: NoticesSpider) -> None:
    request = Request(
        "http://t.test/f.docx", meta={"site_id": "trs", "kind": "detail", "list_title": NOTICE}
    )
    (item,) = spider.parse_detail(
        Response("http://t.test/f.docx", body=b"PK\x03\x04broken", request=request)
    )
    assert item.body == b"" and item.attachments[0].name == NOTICE
    assert item.attachments[0].sha256 == hashlib.sha256(b"PK\x03\x04broken").hexdigest()


def test_attachment_too_large_or_refused_is_recorded_not_fatal(spider: NoticesSpider) -> None:
    url = "http://t.test/xsxc/202306/t20230619_1.html"
    (att_request,) = spider.parse_detail(respond(spider, url, DETAIL, kind="detail"))
    assert att_request.meta["download_maxsize"] == 20 * 1024 * 1024
    failure = Failure(
        DownloadCancelledError("Received 99 bytes which is larger than download max size (9)")
    )
    failure.request = att_request  # type: ignore[attr-defined]
    (item,) = spider.attachment_failed(failure)
    assert item.attachments[0].body is None
    assert item.attachments[0].error.startswith("too_large: ")
    assert spider.context.outcomes["trs"].attachments_failed == 1
    robots = Failure(IgnoreRequest("Forbidden by robots.txt"))
    robots.request = att_request  # type: ignore[attr-defined]
    (again,) = spider.attachment_failed(robots)
    assert again.attachments[-1].error == "not fetched: Forbidden by robots.txt"
    assert spider.context.outcomes["trs"].to_dict()["failures"] == [
        f"attachment too_large {att_request.url}",
        f"attachment not fetched {att_request.url}",
    ]


def test_a_chosen_page_that_did_not_come_is_a_failure_of_its_site(spider: NoticesSpider) -> None:
    gone = "http://t.test/xsxc/202306/t20230619_2.html"
    answers = {
        status: list(spider.parse_detail(respond(spider, gone, "x", kind="detail", status=status)))
        for status in (404, 503)
    }
    # no notice page came: a 404 only tells the store its notice is gone, a 503 nothing at all
    assert [a.removed_reason for a in answers[404]] == ["not_found"] and not answers[503]
    page_2 = Request("http://t.test/xsxc/index_1.html", meta={"kind": "list", **list_meta(page=2)})
    refused = Failure(ConnectionRefusedError("Connection was refused"))
    refused.request = page_2  # type: ignore[attr-defined]
    list(spider.request_failed(refused))
    robots = Failure(IgnoreRequest("Forbidden by robots.txt"))
    robots.request = Request(gone, meta={"site_id": "trs", "kind": "detail"})  # type: ignore[attr-defined]
    list(spider.request_failed(robots))
    o = spider.context.outcomes["trs"]
    assert o.to_dict()["failures"] == [
        f"detail not_found 404 {gone}",
        f"detail server_error 503 {gone}",
        "list page 2 connection_error http://t.test/xsxc/index_1.html",
        f"detail robots_disallowed {gone}",
    ]
    assert o.outcome == "blocked" and o.flagged  # nothing came: robots.txt decides the class


def test_template_pages_until_a_missing_page(tmp_path: Path) -> None:
    seeds = SEEDS.replace(
        "{type: page_param, param: page, start: 2}", '{type: template, pattern: "list_{n}.html"}'
    )
    (tmp_path / "hn.yaml").write_text(seeds, encoding="utf-8")
    spider = make_spider(tmp_path, site="param")
    site = spider._sites["param"]
    cursor = Cursor("param", 0)
    page = f'<ul><li><a href="/a.html">{NOTICE}</a><span>2023-06-19</span></li></ul>'
    out = list(
        spider._read_list(
            site,
            respond(
                spider,
                "http://p.test/list?page=1",
                page,
                kind="list",
                site_id="param",
                cursor=cursor,
                api_page=1,
            ),
        )
    )
    assert out[-1].url == "http://p.test/list_2.html"
    missing = respond(
        spider,
        "http://p.test/list_2.html",
        "<title>404</title>",
        kind="list",
        status=404,
        site_id="param",
        cursor=cursor,
        api_page=2,
    )
    assert list(spider._read_list(site, missing)) == []
    o = spider.context.outcomes["param"]
    assert o.stop_reasons == ["http://p.test/list?page=1: missing_page after 2 page(s)"]
    assert not o.problems


def test_per_site_politeness_and_robots_opt_out(tmp_path: Path) -> None:
    seeds = SEEDS.replace(
        "        encoding: gb18030\n",
        "        encoding: gb18030\n        politeness: {download_delay: 3, concurrency: 5, obey_robots: false}\n",
    )
    (tmp_path / "hn.yaml").write_text(seeds, encoding="utf-8")
    # as in `scrapy crawl`: the spider is made before the crawler's settings are frozen
    crawler = Crawler(NoticesSpider, {"CONCURRENT_REQUESTS_PER_DOMAIN": 2})
    spider = NoticesSpider.from_crawler(crawler, seeds=str(tmp_path), region="huainan")
    slots = crawler.settings.getdict("DOWNLOAD_SLOTS")
    assert slots == {"t.test": {"delay": 3.0, "concurrency": 2}}  # never above 2 per host
    starts = asyncio.run(_collect(spider))
    trs = [r for r in starts if r.meta["site_id"] == "trs"]
    assert all(r.meta.get("dont_obey_robotstxt") is True for r in trs)
    assert all(r.meta.get("autothrottle_dont_adjust_delay") is True for r in trs)
    assert not any("dont_obey_robotstxt" in r.meta for r in starts if r.meta["site_id"] == "param")


def test_html_bytes_served_as_a_binary_file_are_not_an_item(spider: NoticesSpider) -> None:
    request = Request("http://t.test/f.pdf", meta={"site_id": "trs", "kind": "detail"})
    page = Response("http://t.test/f.pdf", body=b"<html><body>gone</body></html>", request=request)
    assert list(spider.parse_detail(page)) == []
    assert spider.context.outcomes["trs"].problems["wrong_content_type"] == 1


# --- incremental crawling (crawler/incremental.py) ------------------------------------------

LIST_URL = "http://t.test/xsxc/"
ROW = "http://t.test/xsxc/202306/t20230619_1.html"
PAGE_2 = "http://t.test/xsxc/index_1.html"


def known_archive(
    *, stored: bool = True, etag: str | None = '"L1"', walked_to_2: bool = True
) -> ArchiveState:
    """The archive after a crawl of TRS_PAGE: its list page, its notice row stored."""
    rows = (
        ListRow(ROW, NOTICE, "2023-06-19"),
        ListRow("http://t.test/xsxc/202306/t20230612_2.html", "2023年端午节廉洁提醒", "2023-06-12"),
        ListRow("http://other.test/a.html", NOTICE, "2023-06-11"),
    )
    when = datetime(2026, 12, 1, tzinfo=UTC)
    page = PageState(LIST_URL, "trs", page_state.LIST, etag, None, "s", 200, when, rows)
    page2 = PageState(PAGE_2, "trs", page_state.LIST, None, None, "s2", 200, when)
    detail = PageState(ROW, "trs", page_state.DETAIL, '"D1"', None, "d", 200, when)
    pages = {p.key: p for p in (page, page2, detail) if walked_to_2 or p is not page2}
    return ArchiveState(
        pages=pages,
        stored=frozenset({ROW} if stored else ()),
        sites=frozenset({"trs"}),
    )


def test_a_known_list_page_is_requested_with_its_validators(spider: NoticesSpider) -> None:
    spider.context.incremental.load(known_archive())
    (first, *_) = asyncio.run(_collect(spider))
    assert first.url == LIST_URL and first.headers.get("If-None-Match") == b'"L1"'
    assert 304 in first.meta["handle_httpstatus_list"]


def test_a_page_of_known_rows_ends_its_list(spider: NoticesSpider) -> None:
    spider.context.incremental.load(known_archive())
    response = respond(spider, LIST_URL, TRS_PAGE, kind="list", **list_meta())
    assert list(spider._read_list(spider._sites["trs"], response)) == []  # no detail, no page 2
    o = spider.context.outcomes["trs"]
    assert (o.known, o.items, o.outcome) == (1, 0, "ok")
    assert o.stop_reasons == [f"{LIST_URL}: unchanged after 1 page(s)"]
    (seen,) = spider.context.incremental.lists_seen()
    assert [r.url for r in seen.rows] == [row.url for row in known_archive().pages[LIST_URL].rows]


def test_a_page_of_known_rows_pages_on_to_a_page_never_read(spider: NoticesSpider) -> None:
    spider.context.incremental.load(known_archive(walked_to_2=False))  # the last walk was cut
    response = respond(spider, LIST_URL, TRS_PAGE, kind="list", **list_meta())
    assert [r.url for r in spider._read_list(spider._sites["trs"], response)] == [PAGE_2]
    assert spider.context.outcomes["trs"].known == 1


def test_a_new_row_is_fetched_and_the_list_pages_on(spider: NoticesSpider) -> None:
    spider.context.incremental.load(known_archive(stored=False))
    out = list(
        spider._read_list(
            spider._sites["trs"], respond(spider, LIST_URL, TRS_PAGE, kind="list", **list_meta())
        )
    )
    assert [r.url for r in out] == [ROW, PAGE_2]
    assert out[0].headers.get("If-None-Match") == b'"D1"'  # a page the archive answered before


def test_a_full_walk_fetches_known_rows_and_pages_on(tmp_path: Path) -> None:
    (tmp_path / "hn.yaml").write_text(SEEDS, encoding="utf-8")
    spider = make_spider(tmp_path, region="huainan", full="1")
    spider.context.incremental.load(known_archive())
    out = list(
        spider._read_list(
            spider._sites["trs"], respond(spider, LIST_URL, TRS_PAGE, kind="list", **list_meta())
        )
    )
    assert [r.url for r in out] == [ROW, PAGE_2]


def test_a_304_list_page_of_known_rows_ends_its_list(spider: NoticesSpider) -> None:
    spider.context.incremental.load(known_archive())
    response = respond(spider, LIST_URL, b"", kind="list", status=304, **list_meta())
    assert list(spider._read_list(spider._sites["trs"], response)) == []
    o = spider.context.outcomes["trs"]
    assert (o.list_pages, o.known, o.entries) == (1, 1, 3)
    assert o.stop_reasons == [f"{LIST_URL}: unchanged after 1 page(s)"]
    (seen,) = spider.context.incremental.lists_seen()
    assert (seen.status, seen.etag, len(seen.rows)) == (304, '"L1"', 3)


def test_a_304_list_page_with_an_unknown_row_is_read_again_whole(spider: NoticesSpider) -> None:
    spider.context.incremental.load(known_archive(stored=False))
    request = Request(
        LIST_URL,
        headers={"If-None-Match": '"L1"', "Referer": "x"},
        meta={**list_meta(), "kind": "list"},
    )
    response = HtmlResponse(LIST_URL, status=304, body=b"", request=request)
    (again,) = spider._read_list(spider._sites["trs"], response)
    assert again.url == LIST_URL and again.dont_filter
    assert again.headers.get("If-None-Match") is None and again.headers.get("Referer") == b"x"
    assert spider.context.outcomes["trs"].list_pages == 0  # counted when it is read


def test_a_304_detail_is_a_page_the_store_marks_seen(spider: NoticesSpider) -> None:
    request = Request(
        ROW,
        headers={"If-None-Match": '"D1"'},
        meta={"site_id": "trs", "kind": "detail", "list_title": NOTICE},
    )
    response = HtmlResponse(ROW, status=304, body=b"", request=request)
    (item,) = spider.parse_detail(response)
    assert isinstance(item, FetchedPage)
    assert (item.not_modified, item.body, item.etag, item.status) == (True, b"", '"D1"', 304)
    assert spider.context.outcomes["trs"].items == 1
