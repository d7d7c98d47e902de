"""A broken registry stops `notices sites check`, `notices crawl` and `scrapy crawl notices` alike:
the same `FILE:LINE: ...` lines, exit code 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crawler.cli import app

ROOT = Path(__file__).resolve().parents[2]

SITE = """\
regions:
  - code: "{code}"
    name: 测试
    pinyin: t{code}
    sites:
      - id: s{code}
        name: 测试站
        platform: trs
        list_urls: ["http://127.0.0.1:1/a/"]
"""


def _site(code: str, old: str = "", new: str = "") -> bytes:
    return SITE.format(code=code).replace(old, new, 1).encode()


# file name → (its bytes, the one line every command must print for it)
BAD: dict[str, tuple[bytes, str]] = {
    "dup.yaml": (
        _site("990001", "    pinyin:", "    name: 又一个\n    pinyin:"),
        "dup.yaml:4: regions[0].name: duplicate key 'name' (first at line 3)",
    ),
    "tab.yaml": (
        _site("990002", "        platform:", "\tplatform:"),
        "tab.yaml:8:1: tab used for indentation; YAML indents with spaces only",
    ),
    "gbk.yaml": (
        SITE.format(code="990003").encode("gbk"),
        "gbk.yaml:3: not UTF-8 (byte 0xb2 at offset 38); save it as UTF-8, e.g. with iconv",
    ),
    "syntax.yaml": (
        _site("990004", '["http', '[["http'),
        "syntax.yaml:10:1: invalid YAML: expected ',' or ']', but got '<stream end>'",
    ),
    "laughs.yaml": (
        b'a: &a ["lol", "lol"]\nb: &b [*a, *a]\nregions: [*b, *b]\n',
        "laughs.yaml:1: &a: anchors and aliases are not allowed; write the value out",
    ),
    "unknown.yaml": (
        _site("990006", "list_urls:", "list_url:"),
        (
            "unknown.yaml:9: regions[0].sites[0].list_url: unknown key 'list_url' "
            "(did you mean 'list_urls'?)"
        ),
    ),
}
COMMANDS = {
    "sites check": ["sites", "check"],
    "crawl": ["crawl", "--region", "t990001"],
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name", BAD)
def test_each_mistake_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, command: str
) -> None:
    monkeypatch.setenv("SCRAPY_SETTINGS_MODULE", "crawler.settings")  # what `crawl` sets
    data, line = BAD[name]
    (tmp_path / name).write_bytes(data)
    result = CliRunner().invoke(app, [*COMMANDS[command], "--seeds", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert f"{tmp_path}/{line}" in result.output
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output


@pytest.mark.parametrize("region", [["-a", "region=t990001"], []])
def test_scrapy_crawl_prints_every_line_and_exits_2(tmp_path: Path, region: list[str]) -> None:
    for name, (data, _) in BAD.items():
        (tmp_path / name).write_bytes(data)
    run = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "notices", *region, "-a", f"seeds={tmp_path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 2, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    for _, line in BAD.values():
        assert f"{tmp_path}/{line}" in run.stderr
