"""CleanPipeline (pipelines/clean.py): item.body -> item.cleaned, site rules, never raises."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy.utils.test import get_crawler

from pipelines.clean import CleanPipeline
from pipelines.cleaning import SiteCleanRules
from pipelines.common.fetched import FetchedPage

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


class FakeSpider:
    name = "fake"

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        self.calls = 0

    def site_options(self, site_id: str) -> dict[str, Any]:
        self.calls += 1
        return self.options.get(site_id, {})


def item(body: bytes, site_id: str = "s1", declared: str | None = None) -> FetchedPage:
    return FetchedPage(
        url="http://jw.example.gov.cn/xsxc/202306/t20230620_1.html",
        canonical_url="http://jw.example.gov.cn/xsxc/202306/t20230620_1.html",
        site_id=site_id,
        region="test",
        status=200,
        fetched_at=datetime(2023, 6, 20, tzinfo=UTC),
        body=body,
        declared_encoding=declared,
    )


def pipeline(spider: Any) -> tuple[CleanPipeline, Any]:
    crawler = get_crawler()
    crawler.spider = spider
    crawler.stats.open_spider()
    return CleanPipeline.from_crawler(crawler), crawler.stats


def test_cleans_the_body_with_the_page_url_and_header_charset() -> None:
    body = (PAGES / "vsb_news_header_utf8_body_gbk.html").read_bytes()
    pipe, stats = pipeline(FakeSpider({}))
    out = pipe.process_item(item(body, declared="utf-8"))
    assert out.cleaned is not None
    assert out.cleaned.encoding == "gb18030"
    assert out.cleaned.meta.title == "学校召开巡察整改工作推进会"
    assert stats.get_value("notices/clean/pages") == 1


def test_site_options_become_rules_once_per_site() -> None:
    body = "<html><body><div class='a'><p>站点正文。</p></div><div class='b'><p>不是正文。</p></div></body></html>"
    spider = FakeSpider({"s1": {"content_selector": "div.b", "extra_chrome": []}})
    pipe, _ = pipeline(spider)
    for _ in range(3):
        out = pipe.process_item(item(body.encode()))
    assert out.cleaned is not None and out.cleaned.text == "不是正文。"
    assert spider.calls == 1
    assert pipe.rules_for("s1", spider) == SiteCleanRules(content_selector="div.b")


def test_bad_site_options_fall_back_to_generic_cleaning() -> None:
    spider = FakeSpider({"s1": {"content_selector": "div["}})
    pipe, stats = pipeline(spider)
    out = pipe.process_item(item("<p>巡察整改情况的通报正文。</p>".encode()))
    assert out.cleaned is not None and out.cleaned.text == "巡察整改情况的通报正文。"
    assert stats.get_value("notices/clean/bad_site_rules") == 1


def test_spider_without_site_options_is_fine() -> None:
    pipe, _ = pipeline(object())
    out = pipe.process_item(item("<p>正文。</p>".encode("gbk")))
    assert out.cleaned is not None and out.cleaned.text == "正文。"


def test_a_failure_gives_an_empty_page_and_a_stat(monkeypatch: Any) -> None:
    def explode(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("pipelines.clean.clean_html", explode)
    pipe, stats = pipeline(FakeSpider({}))
    page = item(b"<p>x</p>")
    out = pipe.process_item(page)
    assert out is page
    assert out.cleaned is not None and out.cleaned.text == ""
    assert out.body == b"<p>x</p>"  # the raw page is kept for storage
    assert stats.get_value("notices/clean/errors") == 1
