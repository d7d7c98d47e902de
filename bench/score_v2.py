#!/usr/bin/env python3
"""Score a notice parser's record v2 fields against hand-labelled gold.

Like the shared eval_parse.py, but for the "v2" object of each gold record:

    score_v2.py --cmd ".venv/bin/notices parse --jsonl" --gold-dir tests/fixtures/corpus/heldout_v2

The parser is any command that takes file paths and prints one JSON record per line, in input
order; the v2 fields are read from the top level of each record, under the contract's names.
Only gold records that carry a "v2" object are run, and only the keys present in it are scored.
`accountability` and `money` are scored per gold entry: an entry counts when the prediction holds
an entry of the same kind with the same count (accountability) or the same yuan within 0.5%
(money), each predicted entry matching at most one gold entry. `status_counts` is right when every
class the gold states has the gold's number. Dates compare by their first 10 characters; the other
fields exactly (a committee after NFKC, without whitespace or a leading 中共). FIELD_alt lists other
accepted values. Prints a per-field table, the misses, and last a line 'score: X.XXX' (the mean of
the per-field accuracies).
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

# The contract's vocabularies (record v2): gold using any other word is refused, so a typo in the
# gold cannot silently go unscored.
ACCOUNTABILITY_KINDS = frozenset(
    {
        "party_discipline",
        "government_sanction",
        "party_government_sanction",
        "organisational_handling",
        "admonishment",
        "criticism",
        "accountability_persons",
        "accountability_organisations",
        "case_filed",
        "case_closed",
        "transferred_judicial",
        "transferred_discipline",
        "leads_received",
        "leads_disposed",
        "four_forms",
        "form_1",
        "form_2",
        "form_3",
        "form_4",
    }
)
MONEY_KINDS = frozenset(
    {
        "refunded",
        "surrendered",
        "confiscated",
        "recovered",
        "losses_retrieved",
        "reclaimed",
        "back_paid",
        "rectification_funds",
        "other",
    }
)
STATUS_CLASSES = frozenset(
    {"done", "basically_done", "in_progress", "long_term", "not_done", "not_started"}
)
REPORT_PHASES = frozenset(
    {
        "rectification_status",
        "concentrated_progress",
        "progress",
        "interim_progress",
        "completed",
        "look_back",
    }
)

ENTRY_FIELDS = ("accountability", "money")
NUMBER_FIELDS = ("rules_made", "completion_rate", "term", "round", "round_year", "team_number")
DATE_FIELDS = ("tally_date", "written_date")
TEXT_FIELDS = ("inspecting_committee", "report_phase", "region_code", "unit_type", "sector")
FIELDS = (*ENTRY_FIELDS, *NUMBER_FIELDS, *DATE_FIELDS, *TEXT_FIELDS, "status_counts")
ALT_FIELDS = (*NUMBER_FIELDS, *DATE_FIELDS, *TEXT_FIELDS)
MONEY_TOLERANCE = 0.005


class GoldError(ValueError):
    """A gold file this scorer cannot use; the message names the file and the key."""


def is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


def same_yuan(gold: float, pred: Any) -> bool:
    if not is_number(pred):
        return False
    if gold == 0:
        return pred == 0
    return abs(pred - gold) <= MONEY_TOLERANCE * abs(gold)


def entry_hits(field: str, gold: list[dict[str, Any]], pred: Any) -> int:
    """Gold entries found in the prediction, each predicted entry used once."""
    free = [p for p in pred if isinstance(p, dict)] if isinstance(pred, list) else []
    hits = 0
    for g in gold:
        for i, p in enumerate(free):
            if p.get("kind") != g["kind"]:
                continue
            if field == "money":
                found = same_yuan(g["yuan"], p.get("yuan"))
            else:
                found = is_number(p.get("count")) and p["count"] == g["count"]
            if found:
                del free[i]
                hits += 1
                break
    return hits


def norm_text(field: str, value: Any) -> str | None:
    if value is None:
        return None
    s = re.sub(r"\s", "", unicodedata.normalize("NFKC", str(value)))
    if field == "inspecting_committee":
        s = re.sub(r"^中共", "", s)
    return s


def same_value(field: str, gold: Any, pred: Any) -> bool:
    if field in DATE_FIELDS:
        if not gold or not pred:
            return not gold and not pred
        return str(pred)[:10] == str(gold)[:10]
    if field in NUMBER_FIELDS:
        if gold is None or pred is None:
            return gold is None and pred is None
        return is_number(pred) and pred == gold
    return norm_text(field, gold) == norm_text(field, pred)


def score_v2(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """field -> (right, of) for one record's v2 gold."""
    r: dict[str, tuple[int, int]] = {}
    for f in ENTRY_FIELDS:
        if gold.get(f):
            r[f] = (entry_hits(f, gold[f], pred.get(f)), len(gold[f]))
    for f in ALT_FIELDS:
        if f in gold:
            accepted = [gold[f], *(gold.get(f + "_alt") or [])]
            r[f] = (int(any(same_value(f, g, pred.get(f)) for g in accepted)), 1)
    if gold.get("status_counts") is not None:
        ps = pred.get("status_counts")
        ps = ps if isinstance(ps, dict) else {}
        ok = all(ps.get(k) == v for k, v in gold["status_counts"].items())
        r["status_counts"] = (int(ok), 1)
    return r


