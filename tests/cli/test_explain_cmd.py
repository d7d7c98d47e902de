"""notices explain: each value with the sentence it was read from, for a file or a stored
notice."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crawler.cli import app
from crawler.cli.explain_cmd import Explained, _item_value, explain, sentence_of
from models.db import make_engine
from models.upsert import write_pages
from pipelines.common.cleaned import PageMeta
from pipelines.common.evidence import Span
from pipelines.common.fetched import FetchedPage
from pipelines.parsing import parse_notice

NOTICE = (
    "中共某县水利局党组关于县委巡察整改进展情况的通报\n"
    "根据县委统一部署，县委第二巡察组于 2022 年 9 月 5 日至 10 月 28 日对县水利局党组开展了常规巡察，"
    "并于2022年12月16日反馈了巡察意见。现将整改进展情况予以公布。\n"
    "一、整改落实情况\n（一）理论学习不够深入。已修订学习制度。（已完成）\n"
    "（二）工程项目监管不到位。已开展专项检查。（正在推进）\n"
    "欢迎广大干部群众监督。联系电话：0736-7229999。\n中共某县水利局党组\n2023年3月20日"
)


def _by_path(items: list[Explained]) -> dict[str, Explained]:
    return {item.path: item for item in items}


@pytest.mark.parametrize(
    ("path", "value", "marked", "place"),
    [
        ("inspection_start", "2022-09-05", "2022 年 9 月 5 日", None),
        ("inspection_end", "2022-10-28", "10 月 28 日", None),
        ("feedback_date", "2022-12-16", "2022年12月16日", None),
        ("inspection_body", "县委第二巡察组", "县委第二巡察组", None),
        ("inspected_unit", "县水利局党组", "县水利局党组", None),
        ("contact.phones[0]", "0736-7229999", "0736-7229999", None),
        ("signed_date", "2023-03-20", "2023年3月20日", None),
        ("problems[1]", "工程项目监管不到位", "(二)工程项目监管不到位。", None),
        ("problems[1].status", "in_progress", "正在推进", None),
        ("source", "县水利局", None, "page meta: 来源"),
    ],
)
def test_each_value_with_its_sentence_or_place(
    path: str, value: str, marked: str | None, place: str | None
) -> None:
    record = parse_notice(NOTICE, PageMeta(source="县水利局")).to_dict()
    item = _by_path(explain(record))[path]
    assert item.value == value
    assert item.place == place
    if marked is None:
        assert item.sentence is None
        return
    assert item.sentence is not None and item.mark is not None
    start, end = item.mark
    # as stored (brackets normalised); a problem's span runs over all its paragraphs
    assert item.sentence[start:end].startswith(marked)


def test_a_value_without_evidence_says_so() -> None:
    record = {"title": "通报", "body_text": "正文", "evidence": {}}
    assert explain(record) == [Explained("title", "通报")]


@pytest.mark.parametrize(
    ("body", "span", "sentence"),
    [
        ("甲。乙丙丁。戊。", Span(3, 4), "乙丙丁。"),
        ("第一行\n第二行有值\n第三行", Span(6, 7), "第二行有值\n"),
        ("没有句号的一段", Span(2, 3), "没有句号的一段"),
    ],
)
def test_the_sentence_around_a_span(body: str, span: Span, sentence: str) -> None:
    found, (start, end) = sentence_of(body, span)
    assert found == sentence.rstrip("\n")
    assert found[start:end] == span.text(body)


def test_explain_a_file_and_a_stored_notice(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    runner = CliRunner()
    parsed = runner.invoke(app, ["explain", str(path)])
    assert parsed.exit_code == 0, parsed.output
    assert "inspection_start: 2022-09-05" in parsed.output
    assert "县委第二巡察组于 2022 年 9 月 5 日至 10 月 28 日" in parsed.output

    archive = f"sqlite:///{tmp_path / 'archive.db'}"
    assert runner.invoke(app, ["db", "upgrade", "--url", archive]).exit_code == 0
    engine = make_engine(archive)
    url = "http://127.0.0.1/notice.html"
    record = parse_notice(NOTICE).to_dict()
    try:
        when = datetime(2025, 1, 1, tzinfo=UTC)
        write_pages(engine, [FetchedPage(url, url, "s", "r", 200, when, b"x", record=record)])
    finally:
        engine.dispose()
    stored = runner.invoke(app, ["explain", url, "--url", archive])
    assert stored.exit_code == 0, stored.output
    assert stored.output.splitlines()[1:] == parsed.output.splitlines()[1:]
    assert "problems[0].status: done" in stored.output


@pytest.mark.parametrize(
    ("item", "shown"),
    [
        ({"name": "整改台账.pdf", "url": "http://x/1.pdf"}, "整改台账.pdf"),
        (
            {"kind": "party_discipline", "count": 12, "unit": "人", "text": "…", "detail": None},
            "party_discipline 12 人",
        ),
        (
            {"kind": "refunded", "yuan": 356000.0, "lower_bound": False, "text": "35.6万元"},
            "refunded 356000 yuan",
        ),
        (
            {"kind": "recovered", "yuan": 20000.0, "lower_bound": True, "text": "2万余元"},
            "recovered at least 20000 yuan",
        ),
        ("常规", "常规"),
    ],
)
def test_a_list_item_is_shown_as_one_value(item: object, shown: str) -> None:
    assert _item_value(item) == shown
