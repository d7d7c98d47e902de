"""The README documents every NOTICES_* setting the code reads."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_in_the_code_is_in_the_readme() -> None:
    names: set[str] = set()
    for package in ("crawler", "pipelines", "models", "migrations"):
        for path in (ROOT / package).rglob("*.py"):
            names.update(re.findall(r"\bNOTICES_[A-Z_]+[A-Z]\b", path.read_text(encoding="utf-8")))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert names, "no settings found: the pattern is wrong"
    assert sorted(n for n in names if n not in readme) == []
