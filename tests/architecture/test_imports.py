"""Import rules between the layers, read from the source with `ast`.

The layers, bottom up: `pipelines.common` (facts declared once, importable by all); the pure
cleaner and parser (`pipelines.cleaning`, `pipelines.parsing`); `models` (the database); `crawler`
(seeds, spider, middlewares, items); the Scrapy item pipelines in `pipelines` (clean, parse,
store), which Scrapy loads by their dotted names in the settings; and `crawler.cli`, the
composition root, the one package that wires crawler, pipelines and models together.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODE = ("crawler", "pipelines", "models", "migrations")  # the packages that ship
FRAMEWORKS = frozenset({"scrapy", "twisted", "sqlalchemy", "alembic", "typer"})


@dataclass(frozen=True)
class Import:
    module: str  # dotted; `from a import b` is read as a.b, since b may be a module
    type_only: bool  # under `if TYPE_CHECKING:`, so never executed


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(path: Path, root: Path = ROOT) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only_nodes = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and is_type_checking(node.test)
        for stmt in node.body
        for inner in ast.walk(stmt)
    }
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the file's own package
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if base == "__future__":
                continue
            modules = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found += [Import(m, id(node) in type_only_nodes) for m in modules]
    return found


def matches(module: str, prefixes: frozenset[str]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def files_under(package: str, exempt: frozenset[str] = frozenset()) -> list[Path]:
    files = [
        f
        for f in sorted((ROOT / package).rglob("*.py"))
        if not any(f.is_relative_to(ROOT / e) for e in exempt)
    ]
    assert files, f"{package} has no modules"
    return files


@dataclass(frozen=True)
class Rule:
    package: str  # a path under the repo
    forbidden: frozenset[str]  # dotted prefixes its modules never import
    allowed: frozenset[str] = frozenset()  # prefixes let through inside a forbidden one
    exempt: frozenset[str] = frozenset()  # subpackages (paths) the rule does not cover
    runtime_only: bool = False  # type-only imports are not counted


PURE = FRAMEWORKS | {"crawler", "models", "migrations"}
COMMON = frozenset({"pipelines.common"})
RULES = {
    # the leaf: nothing of ours outside itself, no framework
    "common is a leaf": Rule("pipelines/common", PURE | {"pipelines"}, allowed=COMMON),
    # the cleaner and parser run on a file as well as in a crawl: no Scrapy, no SQL
    "cleaning is pure": Rule("pipelines/cleaning", PURE),
    "parsing is pure": Rule("pipelines/parsing", PURE),
    # the database layer knows nothing of the crawl; of pipelines it may use only the leaf
    "models below crawler": Rule(
        "models", frozenset({"scrapy", "twisted", "typer", "crawler", "pipelines"}), COMMON
    ),
    # the crawl yields items; storing them is the store pipeline's, wiring it is the CLI's
    "crawler never reaches the database": Rule(
        "crawler",
        frozenset({"models", "migrations", "sqlalchemy", "alembic", "typer"}),
        exempt=frozenset({"crawler/cli"}),
    ),
    # items may name the page and record types the pipelines fill in, for the type checker only;
    # the run context builds each site's cleaning rules once at start, so a bad selector fails
    # its site before any page is fetched
    "crawler runs no pipeline code": Rule(
        "crawler",
        frozenset({"pipelines"}),
        COMMON | {"pipelines.cleaning.SiteCleanRules"},
        exempt=frozenset({"crawler/cli"}),
        runtime_only=True,
    ),
    # shipped code never depends on the test suite or the benchmarks
    **{
        f"{package} ships without tests": Rule(package, frozenset({"tests", "bench"}))
        for package in CODE
    },
}


def offenders(rule: Rule) -> dict[str, list[str]]:
    found = {}
    for f in files_under(rule.package, rule.exempt):
        bad = sorted(
            {
                i.module
                for i in imports_of(f)
                if matches(i.module, rule.forbidden)
                and not matches(i.module, rule.allowed)
                and not (rule.runtime_only and i.type_only)
            }
        )
        if bad:
            found[str(f.relative_to(ROOT))] = bad
    return found


@pytest.mark.parametrize("name", sorted(RULES))
def test_layer_rule(name: str) -> None:
    assert offenders(RULES[name]) == {}


def test_demo_imports_only_the_standard_library() -> None:
    # `notices demo` serves its sites from an installed wheel: nothing beyond Python itself
    bad = {
        str(f.relative_to(ROOT)): sorted(
            i.module
            for i in imports_of(f)
            if i.module.split(".")[0] not in sys.stdlib_module_names
            and not matches(i.module, frozenset({"crawler.demo"}))
        )
        for f in files_under("crawler/demo")
    }
    assert {f: m for f, m in bad.items() if m} == {}


LAYERS = ("crawler", "pipelines", "models")

# Modules outside the CLI that tie all three layers together today, each with its reason. The
# set must match exactly, so an entry goes once its module is mended.
COMPOSING_OUTSIDE_CLI = {
    # the store pipeline takes the spider's items (crawler.items) to the database (models)
    "pipelines/store.py",
}


def layers_of(path: Path) -> set[str]:
    """The layers a module belongs to or imports; the common leaf counts as none of them."""
    modules = [module_name(path), *(i.module for i in imports_of(path))]
    return {
        m.split(".")[0] for m in modules if m.split(".")[0] in LAYERS and not matches(m, COMMON)
    }


def test_only_the_cli_composes_every_layer() -> None:
    composing = {
        str(f.relative_to(ROOT))
        for package in LAYERS
        for f in files_under(package, frozenset({"crawler/cli"}))
        if layers_of(f) == set(LAYERS)
    }
    assert composing == COMPOSING_OUTSIDE_CLI, "mend new ones, drop mended ones"


def test_the_cli_is_the_composition_root() -> None:
    used = set().union(*(layers_of(f) for f in files_under("crawler/cli")))
    assert used == set(LAYERS)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import scrapy.http", [Import("scrapy.http", False)]),
        ("from pipelines import spool", [Import("pipelines.spool", False)]),
        ("from . import listing", [Import("crawler.listing", False)]),
        ("from .seeds import Site", [Import("crawler.seeds.Site", False)]),
        ("from __future__ import annotations", []),
        (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from models import db",
            [Import("typing.TYPE_CHECKING", False), Import("models.db", True)],
        ),
    ],
)
def test_imports_are_read_as_dotted_modules(
    source: str, expected: list[Import], tmp_path: Path
) -> None:
    path = tmp_path / "crawler" / "entries.py"
    path.parent.mkdir()
    path.write_text(source, encoding="utf-8")
    assert imports_of(path, tmp_path) == expected


def test_models_resolve_inside_the_repo() -> None:
    # `models` is a generic name: make sure no third-party module shadows ours.
    import models

    assert Path(models.__file__).resolve().is_relative_to(ROOT)
