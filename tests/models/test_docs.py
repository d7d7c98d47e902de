"""The generated documents (models/docs.py) match the code, and drift is caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import docs
from pipelines.common.record import NoticeRecord, names


def test_the_generated_files_are_what_the_code_gives() -> None:
    # Fails when a field, description or column changed without `python -m models.docs`.
    assert docs.stale() == []


def test_every_table_and_column_is_described() -> None:
    assert docs.undescribed() == []


def test_the_record_table_has_a_row_per_field_in_order() -> None:
    rows = docs.record_table().splitlines()[2:]
    assert [row.split("|")[1].strip(" `") for row in rows] == list(names(NoticeRecord))


def test_the_data_dictionary_names_every_table() -> None:
    text = docs.data_dictionary()
    for table in docs.Base.metadata.sorted_tables:
        assert f"## `{table.name}`" in text


def test_a_stale_file_is_reported_then_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.md"
    target.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(docs, "OUTPUTS", {target: lambda: "new\n"})
    assert docs.main(["--check"]) == 1
    assert f"stale: {target}" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "old\n"
    assert docs.main([]) == 0
    assert target.read_text(encoding="utf-8") == "new\n"
    assert docs.main(["--check"]) == 0


def test_a_column_without_a_comment_is_one_line_and_a_failure(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(docs, "undescribed", lambda: ["notices.report_phase"])
    assert docs.main(["--check"]) == 1
    assert capsys.readouterr().err == "error: no comment for notices.report_phase\n"


@pytest.mark.parametrize("text", ["# README\n", f"# README\n{docs.BEGIN}\nno end\n"])
def test_a_readme_without_the_markers_is_an_error(text: str) -> None:
    with pytest.raises(ValueError, match="markers"):
        docs.readme_with_table(text)


def test_the_readme_table_is_replaced_between_its_markers() -> None:
    readme = f"intro\n{docs.BEGIN}\nold table\n{docs.END}\noutro\n"
    assert docs.readme_with_table(readme) == (
        f"intro\n{docs.BEGIN}\n{docs.record_table()}{docs.END}\noutro\n"
    )


def test_unknown_arguments_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert docs.main(["--write"]) == 2
    assert "usage:" in capsys.readouterr().err
