"""`notices parse [--jsonl] PATH...` (crawler/cli/parse_cmd.py): one record per input, in order."""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from crawler.cli import app
from pipelines.common.record import NoticeRecord, names
from tests.farm.build.files import make_doc, make_docx, make_pdf

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
@given(st.binary(max_size=2000), st.sampled_from(["txt", "html", "pdf", "docx", "doc", "bin"]))
def test_any_bytes_give_one_record_or_one_line(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x.{suffix}"
        path.write_bytes(data)
        result = runner.invoke(app, ["parse", "--jsonl", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    if result.exit_code == 0:
        assert len(_records(result.stdout)) == 1
    else:
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1 and str(path) in result.stderr


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=2000).filter(lambda t: not any(c in t for c in "\x00\x01\x02\x03\x04")))
def test_any_text_file_gives_one_record(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.txt"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        result = runner.invoke(app, ["parse", "--jsonl", str(path)])
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 0:
        assert len(_records(result.stdout)) == 1


PARAGRAPHS = [line for line in NOTICE.splitlines() if line.strip()]


def _document(kind: str) -> bytes:
    return {
        "pdf": lambda: make_pdf(PARAGRAPHS),
        "docx": lambda: make_docx(PARAGRAPHS[0], PARAGRAPHS[1:]),
        "doc": lambda: make_doc(PARAGRAPHS),
    }[kind]()


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("pdf", "n.pdf"),
        ("pdf", "n.txt"),  # by content, not by name
        ("docx", "n.docx"),
        ("docx", "notice"),
        ("doc", "n.doc"),
        ("doc", "n.wps"),  # WPS text documents are OLE2 files too
        ("doc", "n.html"),
    ],
)
def test_attachment_formats_are_read_by_content(tmp_path: Path, kind: str, name: str) -> None:
    if kind == "doc" and not (shutil.which("antiword") or shutil.which("catdoc")):
        pytest.skip("antiword/catdoc not installed (.ci/system-deps)")
    path = tmp_path / name
    path.write_bytes(_document(kind))
    result = runner.invoke(app, ["parse", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    (record,) = _records(result.stdout)
    assert record["is_notice"] is True
    assert record["inspection_body"] == "市委巡察办第一巡察组"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "says"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "scan.png", "a PNG image"),
        (b"\xff\xd8\xff\xe0" + bytes(200), "notice.txt", "a JPEG image"),
        (b"\x7fELF\x02\x01\x01" + bytes(200), "notice.html", "an executable"),
        (b"MZ\x90\x00" + bytes(200), "setup.exe", "binary data"),
        (_zip({"a.txt": b"hello"}), "notice.docx", "a .zip file"),  # a zip that is no .docx
        (_zip({"xl/workbook.xml": b"<x/>"}), "ledger.xlsx", "a .xlsx file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "ledger.xls", "a .xls file"),
        (bytes(range(32)) * 8, "notice.txt", "binary data"),
    ],
)
def test_other_binaries_are_refused_with_one_line(
    tmp_path: Path, data: bytes, name: str, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = runner.invoke(app, ["parse", "--jsonl", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error: {path}: {says}" + result.stderr.split(says, 1)[1].rstrip("\n")
    ]
    assert "Traceback" not in result.output


def test_a_refused_file_does_not_stop_the_others(tmp_path: Path) -> None:
    image, good = tmp_path / "a.png", tmp_path / "b.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    good.write_text(NOTICE, encoding="gbk", errors="xmlcharrefreplace")
    result = runner.invoke(app, ["parse", "--jsonl", str(image), str(good)])
    assert result.exit_code == 2
    assert [r["source_path"] for r in _records(result.stdout)] == [str(good)]
    assert _records(result.stdout)[0]["inspection_body"] == "市委巡察办第一巡察组"


def test_a_broken_document_is_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "n.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(100))
    result = runner.invoke(app, ["parse", "--jsonl", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {path}: cannot read this .pdf file")
    assert "Traceback" not in result.output


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


def test_a_page_whose_body_cannot_be_found_is_one_line_not_an_empty_record(tmp_path: Path) -> None:
    prose = (
        "<p>根据市委统一部署，市委第一巡察组对本单位开展了巡察，现将整改情况予以公布，欢迎监督。</p>"
        * 6
    )
    path = tmp_path / "p.html"
    path.write_text(f"<html><body><div class='menu'>{prose}</div><div>某某</div></body></html>")
    result = runner.invoke(app, ["parse", "--jsonl", str(path)])
    assert result.exit_code == 1 and _records(result.stdout) == []
    assert result.stderr == f"error: {path}: no body found in this page (empty_body)\n"
