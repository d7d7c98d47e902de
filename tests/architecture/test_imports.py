"""Import rules between the layers: the pure parsing/cleaning code stays free of Scrapy and SQL."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# package (as a path under the repo) -> top-level modules it must never import
FORBIDDEN = {
    "pipelines/parsing": {"scrapy", "sqlalchemy", "alembic", "twisted", "crawler", "models"},
    "pipelines/cleaning": {"scrapy", "sqlalchemy", "alembic", "twisted", "crawler", "models"},
    "models": {"scrapy", "twisted", "crawler", "pipelines"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_does_not_import_forbidden_layers(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"{package} has no modules"
    offenders = {
        str(f.relative_to(ROOT)): sorted(imported_modules(f) & FORBIDDEN[package]) for f in files
    }
    assert {f: bad for f, bad in offenders.items() if bad} == {}


def test_models_resolve_inside_the_repo() -> None:
    # `models` is a generic name: make sure no third-party module shadows ours.
    import models

    assert Path(models.__file__).resolve().is_relative_to(ROOT)
