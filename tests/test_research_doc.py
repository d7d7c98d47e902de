"""docs/research.md's pandas quickstart runs on a real export."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from sqlalchemy import Engine
from typer.testing import CliRunner

from crawler.cli import app
from models.upsert import write_pages
from tests.db.test_upsert import page, record

DOC = Path(__file__).resolve().parents[1] / "docs" / "research.md"


def test_the_pandas_snippet_runs(engine: Engine, migrated_url: str, tmp_path: Path) -> None:
    (snippet,) = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    write_pages(
        engine,
        [
            page(1, record(1, feedback_date="2024-01-10", inspection_kinds=["专项"])),
            page(2, record(2, feedback_date="2024-03", inspection_level="county")),
        ],
    )
    out = tmp_path / "export"
    result = CliRunner().invoke(
        app, ["export", "--format", "parquet", "--out", str(out), "--url", migrated_url]
    )
    assert result.exit_code == 0, result.output
    script = tmp_path / "quickstart.py"
    script.write_text(snippet, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    text = run.stdout
    assert "city" in text and "county" in text
    assert "166" in text  # 2024-01-10 to 2024-06-24
    assert "专项" in text
