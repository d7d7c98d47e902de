"""Full-text search over notices' titles and bodies, on SQLite (FTS5) and PostgreSQL (tsvector).

Both index the bigram tokens of `pipelines.common.search_tokens` (docs/search.md says why), in a
table of their own, `notice_search`, keyed by notice id:
- SQLite: an FTS5 table without content (`content=''`): only the index is stored, never a second
  copy of the text; a row is removed with FTS5's 'delete' command, which needs the tokens it was
  indexed with, so an update reads the notice's old title and body first. Ranked by BM25.
- PostgreSQL: a `tsvector` column under a GIN index, ranked by `ts_rank`. A tsvector keeps word
  positions only up to 16,383, so phrases are matched as "all their bigrams" by the index and then
  confirmed on the text itself, which also holds for the end of a long body.
A common word matches nearly every notice and ranking costs O(matches), so only the newest
RANK_CANDIDATES matches that pass the filters are ranked (docs/search.md, "Ranking").
The store calls `index_notices` in the transaction that writes the notices, so the index cannot
fall behind; `reindex` rebuilds it (`notices db reindex`). Alembic does not manage these tables'
columns (`is_search_table` keeps them out of its comparison); migration 20261202_5e4c1b7a9d2f
creates and fills them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import (
    Column,
    Connection,
    Integer,
    MetaData,
    Table,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from models.native_upsert import chunks
from models.notice import Notice
from pipelines.common.search_tokens import query_phrases, runs, tokens

NOTICES = cast(Table, Notice.__table__)
TABLE = "notice_search"
# PostgreSQL's index table as SQLAlchemy sees it; in a metadata of its own, outside the models'.
PG_INDEX = Table(
    TABLE, MetaData(), Column("notice_id", Integer, primary_key=True), Column("doc", TSVECTOR)
)
TITLE_WEIGHT = 5.0  # a hit in the title counts as much as five in the body (BM25 column weight)
SNIPPET_CONTEXT = 40  # characters shown on each side of the first hit
REINDEX_CHUNK = 500
# A query matching more notices than this ranks only the newest this many (by id) that pass its
# filters: ranking every match of a common word (整改 is in nearly every notice) costs O(matches).
RANK_CANDIDATES = 1000
# SQLite's FTS5 table as the queries join it: its rowid is the notice id.
_FTS = table(TABLE, column("rowid", Integer))
_FTS_MATCH = text(f"{TABLE} MATCH :match")
# `+` keeps the list from FTS5's own lookups (one index seek per id): a set checked per match.
_WALKED = text(f"+{TABLE}.rowid IN (SELECT value FROM json_each(:ids))")


class SearchQueryError(ValueError):
    """The query holds nothing to search for (no letters, digits or ideographs)."""


def is_search_table(name: str) -> bool:
    """The search table and FTS5's shadow tables (notice_search_data, _idx, _config …)."""
    return name == TABLE or name.startswith(TABLE + "_")


# -- keeping the index in step ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Indexed:
    notice_id: int
    title: str | None
    body: str | None


def old_texts(conn: Connection, ids: Collection[int]) -> list[Indexed]:
    """The stored title and body of notices about to be rewritten (SQLite needs them to unindex)."""
    if conn.dialect.name != "sqlite" or not ids:
        return []
    found: list[Indexed] = []
    cols = (NOTICES.c.id, NOTICES.c.title, NOTICES.c.body_text)
    for chunk in chunks(sorted(ids), REINDEX_CHUNK):
        found += [
            Indexed(*row) for row in conn.execute(select(*cols).where(NOTICES.c.id.in_(chunk)))
        ]
    return found


