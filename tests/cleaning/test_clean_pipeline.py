"""CleanPipeline (pipelines/clean.py): item.body -> item.cleaned, site rules, never raises."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy.utils.test import get_crawler
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from crawler import run_context
from crawler.outcomes import OutcomeLedger, SiteOutcome
from crawler.run_context import RunContext, clean_rules
from models.notice import Notice
from models.raw_page import RawPage
from models.runs import upsert_sites
from models.upsert import write_pages
from pipelines.clean import CleanPipeline
from pipelines.cleaning import SiteCleanRules
from pipelines.common.cleaned import EMPTY_BODY
from pipelines.common.fetched import FetchedPage
from pipelines.parse import ParsePipeline

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


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


def pipeline(options: dict[str, dict[str, Any]] | None) -> tuple[CleanPipeline, Any]:
    """A pipeline on a crawler whose run context has the sites' cleaning `options` (None: a crawl
    of another spider, without a context)."""
    crawler = get_crawler()
    if options is not None:
        rules, unusable = clean_rules(options)
        context = RunContext(
            region_name="test",
            sites={},
            clean_rules=rules,
            unusable_rules=unusable,
            outcomes=OutcomeLedger([SiteOutcome("s1")]),
        )
        run_context.attach(crawler, context)
    crawler.stats.open_spider()
    pipe = CleanPipeline.from_crawler(crawler)
    pipe.open_spider()
    return pipe, crawler.stats


def test_cleans_the_body_with_the_page_url_and_header_charset() -> None:
    body = (PAGES / "vsb_news_header_utf8_body_gbk.html").read_bytes()
    pipe, stats = pipeline({})
    out = pipe.process_item(item(body, declared="utf-8"))
    assert out.cleaned is not None
    assert out.cleaned.encoding == "gb18030"
    assert out.cleaned.meta.title == "学校召开巡察整改工作推进会"
    assert stats.get_value("notices/clean/pages") == 1


def test_the_sites_rules_from_the_run_context_are_used() -> None:
    body = "<html><body><div class='a'><p>站点正文。</p></div><div class='b'><p>不是正文。</p></div></body></html>"
    pipe, _ = pipeline({"s1": {"content_selector": "div.b", "extra_chrome": []}})
    out = pipe.process_item(item(body.encode()))
    assert out.cleaned is not None and out.cleaned.text == "不是正文。"
    assert pipe.rules_for("s1") == SiteCleanRules(content_selector="div.b")
    assert pipe.rules_for("unknown") == SiteCleanRules()


def test_bad_site_options_fall_back_to_generic_cleaning() -> None:
    pipe, stats = pipeline({"s1": {"content_selector": "div["}, "s2": {}})
    out = pipe.process_item(item("<p>巡察整改情况的通报正文。</p>".encode()))
    assert out.cleaned is not None and out.cleaned.text == "巡察整改情况的通报正文。"
    assert stats.get_value("notices/clean/bad_site_rules") == 1


def test_a_crawl_without_a_run_context_is_cleaned_generically() -> None:
    pipe, _ = pipeline(None)
    out = pipe.process_item(item("<p>正文。</p>".encode("gbk")))
    assert out.cleaned is not None and out.cleaned.text == "正文。"


def test_a_failure_gives_an_empty_page_and_a_stat(monkeypatch: Any) -> None:
    def explode(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("pipelines.clean.clean_html", explode)
    pipe, stats = pipeline({})
    page = item(b"<p>x</p>")
    out = pipe.process_item(page)
    assert out is page
    assert out.cleaned is not None and out.cleaned.text == ""
    assert out.body == b"<p>x</p>"  # the raw page is kept for storage
    assert stats.get_value("notices/clean/errors") == 1


ARTICLE = (
    "<p>根据市委统一部署，市委第一巡察组对本单位开展了巡察，现将整改情况予以公布，欢迎监督。</p>"
    * 6
)


def test_an_empty_body_is_a_failed_page_and_no_record() -> None:
    body = f"<html><body><div class='menu'>{ARTICLE}</div><div>某某</div></body></html>"
    pipe, stats = pipeline({})
    out = pipe.process_item(item(body.encode()))
    assert out.cleaned is not None and out.cleaned.failure == EMPTY_BODY
    assert stats.get_value("notices/clean/empty_body") == 1
    context = run_context.find(pipe.crawler)
    assert context is not None
    assert context.outcomes["s1"].to_dict()["failures"] == [f"detail empty_body {out.url}"]
    parsed = ParsePipeline(pipe.crawler).process_item(out)
    assert parsed.record is None and not parsed.is_notice
    assert parsed.non_notice_reason == EMPTY_BODY  # raw_pages.reason of the kept raw page


def test_a_page_with_its_body_is_no_failure() -> None:
    pipe, stats = pipeline({})
    out = pipe.process_item(item(f"<html><body><div>{ARTICLE}</div></body></html>".encode()))
    assert out.cleaned is not None and out.cleaned.failure is None and out.rule is None
    assert stats.get_value("notices/clean/empty_body") is None


def test_an_empty_body_is_stored_as_a_raw_page_with_its_reason(engine: Engine) -> None:
    body = f"<html><body><div class='menu'>{ARTICLE}</div><div>某某</div></body></html>"
    pipe, _ = pipeline({})
    page = ParsePipeline(pipe.crawler).process_item(pipe.process_item(item(body.encode())))
    upsert_sites(engine, [{"id": "s1", "name": "站", "region": "test"}])
    write_pages(engine, [page])
    with Session(engine) as session:
        assert list(session.scalars(select(Notice))) == []
        raw = session.scalars(select(RawPage)).one()
    assert (raw.canonical_url, raw.reason) == (page.canonical_url, EMPTY_BODY)
