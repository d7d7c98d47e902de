"""parse_notice end to end: the labelled corpus (dev and held-out notices), re-presented copies
of it (wrapped, renumbered, full-width, traditional), and inputs that must never raise."""

from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.common.cleaned import AttachmentLink, PageMeta
from pipelines.parsing import PARSER_VERSION, NoticeRecord, notice, parse_notice
from pipelines.parsing.record import StatusCounts
from tests.parsing.gold import cases, compare

DEV = cases("dev")
HELDOUT = cases("heldout")


def _misses(text: str, gold: dict, **kwargs: object) -> list[str]:
    record = parse_notice(text, **kwargs)  # type: ignore[arg-type]
    return [field for field, ok in compare(gold, record.to_dict()).items() if not ok]


@pytest.mark.parametrize(("cid", "text", "gold"), DEV + HELDOUT, ids=[c[0] for c in DEV + HELDOUT])
def test_labelled_notice_parses_right(cid: str, text: str, gold: dict) -> None:
    assert _misses(text, gold) == []


def _wrap(text: str, width: int) -> str:
    return "\n".join(
        line for para in text.splitlines() if para.strip() for line in textwrap.wrap(para, width)
    )


def _pdf(text: str, width: int = 36) -> str:
    """A PDF conversion: indented first lines, widths varying by a character or two, and a
    page number between pages every 40 lines."""
    lines: list[str] = []
    for para in (p.strip() for p in text.splitlines()):
        i = 0
        while i < len(para):
            take = width - (2 if i == 0 else 0) - len(lines) % 3
            lines.append(("\u3000\u3000" if i == 0 else "") + para[i : i + take])
            i += take
    out: list[str] = []
    for n, line in enumerate(lines, start=1):
        out.append(line)
        if n % 40 == 0 and n < len(lines) - 5:
            out += ["", f"- {n // 40} -", ""]
    return "\n".join(out)


def _fullwidth(text: str) -> str:
    return text.translate({ord(str(i)): chr(0xFF10 + i) for i in range(10)})


def _renumber(text: str) -> str:
    text = re.sub(r"(?m)^(\d{1,2})[.、]", r"\1、", text)
    return re.sub(r"(?m)^[(（](\d{1,2})[)）]\s*", r"（\1）", text)


@pytest.mark.parametrize(
    "present",
    [
        pytest.param(lambda t: _wrap(t, 30), id="wrapped-30"),
        pytest.param(lambda t: _wrap(t, 45), id="wrapped-45"),
        pytest.param(lambda t: _wrap(_fullwidth(t), 33), id="fullwidth-wrapped-33"),
        pytest.param(_pdf, id="pdf-like"),
        pytest.param(_fullwidth, id="fullwidth-digits"),
        pytest.param(_renumber, id="renumbered"),
    ],
)
@pytest.mark.parametrize(("cid", "text", "gold"), DEV, ids=[c[0] for c in DEV])
def test_represented_dev_notice_parses_the_same(present, cid: str, text: str, gold: dict) -> None:
    assert _misses(present(text), gold) == []


def test_page_metadata_wins_over_text_and_attachments_are_kept() -> None:
    text = DEV[1][1]
    meta = PageMeta(title="巡察整改情况通报", published="2022-01-25 10:00", source="某网站")
    record = parse_notice(text, meta, [AttachmentLink("附件.pdf", "http://x/a.pdf")])
    assert record.published_date == "2022-01-25"
    assert record.source == "某网站"
    assert [a.name for a in record.attachments] == ["附件.pdf"]


def test_record_dict_has_every_contract_field() -> None:
    data = parse_notice(DEV[0][1]).to_dict()
    assert data["parser_version"] == PARSER_VERSION
    for field in ("is_notice", "title", "problems", "counts", "status_counts", "contact"):
        assert field in data
    assert isinstance(data["problems"][0], dict)
    assert set(data["problems"][0]) == {
        "seq", "aspect", "title", "description", "rectification", "status", "status_label"
    }  # fmt: skip


def test_problem_parts_are_split_into_description_and_rectification() -> None:
    record = parse_notice(DEV[0][1])
    first = record.problems[0]
    assert first.description is not None and first.description.startswith("救助筹资因循守旧")
    assert first.rectification is not None and "劝募倡议书" in first.rectification


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "\x00\x01\x02",
        "一、",
        "（一）",
        "①",
        "巡察" * 1000,
        "$\\times$",
        "😀" * 50,
    ],
)
def test_degenerate_input_gives_a_record(text: str) -> None:
    record = notice._parse_any_script(text, PageMeta(), ()).record
    assert isinstance(record, NoticeRecord)
    assert record.is_notice is False


