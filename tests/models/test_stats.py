"""Counts over the archive per region, site and year, and the last runs, on both backends."""

from __future__ import annotations

from sqlalchemy import Engine

from models import stats


def test_counts(stats_archive: Engine) -> None:
    with stats_archive.connect() as conn:
        assert stats.totals(conn) == {
            "notices": 3,
            "problems": 6,
            "other pages": 1,
            "sites": 2,
            "crawl runs": 1,
        }
        assert stats.by_region(conn) == [("demo", 3, 6)]
        assert stats.by_site(conn) == [("a", "甲站", 2, 0), ("b", None, 1, 1)]
        assert stats.by_year(conn) == [(2023, 1), (2024, 1), (None, 1)]
        [run] = stats.last_runs(conn)
    assert (run.region, run.outcome, run.flagged, run.inserted, run.unchanged, run.updated) == (
        "demo",
        "partial",
        1,
        3,
        1,
        0,
    )
