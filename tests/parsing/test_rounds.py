"""rounds: term, round, round_year, committee and team number, each with its span."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.common.evidence import Elsewhere, Span
from pipelines.parsing import script
from pipelines.parsing.rounds import find_rounds, number

FIELDS = ("term", "round", "round_year", "inspecting_committee", "team_number")


def values(text: str, title: str | None = None) -> dict[str, object]:
    found = find_rounds(text, title)
    return {f: getattr(found, f).value for f in FIELDS if getattr(found, f) is not None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("十九届省委第三轮巡视", {"term": 19, "round": 3, "inspecting_committee": "省委"}),
        ("第十一届区委第5轮巡察", {"term": 11, "round": 5, "inspecting_committee": "区委"}),
        ("2023年第二轮巡察中", {"round": 2, "round_year": 2023}),
        ("二〇二三年度第二轮巡察", {"round": 2, "round_year": 2023}),
        ("第九巡视组对我局开展巡视", {"team_number": 9}),
        ("县委第三巡察组于3月进驻", {"team_number": 3, "inspecting_committee": "县委"}),
        (
            "十四届市委第四巡察组对",
            {"term": 14, "team_number": 4, "inspecting_committee": "市委"},
        ),
        (
            "七届市委第十二轮巡察一组",
            {"term": 7, "round": 12, "team_number": 1, "inspecting_committee": "市委"},
        ),
        (
            "七届桂林市委第六轮巡察第三巡察组对",
            {"term": 7, "round": 6, "team_number": 3, "inspecting_committee": "桂林市委"},
        ),
        (
            "根据十四届溧阳市委第五轮巡察工作安排",
            {"term": 14, "round": 5, "inspecting_committee": "溧阳市委"},
        ),
        ("十三届湖南省委第二轮巡视", {"term": 13, "round": 2, "inspecting_committee": "湖南省委"}),
        # words between 届 and the committee that are no place: no term
        ("第七届运动会市委第三轮巡察", {"round": 3, "inspecting_committee": "市委"}),
        (
            "十二届省委第四轮巡视第二巡视组对我市进行了巡视。省委巡视组反馈",
            {"term": 12, "round": 4, "team_number": 2, "inspecting_committee": "省委"},
        ),
        ("省委巡视七组", {"team_number": 7, "inspecting_committee": "省委"}),
        ("市委巡察办第一巡察组", {"team_number": 1, "inspecting_committee": "市委"}),
        ("中共湖南省委第三巡视组", {"team_number": 3, "inspecting_committee": "湖南省委"}),
        ("怀化市委第二巡察组", {"team_number": 2, "inspecting_committee": "怀化市委"}),
        ("鹤城区委第一专项巡察组", {"team_number": 1, "inspecting_committee": "鹤城区委"}),
        (
            "中共广西壮族自治区党委第五巡视组",
            {"team_number": 5, "inspecting_committee": "广西壮族自治区党委"},
        ),
        ("中央第十三巡视组", {"team_number": 13, "inspecting_committee": "中央"}),
        ("根据省委巡视工作统一部署", {"inspecting_committee": "省委"}),
        (
            "根据省委统一部署，开展巡视",
            {},
        ),  # the committee of a deployment, not named as the sender
        # near misses: a 第三轮 of something else, a 组 that is no team, a 届 of a meeting
        ("第三轮土地承包到期后再延长三十年", {}),
        ("第三轮疫苗接种", {}),
        ("第一小组讨论", {}),
        ("第十届运动会", {}),
        ("", {}),
    ],
)
def test_rounds_and_teams(text: str, expected: dict[str, object]) -> None:
    assert values(text) == expected


def test_the_title_gives_the_round_and_says_so() -> None:
    found = find_rounds(
        "市委第一巡察组对市财政局开展巡察", "关于十二届省委第七轮巡视整改情况的通报"
    )
    assert (found.round and found.round.value, found.term and found.term.value) == (7, 12)
    assert found.round.evidence == Elsewhere("title")
    assert found.team_number == find_rounds("市委第一巡察组").team_number


def test_traditional_reposts_read_through_the_simplified_copy() -> None:
    text = "十九屆省委第三輪巡視，省委第九巡視組對"
    simple = script.to_simplified(text)
    found = find_rounds(simple)
    assert values(simple) == {
        "term": 19,
        "round": 3,
        "inspecting_committee": "省委",
        "team_number": 9,
    }
    assert isinstance(found.team_number.evidence, Span)  # type: ignore[union-attr]
    assert found.team_number.evidence.text(text) == "九巡"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("raw", "value"), [("十九", 19), ("5", 5), ("二〇二三", 2023), ("一百零五", 105), ("第", None)]
)
def test_numbers(raw: str, value: int | None) -> None:
    assert number(raw) == value


@pytest.mark.parametrize(
    ("text", "field", "span_text"),
    [
        ("根据安排，十九届省委第三轮巡视", "term", "十九届"),
        ("根据安排，十九届省委第三轮巡视", "round", "三轮"),
        ("根据安排，2023年第二轮巡察", "round_year", "2023年"),
        ("经研究，省委第九巡视组", "team_number", "九巡"),
        ("经研究，怀化市委第二巡察组", "inspecting_committee", "怀化市委"),
    ],
)
def test_each_span_holds_the_words_of_its_value(text: str, field: str, span_text: str) -> None:
    evidence = getattr(find_rounds(text), field).evidence
    assert isinstance(evidence, Span)
    assert evidence.text(text) == span_text


_WORDS = st.sampled_from(
    ["届", "省委", "市委", "第", "轮", "巡视", "巡察", "组", "十", "九", "2023", "年度", "，", "对"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=3)), max_size=40).map("".join))
def test_never_raises_and_every_span_lies_in_the_text(text: str) -> None:
    found = find_rounds(text, text[:10])
    for f in FIELDS:
        value = getattr(found, f)
        if value is not None and isinstance(value.evidence, Span):
            assert 0 <= value.evidence.start < value.evidence.end <= len(text)
            piece = value.evidence.text(text)
            assert piece and (f != "inspecting_committee" or piece == value.value)