def test_five_megabytes_of_text_gives_a_record() -> None:
    text = DEV[2][1] * (5_000_000 // len(DEV[2][1]) + 1)
    assert isinstance(
        notice._parse_any_script(text[:5_000_000], PageMeta(), ()).record, NoticeRecord
    )


_GENRE_CHARS = st.sampled_from(
    list(
        "一二三四五六七八九十、（）()。，：:；.0123456789年月日至巡察视组整改问题反馈方面个项条①⑴㈠\n X"
    )
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.text(_GENRE_CHARS, max_size=400)))
def test_parsing_code_never_raises(text: str) -> None:
    # The inner parse, not the safety net around it: the net must never be what saves a page.
    record = notice._parse_any_script(text, PageMeta(), ()).record
    assert isinstance(record.to_dict(), dict)


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=300))
def test_binary_decoded_loosely_never_raises(data: bytes) -> None:
    assert isinstance(
        notice._parse_any_script(data.decode("latin-1"), PageMeta(), ()).record, NoticeRecord
    )


def test_an_internal_failure_becomes_a_non_notice_record(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> NoticeRecord:
        raise RuntimeError("boom")

    monkeypatch.setattr(notice, "_parse_any_script", broken)
    record = parse_notice("一些文字")
    assert record.is_notice is False and record.body_text == "一些文字"


_TEAM = "县委第二巡察组对县水利局党组开展了常规巡察"


@pytest.mark.parametrize(
    ("opening", "period", "feedback"),
    [
        pytest.param(
            f"2022年9月5日至10月28日，{_TEAM}。2022年12月16日，巡察组向县水利局党组反馈了巡察意见。",
            ("2022-09-05", "2022-10-28"),
            "2022-12-16",
            id="own-sentence",
        ),
        pytest.param(
            f"2022年9月5日至10月28日，{_TEAM}，并于12月16日召开巡察反馈会议。",
            ("2022-09-05", "2022-10-28"),
            "2022-12-16",
            id="day-of-the-feedback-meeting",
        ),
        pytest.param(
            f"2022年11月5日至12月28日，{_TEAM}。巡察反馈会于1月6日召开。",
            ("2022-11-05", "2022-12-28"),
            "2023-01-06",
            id="next-year-meeting-before-date",
        ),
        pytest.param(
            f"2022年9月5日至10月28日，{_TEAM}，反馈时间为2022年12月16日。",
            ("2022-09-05", "2022-10-28"),
            "2022-12-16",
            id="feedback-time-label",
        ),
        pytest.param(
            f"2022年9月5日至10月28日，{_TEAM}。巡察反馈意见于12月16日送达。",
            ("2022-09-05", "2022-10-28"),
            "2022-12-16",
            id="feedback-opinions-on",
        ),
        pytest.param(
            f"2022年9月5日至10月28日，{_TEAM}。巡察组反馈意见后，局党组于11月2日召开专题会议。",
            ("2022-09-05", "2022-10-28"),
            None,
            id="meeting-after-feedback-is-not-it",
        ),
        pytest.param(
            f"2024年10月8日\n2024年3月11日至4月26日，{_TEAM}。5月20日，巡察组反馈了巡察意见。",
            ("2024-03-11", "2024-04-26"),
            "2024-05-20",
            id="year-of-the-period-not-of-a-date-line-above-it",
        ),
        pytest.param(
            f"根据区委2024年10月部署，2024年3月11日至2024年4月26日，{_TEAM}。5月20日反馈。",
            ("2024-03-11", "2024-04-26"),
            "2024-05-20",
            id="year-of-the-nearest-full-date-before",
        ),
        pytest.param(
            f"2022年X月5日至X月28日，{_TEAM}。2022年X月16日反馈了巡察意见。",
            (None, None),
            None,
            id="redacted",
        ),
    ],
)
def test_period_and_feedback_date(
    opening: str, period: tuple[str | None, str | None], feedback: str | None
) -> None:
    record = parse_notice(
        opening + "现将整改情况公布如下。\n一、整改情况\n1.理论学习不深入。已整改。"
    )
    assert (record.inspection_start, record.inspection_end) == period
    assert record.feedback_date == feedback


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("通知公告\n关于巡察整改情况的通报\n根据县委统一部署。", "关于巡察整改情况的通报"),
        (
            "中共某县水利局党组\n关于巡察整改情况的通报\n根据县委统一部署。",
            "关于巡察整改情况的通报",
        ),
        ("关于巡察整改\n情况的通报\n根据县委统一部署。", "关于巡察整改情况的通报"),
        ("某县水利局巡察整改进展情况公示\n根据县委统一部署。", "某县水利局巡察整改进展情况公示"),
        ("某县水利局巡察整\n改情况报告\n根据县委统一部署。", "某县水利局巡察整改情况报告"),
        ("某县档案馆巡\n察整改情况的通报\n根据县委统一部署。", "某县档案馆巡察整改情况的通报"),
        (
            "县档案馆党组关于\n县委巡察整改情况的通报\n根据县委统一部署。",
            "县档案馆党组关于县委巡察整改情况的通报",
        ),
        ("通知公告\n巡察整改情况的通报\n根据县委统一部署。", "巡察整改情况的通报"),
        (
            "县档案馆党组关于\n县委第三轮巡察反馈意见\n整改进展情况的通报\n根据县委统一部署。",
            "县档案馆党组关于县委第三轮巡察反馈意见整改进展情况的通报",
        ),
        ("关于巡察整改工作\n2023年9月\n根据县委统一部署。", "关于巡察整改工作"),
        (
            "县档案馆党组关于县委巡察整改情况\n的报告\n根据县委统一部署。",
            "县档案馆党组关于县委巡察整改情况的报告",
        ),
        ("根据县委统一部署，县委巡察组开展了巡察。\n一、整改情况", None),
        ("通知公告\n根据县委统一部署。", None),
    ],
)
def test_title_line(text: str, expected: str | None) -> None:
    assert parse_notice(text).title == expected


