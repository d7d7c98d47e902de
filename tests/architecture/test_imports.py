"""Import rules between the layers: the pure parsing/cleaning code stays free of Scrapy and SQL."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# package (as a path under the repo) -> top-level modules it must never import
FORBIDDEN = {
    "pipelines/common": {"scrapy", "sqlalchemy", "alembic", "twisted", "crawler", "models"},
    "pipelines/parsing": {"scrapy", "sqlalchemy", "alembic", "twisted", "crawler", "models"},
    "pipelines/cleaning": {"scrapy", "sqlalchemy", "alembic", "twisted", "crawler", "models"},
    "models": {"scrapy", "twisted", "crawler"},
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


def pipelines_imports_outside_common(package: str) -> dict[str, str]:
    """Modules of `pipelines` other than the common leaf that `package` imports, by file."""
    offenders = {}
    for f in sorted((ROOT / package).rglob("*.py")):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                parts = node.module.split(".")
                if parts[0] == "pipelines" and parts[:2] != ["pipelines", "common"]:
                    offenders[str(f.relative_to(ROOT))] = node.module
    return offenders


@pytest.mark.parametrize("package", ["pipelines/common", "models"])
def test_only_the_common_leaf_of_pipelines_is_imported(package: str) -> None:
    # pipelines.common is the leaf every layer may use; the rest of pipelines sits above models.
    assert pipelines_imports_outside_common(package) == {}


def test_models_resolve_inside_the_repo() -> None:
    # `models` is a generic name: make sure no third-party module shadows ours.
    import models

    assert Path(models.__file__).resolve().is_relative_to(ROOT)
