"""units_fields through the parser: the units block of whole notices, and its evidence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.common.cleaned import PageMeta
from pipelines.common.evidence import Elsewhere, Span
from pipelines.parsing.notice import parse_with_decision
from pipelines.parsing.units_fields import _named_committee

NOTICE = """中共怀化市鹤城区卫生健康局党组关于十四届区委第三轮巡察整改进展情况的通报
根据区委巡察工作统一部署，2023年3月20日至5月10日，十四届区委第二巡察组对区卫生健康局党组开展了常规巡察。2023年5月26日，区委第二巡察组向区卫生健康局党组反馈了巡察意见。按照党务公开原则和巡察工作有关要求，现将巡察整改进展情况予以公布。
一、提高政治站位，压实整改责任
（一）成立整改工作领导小组。
二、对照问题清单，逐项整改落实
（一）关于理论学习不深入的问题。已完成。
中共怀化市鹤城区卫生健康局党组
2023年9月18日"""


def test_a_whole_notice() -> None:
    parsed = parse_with_decision(NOTICE, PageMeta(updated="2023-10-02", region_code="431200"))
    record = parsed.record
    got = {
        k: getattr(record, k)
        for k in (
            "term", "round", "inspecting_committee", "team_number", "written_date",
            "published_date", "updated_date", "report_phase", "region_code",
            "committee_region_code", "unit_type", "sector", "unit_key",
        )
    }  # fmt: skip
    assert got == {
        "term": 14,
        "round": 3,
        "inspecting_committee": "鹤城区委",  # the bare 区委 of the unit's own district
        "team_number": 2,
        "written_date": "2023-09-18",
        "published_date": "2023-09-18",
        "updated_date": "2023-10-02",
        "report_phase": "progress",
        "region_code": "431202",
        "committee_region_code": "431202",
        "unit_type": "党组",
        "sector": "health",
        "unit_key": "431202:卫健局",
    }
    evidence = parsed.units_evidence
    body = record.body_text
    assert evidence["round"] == Elsewhere("title")
    assert evidence["updated_date"] == Elsewhere("page meta", "更新时间")
    assert evidence["team_number"].text(body) == "二巡"  # type: ignore[union-attr]
    assert evidence["written_date"].text(body) == "2023年9月18日"  # type: ignore[union-attr]
    assert evidence["report_phase"] == Elsewhere("title")
    assert evidence["term"].text(body) == "十四届"  # type: ignore[union-attr]


def test_the_site_region_stands_for_a_unit_without_a_place() -> None:
    text = NOTICE.replace("怀化市鹤城区", "").replace("区委", "市委")
    record = parse_with_decision(text, PageMeta(region_code="431200")).record
    assert (record.region_code, record.committee_region_code) == ("431200", "431200")
    assert parse_with_decision(text).record.region_code is None


def test_a_traditional_repost_keys_as_its_original() -> None:
    traditional = (
        NOTICE.replace("届", "屆")
        .replace("轮", "輪")
        .replace("组", "組")
        .replace("卫生健康局", "衛生健康局")
        .replace("党组", "黨組")
    )
    original = parse_with_decision(NOTICE).record
    repost = parse_with_decision(traditional).record
    assert (repost.unit_key, repost.unit_type, repost.team_number) == (
        original.unit_key,
        original.unit_type,
        original.team_number,
    )


_PIECES = st.sampled_from(
    [*NOTICE.split("，"), "\n", "十九届省委第三轮巡视", "市委第九巡察组", "2023年9月18日"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("，".join))
def test_every_span_lies_in_the_body(text: str) -> None:
    parsed = parse_with_decision(text)
    body = parsed.record.body_text
    for name, evidence in parsed.units_evidence.items():
        if isinstance(evidence, Span):
            assert evidence.end <= len(body), name
            assert evidence.text(body), name


@pytest.mark.parametrize(
    ("word", "code", "named"),
    [
        ("市委", "330500", "湖州市委"),
        ("县委", "340124", "庐江县委"),
        ("区委", "431202", "鹤城区委"),
        ("省委", "430000", "湖南省委"),
        ("自治区党委", "450000", None),  # 广西壮族自治区党委: not the name + 委
        ("州委", "522600", None),  # 黔东南州委 is written short, not from the table
        ("中央", "430000", None),
    ],
)
def test_a_bare_committee_is_named_by_its_division(word: str, code: str, named: str | None) -> None:
    assert _named_committee(word, code) == named


_COUNTY = """中共嘉禾县委关于市委第三轮巡察整改进展情况的通报
2023年3月20日至5月10日，市委第二巡察组对嘉禾县委开展了常规巡察。现将整改进展情况予以公布。
一、对照问题清单，逐项整改落实
（一）关于理论学习不深入的问题。已完成。
中共嘉禾县委
2023年9月18日"""


@pytest.mark.parametrize(
    ("text", "kind", "read"),
    [
        (NOTICE, "党组", "党组"),  # the type's words inside the unit's name
        (_COUNTY, "党委", "嘉禾县委"),  # a 县委 is a 党委: the name it was read from
    ],
)
def test_the_unit_type_is_read_from_the_units_name(text: str, kind: str, read: str) -> None:
    parsed = parse_with_decision(text)
    evidence = parsed.units_evidence["unit_type"]
    assert parsed.record.unit_type == kind
    assert isinstance(evidence, Span) and evidence.text(parsed.record.body_text) == read
