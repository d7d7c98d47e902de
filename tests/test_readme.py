"""The README's settings table is the one generated from the settings registry."""

from __future__ import annotations

from pathlib import Path

from pipelines.common.settings import with_table

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_settings_table_is_generated_from_the_registry() -> None:
    text = README.read_text(encoding="utf-8")
    assert with_table(text) == text, (
        "README.md's settings table drifted: run `python -m pipelines.common.settings README.md`"
    )
