"""Every adversarial shape of bench/robustness.py, at a size a test can afford, through the entry
points it was built for: none raises, and what comes out can be written. (How long they take is
the benchmark's to print.) Plus the fixes whose result can be asserted."""

from __future__ import annotations

import json

import pytest

from bench.robustness import BYTE_SHAPES, HTML_SHAPES, TEXT_SHAPES
from pipelines.cleaning import clean_html, clean_text
from pipelines.common.decoding import decode_html, decode_text
from pipelines.common.limits import MAX_NOTICE_CHARS, MAX_PAGE_ELEMENTS
from pipelines.parsing import parse_notice
from pipelines.parsing.notice import parse_with_decision

SIZE = 8 * 1024


@pytest.mark.parametrize("shape", sorted(BYTE_SHAPES))
def test_decoder_shapes(shape: str) -> None:
    body, charset = BYTE_SHAPES[shape](SIZE)
    _, encoding = decode_html(body, declared_encoding=charset)
    "".encode(encoding)
    decode_text(body)


@pytest.mark.parametrize("shape", sorted(HTML_SHAPES))
def test_cleaner_shapes(shape: str) -> None:
    cleaned = clean_html(HTML_SHAPES[shape](SIZE).encode("utf-8"))
    json.dumps(cleaned.text, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("shape", sorted(TEXT_SHAPES))
def test_parser_shapes(shape: str) -> None:
    text = TEXT_SHAPES[shape](SIZE)
    clean_text(text)
    json.dumps(parse_notice(text).to_dict(), ensure_ascii=False).encode("utf-8")


NOTICE = "关于县委第一巡察组反馈意见整改情况的通报\n县委第一巡察组对县统计局党组开展了常规巡察。"


def test_lone_surrogates_become_replacement_characters_not_a_failed_parse() -> None:
    parsed = parse_with_decision(NOTICE.replace("第一", "第一\ud800"))
    assert parsed.decision.rule != "parse_failed"
    assert parsed.record.title == "关于县委第一\ufffd巡察组反馈意见整改情况的通报"
    assert "\ufffd" in clean_text("a\udfffb").text


@pytest.mark.parametrize("depth", [100, 255, 256, 300, 3000, 20000])
def test_deeply_nested_pages_keep_their_text(depth: int) -> None:
    page = (
        "<html><body><p>关于巡察整改情况的通报</p>"
        + "<div>" * depth
        + "县委第一巡察组对县统计局党组开展了常规巡察。"
        + "</div>" * depth
        + "<p>欢迎监督。</p></body></html>"
    )
    text = clean_html(page.encode("utf-8")).text
    assert "县委第一巡察组对县统计局党组开展了常规巡察。" in text


def test_text_longer_than_any_notice_is_classified_and_kept() -> None:
    text = (NOTICE + "\n") * (MAX_NOTICE_CHARS // len(NOTICE) + 1)
    parsed = parse_with_decision(text)
    assert parsed.decision.rule == "too_long"
    assert parsed.record.is_notice is False
    assert parsed.record.body_text == text
    assert parse_with_decision(text[:MAX_NOTICE_CHARS]).decision.rule != "too_long"


def test_a_page_larger_than_any_notice_page_keeps_its_text_unlocated() -> None:
    rows = "".join(f"<li><a href='/t/{i}.html'>通报{i}</a></li>" for i in range(MAX_PAGE_ELEMENTS))
    page = f"<html><head><title>列表</title></head><body><ul>{rows}</ul></body></html>"
    cleaned = clean_html(page.encode("utf-8"))
    assert cleaned.meta.title == "列表"
    lines = cleaned.text.split("\n")
    assert lines[0] == "通报0" and lines[-1] == f"通报{MAX_PAGE_ELEMENTS - 1}"
