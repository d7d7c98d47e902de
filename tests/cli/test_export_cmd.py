"""`notices export`: CSV (notices + problems files) and JSONL (problems nested), with filters."""

from __future__ import annotations

import csv
import json
import typing
from dataclasses import is_dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from crawler.cli import app
from crawler.cli.export_cmd import NESTED, NOTICE_COLUMNS, flat_columns, neutralise_cell
from models.upsert import write_pages
from pipelines.common.fetched import FetchedPage
from pipelines.common.record import NoticeRecord, StatusCounts, Storage, names

runner = CliRunner()


def page(n: int, region: str, published: str | None, problems: int) -> FetchedPage:
    url = f"http://127.0.0.1/{region}/{n}.html"
    record: dict[str, Any] = {
        "is_notice": True,
        "title": f"通报{n}",
        "published_date": published,
        "inspection_kinds": ["常规", "提级"],
        "counts": {"aspects": 3, "items": None, "problems": problems, "measures": None},
        "contact": {
            "phones": ["0517-1"],
            "emails": ["a@b.cn"],
            "address": "某路1号",
            "postcode": None,
        },
        "attachments": [{"name": "清单.xlsx", "url": None}],
        "problems": [
            {"seq": i, "aspect": "一、", "title": f"问题{n}.{i}", "status": "done"}
            for i in range(1, problems + 1)
        ],
        "body_text": "第一段\n第二段",
        "parser_version": "t",
    }
    return FetchedPage(
        url,
        url,
        f"site-{region}",
        region,
        200,
        datetime(2025, 1, 1, tzinfo=UTC),
        b"<html/>",
        record=record,
    )


