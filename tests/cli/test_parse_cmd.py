"""`notices parse [--jsonl] PATH...` (crawler/cli/parse_cmd.py): one record per input, in order."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from crawler.cli import app
from pipelines.common.record import NoticeRecord, names

DEV = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "dev" / "texts"
NOTICE = (DEV / "004_bbd2ed656ee4c473.txt").read_text(encoding="utf-8")
runner = CliRunner()


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_files_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "n.txt"
    path.write_bytes(NOTICE.encode(encoding, errors="xmlcharrefreplace"))
    result = runner.invoke(app, ["parse", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    (record,) = _records(result.stdout)
    assert record["source_path"] == str(path)
    assert record["inspection_body"] == "市委巡察办第一巡察组"
    assert len(record["problems"]) == 10


def test_html_page_goes_through_page_cleaning(tmp_path: Path) -> None:
    paras = "".join(f"<p>{line}</p>" for line in NOTICE.splitlines() if line.strip())
    page = (
        '<html><head><meta charset="gbk"><title>通报_淮南市纪检监察网</title></head><body>'
        '<div class="nav">首页 &gt; 巡察工作</div><div class="article">'
        f"{paras}</div><div class='footer'>版权所有：淮南市纪委监委</div></body></html>"
    )
    path = tmp_path / "n.html"
    path.write_bytes(page.encode("gbk", errors="xmlcharrefreplace"))
    result = runner.invoke(app, ["parse", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    (record,) = _records(result.stdout)
    assert record["is_notice"] is True
    assert record["feedback_date"] == "2020-04-13"
    assert len(record["problems"]) == 10


def test_inputs_keep_their_order_and_a_non_notice_still_exits_zero(tmp_path: Path) -> None:
    notice, news = tmp_path / "a.txt", tmp_path / "b.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    news.write_text("县委第一巡察组进驻县人民医院。巡察工作动员会召开。", encoding="utf-8")
    result = runner.invoke(app, ["parse", "--jsonl", str(news), str(notice)])
    assert result.exit_code == 0
    assert [(r["source_path"], r["is_notice"]) for r in _records(result.stdout)] == [
        (str(news), False),
        (str(notice), True),
    ]


def test_unreadable_file_is_an_error_after_the_others_are_printed(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(NOTICE, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["parse", "--jsonl", str(missing), str(good)])
    assert result.exit_code == 1
    assert [r["source_path"] for r in _records(result.stdout)] == [str(good)]
    assert "missing.txt" in result.stderr and "cannot read" in result.stderr


def test_without_jsonl_the_output_is_indented_json(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(NOTICE, encoding="utf-8")
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 0
    assert result.stdout.startswith("{\n  ")
    assert json.loads(result.stdout)["title"].startswith("中共淮南市委统一战线工作部")


@settings(max_examples=25, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["txt", "html"]))
def test_any_bytes_give_one_record(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x.{suffix}"
        path.write_bytes(data)
        result = runner.invoke(app, ["parse", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    assert len(_records(result.stdout)) == 1


TABLE_PAGE = """<html><body><div class="article">
<h1>中共平川县统计局党组关于县委巡察反馈问题整改情况的通报</h1>
<p>2022年9月13日至11月4日，县委第一巡察组对县统计局党组开展了常规巡察。现将整改情况通报如下：</p>
<table><tr><td>序号</td><td>存在问题</td><td>整改措施</td><td>完成情况</td></tr>
<tr><td colspan="4">一、党的领导方面</td></tr>
<tr><td>1</td><td>理论学习计划执行不到位</td><td>修订中心组学习制度。</td><td>已完成</td></tr>
<tr><td>2</td><td>统计执法检查覆盖面偏窄</td><td>扩大抽查范围。</td><td>正在推进</td></tr>
</table><p>欢迎广大干部群众对巡察整改落实情况进行监督。</p></div></body></html>"""


def test_html_table_rows_are_read_as_problems(tmp_path: Path) -> None:
    path = tmp_path / "t.html"
    path.write_text(TABLE_PAGE, encoding="utf-8")
    result = runner.invoke(app, ["parse", "--jsonl", str(path)])
    (record,) = _records(result.stdout)
    assert [(p["aspect"], p["title"], p["status"]) for p in record["problems"]] == [
        ("党的领导方面", "理论学习计划执行不到位", "done"),
        ("党的领导方面", "统计执法检查覆盖面偏窄", "in_progress"),
    ]


def test_each_line_is_the_record_and_the_path_it_was_parsed_from(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(NOTICE, encoding="utf-8")
    result = runner.invoke(app, ["parse", "--jsonl", str(path)])
    (record,) = _records(result.stdout)
    assert list(record) == [*names(NoticeRecord), "source_path"]
