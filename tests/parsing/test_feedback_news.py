"""Feedback news (pipelines/parsing/feedback_news.py): the events of real phrasings, one per unit
fed back, each value with where it was read; nothing for the pages that only look alike."""

from __future__ import annotations

from typing import Any

import pytest

from pipelines.common.evidence import Elsewhere, Span
from pipelines.parsing import parse_notice
from pipelines.parsing.feedback_news import feedback_events
from tests.parsing.gold import CORPUS

HECHENG = "431202"  # 怀化市鹤城区, the site's region

# (title, text, page date) -> per event: the fields expected (others not checked)
CASES: dict[str, tuple[str | None, str, str, list[dict[str, Any]]]] = {
    "provincial team, 近日: the page's date": (
        "省委第三巡视组向怀化市委反馈巡视情况",
        "近日，省委第三巡视组向中共怀化市委反馈巡视情况。会上，巡视组组长通报了巡视情况。",
        "2024-05-21",
        [
            {
                "unit": "中共怀化市委",
                "team": "省委第三巡视组",
                "team_number": 3,
                "committee": "湖南省委",
                "inspection_level": "provincial",
                "feedback_date": "2024-05-21",
            }
        ],
    ),
    "a meeting of the round, two teams, the date in the sentence before": (
        "十一届市委第五轮巡察反馈会议召开",
        (
            "2024年5月20日，十一届市委第五轮巡察反馈会议召开。市委第一巡察组向区卫健局党组反馈巡察"
            "情况；市委第二巡察组向区人力资源和社会保障局党组反馈了巡察意见。"
        ),
        "2024-05-22",
        [
            {
                "unit": "区卫健局党组",
                "unit_key": "431202:卫健局",
                "team_number": 1,
                "term": 11,
                "round": 5,
                "feedback_date": "2024-05-20",
            },
            {
                "unit": "区人力资源和社会保障局党组",
                "unit_key": "431202:人社局",
                "team_number": 2,
                "term": 11,
                "round": 5,
                "feedback_date": "2024-05-20",
            },
        ],
    ),
    "one team, three units (分别向A、B和C), no title, a month-day date": (
        None,
        (
            "按照市委统一部署，3月28日，市委第二巡察组分别向市教育局、市民政局和市财政局党组反馈"
            "巡察情况。"
        ),
        "2024-04-02",
        [
            {"unit": "市教育局", "feedback_date": "2024-03-28", "team_number": 2},
            {"unit": "市民政局", "feedback_date": "2024-03-28"},
            {"unit": "市财政局党组", "feedback_date": "2024-03-28"},
        ],
    ),
    "对X进行巡察反馈, after the inspection's own dates": (
        "市委第二巡察组对市林业局党组进行巡察反馈",
        (
            "2023年4月10日至5月30日，市委第二巡察组对市林业局开展了常规巡察。7月12日，市委第二"
            "巡察组对市林业局党组进行巡察反馈。"
        ),
        "2023-07-14",
        [{"unit": "市林业局党组", "feedback_date": "2023-07-12"}],
    ),
    "the unit only in the title, the date in the text": (
        "省委第二巡视组巡视湖南师范大学党委情况反馈会召开",
        "12月1日，反馈会召开。巡视组组长通报了巡视发现的主要问题。",
        "2024-12-03",
        [{"unit": "湖南师范大学党委", "team_number": 2, "feedback_date": "2024-12-01"}],
    ),
    "a December feedback told in January": (
        "县委第一巡察组向县人社局党组反馈巡察情况",
        "12月28日，县委第一巡察组向县人社局党组反馈巡察情况。",
        "2025-01-05",
        [{"unit": "县人社局党组", "feedback_date": "2024-12-28"}],
    ),
    "a feedback meeting joined to the rectification's start (暨), the leaders addressed": (
        "县委第三巡察组巡察县医保局党组情况反馈会暨整改动员会召开",
        (
            "9月3日，县委第三巡察组向县医保局党组主要负责同志反馈巡察情况，并向县医保局党组领导班子"
            "反馈巡察情况。"
        ),
        "2024-09-04",
        [{"unit": "县医保局党组", "feedback_date": "2024-09-03", "team_number": 3}],
    ),
    "two phrasings in one item": (
        "十四届县委第二轮巡察集中反馈会召开",
        (
            "5月8日，县委第一巡察组向县水利局党组反馈巡察情况；县委第二巡察组对县林业局党组进行"
            "巡察反馈。"
        ),
        "2024-05-09",
        [
            {"unit": "县水利局党组", "team_number": 1, "term": 14, "round": 2},
            {"unit": "县林业局党组", "team_number": 2, "feedback_date": "2024-05-08"},
        ],
    ),
    "the unit's leaders addressed again by a short name": (
        "省委第五巡视组向宣城市委反馈巡视情况",
        (
            "2024年7月9日，省委第五巡视组向宣城市委反馈巡视情况。巡视组组长向市委书记通报了巡视情况，"
            "向市委领导班子反馈了巡视情况。"
        ),
        "2024-07-10",
        [{"unit": "宣城市委", "feedback_date": "2024-07-09", "committee": "安徽省委"}],
    ),
    # near-misses
    "feedback to a person, not a unit": (
        "巡察组向区卫健局党组书记反馈巡察情况",
        "近日，巡察组组长向区卫健局党组书记张三反馈巡察情况。",
        "2024-05-07",
        [],
    ),
    "a meeting about rectification": (
        "市卫健局召开巡察反馈问题整改推进会",
        "会议指出，市委第二巡察组向我局反馈巡察意见后，局党组高度重视。",
        "2024-04-02",
        [],
    ),
    "a findings disclosure": (
        "十一届市委第五轮巡察发现问题公布",
        "各巡察组向被巡察党组织反馈了巡察情况，现将发现的主要问题公布如下。",
        "2024-06-01",
        [],
    ),
    "a notice that mentions its feedback": (
        "中共怀化市鹤城区卫生健康局党组关于巡察整改情况的通报",
        "2023年7月12日，市委第二巡察组向我局党组反馈了巡察意见。现将整改情况予以公布。",
        "2023-10-20",
        [],
    ),
    "a notice without its title": (
        None,
        "2023年7月12日，市委第二巡察组向区卫健局党组反馈了巡察意见。现将整改进展情况予以公布。",
        "2023-10-20",
        [],
    ),
    "the arrival of a team, no feedback": (
        "市委第一巡察组进驻区卫健局开展巡察",
        "5月6日，市委第一巡察组进驻区卫健局党组开展常规巡察。",
        "2024-05-07",
        [],
    ),
    "feedback to the inspected units in general": (
        "十一届市委第五轮巡察集中反馈会召开",
        "会上，各巡察组向被巡察党组织反馈了巡察情况。",
        "2024-05-22",
        [],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_events(name: str) -> None:
    title, text, page_date, expected = CASES[name]
    events = feedback_events(title, text, page_date, HECHENG)
    assert len(events) == len(expected)
    for event, fields in zip(events, expected, strict=True):
        assert {k: getattr(event, k) for k in fields} == fields


@pytest.mark.parametrize("name", sorted(n for n, case in CASES.items() if case[3]))
def test_each_value_says_where_it_was_read(name: str) -> None:
    title, text, page_date, _ = CASES[name]
    for event in feedback_events(title, text, page_date, HECHENG):
        assert (
            event.evidence["unit"] == Elsewhere("title")
            or event.evidence["unit"].text(text) == event.unit
        )  # type: ignore[union-attr]
        for name_, value in (("team", event.team), ("feedback_date", event.feedback_date)):
            if value is not None:
                assert name_ in event.evidence


# (text, page date) -> where the feedback date was read
DATE_EVIDENCE = [
    ("2024年1月10日，市委第三巡察组向区民政局党组反馈巡察情况。", "2024-01-12", "2024年1月10日"),
    ("近日，市委第三巡察组向区民政局党组反馈巡察情况。", "2024-01-12", None),
    # a date later than the page's is no feedback date of it
    ("2024年3月1日前，市委第三巡察组向区民政局党组反馈巡察情况。", "2024-01-12", None),
]


@pytest.mark.parametrize(("text", "page_date", "written"), DATE_EVIDENCE)
def test_feedback_date_evidence(text: str, page_date: str, written: str | None) -> None:
    (event,) = feedback_events("市委第三巡察组向区民政局党组反馈巡察情况", text, page_date)
    where = event.evidence["feedback_date"]
    if written is None:
        assert (event.feedback_date, where) == (page_date, Elsewhere("page meta"))
    else:
        assert isinstance(where, Span) and where.text(text) == written


# The corpus's feedback news (tests/fixtures/corpus) -> the units fed back and the day; every
# other text of it (notices, news of other meetings, findings, articles) gives no event.
CORPUS_NEWS = {
    "n02_fankui_news.txt": (["县教育局党组"], "2025-01-01"),  # 近日: the page's date
    "c02_news_fankui.txt": (["宣城市委"], "2024-07-09"),  # the title repeated, then the day
    "c10_notitle_fankui.txt": (["区卫生健康委党组"], "2025-01-01"),
}


def test_the_corpus() -> None:
    texts = sorted(CORPUS.rglob("*.txt"))
    assert {t.name for t in texts} >= set(CORPUS_NEWS)
    for path in texts:
        record = parse_notice(path.read_text(encoding="utf-8"))
        events = feedback_events(record.title, record.body_text, "2025-01-01")
        units, day = CORPUS_NEWS.get(path.name, ([], None))
        assert [e.unit for e in events] == units, path.name
        assert all(e.feedback_date == day for e in events), path.name
