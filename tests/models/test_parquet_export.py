"""Parquet export: one typed file per table, filtered like the other exports, read back by pandas."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Engine

from models.export import ExportFilters
from models.link import rebuild
from models.parquet_export import TABLES, write_all
from models.upsert import write_pages
from tests.db.test_upsert import PDF_URL, page, pdf, record


def _archive(engine: Engine) -> None:
    write_pages(
        engine,
        [
            page(
                1,
                record(1, inspection_kinds=["专项", "回头看"], inspected_unit="区红十字会"),
                attachments=[pdf(b"%PDF-1")],
            ),
            page(
                2,
                record(
                    2,
                    published_date="2022-01-05",
                    inspection_level="county",
                    inspected_unit="区民政局党组",
                ),
            ),
        ],
    )
    with engine.begin() as conn:
        rebuild(conn)


def test_every_table_is_written_with_its_types(engine: Engine, tmp_path: Path) -> None:
    _archive(engine)
    with engine.connect() as conn:
        counts = write_all(conn, tmp_path / "out", ExportFilters())
    assert counts == {
        "sites": 1,
        "notices": 2,
        "problems": 4,
        "attachments": 1,
        "notice_versions": 2,
        "inspections": 2,
        "inspection_notices": 2,
        "feedback_events": 0,
    }
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{t.name}.parquet" for t in TABLES
    )
    notices = pq.read_schema(tmp_path / "out" / "notices.parquet")
    assert notices.field("published_date").type == pa.date32()
    assert notices.field("first_seen_at").type == pa.timestamp("us", tz="UTC")
    assert notices.field("is_notice").type == pa.bool_()
    assert notices.field("inspection_kinds").type == pa.list_(pa.string())
    assert notices.field("counts").type.field("problems").type == pa.int64()
    assert notices.field("attachments").type == pa.list_(
        pa.struct([("name", pa.string()), ("url", pa.string())])
    )
    assert notices.field("extra").type == pa.string()  # free-form JSON stays JSON text
    assert "raw_zlib" not in pq.read_schema(tmp_path / "out" / "notice_versions.parquet").names
    assert pq.read_schema(tmp_path / "out" / "problems.parquet").field("seq").type == pa.int64()
    inspections = pq.read_schema(tmp_path / "out" / "inspections.parquet")
    assert inspections.field("inspection_kinds").type == pa.list_(pa.string())
    assert inspections.field("first_disclosed").type == pa.date32()
    assert inspections.field("days_to_disclosure").type == pa.int64()


def test_values_read_back_in_pandas(engine: Engine, tmp_path: Path) -> None:
    _archive(engine)
    with engine.connect() as conn:
        write_all(conn, tmp_path / "out", ExportFilters())
    df = pd.read_parquet(tmp_path / "out" / "notices.parquet").sort_values("id")
    first = df.iloc[0]
    assert first["published_date"] == date(2024, 6, 24)
    assert list(first["inspection_kinds"]) == ["专项", "回头看"]
    assert first["counts"]["problems"] == 2
    assert first["contact"]["phones"].tolist() == ["0517-1234567"]
    attachments = pd.read_parquet(tmp_path / "out" / "attachments.parquet")
    assert attachments["url"].tolist() == [PDF_URL]


def test_filters_limit_every_table(engine: Engine, tmp_path: Path) -> None:
    _archive(engine)
    with engine.connect() as conn:
        counts = write_all(
            conn, tmp_path / "out", ExportFilters(level="county", until=date(2023, 1, 1))
        )
    assert counts == {
        "sites": 1,
        "notices": 1,
        "problems": 2,
        "attachments": 0,
        "notice_versions": 1,
        "inspections": 1,
        "inspection_notices": 1,
        "feedback_events": 0,
    }
    assert pd.read_parquet(tmp_path / "out" / "notices.parquet")["id"].tolist() == [2]
    assert not list((tmp_path / "out").glob("*.part"))