def index_notices(conn: Connection, new: Sequence[Indexed], old: Sequence[Indexed] = ()) -> None:
    """Index `new` (inserted or rewritten notices); `old` are the texts they were indexed with."""
    if not new:
        return
    if conn.dialect.name == "sqlite":
        if old:
            conn.execute(
                text(
                    f"INSERT INTO {TABLE} ({TABLE}, rowid, title, body) "
                    "VALUES ('delete', :id, :title, :body)"
                ),
                [_token_row(o) for o in old],
            )
        conn.execute(
            text(f"INSERT INTO {TABLE} (rowid, title, body) VALUES (:id, :title, :body)"),
            [_token_row(n) for n in new],
        )
        return
    conn.execute(
        text(
            f"INSERT INTO {TABLE} (notice_id, doc) VALUES (:id, "
            "setweight(to_tsvector('simple', :title), 'A') || to_tsvector('simple', :body)) "
            "ON CONFLICT (notice_id) DO UPDATE SET doc = excluded.doc"
        ),
        [_token_row(n) for n in new],
    )


def _token_row(n: Indexed) -> dict[str, Any]:
    return {"id": n.notice_id, "title": tokens(n.title or ""), "body": tokens(n.body or "")}


def reindex(conn: Connection) -> int:
    """Rebuild the whole index from the notices table; returns how many notices it holds."""
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('delete-all')"))
    else:
        conn.execute(text(f"DELETE FROM {TABLE}"))
    n = 0
    cols = (NOTICES.c.id, NOTICES.c.title, NOTICES.c.body_text)
    # Streamed by the statement's option (the connection's would stream the inserts too).
    result = conn.execute(
        select(*cols).order_by(NOTICES.c.id).execution_options(yield_per=REINDEX_CHUNK)
    )
    for rows in result.partitions():
        index_notices(conn, [Indexed(*r) for r in rows])
        n += len(rows)
    return n


# -- searching ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Filters:
    regions: Collection[str] | None = None
    since: date | None = None
    level: str | None = None
    removed: bool = False  # only notices found removed from their site
    limit: int = 20

    def narrows(self) -> bool:
        """Whether any filter is set (the limit is no filter)."""
        return bool(self.regions is not None or self.since or self.level or self.removed)


@dataclass(frozen=True, slots=True)
class Hit:
    notice_id: int
    url: str
    title: str | None
    published_date: date | None
    region: str | None
    inspection_level: str | None
    removed_at: datetime | None
    score: float
    snippet: str
    spans: tuple[tuple[int, int], ...]  # where the query's runs are in `snippet`

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.notice_id,
            "url": self.url,
            "title": self.title,
            "published_date": self.published_date.isoformat() if self.published_date else None,
            "region": self.region,
            "inspection_level": self.inspection_level,
            "removed_at": self.removed_at.isoformat() if self.removed_at else None,
            "score": round(self.score, 4),
            "snippet": self.snippet,
        }


def search(
    conn: Connection, query: str, filters: Filters = Filters(), cap: int = RANK_CANDIDATES
) -> list[Hit]:
    """Notices holding every run of `query` (an ideograph run as a phrase), best first among the
    newest `cap` matches that pass the filters."""
    phrases = query_phrases(query)
    if not phrases:
        raise SearchQueryError(f"nothing to search for in {query!r}: give words or characters")
    needles = [r.lower() for r in runs(query)]
    if conn.dialect.name == "sqlite":
        ranked = _sqlite_ranked(conn, phrases, needles, filters, cap)
    else:
        ranked = _pg_ranked(conn, phrases, needles, filters, cap)
    return [_hit(row, score, needles) for row, score in ranked]


def _filtered(query: Any, filters: Filters) -> Any:
    if filters.regions is not None:
        query = query.where(NOTICES.c.region.in_(list(filters.regions)))
    if filters.since is not None:
        query = query.where(NOTICES.c.published_date >= filters.since)
    if filters.level is not None:
        query = query.where(NOTICES.c.inspection_level == filters.level)
    if filters.removed:
        query = query.where(NOTICES.c.removed_at.is_not(None))
    return query


_COLS = (
    NOTICES.c.id,
    NOTICES.c.url,
    NOTICES.c.title,
    NOTICES.c.published_date,
    NOTICES.c.region,
    NOTICES.c.inspection_level,
    NOTICES.c.removed_at,
    NOTICES.c.body_text,
)


