"""crawler/cli/commands.py: the table of which modules declare each command agrees with the
modules' own decorators, and a command line loads its command's modules only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from crawler.cli import commands

CLI = Path(commands.__file__).parent
# the typer apps of crawler/cli/typer_apps.py -> the first word of their commands (None: the word
# is the command's own name)
APPS = {"app": None, "db_app": "db", "sites_app": "sites"}


def declared() -> dict[str, set[str]]:
    """First command word -> the modules whose `@<app>.command(...)` decorators declare it."""
    found: dict[str, set[str]] = {}
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            for deco in node.decorator_list:
                if not (
                    isinstance(deco, ast.Call)
                    and isinstance(deco.func, ast.Attribute)
                    and deco.func.attr == "command"
                    and isinstance(deco.func.value, ast.Name)
                    and deco.func.value.id in APPS
                ):
                    continue
                name = ast.literal_eval(deco.args[0]) if deco.args else node.name
                word = APPS[deco.func.value.id] or name
                found.setdefault(word, set()).add(path.stem)
    return found


def test_the_table_names_every_declaring_module_and_nothing_else() -> None:
    table = {word: set(modules) for word, modules in commands.COMMANDS.items()}
    assert table == declared()


def test_the_loaded_app_has_exactly_the_tables_commands() -> None:
    from crawler.cli import app

    names = {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups}
    assert names == set(commands.COMMANDS)


@pytest.mark.parametrize(
    ("argv", "modules"),
    [
        (["search", "整改"], ("search_cmd",)),
        (["db", "upgrade", "--url", "x"], ("db_cmd", "search_cmd")),
        (["sites", "--help"], ("sites_cmd",)),
        (["--help"], commands.ALL),
        ([], commands.ALL),
        (["frobnicate"], commands.ALL),  # typer's "No such command" lists them all
        (["--region", "crawl"], commands.ALL),  # an option first is no command word
    ],
)
def test_a_command_line_loads_its_commands_modules(argv: list[str], modules: tuple) -> None:
    assert commands.modules_for(argv) == modules
