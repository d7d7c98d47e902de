"""Score `notices sites discover HOME_URL --json` on the six unseen home sites (farm-y-*).

    .venv/bin/python bench/discover_score.py [--cmd ".venv/bin/notices sites discover"]
                                             [--sites farm-y-trs,...] [--arg=-s --arg=X=Y] [-v]

Starts the test farm (tests.farm.start_farm), runs the command once per farm-y home page
(`http://127.0.0.3N:PORT/`), reads the ONE JSON object it prints, and compares it with the site's
tests/farm/sites/<site>/discover_truth.json:

- found / expected: expected columns (`notice_columns`) listed, by their first list page as
  linked (`/x/` and `/x/index.html` are the same page; a query is ignored when the path matches).
  A later page of an expected column (`index_1.html`, `xnxc/1.htm`) is shown as `pager`, counted
  neither way; a column listed twice counts once (`dup`).
- listed decoys: listed columns the truth names as decoys; `other`: listed URLs it names neither
  way (the home page, a detail page, an unknown page); `offsite`: a listed URL on another host.
  Precision = found / (found + decoys + other + offsite).
- rows: of the sample rows the command gave for the expected columns it found, how many are rows
  of that column (and how many carry a date); `notices` is the sum of its `notices` counts.
- robots: requests the farm logged for a path robots.txt disallows on that site (any = a
  violation); `elsewhere`: requests to any other farm site during the run.
- pages: non-asset requests the farm logged for the site (robots.txt not counted), the
  command's own `pages_fetched`, and assets fetched.

A command that fails (non-zero exit, no JSON, a timeout) scores zero on its site: nothing found,
nothing listed; its stderr's last line is shown. The last line is `score: recall R precision P`
(micro-averaged over all expected columns / all listed columns). Politeness stays as the command
has it unless --arg passes settings; --timeout bounds one site's run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.farm import start_farm
from tests.farm.catalog import site_root, spec

SITES = ["farm-y-trs", "farm-y-hanweb", "farm-y-vsb", "farm-y-dede", "farm-y-gkml", "farm-y-mobile"]
DEFAULT_CMD = ".venv/bin/notices sites discover"
_INDEX = re.compile(r"/(index|default)\.(html?|shtml|jhtml|jsp|php|aspx?)$")


def norm(path: str) -> str:
    """A list page's path with its directory index folded: `/x/index.html` -> `/x/`."""
    return _INDEX.sub("/", path) or "/"


@dataclass
class SiteScore:
    site: str
    expected: int
    found: list[str] = field(default_factory=list)  # gold column paths found
    missed: list[str] = field(default_factory=list)
    decoys: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)
    pager: list[str] = field(default_factory=list)
    dup: int = 0
    rows_sampled: int = 0  # sample rows of the found columns
    rows_right: int = 0  # ... that are rows of that column
    rows_dated: int = 0
    rows_gold: int = 0  # rows the found columns hold
    notices_claimed: int = 0
    robots: list[str] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)
    pages: int = 0
    assets: int = 0
    claimed_pages: Any = None
    rc: int | None = None
    error: str = ""
    seconds: float = 0.0
    columns: list[dict[str, Any]] = field(default_factory=list)  # as the command listed them

    @property
    def listed_scored(self) -> int:
        return len(self.found) + len(self.decoys) + len(self.other) + len(self.offsite)


def load_gold(site: str) -> dict[str, Any]:
    return json.loads((site_root(site) / "discover_truth.json").read_text(encoding="utf-8"))


def parse_output(stdout: str) -> dict[str, Any] | None:
    text = stdout.strip()
    if not text:
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        start, end = text.find("{"), text.rfind("}")
        if start < 0 or end <= start:
            return None
        try:
            data = json.loads(text[start : end + 1])
        except json.JSONDecodeError:
            return None
    return data if isinstance(data, dict) else None


_BOX = "│╭╮╰╯─┃━┏┓┗┛ "


