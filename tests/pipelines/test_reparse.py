"""`pipelines.reparse`: stored pages re-parsed by a changed parser (a monkeypatched version and
team extractor), on SQLite and PostgreSQL: counts, per-field report, in-place writes, dry runs,
non-notices that become notices and back, and agreement with the store's hashes."""

from __future__ import annotations

from typing import Any

import pytest
from packaging.version import Version
from sqlalchemy import Engine, func, select, text

from models.hashing import fetch_digest, record_digest
from models.notice import Notice, NoticeVersion, Problem
from models.raw_page import RawPage
from models.runs import upsert_sites
from models.upsert import write_pages
from models.writes import Outcome
from pipelines.cleaning import SiteCleanRules
from pipelines.parsing import notice as parser
from pipelines.parsing import units
from pipelines.reparse import older_versions, reparse
from tests.stored_pages import T0, farm_page

NEW_TEAM = "测试巡察组"


def generic(_site: str) -> SiteCleanRules:
    return SiteCleanRules()


@pytest.fixture
def archive(engine: Engine) -> Engine:
    upsert_sites(engine, [{"id": "farm-mutable", "name": "东湖", "region": "测试站群"}])
    write_pages(engine, [farm_page(1, "4520"), farm_page(1, "4521")], now=T0)
    return engine


@pytest.fixture
def new_parser(monkeypatch: pytest.MonkeyPatch) -> str:
    """The parser of tomorrow: a new version that reads every team as NEW_TEAM."""
    monkeypatch.setattr(parser, "PARSER_VERSION", "9.0.0")
    monkeypatch.setattr(units, "find_team", lambda text: NEW_TEAM)
    return "9.0.0"


def snapshot(engine: Engine) -> list[Any]:
    with engine.connect() as conn:
        return [
            sorted(tuple(r) for r in conn.execute(select(model.__table__)))
            for model in (Notice, Problem, NoticeVersion, RawPage)
        ]


