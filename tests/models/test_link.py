"""`notices link` over a stored archive (models/link.py): notices parsed from texts and feedback
news kept as raw pages, grouped into inspections with their stages and figures, on SQLite and
PostgreSQL; the command's output."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from crawler.cli import app
from models import Inspection, InspectionNotice
from models.inspection import FeedbackEvent
from models.link import rebuild
from models.runs import upsert_sites
from models.upsert import write_pages
from pipelines.cleaning import SiteCleanRules
from pipelines.common.fetched import FetchedPage
from pipelines.feedback import READER
from pipelines.parsing import parse_notice
from pipelines.reparse import parse_stored

T0 = datetime(2025, 1, 1, tzinfo=UTC)
OPENING = (
    "根据十四届市委第三轮巡察工作统一部署，2023年4月10日至5月30日，市委第二巡察组对中共"
    "怀化市鹤城区卫生健康局党组开展了常规巡察，并于2023年7月12日反馈了巡察意见。"
)
NOTICES = {
    # id: (site, title, opening, published)
    1: ("a", "中共怀化市鹤城区卫生健康局党组关于巡察集中整改进展情况的通报", OPENING, "2023-10-20"),
    2: ("b", "中共怀化市鹤城区卫生健康局党组关于巡察集中整改进展情况的通报", OPENING, "2023-10-25"),
    3: (
        "a",
        "中共怀化市鹤城区卫生健康局党组关于巡察整改完成情况的通报",
        OPENING.replace("。", "。现将整改完成情况予以公布。", 1),
        "2024-05-08",
    ),
    4: (
        "a",
        "中共怀化市鹤城区卫生健康局党组关于巡察集中整改进展情况的通报",
        OPENING.replace("第三轮", "第一轮")
        .replace("2023年4月10日至5月30日", "2025年3月1日至4月20日")
        .replace("2023年7月12日", "2025年6月5日")
        .replace("十四届", "十五届"),
        "2025-09-01",
    ),
}
BODY = "现将集中整改进展情况予以公布。\n一、整改工作开展情况\n巡察反馈问题12个，已完成10个。"


def _page(nid: int) -> FetchedPage:
    site, title, opening, published = NOTICES[nid]
    text = f"{title}\n{opening}\n{BODY}\n中共怀化市鹤城区卫生健康局党组\n{published[:4]}年1月1日"
    record = parse_notice(text).to_dict() | {"published_date": published}
    url = f"http://127.0.0.1/{site}/{nid}.html"
    return FetchedPage(url, url, site, "鹤城区", 200, T0, text.encode(), record=record)


@pytest.fixture
def linked(engine: Engine) -> Engine:
    upsert_sites(
        engine,
        [{"id": s, "name": s, "region": "鹤城区"} for s in ("a", "b")],
    )
    write_pages(engine, [_page(n) for n in NOTICES], now=T0)
    return engine


def test_one_inspection_with_its_stages_and_a_repost(linked: Engine) -> None:
    with linked.begin() as conn:
        result = rebuild(conn)
    assert (result.inspections, result.notices, result.unlinked) == (2, 4, 0)
    with linked.connect() as conn:
        rows = conn.execute(select(Inspection.__table__).order_by(Inspection.id)).all()
        members = conn.execute(
            select(InspectionNotice.inspection_id, InspectionNotice.stage).order_by(
                InspectionNotice.notice_id
            )
        ).all()
    first, second = rows
    assert (first.term, first.round, first.feedback_date) == (14, 3, "2023-07-12")
    assert (first.notice_count, first.disclosures) == (3, 2)
    assert first.days_to_disclosure == 100  # 2023-07-12 -> 2023-10-20
    assert (second.term, second.round, second.notice_count) == (15, 1, 1)
    assert [m.inspection_id for m in members] == [1, 1, 1, 2]
    assert members[1].stage == "repost"
    assert members[2].stage == "completed"


def test_link_replaces_the_last_grouping(linked: Engine) -> None:
    for _ in range(2):
        with linked.begin() as conn:
            rebuild(conn)
    with linked.connect() as conn:
        assert len(conn.execute(select(InspectionNotice)).all()) == 4


def test_the_command_says_what_it_linked(linked: Engine, migrated_url: str) -> None:
    result = CliRunner().invoke(app, ["link", "--url", migrated_url])
    assert result.exit_code == 0, result.output
    assert "linked 4 notices into 2 inspections" in result.output
    assert "0 feedback events" in result.output


# Feedback news as sites publish it: (title, date, paragraphs)
FEEDBACK_NEWS = {
    11: (
        "市委第二巡察组向区卫生健康局党组反馈巡察情况",
        "2023-07-14 10:00",
        (
            "2023年7月12日，十四届市委第三轮巡察第二巡察组向中共怀化市鹤城区卫生健康局党组反馈巡察"
            "情况。会上，巡察组组长通报了巡察发现的问题。"
        ),
    ),
    12: (
        "十五届市委第一轮巡察反馈会议召开",
        "2025-06-06",
        "6月5日，十五届市委第一轮巡察反馈会议召开。市委第二巡察组向区卫生健康局党组反馈巡察情况。",
    ),
    13: (
        "十四届市委第三轮巡察反馈会议召开",
        "2024-01-12",
        (
            "1月10日，十四届市委第三轮巡察反馈会议召开。市委第三巡察组分别向区财政局党组、区民政局"
            "党组反馈巡察情况。"
        ),
    ),
    14: (  # not feedback news: the team arrives
        "市委第一巡察组进驻区交通运输局开展巡察",
        "2024-03-02",
        "3月1日，市委第一巡察组进驻区交通运输局党组开展常规巡察。",
    ),
}
FINANCE = (  # a notice of 区财政局 that does not say when the findings were fed back
    "中共怀化市鹤城区财政局党组关于巡察集中整改进展情况的通报",
    "根据十四届市委第三轮巡察工作统一部署，市委第三巡察组对中共怀化市鹤城区财政局党组开展了常规巡察。",
    "2024-04-10",
)


def _news(nid: int) -> FetchedPage:
    title, published, text = FEEDBACK_NEWS[nid]
    html = (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body><div>'
        f"<h1>{title}</h1><div>发布时间：{published}</div><div><p>{text}</p>"
        "<p>被巡察单位党组书记表示，将照单全收，坚决抓好整改落实。</p></div></div></body></html>"
    )
    url = f"http://127.0.0.1/a/news{nid}.html"
    page = FetchedPage(url, url, "a", "鹤城区", 200, T0, html.encode(), list_title=title)
    page = parse_stored(page, SiteCleanRules())  # the crawl's own verdict and reason
    assert not page.is_notice
    return page


def _finance() -> FetchedPage:
    title, opening, published = FINANCE
    text = f"{title}\n{opening}\n{BODY}\n中共怀化市鹤城区财政局党组\n2024年4月10日"
    record = parse_notice(text).to_dict() | {"published_date": published}
    url = "http://127.0.0.1/a/5.html"
    return FetchedPage(url, url, "a", "鹤城区", 200, T0, text.encode(), record=record)


def test_feedback_news_joins_its_inspection_or_stands_undisclosed(linked: Engine) -> None:
    write_pages(linked, [_finance(), *(_news(n) for n in FEEDBACK_NEWS)], now=T0)
    with linked.begin() as conn:
        result = rebuild(conn, feedback=READER)
    assert (result.inspections, result.notices, result.events, result.never_disclosed) == (
        4,
        5,
        4,
        1,
    )
    with linked.connect() as conn:
        rows = conn.execute(select(Inspection.__table__).order_by(Inspection.id)).all()
        events = conn.execute(
            select(FeedbackEvent.__table__).order_by(FeedbackEvent.inspection_id)
        ).all()
    health, finance, civil, health_again = rows
    assert (health.notice_count, health.feedback_date, health.days_to_disclosure) == (
        3,
        "2023-07-12",
        100,
    )
    # the notice left the feedback date out: the news gives it, and the days to disclosure
    assert (finance.disclosures, finance.feedback_date, finance.days_to_disclosure) == (
        1,
        "2024-01-10",
        91,
    )
    assert (civil.inspected_unit, civil.disclosures, civil.first_disclosed) == (
        "区民政局党组",
        0,
        None,
    )
    assert (civil.term, civil.round, civil.feedback_date) == (14, 3, "2024-01-10")
    assert (health_again.term, health_again.notice_count) == (15, 1)
    assert [e.inspection_id for e in events] == [1, 2, 3, 4]
    start = FEEDBACK_NEWS[13][2].index("区民政局党组")  # the cleaned text opens with it
    assert events[2].evidence["unit"] == {"start": start, "end": start + len("区民政局党组")}
    assert events[2].inspection_body == "市委第三巡察组"


def test_link_without_a_reader_reads_no_pages(linked: Engine) -> None:
    write_pages(linked, [_news(13)], now=T0)
    with linked.begin() as conn:
        assert rebuild(conn).events == 0
