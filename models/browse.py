"""What `notices serve` tells Datasette about the archive: every table and column described (from
the models' comments, the same source as docs/data-dictionary.md), the facets researchers filter
by, full-text search wired into the notices table's search box, and canned queries for the
questions they ask first. Pure data; crawler/cli/serve_cmd.py hands it to Datasette.

The SQL is SQLite's: Datasette reads SQLite files. `inspections_never_disclosed` keeps to what
PostgreSQL reads too (no julianday), so it runs on either archive.
"""

from __future__ import annotations

from typing import Any

from models.base import Base
from models.search import TABLE as SEARCH_TABLE

TITLE = "Inspection-rectification notices (巡视巡察整改情况通报)"

FACETS: dict[str, list[Any]] = {
    "notices": [
        "region",
        "inspection_level",
        {"array": "inspection_kinds"},
        "site_id",
        "removed_reason",
        {"year": "published_date"},  # crawler/cli/datasette_plugin.py's year facet
    ],
    "problems": ["status"],
    "inspections": ["inspection_level", {"year": "first_disclosed"}],
    "inspection_notices": ["stage"],
    "raw_pages": ["reason", "site_id"],
    "crawl_site_outcomes": ["outcome", "site_id"],
}

# One percentage per row, for the canned queries: problems reported done of all problems.
_DONE = "sum(CASE WHEN p.status = 'done' THEN 1 ELSE 0 END)"
# Months a unit is given to publish after the feedback before its inspection counts as never
# disclosed: the 巡视工作条例 asks for the rectification report two months after the feedback,
# and a month more lets the notice follow it (docs/linking.md).
GRACE_MONTHS = 3
# A partial ISO date's months since year 0, in SQL both SQLite and PostgreSQL read.
_MONTHS = "CAST(substr({0}, 1, 4) AS INTEGER) * 12 + CAST(substr({0}, 6, 2) AS INTEGER)"

