"""Selector-free crawling, measured on the six held-out farm sites (tests/farm/sites/farm-x-*).

    .venv/bin/python bench/selector_free.py

Starts the test farm, runs `notices db upgrade` and `notices crawl --region selectorfree` (the
registry tests/fixtures/farm_seeds/selector_free.yaml: id, name, platform and list URL only) into
a throwaway SQLite archive, politeness off, then prints per site: the notices of its truth, how
many the archive holds (found), with the truth's title and date, the notices stored that the
truth does not know (false), and the extra requests: requests for a URL that is no list page,
detail page, attachment or robots.txt of the truth. tests/e2e/test_selector_free.py asserts the
same figures.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.demo.http import route_key
from tests.farm import SiteTruth, load_truth, start_farm

SEEDS = ROOT / "tests" / "fixtures" / "farm_seeds"
REGISTRY = SEEDS / "selector_free.yaml"
REGION = "selectorfree"
# Politeness off: this is our own loopback farm.
FAST = {
    "AUTOTHROTTLE_ENABLED": "0",
    "DOWNLOAD_DELAY": "0",
    "NOTICES_RETRY_BACKOFF": "0",
    "LOG_LEVEL": "INFO",
}


def site_ids() -> list[str]:
    """The sites of the selector-free registry, in its order."""
    data = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    return [s["id"] for r in data["regions"] if r["pinyin"] == REGION for s in r["sites"]]


@dataclass
class Crawl:
    returncode: int
    output: str = field(repr=False)  # stdout and stderr of the crawl
    db: Path = field(repr=False)
    requests: list[Any] = field(repr=False)  # the farm's request log of the crawl


@dataclass
class SiteScore:
    site: str
    in_truth: int
    found: list[str] = field(default_factory=list)  # truth paths of the notices stored
    right_title: list[str] = field(default_factory=list)
    right_date: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # "path: what is wrong" for each notice
    false: list[str] = field(default_factory=list)  # stored notices the truth does not know
    extra: list[str] = field(default_factory=list)  # one target per extra request


def notices_command() -> Path:
    return Path(sys.executable).with_name("notices")


def crawl(work: Path, sites: Sequence[str] | None = None, timeout: int = 600) -> Crawl:
    """`notices crawl` of the selector-free region into `work/notices.db`, on a farm of its own."""
    db = work / "notices.db"
    env = {
        **os.environ,
        "NOTICES_DB_URL": f"sqlite:///{db}",
        "NOTICES_SPOOL": str(work / "spool.jsonl"),
    }
    upgrade = subprocess.run(
        [str(notices_command()), "db", "upgrade"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if upgrade.returncode != 0:
        return Crawl(upgrade.returncode, upgrade.stdout + upgrade.stderr, db, [])
    args = [str(notices_command()), "crawl", "--region", REGION, "--seeds", str(SEEDS)]
    for key, value in FAST.items():
        args += ["--set", f"{key}={value}"]
    with start_farm(sites="farm", port=0) as farm:
        done = subprocess.run(
            args,
            cwd=ROOT,
            env={**env, **farm.env()},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        wanted = set(sites or site_ids())
        requests = [r for r in farm.requests if r.site in wanted]
    return Crawl(done.returncode, done.stdout + done.stderr, db, requests)


def _key(url: str) -> str:
    parts = urlsplit(url)
    return route_key(parts.path, parts.query)


def _allowed(truth: SiteTruth) -> set[str]:
    """Route keys a correct crawl may request: the truth's list, detail and attachment pages."""
    paths: list[str] = [*truth.list_paths, "/robots.txt"]
    for notice in truth.notices:
        paths += [notice.path, *notice.alt_paths]
    for page in truth.non_notices:
        paths += [page.path, *page.alt_paths]
    paths += [a.url for a in truth.attachments]
    return {_key(p) for p in paths}


def stored(db: Path, site: str) -> list[tuple[set[str], str | None, str | None]]:
    """Each notice the archive holds for `site`: the route keys of its URLs, title, date."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT id, url, title, published_date FROM notices WHERE site_id = ? AND is_notice",
            (site,),
        ).fetchall()
        urls: dict[int, set[str]] = {}
        for notice_id, url in conn.execute("SELECT notice_id, url FROM notice_urls"):
            urls.setdefault(notice_id, set()).add(_key(url))
    return [({_key(url)} | urls.get(i, set()), title, day) for i, url, title, day in rows]


def score(site: str, db: Path, requests: Iterable[Any]) -> SiteScore:
    truth = load_truth(site)
    out = SiteScore(site, len(truth.notices))
    archive = stored(db, site) if db.exists() else []
    matched: set[int] = set()
    for notice in truth.notices:
        keys = {_key(p) for p in (notice.path, *notice.alt_paths)}
        hit = next((i for i, (urls, _, _) in enumerate(archive) if urls & keys), None)
        if hit is None:
            out.wrong.append(f"{notice.path}: not stored ({notice.title})")
            continue
        matched.add(hit)
        out.found.append(notice.path)
        _, title, day = archive[hit]
        if title == notice.title:
            out.right_title.append(notice.path)
        else:
            out.wrong.append(f"{notice.path}: title {title!r}, truth {notice.title!r}")
        if day is not None and str(day)[:10] == notice.published:
            out.right_date.append(notice.path)
        else:
            out.wrong.append(f"{notice.path}: date {day!r}, truth {notice.published}")
    out.false = [min(urls) for i, (urls, _, _) in enumerate(archive) if i not in matched]
    allowed = _allowed(truth)
    out.extra = [r.target for r in requests if r.site == site and _key(r.target) not in allowed]
    return out


def table(scores: Sequence[SiteScore]) -> str:
    head = f"{'site':<16}{'truth':>7}{'found':>7}{'title':>7}{'date':>7}{'false':>7}{'extra':>7}"
    lines = [head]

    def line(name: str, figures: Sequence[int]) -> str:
        return f"{name:<16}" + "".join(f"{n:>7}" for n in figures)

    for s in scores:
        figures = [len(x) for x in (s.found, s.right_title, s.right_date, s.false, s.extra)]
        lines.append(line(s.site, [s.in_truth, *figures]))
    totals = [
        sum(s.in_truth for s in scores),
        *(sum(len(getattr(s, f)) for s in scores) for f in ("found", "right_title")),
        *(sum(len(getattr(s, f)) for s in scores) for f in ("right_date", "false", "extra")),
    ]
    lines.append(line("total", totals))
    return "\n".join(lines)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="selector-free-") as tmp:
        run = crawl(Path(tmp))
        if not run.db.exists():
            last = run.output.strip().splitlines()[-1:] or ["no output"]
            print(f"selector_free: the crawl wrote no archive (exit {run.returncode}): {last[0]}")
            return 1
        scores = [score(site, run.db, run.requests) for site in site_ids()]
    print(f"notices crawl --region {REGION}: exit {run.returncode}")
    print(table(scores))
    for s in scores:
        for target in sorted(set(s.extra)):
            print(f"  {s.site} extra: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
