"""bench/score_v2.py: how each v2 field is matched, its figures on a fake parser, its refusals."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "score_v2.py"
HELDOUT = ROOT / "tests" / "fixtures" / "corpus" / "heldout_v2"

# Prints, for each text, the v2 gold beside it as a record's top-level fields (a parser that is
# always right); with --spoil, the same records with one figure and one date wrong.
ECHO_GOLD = """
import json, sys
from pathlib import Path
spoil = sys.argv[1] == "--spoil"
for path in sys.argv[1 + spoil:]:
    gold = json.loads(Path(path).with_suffix(".json").read_text(encoding="utf-8"))
    rec = {k: v for k, v in gold["v2"].items() if not k.endswith("_alt")}
    if spoil and gold["id"] == "a01_tongxiang_provincial_progress":
        rec["money"] = [{"kind": "refunded", "yuan": 360000}]
        rec["tally_date"] = "2023-11-29"
    print(json.dumps(rec, ensure_ascii=False))
"""


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_score_v2", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = load_bench()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def echo(tmp_path: Path) -> str:
    script = tmp_path / "echo_gold.py"
    script.write_text(ECHO_GOLD, encoding="utf-8")
    return f"{sys.executable} {script}"


def table(stdout: str) -> dict[str, tuple[int, int]]:
    rows = re.findall(r"^(\w+)\s+(\d+)\s+(\d+)\s+\d\.\d{3}$", stdout, re.MULTILINE)
    return {f: (int(right), int(of)) for f, right, of in rows}


def test_the_gold_echoed_back_scores_one_on_every_field(echo: str) -> None:
    rows: dict[str, tuple[int, int]] = {}
    for gold_dir in (HELDOUT, HELDOUT.with_name("heldout_v3")):  # v3 labels unit_type and sector
        proc = run("--cmd", echo, "--gold-dir", str(gold_dir))
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.rstrip().endswith("score: 1.000")
        assert "misses:" not in proc.stdout
        rows |= table(proc.stdout)
    assert set(rows) == set(bench.FIELDS)
    assert all(right == of for right, of in rows.values())


def test_a_spoiled_record_shows_in_its_fields_and_misses(echo: str) -> None:
    proc = run("--cmd", f"{echo} --spoil", "--gold-dir", str(HELDOUT))
    assert proc.returncode == 0, proc.stderr
    rows = table(proc.stdout)
    assert rows["money"][1] - rows["money"][0] == 1
    assert rows["tally_date"][1] - rows["tally_date"][0] == 1
    assert rows["accountability"][0] == rows["accountability"][1]
    assert "a01_tongxiang_provincial_progress money\n" in proc.stdout
    assert "a01_tongxiang_provincial_progress tally_date" in proc.stdout
    assert not proc.stdout.rstrip().endswith("score: 1.000")


ENTRY_CASES = [
    # (field, gold entries, predicted entries, gold entries found)
    ("money", [{"kind": "refunded", "yuan": 356000}], [{"kind": "refunded", "yuan": 357000}], 1),
    ("money", [{"kind": "refunded", "yuan": 356000}], [{"kind": "refunded", "yuan": 360000}], 0),
    ("money", [{"kind": "refunded", "yuan": 356000}], [{"kind": "recovered", "yuan": 356000}], 0),
    ("money", [{"kind": "other", "yuan": 0}], [{"kind": "other", "yuan": 0}], 1),
    ("money", [{"kind": "refunded", "yuan": 10}], [{"kind": "refunded", "yuan": "10"}], 0),
    ("money", [{"kind": "refunded", "yuan": 10}], None, 0),
    ("accountability", [{"kind": "criticism", "count": 0}], [{"kind": "criticism", "count": 0}], 1),
    (
        "accountability",
        [{"kind": "criticism", "count": 1}],
        [{"kind": "criticism", "count": True}],
        0,
    ),
    (
        "accountability",
        [{"kind": "party_discipline", "count": 1}, {"kind": "party_discipline", "count": 1}],
        [{"kind": "party_discipline", "count": 1}],
        1,
    ),
    (
        "accountability",
        [{"kind": "party_discipline", "count": 2}, {"kind": "form_1", "count": 7}],
        [{"kind": "form_1", "count": 7}, "junk", {"kind": "party_discipline", "count": 2}],
        2,
    ),
]


@pytest.mark.parametrize(("field", "gold", "pred", "hits"), ENTRY_CASES)
def test_entries_match_by_kind_and_number_once_each(
    field: str, gold: list[dict[str, Any]], pred: Any, hits: int
) -> None:
    assert bench.entry_hits(field, gold, pred) == hits


VALUE_CASES = [
    # (gold v2, prediction, field, right)
    ({"tally_date": "2023-11-30"}, {"tally_date": "2023-11-30T00:00:00"}, "tally_date", 1),
    ({"tally_date": "2024-03"}, {"tally_date": "2024-03-31"}, "tally_date", 0),
    ({"written_date": None}, {}, "written_date", 1),
    ({"written_date": None}, {"written_date": "2024-01-02"}, "written_date", 0),
    ({"term": 14}, {"term": "14"}, "term", 0),
    ({"completion_rate": 93}, {"completion_rate": 93.0}, "completion_rate", 1),
    ({"round_year": None}, {"round_year": 2023}, "round_year", 0),
    ({"region_code": "330483"}, {"region_code": 330483}, "region_code", 1),
    (
        {"inspecting_committee": "浙江省委"},
        {"inspecting_committee": "中共浙江省委"},
        "inspecting_committee",
        1,
    ),
    (
        {"inspecting_committee": "浙江省委", "inspecting_committee_alt": ["省委"]},
        {"inspecting_committee": "省委"},
        "inspecting_committee",
        1,
    ),
    ({"report_phase": "progress"}, {"report_phase": "interim_progress"}, "report_phase", 0),
    (
        {"status_counts": {"done": 5, "long_term": 1}},
        {"status_counts": {"done": 5, "long_term": 1, "not_done": 0}},
        "status_counts",
        1,
    ),
    (
        {"status_counts": {"done": 5, "long_term": 1}},
        {"status_counts": {"done": 5, "in_progress": 1}},
        "status_counts",
        0,
    ),
    ({"status_counts": {"done": 5}}, {"status_counts": None}, "status_counts", 0),
]


@pytest.mark.parametrize(("gold", "pred", "field", "right"), VALUE_CASES)
def test_other_fields_match_exactly(
    gold: dict[str, Any], pred: dict[str, Any], field: str, right: int
) -> None:
    assert bench.score_v2(gold, pred)[field] == (right, 1)


def test_absent_gold_keys_and_empty_lists_are_not_scored() -> None:
    assert bench.score_v2({"accountability": [], "money": []}, {"money": [{"kind": "other"}]}) == {}


def write_case(d: Path, name: str, gold: dict[str, Any] | str, text: bool = True) -> None:
    body = gold if isinstance(gold, str) else json.dumps({"id": name, **gold}, ensure_ascii=False)
    (d / f"{name}.json").write_text(body, encoding="utf-8")
    if text:
        (d / f"{name}.txt").write_text("通报", encoding="utf-8")


REFUSALS = [
    # (gold file text or object, writes its text, words of the one line)
    ({"v2": {"rule_made": 3}}, True, "'rule_made' is not a record v2 field"),
    ({"v2": {"money": [{"kind": "refund", "yuan": 3}]}}, True, "no contract kind"),
    ({"v2": {"accountability": [{"kind": "criticism"}]}}, True, "has no number"),
    ({"v2": {"status_counts": {"finished": 3}}}, True, "not one of the six"),
    ({"v2": {"report_phase": "final"}}, True, "not a contract phase"),
    ({"v2": {"term": 3}}, False, "is missing"),
    ("{not json", True, "not readable JSON"),
    ({"is_notice": False}, True, "no gold record with a 'v2' object"),
]


@pytest.mark.parametrize(("gold", "text", "words"), REFUSALS)
def test_gold_it_cannot_use_is_one_line_and_exit_2(
    tmp_path: Path, gold: dict[str, Any] | str, text: bool, words: str
) -> None:
    write_case(tmp_path, "x01", gold, text)
    proc = run("--cmd", "true", "--gold-dir", str(tmp_path))
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert words in proc.stderr


def test_a_missing_gold_dir_is_one_line_and_exit_2(tmp_path: Path) -> None:
    proc = run("--cmd", "true", "--gold-dir", str(tmp_path / "nowhere"))
    assert proc.returncode == 2
    assert "no such directory" in proc.stderr
    assert "Traceback" not in proc.stderr


PARSER_FAILURES = [
    # (command, words of the score line)
    (f"{sys.executable} -c 'import sys; sys.exit(3)'", "parser exited 3"),
    (f"{sys.executable} -c 'print(chr(120))'", "parser printed a line that is not JSON"),
    (f"{sys.executable} -c 'print(1)'", "parser printed a line that is not a JSON object"),
    (f"{sys.executable} -c 'print({{}}); print({{}})'", "expected 1 records, got 2"),
    ("/nonexistent/parser", "parser could not start"),
    ("'unclosed", "--cmd cannot be split"),
]


@pytest.mark.parametrize(("cmd", "words"), PARSER_FAILURES)
def test_a_parser_that_fails_scores_zero_and_exits_1(tmp_path: Path, cmd: str, words: str) -> None:
    write_case(tmp_path, "x01", {"v2": {"term": 3}})
    proc = run("--cmd", cmd, "--gold-dir", str(tmp_path))
    assert proc.returncode == 1
    assert proc.stdout.strip().splitlines()[-1].startswith(f"score: 0.000 ({words}")
    assert "Traceback" not in proc.stderr


def test_every_heldout_gold_follows_the_contract_and_has_its_text() -> None:
    golds = sorted(HELDOUT.glob("*.json"))
    assert len(golds) == 54
    for g in golds:
        d = json.loads(g.read_text(encoding="utf-8"))
        assert d["id"] == g.stem
        assert (HELDOUT / f"{g.stem}.txt").is_file()
        assert ("v2" in d) == d["is_notice"], g.name
    cases = bench.load_cases(HELDOUT, HELDOUT)
    assert len(cases) == 40
    for _, _, v2 in cases:
        code = v2.get("region_code")
        assert code is None or re.fullmatch(r"\d{6}", code)
