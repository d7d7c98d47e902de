"""bench/clean.py: which pages it scores, and one clear line for a pages directory it cannot."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "clean.py"
FIXTURE = ROOT / "tests" / "fixtures" / "pages" / "anhui_notice_gbk_header"


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_clean", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
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


def page(dirpath: Path, name: str, spec: Any, html: bool = True) -> None:
    dirpath.mkdir(exist_ok=True)
    (dirpath / f"{name}.json").write_text(json.dumps(spec), encoding="utf-8")
    if html:
        (dirpath / f"{name}.html").write_bytes(b"<html><body><p>x</p></body></html>")


GOOD = {"url": "https://example.gov.cn/a.html", "expected": {"text": "x", "meta": {}}}


def test_scores_bench_pages_unless_told_otherwise() -> None:
    assert bench.PAGES == ROOT / "bench" / "pages"


def test_scores_the_given_pages_and_says_which(tmp_path: Path) -> None:
    for suffix in (".html", ".json"):
        shutil.copy(FIXTURE.with_suffix(suffix), tmp_path / f"{FIXTURE.name}{suffix}")
    done = run("--pages", str(tmp_path), "--rounds", "1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"scored: {tmp_path}, 1 pages, 1 timed rounds each, trafilatura")
    assert FIXTURE.name in done.stdout


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: None, "no such directory"),
        (lambda d: d.mkdir(), "no <name>.json + <name>.html pages"),
        (lambda d: page(d, "a", GOOD, html=False), "a.json: no a.html beside it"),
        (lambda d: page(d, "a", [1]), "a.json: no url"),
        (lambda d: page(d, "a", {**GOOD, "expected": {"meta": {}}}), "a.json: no expected.text"),
        (lambda d: page(d, "a", {**GOOD, "expected": {"text": ""}}), "a.json: no expected.meta"),
    ],
)
def test_pages_it_cannot_score(tmp_path: Path, make: Any, message: str) -> None:
    pages = tmp_path / "pages"
    make(pages)
    with pytest.raises(bench.BadPages, match=re.escape(message)):
        bench.load_pages(pages)


def test_bad_pages_are_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(b"{not json")
    (tmp_path / "a.html").write_bytes(b"")
    done = run("--pages", str(tmp_path))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"error: {tmp_path / 'a.json'}: not UTF-8 JSON")
    assert done.stderr.count("\n") == 1