def reason(stderr: str) -> str:
    """The last line of stderr that says something (rich draws errors in a box)."""
    lines = [ln.strip(_BOX) for ln in stderr.splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith(("Usage:", "Try "))]
    return lines[-1] if lines else ""


def disallowed(path: str, rules: list[str]) -> bool:
    return any(path.startswith(rule) for rule in rules)


def run_site(farm: Any, site: str, cmd: list[str], extra: list[str], timeout: float) -> SiteScore:
    gold = load_gold(site)
    host = spec(site).host
    home = farm.base_url(site) + gold.get("home", "/")
    columns = {norm(p): p for p in gold["notice_columns"]}
    decoys = {norm(p) for p in gold["decoys"]}
    # other URLs of a page (Dede's list_N_1.html is its column's index): fold them onto it
    aliases = {norm(a): norm(p) for a, p in gold.get("aliases", {}).items()}
    later_pages = {norm(p): col for col, pages in gold.get("pages", {}).items() for p in pages[1:]}
    rows_of = {col: {norm(p) for p in rows} for col, rows in gold.get("rows", {}).items()}
    score = SiteScore(site, expected=len(columns))
    farm.reset()
    started = time.monotonic()
    try:
        done = subprocess.run(
            [*cmd, home, "--json", *extra],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=ROOT,
            env={**os.environ, **farm.env()},
            check=False,
        )
        score.rc = done.returncode
        stdout, stderr = done.stdout, done.stderr
    except subprocess.TimeoutExpired as exc:
        stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        stderr = f"timeout after {timeout:.0f} s"
    except OSError as exc:
        stdout, stderr = "", f"cannot run {cmd[0]}: {exc}"
    score.seconds = time.monotonic() - started
    time.sleep(0.2)  # the last answers are logged before they are sent; let stragglers land
    for rec in farm.requests:
        if rec.site != site:
            score.elsewhere.append(f"{rec.host}{rec.target}")
            continue
        if rec.path == "/robots.txt":
            continue
        if disallowed(rec.path, gold["disallowed"]):
            score.robots.append(rec.target)
        if rec.is_asset:
            score.assets += 1
        else:
            score.pages += 1
    data = parse_output(stdout)
    last_err = reason(stderr)
    if data is None or score.rc not in (0, 1):
        # no JSON, a crash, a timeout or a usage error: zero on this site
        score.error = last_err or f"no JSON object on stdout (exit {score.rc})"
        score.missed = list(columns.values())
        return score
    if score.rc == 1:
        score.error = f"exit 1: {last_err}"
    score.claimed_pages = data.get("pages_fetched")
    seen: set[str] = set()
    for column in data.get("columns") or []:
        if not isinstance(column, dict):
            continue
        score.columns.append(column)
        url = str(column.get("url", ""))
        parts = urlsplit(url)
        if parts.hostname not in (host, None) or (parts.hostname and parts.port != farm.port):
            score.offsite.append(url)
            continue
        path = norm(parts.path)
        path = aliases.get(path, path)
        target = path + ("?" + parts.query if parts.query else "")
        key = (
            target
            if target in columns or target in decoys
            else path
            if path in columns or path in decoys
            else target
        )
        if key in seen:
            score.dup += 1
            continue
        seen.add(key)
        if key in columns:
            gold_path = columns[key]
            score.found.append(gold_path)
            rows = [r for r in column.get("rows") or [] if isinstance(r, dict)]
            mine = rows_of.get(gold_path, set())
            score.rows_gold += len(mine)
            score.rows_sampled += len(rows)
            score.rows_right += sum(
                1 for r in rows if norm(urlsplit(str(r.get("url", ""))).path) in mine
            )
            score.rows_dated += sum(
                1 for r in rows if re.fullmatch(r"\d{4}-\d\d-\d\d", str(r.get("date") or ""))
            )
            claimed = column.get("notices")
            score.notices_claimed += claimed if isinstance(claimed, int) else 0
        elif key in decoys:
            score.decoys.append(target)
        elif key in later_pages or path in later_pages:
            score.pager.append(target)
        else:
            score.other.append(target)
    score.missed = [p for p in columns.values() if p not in score.found]
    return score


