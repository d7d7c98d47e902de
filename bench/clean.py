"""Our cleaner against trafilatura on saved pages, side by side in one run.

By default it scores bench/pages: pages written, with their expected result, by someone who never
read the cleaner's code, so the score says how the cleaner does on pages it was not tuned on.
`--pages tests/fixtures/pages` scores the cleaner's own test pages instead (same format, see the
README there). For every page: body character F1 against the expected body (ours with the page's
site rules, ours without them, trafilatura), whether the title and the publication day are right,
and milliseconds per page (median of the rounds, raw bytes in, so decoding is timed for both).
Trafilatura gets the same bytes and URL, with tables on.
Targets: better F1 than trafilatura and no slower per page.

    .venv/bin/python bench/clean.py [--pages DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura

from pipelines.cleaning import SiteCleanRules, clean_html
from pipelines.cleaning.score import char_f1

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "bench" / "pages"


class BadPages(Exception):
    """A pages directory the bench cannot score; the message is the one line to print."""


@dataclass(frozen=True)
class Extract:
    text: str
    title: str | None
    date: str | None


@dataclass(frozen=True)
class Score:
    f1: float
    title_ok: bool
    date_ok: bool
    ms: float


def day(value: str | None) -> tuple[int, ...] | None:
    """'2023-06-20 10:00' and '2023年6月20日' both -> (2023, 6, 20)."""
    found = re.match(r"\D*(\d{4})\D+(\d{1,2})\D+(\d{1,2})", value or "")
    return tuple(int(g) for g in found.groups()) if found else None


def spec_problem(spec: Any) -> str | None:
    """Why a page spec cannot be scored (the scoring reads url, expected.text, expected.meta)."""
    if not isinstance(spec, dict) or not isinstance(spec.get("url"), str):
        return "no url"
    expected = spec.get("expected")
    if not isinstance(expected, dict) or not isinstance(expected.get("text"), str):
        return "no expected.text"
    if not isinstance(expected.get("meta"), dict):
        return "no expected.meta"
    return None


def load_pages(pages: Path) -> list[tuple[str, bytes, dict[str, Any]]]:
    """(name, html bytes, spec) for every `<name>.json` beside its `<name>.html`, by name."""
    if not pages.is_dir():
        raise BadPages(f"{shown(pages)}: no such directory")
    loaded = []
    for spec_path in sorted(pages.glob("*.json")):
        html = spec_path.with_suffix(".html")
        if not html.is_file():
            raise BadPages(f"{shown(spec_path)}: no {html.name} beside it")
        try:
            spec = json.loads(spec_path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BadPages(f"{shown(spec_path)}: not UTF-8 JSON ({exc})") from exc
        problem = spec_problem(spec)
        if problem:
            raise BadPages(f"{shown(spec_path)}: {problem}")
        loaded.append((spec_path.stem, html.read_bytes(), spec))
    if not loaded:
        raise BadPages(f"{shown(pages)}: no <name>.json + <name>.html pages")
    return loaded


def shown(path: Path) -> str:
    resolved = path.resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else str(resolved)


def ours(body: bytes, spec: dict[str, Any]) -> Extract:
    page = clean_html(
        body,
        url=spec["url"],
        declared_encoding=spec.get("declared_encoding"),
        rules=SiteCleanRules.from_mapping(spec.get("rules") or {}),
    )
    return Extract(page.text, page.meta.title, page.meta.published)


def ours_generic(body: bytes, spec: dict[str, Any]) -> Extract:
    """Ours without the page's site rules (seed options), which trafilatura cannot take."""
    return ours(body, {**spec, "rules": {}})


def theirs(body: bytes, spec: dict[str, Any]) -> Extract:
    doc = trafilatura.bare_extraction(
        body, url=spec["url"], include_tables=True, include_comments=False, with_metadata=True
    )
    if doc is None:
        return Extract("", None, None)
    found = doc if isinstance(doc, dict) else doc.as_dict()
    return Extract(found.get("text") or "", found.get("title"), found.get("date"))


def measure(
    extract: Callable[[bytes, dict[str, Any]], Extract],
    body: bytes,
    spec: dict[str, Any],
    rounds: int,
) -> Score:
    result = extract(body, spec)  # warm-up, and the result scored
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        extract(body, spec)
        times.append((time.perf_counter() - start) * 1000)
    expected = spec["expected"]
    return Score(
        f1=char_f1(result.text, expected["text"]),
        title_ok=result.title == expected["meta"].get("title"),
        date_ok=day(result.date) is not None
        and day(result.date) == day(expected["meta"].get("published")),
        ms=statistics.median(times),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--pages", type=Path, default=PAGES, help=f"pages to score (default {shown(PAGES)})"
    )
    parser.add_argument("--rounds", type=int, default=20, help="timed runs per page and extractor")
    args = parser.parse_args()
    try:
        pages = load_pages(args.pages)
    except BadPages as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    rows: list[tuple[str, float, Score, Score]] = []
    for name, body, spec in pages:
        generic = char_f1(ours_generic(body, spec).text, spec["expected"]["text"])
        rows.append(
            (
                name,
                generic,
                measure(ours, body, spec, args.rounds),
                measure(theirs, body, spec, args.rounds),
            )
        )

    def mark(ok: bool) -> str:
        return "y" if ok else "-"

    print(
        f"scored: {shown(args.pages)}, {len(pages)} pages, {args.rounds} timed rounds each,"
        f" trafilatura {trafilatura.__version__}"
    )
    print(
        f"{'page':38} {'ours F1':>8} {'no-rules':>8} {'traf F1':>8} {'title':>6} {'date':>5}"
        f" {'ours ms':>8} {'traf ms':>8}"
    )
    for name, generic, a, b in rows:
        print(
            f"{name:38} {a.f1:8.3f} {generic:8.3f} {b.f1:8.3f}"
            f" {mark(a.title_ok) + '/' + mark(b.title_ok):>6}"
            f" {mark(a.date_ok) + '/' + mark(b.date_ok):>5} {a.ms:8.2f} {b.ms:8.2f}"
        )
    ours_scores = [a for _, _, a, _ in rows]
    traf_scores = [b for _, _, _, b in rows]
    ours_ms = statistics.mean(s.ms for s in ours_scores)
    traf_ms = statistics.mean(s.ms for s in traf_scores)
    print("-" * 97)
    print(
        f"{'mean':38} {statistics.mean(s.f1 for s in ours_scores):8.3f}"
        f" {statistics.mean(g for _, g, _, _ in rows):8.3f}"
        f" {statistics.mean(s.f1 for s in traf_scores):8.3f}"
        f" {sum(s.title_ok for s in ours_scores):>2}/{sum(s.title_ok for s in traf_scores):<3}"
        f" {sum(s.date_ok for s in ours_scores):>2}/{sum(s.date_ok for s in traf_scores):<2}"
        f" {ours_ms:8.2f} {traf_ms:8.2f}"
    )
    print(
        f"{'min F1':38} {min(s.f1 for s in ours_scores):8.3f} {min(g for _, g, _, _ in rows):8.3f}"
        f" {min(s.f1 for s in traf_scores):8.3f}"
    )
    print(
        f"time ratio ours/trafilatura: {ours_ms / traf_ms:.2f} (title and date columns: ours/theirs)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
