"""Every file a shipped package reads that is not Python is declared as package data in
pyproject.toml, so that an installed wheel (not only the editable checkout) has it."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("crawler", "pipelines", "models", "migrations", "seeds")
SKIP = {".py", ".pyc"}


def declared() -> set[Path]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    files: set[Path] = set()
    for package, patterns in config["tool"]["setuptools"]["package-data"].items():
        base = ROOT.joinpath(*package.split("."))
        files |= {p for pattern in patterns for p in base.glob(pattern) if p.is_file()}
    return files


def test_every_data_file_of_a_shipped_package_is_declared() -> None:
    data = {
        p
        for package in PACKAGES
        for p in (ROOT / package).rglob("*")
        if p.is_file() and p.suffix not in SKIP and "__pycache__" not in p.parts
    }
    assert sorted(str(p.relative_to(ROOT)) for p in data - declared()) == []