def check_gold(name: str, v2: Any) -> dict[str, Any]:
    """The v2 object, or GoldError naming what does not follow the contract."""
    if not isinstance(v2, dict):
        raise GoldError(f"{name}: 'v2' is not an object")
    known = set(FIELDS) | {f + "_alt" for f in ALT_FIELDS}
    for key in v2:
        if key not in known:
            raise GoldError(f"{name}: v2 key {key!r} is not a record v2 field")
    vocab = {"accountability": ACCOUNTABILITY_KINDS, "money": MONEY_KINDS}
    for f, kinds in vocab.items():
        for e in v2.get(f) or []:
            if not isinstance(e, dict) or e.get("kind") not in kinds:
                raise GoldError(f"{name}: {f} entry {e!r} has no contract kind")
            number = e.get("yuan" if f == "money" else "count")
            if not is_number(number):
                raise GoldError(f"{name}: {f} entry {e!r} has no number")
    for k in v2.get("status_counts") or {}:
        if k not in STATUS_CLASSES:
            raise GoldError(f"{name}: status class {k!r} is not one of the six")
    for phase in [v2.get("report_phase"), *(v2.get("report_phase_alt") or [])]:
        if phase is not None and phase not in REPORT_PHASES:
            raise GoldError(f"{name}: report_phase {phase!r} is not a contract phase")
    return v2


def load_cases(gold_dir: Path, texts_dir: Path) -> list[tuple[str, Path, dict[str, Any]]]:
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: no such directory")
    cases = []
    for g in sorted(gold_dir.glob("*.json")):
        try:
            d = json.loads(g.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise GoldError(f"{g}: not readable JSON ({e})") from None
        if not isinstance(d, dict) or "v2" not in d:
            continue
        cid = str(d.get("id") or g.stem)
        text = texts_dir / f"{cid}.txt"
        if not text.is_file():
            raise GoldError(f"{g}: its text {text} is missing")
        cases.append((cid, text, check_gold(g.name, d["v2"])))
    if not cases:
        raise GoldError(f"{gold_dir}: no gold record with a 'v2' object")
    return cases


def run_parser(cmd: str, paths: list[Path], timeout: int) -> list[dict[str, Any]] | str:
    """The records, or the reason there are none (one line)."""
    try:
        argv = shlex.split(cmd)
        if not argv:
            return "--cmd is empty"
        proc = subprocess.run(
            [*argv, *map(str, paths)],
            check=False,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except ValueError as e:
        return f"--cmd cannot be split ({e})"
    except OSError as e:
        return f"parser could not start ({e.strerror or e})"
    except subprocess.TimeoutExpired:
        return f"parser ran over {timeout}s"
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        return f"parser exited {proc.returncode}"
    try:
        preds = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    except json.JSONDecodeError:
        return "parser printed a line that is not JSON"
    if not all(isinstance(p, dict) for p in preds):
        return "parser printed a line that is not a JSON object"
    if len(preds) != len(paths):
        return f"expected {len(paths)} records, got {len(preds)}"
    return preds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--cmd", required=True, help="parser command; file paths are appended")
    ap.add_argument("--gold-dir", required=True, type=Path)
    ap.add_argument("--texts-dir", type=Path, help="where NAME.txt are (default: --gold-dir)")
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--quiet", action="store_true", help="no list of misses")
    args = ap.parse_args(argv)
    try:
        cases = load_cases(args.gold_dir, args.texts_dir or args.gold_dir)
    except GoldError as e:
        print(f"score_v2: {e}", file=sys.stderr)
        return 2
    preds = run_parser(args.cmd, [path for _, path, _ in cases], args.timeout)
    if isinstance(preds, str):
        print(f"score: 0.000 ({preds})")
        return 1
    totals: dict[str, list[int]] = {}
    misses: list[str] = []
    for (cid, _, gold), pred in zip(cases, preds, strict=True):
        for field, (right, of) in score_v2(gold, pred).items():
            t = totals.setdefault(field, [0, 0])
            t[0] += right
            t[1] += of
            if right < of:
                misses.append(f"  {cid} {field}" + (f" {right}/{of}" if of > 1 else ""))
    print(f"{'field':24} {'right':>6} {'of':>4}  acc")
    for f in FIELDS:
        if f in totals:
            right, of = totals[f]
            print(f"{f:24} {right:6d} {of:4d}  {right / of:.3f}")
    if misses and not args.quiet:
        print("misses:")
        print("\n".join(misses))
    score = sum(right / of for right, of in totals.values()) / max(1, len(totals))
    print(f"score: {score:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