@pytest.fixture
def archive(engine: Engine, migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOTICES_DB_URL", migrated_url)
    write_pages(
        engine,
        [
            page(1, "north", "2024-03-01", 2),
            page(2, "north", None, 1),
            page(3, "south", "2023-12-31", 0),
        ],
    )


def invoke(*args: str) -> Any:
    result = runner.invoke(app, ["export", *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.usefixtures("archive")
def test_jsonl_has_one_record_per_notice_with_problems_nested() -> None:
    records = [json.loads(line) for line in invoke("--format", "jsonl").stdout.splitlines()]
    assert [r["title"] for r in records] == ["通报1", "通报2", "通报3"]
    first = records[0]
    assert first["published_date"] == "2024-03-01"
    assert [p["title"] for p in first["problems"]] == ["问题1.1", "问题1.2"]
    assert first["attachments"] == [{"name": "清单.xlsx", "url": None}]
    assert first["counts"]["aspects"] == 3
    assert first["url"] == "http://127.0.0.1/north/1.html"


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize(
    ("filters", "titles"),
    [
        (["--region", "north"], ["通报1", "通报2"]),
        (["--since", "2024-01-01"], ["通报1"]),
        (["--region", "south", "--since", "2023-12-31"], ["通报3"]),
        (["--region", "nowhere"], []),
    ],
)
def test_filters(filters: list[str], titles: list[str]) -> None:
    lines = invoke("--format", "jsonl", *filters).stdout.splitlines()
    assert [json.loads(line)["title"] for line in lines] == titles


@pytest.mark.usefixtures("archive")
def test_csv_out_writes_notices_and_problems_files(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    result = invoke("--format", "csv", "--out", str(out), "--region", "north")
    assert "wrote 2 notices" in result.output and "x.problems.csv" in result.output
    with out.open(encoding="utf-8-sig", newline="") as f:
        notices = list(csv.DictReader(f))
    with (tmp_path / "x.problems.csv").open(encoding="utf-8-sig", newline="") as f:
        problems = list(csv.DictReader(f))
    assert [n["title"] for n in notices] == ["通报1", "通报2"]
    assert notices[0]["inspection_kinds"] == "常规; 提级"
    assert notices[0]["counts_aspects"] == "3"
    assert notices[0]["contact_emails"] == "a@b.cn"
    assert notices[0]["problem_count"] == "2"
    assert notices[0]["body_text"] == "第一段\n第二段"
    ids = {n["title"]: n["id"] for n in notices}
    assert [(p["notice_id"], p["seq"], p["title"]) for p in problems] == [
        (ids["通报1"], "1", "问题1.1"),
        (ids["通报1"], "2", "问题1.2"),
        (ids["通报2"], "1", "问题2.1"),
    ]


@pytest.mark.usefixtures("archive")
def test_csv_to_stdout_notices_or_problems() -> None:
    notices = list(csv.DictReader(invoke("--format", "csv").stdout.splitlines()))
    assert len(notices) == 3
    problems = list(csv.DictReader(invoke("--format", "csv", "--problems").stdout.splitlines()))
    assert len(problems) == 3


def test_database_not_at_head_is_a_clear_error(sqlite_url: str) -> None:
    result = runner.invoke(app, ["export", "--url", sqlite_url])
    assert result.exit_code == 1
    assert "run `notices db upgrade` first" in result.output


@pytest.mark.parametrize(
    ("region", "titles"),
    [
        ("anhui", ["通报1", "通报2"]),  # the province and the city below it
        ("340400", ["通报2"]),
        ("淮南市", ["通报2"]),
        ("北京", ["通报3"]),
    ],
)
def test_region_takes_name_pinyin_or_code_as_the_crawl_does(
    engine: Engine,
    migrated_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    region: str,
    titles: list[str],
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "regions.yaml").write_text(
        """regions:
  - {code: "340000", name: 安徽省, pinyin: anhui, sites: []}
  - {code: "340400", name: 淮南市, pinyin: huainan, parent: "340000", sites: []}
  - {code: "110000", name: 北京市, pinyin: beijing, sites: []}
""",
        encoding="utf-8",
    )
    monkeypatch.setenv("NOTICES_SEEDS", str(seeds))
    monkeypatch.setenv("NOTICES_DB_URL", migrated_url)
    write_pages(
        engine,
        [page(1, "安徽省", None, 0), page(2, "淮南市", None, 0), page(3, "北京市", None, 0)],
    )
    lines = invoke("--format", "jsonl", "--region", region).stdout.splitlines()
    assert [json.loads(line)["title"] for line in lines] == titles


def test_every_record_field_has_its_csv_columns() -> None:
    # A field is a column of its own, or flattened into columns named after it.
    prefixes = {f: NESTED[f][0] if f in NESTED else f for f in names(NoticeRecord)}
    prefixes["problems"] = "problem_count"
    for field, prefix in prefixes.items():
        assert any(c == prefix or c.startswith(f"{prefix}_") for c in NOTICE_COLUMNS), field
    assert NOTICE_COLUMNS[-1] == "body_text"  # the long text last, for spreadsheets


def test_nested_objects_flatten_to_one_column_per_key() -> None:
    assert flat_columns("status_counts") == [f"status_{k}" for k in names(StatusCounts)]
    assert flat_columns("inspection_kinds") == ["inspection_kinds"]


def test_every_nested_object_of_the_record_is_flattened() -> None:
    hints = typing.get_type_hints(NoticeRecord)
    nested = {
        f
        for f in names(NoticeRecord, Storage.JSON)
        if any(is_dataclass(t) for t in (hints[f], *typing.get_args(hints[f])))
        and typing.get_origin(hints[f]) is not tuple
    }
    assert nested == set(NESTED)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x","点击")', '\'=HYPERLINK("http://x","点击")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("关于=整改", "关于=整改"),  # only the first character makes a formula
        ("", ""),
        (None, None),
        (-3, -3),  # a number is not text a spreadsheet evaluates
    ],
)
def test_formula_cells_are_neutralised(value: Any, written: Any) -> None:
    assert neutralise_cell(value) == written


def test_csv_export_neutralises_formula_cells(
    engine: Engine, migrated_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NOTICES_DB_URL", migrated_url)
    hostile = page(9, "north", "2024-01-01", 1)
    assert hostile.record is not None
    hostile.record["title"] = '=HYPERLINK("http://evil","通报")'
    hostile.record["problems"][0]["title"] = "@cmd|' /C calc'!A0"
    write_pages(engine, [hostile])
    out = tmp_path / "x.csv"
    invoke("--format", "csv", "--out", str(out))
    with out.open(encoding="utf-8-sig", newline="") as f:
        (notice,) = list(csv.DictReader(f))
    with (tmp_path / "x.problems.csv").open(encoding="utf-8-sig", newline="") as f:
        (problem,) = list(csv.DictReader(f))
    assert notice["title"] == '\'=HYPERLINK("http://evil","通报")'
    assert problem["title"] == "'@cmd|' /C calc'!A0"


@pytest.mark.parametrize(("flags", "bom"), [((), ""), (("--excel",), "\ufeff")])
def test_excel_csv_on_stdout_starts_with_a_bom(
    engine: Engine,
    migrated_url: str,
    monkeypatch: pytest.MonkeyPatch,
    flags: tuple[str, ...],
    bom: str,
) -> None:
    monkeypatch.setenv("NOTICES_DB_URL", migrated_url)
    write_pages(engine, [page(1, "north", "2024-01-01", 1)])
    result = invoke("--format", "csv", *flags)
    assert result.stdout.split(",", 1)[0] == bom + NOTICE_COLUMNS[0]


def test_excel_is_for_csv_only(migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOTICES_DB_URL", migrated_url)
    result = runner.invoke(app, ["export", "--format", "jsonl", "--excel"])
    assert result.exit_code == 2
    assert "--excel is for --format csv" in result.output