LEDGER = [
    "中共某县档案馆党组关于县委巡察整改情况的通报",
    "2022年9月5日至10月28日，县委第二巡察组对县档案馆党组开展了常规巡察。现将整改情况公布如下：",
    "一、问题整改情况",
    "(一)党的领导方面",
    "1.理论学习不够深入。",
    "整改措施:修订学习制度。",
    "2.档案库房安全隐患较多。",
    "整改措施:更换消防设施。",
    "整改台账如下：",
    "序号 | 问题 | 整改措施 | 进展",
    "1 | 理论学习不够深入 | 修订学习制度 | 已完成",
    "2 | 档案库房安全隐患较多 | 更换消防设施 | 已完成",
]


@pytest.mark.parametrize(
    ("paras", "expected"),
    [
        pytest.param(
            LEDGER,
            [("党的领导方面", "理论学习不够深入"), ("党的领导方面", "档案库房安全隐患较多")],
            id="outline-and-its-ledger",
        ),
        pytest.param(
            LEDGER[:3] + LEDGER[9:],
            [(None, "理论学习不够深入"), (None, "档案库房安全隐患较多")],
            id="ledger-only",
        ),
    ],
)
def test_problems_from_the_outline_before_a_ledger_table(
    paras: list[str], expected: list[tuple[str | None, str]]
) -> None:
    record = parse_notice("\n".join(paras))
    assert [(p.aspect, p.title) for p in record.problems] == expected


@pytest.mark.parametrize(
    ("tally", "expected"),
    [
        pytest.param(
            "截至目前，2个问题已整改完成1个，正在整改1个。",
            {"done": 1, "in_progress": 1},
            id="as-of",
        ),
        pytest.param("截至2024年3月底，２个问题已完成整改２个。", {"done": 2}, id="fullwidth"),
        pytest.param("目前，2项问题均已整改完成。", {"done": 2}, id="adverb"),
    ],
)
def test_a_closing_tally_after_the_last_problem_is_the_documents(
    tally: str, expected: dict[str, int]
) -> None:
    record = parse_notice("\n".join([*LEDGER[:8], tally, "欢迎广大干部群众监督。"]))
    assert record.status_counts == StatusCounts(**expected)
    assert record.problems[-1].rectification == "更换消防设施。"


@pytest.mark.parametrize(
    ("tally", "expected"),
    [
        pytest.param(
            "截至目前，反馈的2个问题中，已完成整改1个，正在推进1个。",
            {"done": 1, "in_progress": 1},
            id="among",
        ),
        pytest.param(
            "截至2024年5月底，巡察指出的2项问题中，已整改到位2项。", {"done": 2}, id="dated"
        ),
    ],
)
def test_a_tally_after_a_problem_ending_in_a_status_remark(
    tally: str, expected: dict[str, int]
) -> None:
    last = "整改措施:全面排查库房消防设施，更换灭火器材32具，建立库房安全巡查台账。(正在推进)"
    record = parse_notice("\n".join([*LEDGER[:6], last, tally, "欢迎广大干部群众监督。"]))
    assert record.status_counts == StatusCounts(**expected)
    assert record.problems[-1].rectification is not None
    assert "截至" not in record.problems[-1].rectification