QUERIES: dict[str, dict[str, str]] = {
    "search": {
        "title": "Full-text search, best matches first",
        "description": "Words or phrases (a run of Chinese characters is a phrase; 整改 问责 needs "
        "both). Ranked by BM25, title hits weigh more.",
        "sql": f"""SELECT n.id, n.title, n.published_date, n.region, n.inspection_level, n.url
FROM {SEARCH_TABLE} s JOIN notices n ON n.id = s.rowid
WHERE {SEARCH_TABLE} MATCH escape_fts(:q)
ORDER BY bm25({SEARCH_TABLE}, 5.0, 1.0) LIMIT 100""",
    },
    "problems_per_level": {
        "title": "Problems per inspection level",
        "description": "Notices and the problems they list, by the rank of the inspecting committee.",
        "sql": """SELECT coalesce(n.inspection_level, '(unknown)') AS level,
       count(DISTINCT n.id) AS notices, count(p.id) AS problems,
       round(1.0 * count(p.id) / count(DISTINCT n.id), 1) AS problems_per_notice
FROM notices n LEFT JOIN problems p ON p.notice_id = n.id
GROUP BY 1 ORDER BY problems DESC""",
    },
    "share_reported_rectified": {
        "title": "Share of problems reported rectified",
        "description": "Per inspection level: problems with a status, and the share the notices "
        "report as done (as reported, not verified).",
        "sql": f"""SELECT coalesce(n.inspection_level, '(unknown)') AS level,
       count(p.id) AS problems_with_status, {_DONE} AS reported_done,
       round(100.0 * {_DONE} / count(p.id), 1) AS percent_done
FROM problems p JOIN notices n ON n.id = p.notice_id
WHERE p.status IS NOT NULL
GROUP BY 1 ORDER BY 1""",
    },
    "days_feedback_to_publication": {
        "title": "Days from feedback to publication",
        "description": "Notices that state a full feedback date: days until the notice was "
        "published (disclosure lag).",
        "sql": """SELECT n.id, n.title, n.inspection_level, n.feedback_date, n.published_date,
       CAST(julianday(n.published_date) - julianday(n.feedback_date) AS INTEGER) AS days
FROM notices n
WHERE length(n.feedback_date) = 10 AND n.published_date IS NOT NULL
ORDER BY days DESC""",
    },
    "removed_from_their_site": {
        "title": "Notices removed from their site",
        "description": "Notices whose page later answered 404, 410 or a deletion page; the "
        "archive keeps every version.",
        "sql": """SELECT n.id, n.title, n.url, n.published_date, n.removed_at, n.removed_reason,
       (SELECT count(*) FROM notice_versions v WHERE v.notice_id = n.id) AS versions
FROM notices n WHERE n.removed_at IS NOT NULL ORDER BY n.removed_at DESC""",
    },
    "inspections_and_their_notices": {
        "title": "Inspections and their notices",
        "description": "Each inspection `notices link` found (docs/linking.md): its unit, round, "
        "feedback date, days to its first disclosure, and its notices with their stages.",
        "sql": """SELECT i.id, i.inspected_unit, i.inspecting_committee, i.term, i.round,
       i.feedback_date, i.first_disclosed, i.days_to_disclosure, i.disclosures,
       i.latest_completion_rate,
       group_concat(coalesce(m.stage, '?') || ' ' || n.url, ' | ') AS notices
FROM inspections i JOIN inspection_notices m ON m.inspection_id = i.id
JOIN notices n ON n.id = m.notice_id
GROUP BY i.id ORDER BY i.first_disclosed DESC""",
    },
    "inspections_never_disclosed": {
        "title": "Inspections never disclosed",
        "description": "Inspections known from their feedback news only: no rectification notice "
        f"in the archive, though the feedback is older than grace_months (empty: {GRACE_MONTHS}) "
        "months. A feedback date known to the month counts from the month's end.",
        "sql": f"""WITH asked AS (
    SELECT CAST(CURRENT_DATE AS TEXT) AS today,
           CAST(coalesce(nullif(:grace_months, ''), '{GRACE_MONTHS}') AS INTEGER) AS grace
), waited AS (
    SELECT i.*, a.grace,
           {_MONTHS.format("a.today")} - ({_MONTHS.format("i.feedback_date")}) AS months_waited,
           substr(a.today, 9, 2) >= substr(i.feedback_date || '-31', 9, 2) AS day_reached
    FROM inspections i, asked a
    WHERE i.disclosures = 0 AND i.feedback_date IS NOT NULL
)
SELECT w.id, w.inspected_unit, w.inspecting_committee, w.inspection_body, w.term, w.round,
       w.feedback_date, w.months_waited,
       (SELECT count(*) FROM feedback_events f WHERE f.inspection_id = w.id) AS feedback_news,
       (SELECT min(r.url) FROM feedback_events f JOIN raw_pages r ON r.id = f.raw_page_id
        WHERE f.inspection_id = w.id) AS news_url
FROM waited w
WHERE EXISTS (SELECT 1 FROM feedback_events f WHERE f.inspection_id = w.id)
  AND (w.months_waited > w.grace OR (w.months_waited = w.grace AND w.day_reached))
ORDER BY w.feedback_date, w.id""",
    },
    "edited_after_publication": {
        "title": "Notices edited after publication",
        "description": "Notices whose page was stored in more than one distinct version.",
        "sql": """SELECT n.id, n.title, n.url, count(v.id) AS versions,
       min(v.fetched_at) AS first_version, max(v.fetched_at) AS last_version
FROM notices n JOIN notice_versions v ON v.notice_id = n.id
GROUP BY n.id HAVING count(v.id) > 1 ORDER BY versions DESC""",
    },
}


def tables() -> dict[str, dict[str, Any]]:
    """Each model table with its description, column descriptions and facets."""
    out: dict[str, dict[str, Any]] = {}
    for table in Base.metadata.sorted_tables:
        entry: dict[str, Any] = {
            "description": table.comment or "",
            "columns": {c.name: c.comment for c in table.columns if c.comment},
        }
        if table.name in FACETS:
            entry["facets"] = FACETS[table.name]
        out[table.name] = entry
    out["notices"].update({"fts_table": SEARCH_TABLE, "fts_pk": "id"})
    out[SEARCH_TABLE] = {"hidden": True}
    return out


def metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for the archive served under the name `database`."""
    return {
        "title": TITLE,
        "description": "Stored notices, their problems, versions and crawl runs. Column "
        "descriptions come from the data dictionary (docs/data-dictionary.md).",
        "databases": {database: {"tables": tables(), "queries": QUERIES}},
    }
