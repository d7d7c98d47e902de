"""`notices link` over a stored archive (models/link.py): notices parsed from texts, grouped into
inspections with their stages and figures, on SQLite and PostgreSQL; the command's output."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from crawler.cli import app
from models import Inspection, InspectionNotice
from models.link import rebuild
from models.runs import upsert_sites
from models.upsert import write_pages
from pipelines.common.fetched import FetchedPage
from pipelines.parsing import parse_notice

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
