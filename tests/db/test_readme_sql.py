"""Every SQL example of the README runs, on SQLite and on PostgreSQL, and returns rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from models.upsert import write_pages
from tests.db.test_upsert import T1, page, record

README = Path(__file__).resolve().parents[2] / "README.md"
EXAMPLES = re.findall(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("sql", EXAMPLES, ids=[f"example-{i}" for i in range(len(EXAMPLES))])
def test_example_runs(engine: Engine, sql: str) -> None:
    write_pages(engine, [page(1), page(2)])
    # a second version of notice 1, so the "changed after publication" example has a row
    write_pages(engine, [page(1, record(1, body="改过的正文"), body=b"<html>v2</html>")], now=T1)
    with engine.connect() as conn:
        rows = conn.execute(text(sql)).all()
    assert rows