def _sqlite_ranked(
    conn: Connection, phrases: list[list[str]], needles: list[str], filters: Filters, cap: int
) -> list[tuple[Any, float]]:
    # A one-character run has no bigram to look up: it is matched on the text itself.
    indexed = [p for p in phrases if not _single_ideograph(p)]
    scanned = [n for n, p in zip(needles, phrases, strict=True) if _single_ideograph(p)]
    if not indexed:
        query = _passing(select(*_COLS, literal(0.0).label("rank")), filters, scanned)
        rows = conn.execute(query.order_by(NOTICES.c.id.desc()).limit(filters.limit)).all()
        return [(r, 0.0) for r in rows]
    match = _FTS_MATCH.bindparams(match=_fts5_phrases(indexed))
    walk = select(_FTS.c.rowid).where(match)
    narrowed = bool(scanned) or filters.narrows()
    if narrowed:
        walk = _passing(walk.join(NOTICES, NOTICES.c.id == _FTS.c.rowid), filters, scanned)
    # FTS5 walks its matches by rowid, newest first, and stops at the cap.
    ids = conn.execute(walk.order_by(_FTS.c.rowid.desc()).limit(cap)).scalars().all()
    if not ids:
        return []
    # bm25() can only run in the statement holding the MATCH: the matches from the oldest walked
    # id up, and of those (when the walk skipped some) the walked ones, checked without reading
    # the notices again; their wide rows are read for the best alone.
    rank = func.bm25(literal_column(TABLE), TITLE_WEIGHT, 1.0).label("rank")
    ranked = select(_FTS.c.rowid.label("id"), rank).where(match, _FTS.c.rowid >= ids[-1])
    if narrowed:
        ranked = ranked.where(_WALKED.bindparams(ids=json.dumps(ids)))
    best = ranked.order_by(rank, _FTS.c.rowid.desc()).limit(filters.limit).subquery("best")
    query = select(*_COLS, best.c.rank).join(best, best.c.id == NOTICES.c.id)
    rows = conn.execute(query.order_by(best.c.rank, NOTICES.c.id.desc())).all()
    return [(r, -float(r.rank)) for r in rows]  # bm25() is lower for better matches


def _passing(query: Any, filters: Filters, scanned: list[str]) -> Any:
    """`query` limited to notices passing the filters and holding every scanned needle."""
    query = _filtered(query, filters)
    for needle in scanned:
        query = query.where(_Position(_haystack(), literal(needle)) > 0)
    return query


class _Position(FunctionElement[int]):
    """Where the second string is in the first (1-based; 0: nowhere). PostgreSQL's planner guesses
    strpos() > 0 as it does any comparison, where a LIKE with a long pattern looks so rare to it
    that it scans the whole table rather than walk the index (the walk stops at the cap)."""

    type = Integer()
    inherit_cache = True


@compiles(_Position)
def _instr(element: _Position, compiler: SQLCompiler, **kw: Any) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


@compiles(_Position, "postgresql")
def _strpos(element: _Position, compiler: SQLCompiler, **kw: Any) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"


def _haystack() -> Any:
    """Title and body, for matching a run on the text itself. Only ideograph runs are matched so
    (a word is a token of the index), and ideographs have no case: nothing is lower-cased."""
    return func.coalesce(NOTICES.c.title, "") + "\n" + NOTICES.c.body_text