def notices(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        return {r.url.rsplit("/", 1)[-1]: r for r in conn.execute(select(Notice.__table__))}


def test_an_unchanged_parser_changes_nothing(archive: Engine) -> None:
    before = snapshot(archive)
    report = reparse(archive, generic)
    assert (report.notices, report.changed, report.stamped) == (2, 0, 0)
    assert snapshot(archive) == before


def test_a_parser_change_rewrites_the_records_in_place(archive: Engine, new_parser: str) -> None:
    old = notices(archive)
    report = reparse(archive, generic)
    assert (report.notices, report.changed, report.stamped, report.demoted) == (2, 2, 0, 0)
    assert report.fields["inspection_body"] == 2
    assert "parser_version" not in report.fields
    (example, _) = report.examples["inspection_body"]
    assert example.lines == (f"市委第四巡察组 → {NEW_TEAM}",)
    new = notices(archive)
    for name in ("4520.jhtml", "4521.jhtml"):
        assert new[name].inspection_body == NEW_TEAM
        assert new[name].parser_version == new_parser
        assert new[name].record_sha256 != old[name].record_sha256
        assert new[name].last_seen_at == old[name].last_seen_at  # a re-parse is not a fetch
        assert new[name].title == old[name].title
    with archive.connect() as conn:
        assert conn.execute(select(func.count()).select_from(NoticeVersion)).scalar() == 2
        assert conn.execute(select(func.count()).select_from(Problem)).scalar() > 0
    # the next crawl of the same bytes by the same parser finds the record unchanged, by the
    # cheap hash already
    crawled = farm_page(1, "4520")
    assert new["4520.jhtml"].fetch_sha256 == fetch_digest(crawled)
    assert new["4520.jhtml"].record_sha256 == record_digest(crawled)[0]
    again = write_pages(archive, [crawled], now=T0)
    assert again == [Outcome.UNCHANGED]
    assert reparse(archive, generic).changed == 0


def test_a_dry_run_writes_nothing(archive: Engine, new_parser: str) -> None:
    before = snapshot(archive)
    report = reparse(archive, generic, dry_run=True)
    assert (report.changed, report.fields["inspection_body"]) == (2, 2)
    assert snapshot(archive) == before


def test_only_the_stamp_changes_when_the_fields_do_not(
    archive: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parser, "PARSER_VERSION", "1.9.9")
    report = reparse(archive, generic)
    assert (report.changed, report.stamped, dict(report.fields)) == (0, 2, {})
    assert {n.parser_version for n in notices(archive).values()} == {"1.9.9"}


# A version just above the stored records' (today's parser), so they count as older.
_CURRENT = Version(parser.PARSER_VERSION)
_JUST_AFTER = f"{_CURRENT.major}.{_CURRENT.minor}.{_CURRENT.micro + 1}"


@pytest.mark.parametrize(
    ("since", "reparsed"),
    [("9.0.0", 2), (_JUST_AFTER, 2), (parser.PARSER_VERSION, 0), ("1.0", 0)],
)
def test_since_version_takes_only_older_records(
    archive: Engine, new_parser: str, since: str, reparsed: int
) -> None:
    report = reparse(archive, generic, since_version=Version(since))
    assert (report.notices, report.changed) == (reparsed, reparsed)


@pytest.mark.parametrize(
    ("stored", "than", "older"),
    [
        ({"1.5.0", "1.10.0", None}, "1.6.0", {"1.5.0", None}),  # by version, not by text
        ({"odd", "2.0"}, "1.0", {"odd"}),  # unreadable counts as older
        (set(), "1.0", set()),
    ],
)
def test_older_versions(stored: set[str | None], than: str, older: set[str | None]) -> None:
    assert older_versions(stored, Version(than)) == older


def test_regions_narrow_the_walk(archive: Engine, new_parser: str) -> None:
    assert reparse(archive, generic, regions=["别处"]).notices == 0
    assert reparse(archive, generic, regions=["测试站群"], batch=1).changed == 2


def test_a_non_notice_that_is_a_notice_now_is_promoted(archive: Engine) -> None:
    write_pages(archive, [farm_page(2, "4520", rule_as=False)], now=T0)  # stored as a raw page
    with archive.begin() as conn:  # the notice of that URL is not there yet
        conn.execute(text("DELETE FROM notices WHERE url LIKE '%4520.jhtml'"))
    dry = reparse(archive, generic, dry_run=True)
    assert (dry.raw_pages, dry.promoted) == (1, 1)
    report = reparse(archive, generic)
    assert (report.raw_pages, report.promoted, report.fields["is_notice"]) == (1, 1, 1)
    promoted = notices(archive)["4520.jhtml"]
    assert promoted.is_notice and promoted.title.endswith("（更正）")
    assert promoted.first_seen_at == T0
    with archive.connect() as conn:
        assert conn.execute(select(func.count()).select_from(RawPage)).scalar() == 0
        versions = select(func.count()).where(NoticeVersion.notice_id == promoted.id)
        assert conn.execute(versions).scalar() == 1


def test_a_raw_page_of_a_stored_notice_is_left_alone(archive: Engine) -> None:
    write_pages(archive, [farm_page(2, "4520", rule_as=False)], now=T0)
    report = reparse(archive, generic)
    assert (report.promoted, report.skipped) == (0, 1)
    with archive.connect() as conn:
        assert conn.execute(select(func.count()).select_from(RawPage)).scalar() == 1


def test_a_notice_that_is_not_one_any_more_is_kept_and_flagged(archive: Engine) -> None:
    write_pages(archive, [farm_page(1, "4510", rule_as=True)], now=T0)  # news, once a notice
    report = reparse(archive, generic)
    assert (report.changed, report.demoted, report.fields["is_notice"]) == (1, 1, 1)
    news = notices(archive)["4510.jhtml"]
    assert news.is_notice is False
    with archive.connect() as conn:
        versions = select(func.count()).where(NoticeVersion.notice_id == news.id)
        assert conn.execute(versions).scalar() == 1


def test_a_new_refusal_rule_is_stored_as_the_reason(archive: Engine) -> None:
    page = farm_page(1, "4513")  # a meeting announcement: refused as meeting_title
    page.rule = "an older rule"
    write_pages(archive, [page], now=T0)
    report = reparse(archive, generic)
    assert (report.reasons, report.examples["reason"][0].lines) == (
        1,
        ("an older rule → meeting_title",),
    )
    with archive.connect() as conn:
        assert conn.execute(select(RawPage.reason)).scalar() == "meeting_title"
