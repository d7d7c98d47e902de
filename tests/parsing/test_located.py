"""Evidence: every span of the record's evidence map, applied to body_text, holds the text the
value was read from (pipelines/parsing/located.py and the assembly in notice.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.common.evidence import Elsewhere, Span, from_json
from pipelines.common.numerals import cn_to_int
from pipelines.parsing import parse_notice
from pipelines.parsing.dates import find_dates
from pipelines.parsing.located import Located, Region, paragraph_starts
from pipelines.parsing.script import to_simplified
from pipelines.parsing.text import CJK_SPACE_RE
from tests.parsing.titleless import fixtures

# Values read verbatim from the text (spaces aside): the span holds them.
_VERBATIM = re.compile(
    r"^(?:title|publisher|signed_by|inspection_body|inspection_round|inspection_topic"
    r"|inspection_kinds\[\d+\]|contact\.\w+(?:\[\d+\])?)$"
)
_DATES = ("inspection_start", "inspection_end", "feedback_date", "signed_date", "published_date")


def _compact(text: str) -> str:
    return to_simplified(re.sub(r"\s", "", text))


def _value(record: dict[str, Any], path: str) -> Any:
    value: Any = record
    for part in re.findall(r"[a-z_]+|\[\d+\]", path):
        value = value[int(part[1:-1])] if part.startswith("[") else value[part]
    return value


def spans_hold_their_values(record: dict[str, Any]) -> None:
    body = record["body_text"]
    for path, where in record["evidence"].items():
        evidence = from_json(where)
        value = _value(record, path)
        assert value not in (None, "", [], ()), path
        if isinstance(evidence, Elsewhere):
            continue
        assert 0 <= evidence.start < evidence.end <= len(body), path
        read = evidence.text(body)
        if _VERBATIM.match(path) or (
            path == "inspected_unit" and not read.startswith(("我", "本"))
        ):
            assert _compact(value) in _compact(read), (path, value, read)
        elif path in _DATES:
            hits = find_dates(re.sub(r"\s", "", read))
            assert hits, (path, read)
            month = int(value[5:7])
            assert any(h.month == month for h in hits), (path, value, read)
        elif path.startswith(("counts.", "status_counts.")) and value:
            numbers = re.findall(r"\d{1,4}|[一二三四五六七八九十百零〇两]{1,5}", read)
            if not re.search(r"\n", read):  # a tally, not the problems it counted
                assert value in {cn_to_int(n) for n in numbers}, (path, value, read)


@pytest.mark.parametrize(("text"), [t for _, t, _ in fixtures()], ids=[n for n, _, _ in fixtures()])
def test_every_fixture_span_holds_its_value(text: str) -> None:
    record = parse_notice(text).to_dict()
    spans_hold_their_values(record)
    if record["is_notice"]:
        assert {"inspection_body", "inspected_unit"} & set(record["evidence"])


_SPACE = st.sampled_from(["", " ", "  "])
_DIGITS = st.integers(1, 28)


@st.composite
def notices(draw: st.DrawFn) -> str:
    """A notice as PDFs, reposts and sites write one: spaces around figures, the team and the
    unit in several spellings, a tally, a contact line and a signature."""
    s = draw(_SPACE)
    y, m1, d1, m2, d2 = 2023, draw(st.integers(1, 5)), draw(_DIGITS), draw(st.integers(6, 9)), 1
    team = draw(st.sampled_from(["县委第一巡察组", "市委第三巡察组", "十九届中央第六巡视组"]))
    unit = draw(st.sampled_from(["县水利局党组", "我局党组", "市红十字会党组", "镇党委"]))
    problems = draw(st.integers(2, 4))
    count = draw(st.sampled_from([str(problems), "两三四"[problems - 2]]))
    lines = [
        draw(st.sampled_from(["中共某县水利局党组关于巡察整改情况的通报", ""])),
        f"根据县委统一部署，{team}于{s}{y}{s}年{s}{m1}{s}月{s}{d1}{s}日至{s}{m2}{s}月{s}{d2}{s}日"
        f"对{unit}开展了常规巡察，{y}年10月{d1}日反馈了巡察意见，共反馈问题{s}{count}{s}个。"
        + draw(st.sampled_from(["现将整改情况予以公布。", ""])),
        "一、整改落实情况",
        *[f"（{'一二三四'[i]}）问题{i + 1}落实不到位。已完成整改。" for i in range(problems)],
        f"截至目前，已完成整改{problems}个。",
        f"欢迎监督。联系电话：0736{draw(st.sampled_from(['-', ' - ', '']))}7229999。",
        "中共某县水利局党组",
        f"{y}年12月{d2}日",
    ]
    text = "\n".join(line for line in lines if line)
    return draw(st.sampled_from([text, text.replace("县", "縣").replace("问题", "問題")]))


@settings(max_examples=60, deadline=None)
@given(notices())
def test_every_span_holds_its_value(text: str) -> None:
    spans_hold_their_values(parse_notice(text).to_dict())


@settings(max_examples=100, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("巡察组对局党组开展了反馈意见年月日至 \n一、（）12个问题。电话0")
        ),
        max_size=300,
    )
)
def test_spans_stay_inside_the_body_of_any_text(text: str) -> None:
    record = parse_notice(text).to_dict()
    for where in record["evidence"].values():
        evidence = from_json(where)
        if isinstance(evidence, Span):
            assert 0 <= evidence.start < evidence.end <= len(record["body_text"])


@pytest.mark.parametrize(
    ("paras", "first", "last", "squeezed", "found", "at"),
    [
        (["标题", "2022 年 7 月 8 日，巡察组"], 1, 2, "2022年7月8日，巡察组", "7月8日", (10, 17)),
        (["a", "b c"], 0, 2, "a\nb c", "b c", (2, 5)),
        (["一行", "二 行"], 0, 2, "一行\n二行", "二行", (3, 6)),
        (["空"], 1, 1, "", "空", None),
    ],
)
def test_a_squeezed_region_maps_back_to_the_body(
    paras: list[str],
    first: int,
    last: int,
    squeezed: str,
    found: str,
    at: tuple[int, int] | None,
) -> None:
    body = "\n".join(paras)
    region = Region(body, paragraph_starts(paras), first, last, CJK_SPACE_RE)
    assert region.text == squeezed
    span = region.find(found)
    assert ((span.start, span.end) if span else None) == at


@pytest.mark.parametrize(
    ("text", "value", "before", "after", "read"),
    [
        ("反馈了3个方面11项21个问题", 21, "问题", "问题", "21个问题"),
        ("反馈问题共二十一个", 21, "问题", "问题", "问题共二十一个"),
        ("制定整改措施36条", 36, "措施|举措|条", "措施|举措", "36条"),
        ("反馈了3个方面", 4, "方面", "", None),
    ],
)
def test_the_phrase_of_a_figure(
    text: str, value: int, before: str, after: str, read: str | None
) -> None:
    region = Region(text, [0], 0, 1, None)
    span = region.figure(value, before, after)
    assert (span.text(text) if span else None) == read


def test_absent_values_get_no_evidence() -> None:
    found = Located()
    found.put("title", None, Span(0, 1))
    found.put("inspection_kinds", (), Span(0, 1))
    found.put("source", "x", None)
    found.each("contact.phones", ("1", "2"), [Span(0, 1), Elsewhere("page meta")])
    assert found.to_json() == {
        "contact.phones[0]": {"start": 0, "end": 1},
        "contact.phones[1]": {"from": "page meta"},
    }
