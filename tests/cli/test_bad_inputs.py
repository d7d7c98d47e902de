"""Every command, with a table of bad inputs: one line naming the bad value, exit code 2, and no
traceback (crawler/usage_errors.py). Each case runs the real entry point in a subprocess:
`python -m crawler.cli …` (the `notices` script) or `python -m scrapy crawl notices …`.

A test checks that the table covers every command.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import typer.main

from crawler.cli import app
from models.db import make_engine
from models.upsert import write_pages
from pipelines.common.fetched import FetchedPage

NOTICES = [sys.executable, "-m", "crawler.cli"]
SCRAPY = [sys.executable, "-m", "scrapy", "crawl", "notices"]
# placeholders in a case's arguments and environment, filled from the `files` fixture
GBK, BINARY, MISSING, ARCHIVE = "{gbk}", "{binary}", "{missing}", "{archive}"
NOT_A_DIR = "{not_a_dir}"


@dataclass(frozen=True)
class Case:
    argv: list[str]  # after the entry point
    names: str  # stderr must contain it: the bad value, or the file it is in
    env: dict[str, str] = field(default_factory=dict)
    scrapy: bool = False  # `scrapy crawl notices` instead of `notices`

    @property
    def command(self) -> str:
        """The command path it exercises (`db upgrade`, `scrapy crawl`)."""
        if self.scrapy:
            return "scrapy crawl"
        words = [a for a in self.argv if not a.startswith("-")]
        return " ".join(words[:2]) if words[:1] in (["db"], ["sites"]) else words[0]


def case(*argv: str, names: str, env: dict[str, str] | None = None, marks: tuple = ()) -> object:
    return pytest.param(Case(list(argv), names, env or {}), marks=marks, id=_id(argv, env))


def scrapy(*argv: str, names: str, env: dict[str, str] | None = None, marks: tuple = ()) -> object:
    args = [x for a in argv for x in ("-a", a)] if all("=" in a for a in argv) else list(argv)
    return pytest.param(
        Case(args, names, env or {}, scrapy=True), marks=marks, id="scrapy " + _id(argv, env)
    )


def _id(argv: tuple[str, ...], env: dict[str, str] | None) -> str:
    return " ".join([*(f"{k}={v}" for k, v in (env or {}).items()), *argv])


DEMO = ("--region", "demo")
CASES = [
    # --- notices crawl -------------------------------------------------------------------------
    case("crawl", "--region", "nowhere", names="'nowhere'"),
    # typer names the option, not the value, in its own range and type errors
    case("crawl", *DEMO, "--max-pages", "-1", names="'--max-pages'"),
    case("crawl", *DEMO, "--since", "2023-13-01", names="2023-13-01"),
    case("crawl", "--region", "x", "--seeds", GBK, names="x.yaml:3: not UTF-8"),
    case("crawl", "--region", "x", "--seeds", MISSING, names="missing"),
    case("crawl", *DEMO, "--set", "DOWNLOAD_DELAY=abc", names="DOWNLOAD_DELAY='abc'"),
    case("crawl", *DEMO, names="NOTICES_DB_BATCH='0'", env={"NOTICES_DB_BATCH": "0"}),
    case("crawl", "--region", "x", names="x.yaml:3", env={"NOTICES_SEEDS": GBK}),
    case(
        "crawl",
        *DEMO,
        names="notaurl",
        env={"NOTICES_DB_URL": "notaurl"},
    ),
    # --- scrapy crawl notices ------------------------------------------------------------------
    scrapy(names="region"),
    scrapy("region=nowhere", names="'nowhere'"),
    scrapy("region=demo", "since=2023-13-01", names="2023-13-01"),
    scrapy("region=demo", "max_pages=-1", names="'-1'"),
    scrapy("region=x", f"seeds={GBK}", names="x.yaml:3: not UTF-8"),
    scrapy("-a", "region=demo", "-s", "RETRY_TIMES=many", names="RETRY_TIMES='many'"),
    scrapy("region=demo", names="NOTICES_DB_RETRIES='x'", env={"NOTICES_DB_RETRIES": "x"}),
    scrapy(
        "region=demo",
        names="notaurl",
        env={"NOTICES_DB_URL": "notaurl"},
    ),
    # --- notices demo --------------------------------------------------------------------------
    case("demo", "--port", "99999", names="'--port'"),
    case("demo", names="NOTICES_FARM_PORT='abc'", env={"NOTICES_FARM_PORT": "abc"}),
    case("demo", names="notaurl", env={"NOTICES_DB_URL": "notaurl"}),
    # --- notices export ------------------------------------------------------------------------
    case("export", "--since", "2023-13-01", names="2023-13-01"),
    case("export", "--url", ARCHIVE, names="iso8859-1", env={"PYTHONIOENCODING": "latin-1"}),
    case("export", "--url", ARCHIVE, "--format", "csv", "--out", NOT_A_DIR, names="cannot write"),
    case("export", "--url", "mysql://u@localhost/x", names="mysql"),
    # --- notices parse -------------------------------------------------------------------------
    case("parse", names="Missing argument"),
    # --- notices stats -------------------------------------------------------------------------
    case("stats", "--runs", "-3", names="'--runs'"),
    case("stats", "--url", "notaurl", names="notaurl"),
    # --- notices db ----------------------------------------------------------------------------
    case("db", "upgrade", "--url", "notaurl", names="notaurl"),
    case("db", "current", "--url", "mysql://u@localhost/x", names="mysql"),
    # a spool of junk is no usage error: its unreadable lines are quarantined (pipelines/spool.py)
    case("db", "replay", "--url", "notaurl", names="notaurl"),
    case("db", "reindex", "--url", "mysql://u@localhost/x", names="mysql"),
    # --- notices sites -------------------------------------------------------------------------
    case("sites", "list", "--region", "nowhere", names="'nowhere'"),
    case("sites", "list", "--seeds", BINARY, names="x.yaml:1: not UTF-8"),
    case("sites", "check", "--seeds", GBK, names="x.yaml:3: not UTF-8"),
    case("sites", "probe", "--region", "nowhere", names="'nowhere'"),
    case("sites", "add", "notaurl", names="'notaurl'"),
    case("sites", "add", "http://x.test/l/", "--region", "nowhere", names="'nowhere'"),
    case("sites", "add", "http://x.test/l/", "--write", names="--write needs --region"),
    case("sites", "discover", "notaurl", names="'notaurl'"),
    # --- notices search, serve ------------------------------------------------------------------
    case("search", "，。", "--url", ARCHIVE, names="nothing to search for in '，。'"),
    case("search", "整改", "--level", "township", "--url", ARCHIVE, names="'township'"),
    case("serve", "--url", "postgresql+psycopg://u@127.0.0.1/x", names="postgresql"),
    # --- notices history, reparse, recheck -----------------------------------------------------
    case("history", "999", "--url", ARCHIVE, names="'999'"),
    # --- notices explain -----------------------------------------------------------------------
    case("explain", "999", "--url", ARCHIVE, names="'999'"),
    case("explain", MISSING, names="no such file"),
    case("explain", BINARY + "/x.yaml", names="not a notice"),
    case("reparse", "--since-version", "abc", "--url", ARCHIVE, names="'abc'"),
    case("recheck", "--region", "nowhere", names="'nowhere'"),
    case("link", "--url", "mysql://u@localhost/x", names="mysql"),
    # --- notices nightly, health ---------------------------------------------------------------
    case("nightly", "--region", "nowhere", names="'nowhere'"),
    case("health", "--nights", "0", names="'--nights'"),
    # --- notices worker, crawl --distributed (docs/distributed.md) -----------------------------
    case("worker", names="PostgreSQL"),  # the archive is SQLite: workers cannot share it
    case("worker", "--concurrency", "0", names="'--concurrency'"),
    case("crawl", *DEMO, "--distributed", names="PostgreSQL"),
    # --- the script itself ---------------------------------------------------------------------
    case("frobnicate", names="frobnicate"),
]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Bad registries, a missing path, and an archive holding one Chinese notice."""
    tmp = tmp_path_factory.mktemp("bad-inputs")
    (tmp / "gbk").mkdir()
    text = 'regions:\n  - code: "1"\n    name: 测试\n    pinyin: x\n'
    (tmp / "gbk" / "x.yaml").write_bytes(text.encode("gbk"))
    (tmp / "binary").mkdir()
    (tmp / "binary" / "x.yaml").write_bytes(b"\x8f\x00\xff\xfe" + os.urandom(64))
    (tmp / "file").write_text("x", encoding="utf-8")
    archive = f"sqlite:///{tmp / 'archive.db'}"
    upgraded = subprocess.run(
        [*NOTICES, "db", "upgrade", "--url", archive], capture_output=True, text=True, check=False
    )
    assert upgraded.returncode == 0, upgraded.stderr
    engine = make_engine(archive)
    try:
        record = {"is_notice": True, "title": "关于巡察整改情况的通报", "parser_version": "t"}
        when = datetime(2025, 1, 1, tzinfo=UTC)
        url = "http://127.0.0.1/a.html"
        write_pages(engine, [FetchedPage(url, url, "s", "r", 200, when, b"", record=record)])
    finally:
        engine.dispose()
    return {
        GBK: str(tmp / "gbk"),
        BINARY: str(tmp / "binary"),
        MISSING: str(tmp / "missing"),
        ARCHIVE: archive,
        NOT_A_DIR: str(tmp / "file" / "x.csv"),
    }