def _pg_ranked(
    conn: Connection, phrases: list[list[str]], needles: list[str], filters: Filters, cap: int
) -> list[tuple[Any, float]]:
    indexed = sorted({t for p in phrases if not _single_ideograph(p) for t in p})
    # The index holds each bigram and word exactly; a longer phrase (or a single character) is
    # confirmed on the text itself, wherever in the text it is.
    confirmed = [
        n for n, p in zip(needles, phrases, strict=True) if len(p) > 1 or _single_ideograph(p)
    ]
    if not indexed:  # one-character runs only: no bigram to look up
        query = _passing(select(*_COLS, literal(0.0).label("rank")), filters, confirmed)
        rows = conn.execute(query.order_by(NOTICES.c.id.desc()).limit(filters.limit)).all()
        return [(r, 0.0) for r in rows]
    # Tokens hold only ideographs, ASCII letters and digits: nothing to_tsquery reads as syntax.
    ts_query = func.to_tsquery("simple", " & ".join(indexed))
    matches = PG_INDEX.c.doc.bool_op("@@")(ts_query)
    ids = PG_INDEX.c.notice_id
    # The newest `cap` matches in one walk by id, then ranked: ts_rank is a plain function here.
    walk = select(ids.label("id"), PG_INDEX.c.doc).where(matches).order_by(ids.desc())
    if confirmed or filters.narrows():
        # The index's matches by id first (OFFSET 0 keeps the planner from merging the conditions
        # into one scan), then the text and filters on them in that order, up to the cap: a
        # phrase is confirmed on the texts of about `cap` notices, not of all its matches.
        found = walk.offset(0).subquery("found")
        joined = select(found.c.id, found.c.doc).join(NOTICES, NOTICES.c.id == found.c.id)
        walk = _passing(joined, filters, confirmed).order_by(found.c.id.desc())
    newest = walk.limit(cap).subquery("newest")
    # ts_rank weighs a title hit (weight A, 1.0) ten times a body hit (D, 0.1), needs no positions.
    rank = func.ts_rank(newest.c.doc, ts_query).label("rank")
    best = (
        select(newest.c.id, rank)
        .order_by(rank.desc(), newest.c.id.desc())
        .limit(filters.limit)
        .subquery("best")
    )
    query = select(*_COLS, best.c.rank).join(best, best.c.id == NOTICES.c.id)
    rows = conn.execute(query.order_by(best.c.rank.desc(), NOTICES.c.id.desc())).all()
    return [(r, float(r.rank)) for r in rows]


def fts5_match(query: str) -> str:
    """An FTS5 MATCH expression for `query` over the bigram index: each run a phrase, all
    required. A query without a run of two or more characters matches nothing (`""`)."""
    indexed = [p for p in query_phrases(query) if not _single_ideograph(p)]
    return _fts5_phrases(indexed) if indexed else '""'


def _fts5_phrases(phrases: list[list[str]]) -> str:
    # Tokens hold only ideographs, ASCII letters and digits: no quote to escape.
    return " AND ".join('"' + " ".join(p) + '"' for p in phrases)


def _single_ideograph(phrase: list[str]) -> bool:
    return len(phrase) == 1 and len(phrase[0]) == 1 and not phrase[0].isascii()


def _hit(row: Any, score: float, needles: list[str]) -> Hit:
    snippet, spans = snippet_of(row.title or "", row.body_text or "", needles)
    return Hit(
        notice_id=row.id,
        url=row.url,
        title=row.title,
        published_date=row.published_date,
        region=row.region,
        inspection_level=row.inspection_level,
        removed_at=row.removed_at,
        score=score,
        snippet=snippet,
        spans=spans,
    )


def snippet_of(
    title: str, body: str, needles: Iterable[str], context: int = SNIPPET_CONTEXT
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The body around the first hit of any needle (else its opening), on one line, with the
    spans of every needle inside it."""
    needles = [n for n in needles if n]
    flat = re.sub(r"\s+", " ", body).strip()
    lower = flat.lower()
    first = min((i for n in needles if (i := lower.find(n)) >= 0), default=-1)
    if first < 0:
        start, end = 0, min(len(flat), 2 * context)
    else:
        start, end = max(0, first - context), min(len(flat), first + context * 2)
    piece = flat[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    snippet = prefix + piece + suffix
    found = snippet.lower()
    spans = sorted((m.start(), m.end()) for n in needles for m in re.finditer(re.escape(n), found))
    return snippet, tuple(spans)
