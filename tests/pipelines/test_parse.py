"""ParsePipeline (pipelines/parse.py): item.cleaned -> item.record; never drops, never raises."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from pipelines.common.cleaned import AttachmentLink, CleanedPage, PageMeta
from pipelines.common.fetched import FetchedAttachment, FetchedPage
from pipelines.parse import ParsePipeline

DEV = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "dev" / "texts"
NOTICE = (DEV / "001_fa27456fc6577f46.txt").read_text(encoding="utf-8")


def item(
    cleaned: CleanedPage | None, attachments: list[FetchedAttachment] | None = None
) -> FetchedPage:
    page = FetchedPage(
        url="http://127.0.0.1/a.html",
        canonical_url="http://127.0.0.1/a.html",
        site_id="s1",
        region="test",
        status=200,
        fetched_at=datetime(2023, 6, 20, tzinfo=UTC),
        body=b"",
        list_title="列表页标题",
        list_date="2022-01-25",
        attachments=attachments or [],
    )
    page.cleaned = cleaned
    return page


@pytest.fixture
def pipeline() -> ParsePipeline:
    return ParsePipeline.from_crawler(get_crawler())


def _stats(pipeline: ParsePipeline) -> dict[str, int]:
    stats = pipeline.crawler.stats.get_stats()
    return {k: v for k, v in stats.items() if k.startswith("notices/parse/")}


def test_notice_page_gets_a_record_and_is_counted(pipeline: ParsePipeline) -> None:
    page = item(CleanedPage(NOTICE, PageMeta(published="2022-01-26"), (AttachmentLink("a.pdf"),)))
    assert pipeline.process_item(page) is page
    assert page.record is not None and page.record["is_notice"]
    assert page.record["published_date"] == "2022-01-26"
    assert [a["name"] for a in page.record["attachments"]] == ["a.pdf"]
    assert len(page.record["problems"]) == 8
    assert _stats(pipeline) == {"notices/parse/notice": 1}


def test_list_page_date_fills_a_missing_page_date(pipeline: ParsePipeline) -> None:
    page = item(CleanedPage("根据县委统一部署，县委巡察组开展动员。"))
    pipeline.process_item(page)
    assert page.record is not None and not page.record["is_notice"]
    assert page.record["published_date"] == "2022-01-25"
    assert _stats(pipeline) == {"notices/parse/non_notice": 1}


def test_page_pointing_to_an_attachment_is_parsed_from_it(pipeline: ParsePipeline) -> None:
    docx = FetchedAttachment(name="整改情况通报.docx", url="http://127.0.0.1/t.docx", text=NOTICE)
    page = item(CleanedPage("详见附件。", PageMeta(title="巡察整改情况通报")), [docx])
    pipeline.process_item(page)
    assert page.record is not None and page.record["is_notice"]
    assert page.record["inspection_body"] == "区委第四巡察组"
    assert [a["name"] for a in page.record["attachments"]] == ["整改情况通报.docx"]
    assert _stats(pipeline) == {"notices/parse/notice": 1, "notices/parse/from_attachment": 1}


@pytest.mark.parametrize(
    ("body", "title", "expected"),
    [
        pytest.param(
            "现将《县统计局党组关于县委巡察整改进展情况的通报》予以公布，详见附件。",
            None,
            True,
            id="quoted-name",
        ),
        pytest.param("详见附件。", "县统计局党组关于县委巡察整改情况的公示", True, id="page-title"),
        pytest.param("详见附件。", "县统计局召开巡察整改工作推进会", False, id="meeting-title"),
        pytest.param("详见附件。", "关于审计整改情况的公告", False, id="audit-title"),
    ],
)
def test_page_pointing_to_an_unreadable_attachment(
    pipeline: ParsePipeline, body: str, title: str | None, expected: bool
) -> None:
    ofd = FetchedAttachment(name="通报.ofd", url="http://127.0.0.1/t.ofd", error="no text")
    meta = PageMeta(title=title, published="2022-11-26", source="县统计局")
    page = item(CleanedPage(body, meta, (AttachmentLink("通报.ofd", ofd.url),)), [ofd])
    pipeline.process_item(page)
    record = page.record
    assert record is not None and record["is_notice"] is expected
    if expected:
        assert record["title"] == (title or "县统计局党组关于县委巡察整改进展情况的通报")
        assert (record["published_date"], record["source"]) == ("2022-11-26", "县统计局")
        assert [a["name"] for a in record["attachments"]] == ["通报.ofd"]
        assert _stats(pipeline)["notices/parse/attachment_unread"] == 1


def test_long_page_is_not_replaced_by_its_attachment(pipeline: ParsePipeline) -> None:
    other = FetchedAttachment(name="附表.xlsx", url="http://127.0.0.1/t.xlsx", text="表格" * 5000)
    page = item(CleanedPage(NOTICE), [other])
    pipeline.process_item(page)
    assert page.record is not None and page.record["inspection_body"] == "区委第四巡察组"


def test_missing_cleaned_page_gives_an_empty_non_notice(pipeline: ParsePipeline) -> None:
    page = item(None)
    pipeline.process_item(page)
    assert page.record is not None and page.record["is_notice"] is False


def test_an_exception_is_logged_and_the_item_kept(
    pipeline: ParsePipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "parse_item", broken)
    page = item(CleanedPage("正文"))
    assert pipeline.process_item(page) is page
    assert page.record is not None and page.record["is_notice"] is False
    assert page.record["body_text"] == "正文"
    assert _stats(pipeline) == {"notices/parse/errors": 1, "notices/parse/non_notice": 1}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (NOTICE, "lists_problems"),
        (
            "县委第一巡察组进驻县人民医院开展巡察工作\n4月10日，巡察工作动员会召开。",
            "meeting_title",
        ),
        ("关于开展安全生产大检查的通知\n各单位要认真整改发现的问题。", "no_inspection_word"),
    ],
    ids=["notice", "meeting-news", "no-inspection"],
)
def test_the_page_gets_the_rule_that_decided(pipeline: ParsePipeline, text: str, rule: str) -> None:
    page = item(CleanedPage(text))
    pipeline.process_item(page)
    assert page.rule == rule


def test_a_failed_parse_is_marked_so(
    pipeline: ParsePipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "parse_item", broken)
    page = item(CleanedPage("正文"))
    pipeline.process_item(page)
    assert page.rule == "parse_failed"


def test_other_items_pass_through(pipeline: ParsePipeline) -> None:
    other = {"kind": "crawl-stat"}
    assert pipeline.process_item(other) is other
    assert _stats(pipeline) == {}


@pytest.mark.parametrize(("region", "code"), [("揭阳市", "445200"), ("test", None)])
def test_the_site_region_reaches_the_parser(
    pipeline: ParsePipeline, region: str, code: str | None
) -> None:
    page = item(CleanedPage(NOTICE.replace("揭阳市揭东区", "")))
    page.region = region
    pipeline.process_item(page)
    assert page.record is not None and page.record["region_code"] == code