def _fill(text: str, files: dict[str, str]) -> str:
    for key, value in files.items():
        text = text.replace(key, value)
    return text


@pytest.mark.parametrize("bad", CASES)
def test_a_bad_input_is_one_line_naming_it_and_exit_2(bad: Case, files: dict[str, str]) -> None:
    folder = str(Path(files[MISSING]).parent)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NOTICES_")}
    env |= {
        "NOTICES_DB_URL": f"sqlite:///{folder}/empty.db",
        "NOTICES_SPOOL": f"{folder}/spool.jsonl",
        "SCRAPY_SETTINGS_MODULE": "crawler.settings",  # found without a scrapy.cfg in the cwd
        **{k: _fill(v, files) for k, v in bad.env.items()},
    }
    argv = [_fill(a, files) for a in bad.argv]
    proc = subprocess.run(
        [*(SCRAPY if bad.scrapy else NOTICES), *argv],
        cwd=folder,  # relative defaults (data/) land in the test's folder
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert bad.names in proc.stderr, proc.stderr[-2000:]


def _commands(group: Any, prefix: str = "") -> set[str]:
    """Every command path of a typer group (a group has `commands`)."""
    found = set()
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            found |= _commands(command, f"{prefix}{name} ")
        else:
            found.add(prefix + name)
    return found


def test_the_table_covers_every_command() -> None:
    group = typer.main.get_command(app)
    covered = {p.values[0].command for p in CASES}  # type: ignore[attr-defined]
    assert _commands(group) | {"scrapy crawl"} <= covered
