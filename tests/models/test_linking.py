"""The inspection-linking rules (models/linking.py, docs/linking.md) on hand-made groups,
including near-misses that must stay apart."""

from __future__ import annotations

from datetime import date

import pytest

from models.linking import REPOST, LinkInput, fingerprint, link, unit_name

TEXT = "根据省委统一部署，2023年4月至5月，省委第三巡视组对某某市开展了常规巡视，并于7月反馈了意见。"


def notice(nid: int, published: str, **kw: object) -> LinkInput:
    values: dict[str, object] = {"unit_key": "431200|怀化市卫生健康委员会"} | kw
    return LinkInput(nid, date.fromisoformat(published), **values)  # type: ignore[arg-type]


def groups(*notices: LinkInput) -> list[list[int]]:
    return [[m.notice_id for m in i.members] for i in link(notices)]


@pytest.mark.parametrize(
    ("name", "notices", "expected"),
    [
        (
            "progress and completion of one round",
            [
                notice(1, "2023-10-01", term=14, round=3, phase="concentrated_progress"),
                notice(2, "2024-06-01", term=14, round=3, phase="completed"),
            ],
            [[1, 2]],
        ),
        (
            "same unit, different rounds (near-miss)",
            [notice(1, "2023-10-01", term=14, round=3), notice(2, "2024-10-01", term=14, round=5)],
            [[1], [2]],
        ),
        (
            "same unit, other term, same round number (near-miss)",
            [notice(1, "2019-10-01", term=13, round=3), notice(2, "2023-10-01", term=14, round=3)],
            [[1], [2]],
        ),
        (
            "feedback dates tie a notice that does not name its round",
            [
                notice(1, "2023-10-01", term=14, round=3, feedback="2023-07-12"),
                notice(2, "2024-03-01", feedback="2023-07-10"),
            ],
            [[1, 2]],
        ),
        (
            "feedback months apart (near-miss)",
            [
                notice(1, "2023-10-01", feedback="2023-07"),
                notice(2, "2024-10-01", feedback="2024-05"),
            ],
            [[1], [2]],
        ),
        (
            "round year and committee",
            [
                notice(1, "2023-10-01", round=2, round_year=2023, committee="中共怀化市委"),
                notice(2, "2024-01-05", round=2, round_year=2023, committee="怀化市委"),
            ],
            [[1, 2]],
        ),
        (
            "other committee (near-miss): a 市委 and a 省委 round 2",
            [
                notice(1, "2023-10-01", round=2, round_year=2023, committee="怀化市委"),
                notice(2, "2023-11-01", round=2, round_year=2023, committee="湖南省委"),
            ],
            [[1], [2]],
        ),
        (
            "nothing stated: each stands alone",
            [notice(1, "2023-10-01"), notice(2, "2023-11-01")],
            [[1], [2]],
        ),
        (
            "other units never meet (near-miss)",
            [
                notice(1, "2023-10-01", term=14, round=3),
                notice(2, "2023-10-02", term=14, round=3, unit_key="431200|怀化市教育局"),
            ],
            [[1], [2]],
        ),
        (
            "a notice contradicting one member does not join",
            [
                notice(1, "2023-10-01", term=14, round=3, feedback="2023-07-01"),
                notice(2, "2024-01-01", term=14, round=3, feedback="2023-12-01"),
            ],
            [[1], [2]],
        ),
    ],
)
def test_groups(name: str, notices: list[LinkInput], expected: list[list[int]]) -> None:
    assert groups(*notices) == expected, name


def test_reposts_are_linked_and_staged() -> None:
    text = fingerprint("来源：某某网\n" + TEXT)
    assert text == fingerprint(TEXT.replace("，", " , "))
    original = notice(1, "2023-10-01", phase="concentrated_progress", fingerprint=text)
    repost = notice(2, "2023-10-03", phase="concentrated_progress", fingerprint=text)
    (inspection,) = link([repost, original])
    assert inspection.stages == {1: "concentrated_progress", 2: REPOST}


def test_fallback_key_is_scoped_by_region() -> None:
    a = LinkInput(
        1, date(2023, 1, 1), region="鹤城区", inspected_unit="中共区卫健局党组", term=1, round=2
    )
    b = LinkInput(2, date(2023, 2, 1), region="鹤城区", inspected_unit="区卫健局", term=1, round=2)
    c = LinkInput(3, date(2023, 2, 1), region="中方县", inspected_unit="县卫健局", term=1, round=2)
    assert groups(a, b, c) == [[1, 2], [3]]


def test_a_notice_without_a_unit_is_not_linked() -> None:
    assert groups(LinkInput(1, date(2023, 1, 1), term=1, round=2)) == []


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("中共怀化市卫生健康委员会党组", "怀化市卫生健康委员会"),
        ("怀化市卫生健康委员会领导班子", "怀化市卫生健康委员会"),
        ("中国共产党 某某 大学委员会", "某某大学委员会"),
    ],
)
def test_unit_name(name: str, key: str) -> None:
    assert unit_name(name) == key


def test_short_texts_have_no_fingerprint() -> None:
    assert fingerprint("关于整改情况的通报\n\n") is None


def feedback(number: int, fed_back: str, **kw: object) -> LinkInput:
    """A feedback-news event, published on its feedback date (as models/link.py reads one)."""
    return notice(number, fed_back, feedback=fed_back, event=True, **kw)


@pytest.mark.parametrize(
    ("name", "inputs", "expected"),
    [
        (
            "the notices of an inspection join its feedback news",
            [
                notice(1, "2023-10-01", term=14, round=3, phase="concentrated_progress"),
                feedback(101, "2023-07-12", term=14, round=3),
                notice(2, "2024-03-01", feedback="2023-07-10", phase="completed"),
            ],
            {"members": [[101, 1, 2]], "events": [[101]], "stages": [[1, 2]]},
        ),
        (
            "feedback news of another round stands alone: never disclosed",
            [
                notice(1, "2023-10-01", term=14, round=3, feedback="2023-07-12"),
                feedback(101, "2025-06-05", term=15, round=1),
            ],
            {"members": [[1], [101]], "events": [[], [101]], "stages": [[1], []]},
        ),
        (
            "news of one feedback on two sites, no notice",
            [feedback(101, "2024-05-20"), feedback(102, "2024-05-21")],
            {"members": [[101, 102]], "events": [[101, 102]], "stages": [[]]},
        ),
        (
            "feedback months before a notice that states another feedback date (near-miss)",
            [feedback(101, "2023-01-10"), notice(1, "2023-10-01", feedback="2023-07-12")],
            {"members": [[101], [1]], "events": [[101], []], "stages": [[], [1]]},
        ),
    ],
)
def test_feedback_events_link_by_the_same_rules(
    name: str, inputs: list[LinkInput], expected: dict[str, list[list[int]]]
) -> None:
    found = link(inputs)
    assert [[m.notice_id for m in i.members] for i in found] == expected["members"], name
    assert [i.events for i in found] == expected["events"], name
    assert [list(i.stages) for i in found] == expected["stages"], name
