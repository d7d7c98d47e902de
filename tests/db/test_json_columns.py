"""JSON columns hold UTF-8 (jsonb on PostgreSQL), so a LIKE on their text finds Chinese words."""

from __future__ import annotations

from sqlalchemy import Engine, text

from models.upsert import write_pages
from tests.db.test_upsert import page, record


def test_json_text_is_utf8_and_like_finds_a_word(engine: Engine) -> None:
    write_pages(engine, [page(1, record(1, inspection_kinds=["专项", "回头看"]))])
    as_text = (
        "inspection_kinds::text" if engine.dialect.name == "postgresql" else "inspection_kinds"
    )
    with engine.connect() as conn:
        stored = conn.execute(text(f"SELECT {as_text} FROM notices")).scalar_one()
        found = conn.execute(
            text(f"SELECT count(*) FROM notices WHERE {as_text} LIKE '%专项%'")
        ).scalar_one()
    assert "专项" in stored and "\\u" not in stored
    assert found == 1


def test_postgresql_columns_are_jsonb(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        return
    with engine.connect() as conn:
        types = set(
            conn.execute(
                text(
                    "SELECT DISTINCT data_type FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND data_type IN ('json', 'jsonb')"
                )
            ).scalars()
        )
    assert types == {"jsonb"}