def line(s: SiteScore) -> str:
    parts = [
        f"{s.site:14}",
        f"found {len(s.found)}/{s.expected}",
        f"decoys {len(s.decoys)}",
        f"other {len(s.other)}",
        f"offsite {len(s.offsite)}",
        f"rows {s.rows_right}/{s.rows_sampled} (dated {s.rows_dated}, column rows {s.rows_gold})",
        f"robots {len(s.robots)}",
        f"elsewhere {len(s.elsewhere)}",
        f"pages {s.pages} (claimed {s.claimed_pages}, assets {s.assets})",
        f"exit {s.rc}",
        f"{s.seconds:.1f}s",
    ]
    if s.pager:
        parts.append(f"pager {len(s.pager)}")
    if s.dup:
        parts.append(f"dup {s.dup}")
    out = "  ".join(parts)
    if s.error:
        out += f"\n    error: {s.error}"
    return out


def details(s: SiteScore) -> str:
    out = []
    for p in s.missed:
        out.append(f"    missed  {p}")
    for label, items in (
        ("decoy", s.decoys),
        ("other", s.other),
        ("offsite", s.offsite),
        ("pager", s.pager),
        ("robots", s.robots),
        ("elsewhere", s.elsewhere),
    ):
        out += [f"    {label:7} {p}" for p in items]
    for c in s.columns:
        rows = c.get("rows") or []
        out.append(
            f"    listed  {c.get('url')}  name={c.get('name')!r} path={c.get('path')!r} "
            f"notices={c.get('notices')} rows={len(rows)}"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--cmd", default=DEFAULT_CMD, help=f"the discover command (default {DEFAULT_CMD!r})"
    )
    ap.add_argument("--sites", default=",".join(SITES), help="comma-separated farm-y site ids")
    ap.add_argument("--arg", action="append", default=[], help="extra argument, after --json")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per site")
    ap.add_argument("--json-out", help="write the per-site figures to this file")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and listings")
    args = ap.parse_args(argv)
    cmd = shlex.split(args.cmd)
    if cmd and not os.path.isabs(cmd[0]) and (ROOT / cmd[0]).exists():
        cmd[0] = str(ROOT / cmd[0])
    sites = [s for s in args.sites.split(",") if s]
    scores: list[SiteScore] = []
    with start_farm("farm") as farm:
        print(
            f"farm on port {farm.port}; command: {shlex.join(cmd)} HOME_URL --json {shlex.join(args.arg)}"
        )
        for site in sites:
            s = run_site(farm, site, cmd, args.arg, args.timeout)
            scores.append(s)
            print(line(s), flush=True)
            if args.verbose:
                text = details(s)
                if text:
                    print(text, flush=True)
    expected = sum(s.expected for s in scores)
    found = sum(len(s.found) for s in scores)
    listed = sum(s.listed_scored for s in scores)
    recall = found / expected if expected else 0.0
    precision = found / listed if listed else 0.0
    print(
        f"total          found {found}/{expected}  decoys {sum(len(s.decoys) for s in scores)}  "
        f"other {sum(len(s.other) for s in scores)}  offsite {sum(len(s.offsite) for s in scores)}  "
        f"rows {sum(s.rows_right for s in scores)}/{sum(s.rows_sampled for s in scores)}  "
        f"robots {sum(len(s.robots) for s in scores)}  elsewhere {sum(len(s.elsewhere) for s in scores)}  "
        f"pages {sum(s.pages for s in scores)}  failed {sum(1 for s in scores if s.error)}"
    )
    if args.json_out:
        Path(args.json_out).write_text(
            json.dumps([s.__dict__ for s in scores], ensure_ascii=False, indent=1, default=str)
            + "\n",
            encoding="utf-8",
        )
    print(f"score: recall {recall:.2f} precision {precision:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
