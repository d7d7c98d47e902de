"""The database's own faults, end to end: a URL that cannot work is one line and exit 2 from every
command that opens the database; an archive the user may not write is still read by `stats` and
`export`; a crawl into it names the fault once, at the top, spools its pages and blames no site.

A read-only database is made the way a user meets one: a file in a folder the process may not
write. Root may write anywhere, so under root the commands run as `nobody`."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from crawler.cli import app
from models.db import make_engine
from models.runs import upsert_sites
from models.upsert import write_pages
from pipelines import spool
from tests.pipelines.test_store import item

from .conftest import FARM_SEEDS, FAST, ROOT, scrapy_crawl

pytestmark = pytest.mark.e2e

runner = CliRunner()
NOBODY = 65534

BAD_URLS = [
    ("notaurl", "database URL 'notaurl' is not a URL: expected sqlite:///PATH or postgresql"),
    ("mysql://u:s3cret@db/notices", "database URL mysql://u:***@db/notices: only SQLite and"),
    ("sqlite://", "database URL sqlite:// names no file"),
]
COMMANDS = [
    ["stats"],
    ["export", "--format", "csv"],
    ["db", "upgrade"],
    ["db", "current"],
    ["db", "replay"],
    ["crawl", "--site", "farm-trs", "--seeds", str(FARM_SEEDS)],
    ["demo", "--port", "0"],
]


@pytest.mark.parametrize(("url", "message"), BAD_URLS)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_bad_database_url_is_one_line_and_exit_2(
    command: list[str], url: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NOTICES_DB_URL", url)
    monkeypatch.setenv("NOTICES_SPOOL", str(tmp_path / "spool.jsonl"))
    (tmp_path / "spool.jsonl").write_text("")  # so that `db replay` gets to the database
    monkeypatch.setenv("NOTICES_FARM_PORT", "1")
    result = runner.invoke(app, command)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # not an uncaught error
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {message}"), result.stderr
    assert "s3cret" not in result.output
    assert not (tmp_path / "data").exists()  # nothing was created on the way


@pytest.mark.parametrize(("url", "message"), BAD_URLS)
def test_scrapy_crawl_with_a_bad_database_url_is_one_line_and_exit_2(
    url: str, message: str
) -> None:
    run = scrapy_crawl(
        ["site=farm-trs", f"seeds={FARM_SEEDS}"],
        env={"NOTICES_FARM_PORT": "1", "NOTICES_DB_URL": url},
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.rstrip().splitlines()[-1].startswith(f"error: {message}")


@pytest.mark.parametrize("command", ["notices", "scrapy"])
def test_a_crawl_into_a_database_not_at_head_is_one_line_and_exit_2(
    command: str, sqlite_url: str, tmp_path: Path
) -> None:
    env = {"NOTICES_FARM_PORT": "1", "NOTICES_DB_URL": sqlite_url}
    if command == "notices":
        args = ["crawl", "--site", "farm-trs", "--seeds", str(FARM_SEEDS)]
        run: Any = _notices(args, env, as_user=False)
    else:
        run = scrapy_crawl(["site=farm-trs", f"seeds={FARM_SEEDS}"], env=env)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.rstrip().splitlines()[-1] == (
        f"error: database {sqlite_url} is not at the schema head: run `notices db upgrade` "
        "with the same NOTICES_DB_URL first"
    )


def test_postgres_url_as_users_type_it_is_accepted(tmp_path: Path) -> None:
    result = runner.invoke(app, ["db", "current", "--url", "postgres://u@127.0.0.1:1/x"])
    assert result.exit_code == 1  # nothing listens there: a connection error, not a usage one
    assert "cannot read postgresql+psycopg://u@127.0.0.1:1/x" in result.stderr


# -- a database in a folder the user may not write -------------------------------------------


def _as_user() -> list[str]:
    """The prefix that runs a command as `nobody` when the tests run as root."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: no way to be refused a write")
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def _notices(
    args: list[str], env: dict[str, str], *, as_user: bool = True
) -> subprocess.CompletedProcess[str]:
    prefix = _as_user() if as_user else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "crawler.cli", *args],
        cwd=ROOT,
        env={**os.environ, "HOME": tempfile.gettempdir(), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def read_only_archive() -> Iterator[Path]:
    """A SQLite archive with two notices (WAL mode, no -wal/-shm files left), in a folder that
    is then made read-only, with a writable folder beside it for the spool."""
    top = Path(tempfile.mkdtemp(prefix="notices-ro-"))
    top.chmod(0o755)  # `nobody` must reach it
    folder = top / "archive"
    folder.mkdir()
    (top / "spool").mkdir()
    (top / "spool").chmod(0o777)
    url = f"sqlite:///{folder / 'notices.db'}"
    assert _notices(["db", "upgrade"], {"NOTICES_DB_URL": url}, as_user=False).returncode == 0
    engine = make_engine(url)
    upsert_sites(engine, [{"id": "site-a", "name": "甲网站", "region": "demo"}])
    write_pages(engine, [item(1), item(2)])
    engine.dispose()
    for leftover in folder.glob("notices.db-*"):
        leftover.unlink()  # closed cleanly: SQLite checkpointed the WAL
    (folder / "notices.db").chmod(0o444)
    folder.chmod(0o555)
    try:
        yield folder / "notices.db"
    finally:
        folder.chmod(0o755)
        shutil.rmtree(top)


def test_stats_and_export_read_an_archive_they_cannot_write(read_only_archive: Path) -> None:
    env = {"NOTICES_DB_URL": f"sqlite:///{read_only_archive}"}
    assert not stat.S_IMODE(read_only_archive.parent.stat().st_mode) & 0o222
    stats = _notices(["stats"], env)
    assert stats.returncode == 0, stats.stderr
    assert "Notices per region" in stats.stdout and "site-a" in stats.stdout
    export = _notices(["export", "--format", "jsonl"], env)
    assert export.returncode == 0, export.stderr
    titles = sorted(json.loads(line)["title"] for line in export.stdout.splitlines())
    assert titles == ["通报1", "通报2"]
    assert "wrote 2 notices" not in export.stderr  # to stdout, no file
    assert sorted(p.name for p in read_only_archive.parent.iterdir()) == ["notices.db"]


SITE = "farm-api"


def test_a_crawl_into_a_read_only_archive_names_the_fault_once_and_spools(
    farm: Any, read_only_archive: Path
) -> None:
    spool_file = read_only_archive.parent.parent / "spool" / "spool.jsonl"
    url = f"sqlite:///{read_only_archive}"
    env = {**farm.env(), "NOTICES_DB_URL": url, "NOTICES_SPOOL": str(spool_file)}
    fast = [f"--set={k}={v}" for k, v in FAST.items()]
    # A site without attachment files: under root the crawl runs as `nobody`, who may not run
    # the interpreter again (it lives under /root here) to read them.
    crawl = _notices(["crawl", "--site", SITE, "--seeds", str(FARM_SEEDS), *fast], env)
    assert crawl.returncode == 1, crawl.stdout + crawl.stderr[-3000:]
    first = crawl.stdout.splitlines()[0]
    assert first.startswith(f"database {url} is read-only: attempt to write a readonly database")
    assert "pages spooled to" in first and "(the sites are not at fault)" in first
    assert crawl.stdout.count("is read-only") == 1
    rows = [line.replace("│", " ").split() for line in crawl.stdout.splitlines()]
    assert "yielded nothing" not in crawl.stdout and ["flagged", "sites", "none"] in rows
    assert next(r for r in rows if r[:1] == [SITE])[1] == "ok"  # fetched, though spooled
    contents = spool.load(spool_file)
    assert f"; {len(contents.pages)} pages spooled to {spool_file}," in first
    assert len(contents.pages) >= 7 and len(contents.runs) == 1
    assert contents.runs[0]["stats"]["notices/db/fault"] == "read-only"
    assert contents.runs[0]["site_outcomes"][SITE]["outcome"] == "ok"

    # Writable again: the next `db replay` writes every page and the run row.
    read_only_archive.parent.chmod(0o755)
    read_only_archive.chmod(0o644)
    replay = _notices(["db", "replay"], env, as_user=False)
    assert replay.returncode == 0, replay.stderr
    assert "crawl_run 1" in replay.stdout and f"inserted {len(contents.pages)}" not in (
        replay.stderr
    )
    assert not spool.pending(spool_file)
