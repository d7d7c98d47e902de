"""Strict registry YAML: every bad file is one `FILE:LINE: ...` line; good files keep their lines."""

from __future__ import annotations

import codecs
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from crawler.seeds.located_yaml import Located, YamlError, compose

UNSET = "LOCATED_YAML_TEST_UNSET"


def _compose(tmp_path: Path, data: bytes) -> tuple[Path, Any, list[str]]:
    path = tmp_path / "a.yaml"
    path.write_bytes(data)
    errors: list[str] = []
    return path, compose(path, Located(path), errors), errors


@pytest.mark.parametrize(
    ("data", "line", "expected"),
    [
        (b"a:\n\tb: 1\n", "2:1", "tab used for indentation; YAML indents with spaces only"),
        (b"a:\n  b: 1\n  \tc: 2\n", "3:3", "tab used for indentation"),
        (b"a:\t1\n", "1:3", "tab character; YAML separates with spaces only"),
        (
            "regions:\n  - name: 安徽省\n".encode("gbk"),
            "2",
            "not UTF-8 (byte 0xb0 at offset 19); save it as UTF-8, e.g. with iconv -f GB18030",
        ),
        (codecs.BOM_UTF16_LE + "a: 1\n".encode("utf-16-le"), "1", "not UTF-8 (byte 0xff at"),
        (b"a: [1, 2\n", "2:1", "invalid YAML: expected ',' or ']', but got '<stream end>'"),
        (b"a: [1, 2\n", "2:1", "(while parsing a flow sequence from line 1)"),
        (b"a: b: c\n", "1:5", "invalid YAML: mapping values are not allowed here"),
        (
            b"a: 1\n---\nb: 2\n",
            "2:1",
            "invalid YAML: but found another document (expected a single document",
        ),
        (b"a: !custom 1\n", "1:4", "could not determine a constructor for the tag '!custom'"),
        (b"a: &x 1\nb: *x\n", "1", "&x: anchors and aliases are not allowed; write the value out"),
        (b"b: *x\n", "1", "*x: anchors and aliases are not allowed"),
        (b"a:\n  - &item {url: x}\n", "2", "&item: anchors and aliases are not allowed"),
        (b"a:\n  <<: {b: 1}\n", "2", "merge keys (<<) are not allowed"),
        (b"a:\n  ? [x, y]\n  : 1\n", "2", "a: a key must be plain text"),
        (b"a: \x01\n", "1", "control character U+0001 is not allowed"),
        (b"\n\nverified: 2024-13-45\n", "3", "verified: invalid value '2024-13-45': month must be"),
        (
            b"a:\n  - ${" + UNSET.encode() + b"}\n",
            "2",
            f"a[0]: environment variable {UNSET} is not set (use ${{VAR:-default}})",
        ),
        (b"[" * 5000, "", "nested too deeply to be a registry"),
    ],
)
def test_a_bad_file_is_one_line_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes, line: str, expected: str
) -> None:
    monkeypatch.delenv(UNSET, raising=False)
    with pytest.raises(YamlError) as err:
        _compose(tmp_path, data)
    message = str(err.value)
    where = f"{tmp_path / 'a.yaml'}:{line}: " if line else f"{tmp_path / 'a.yaml'}: "
    assert message.startswith(where), message
    assert expected in message and "\n" not in message, message


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        (
            "regions:\n  - 1\nregions: []\n",
            {"regions": [1]},
            ["a.yaml:3: regions: duplicate key 'regions' (first at line 1)"],
        ),
        (
            "regions:\n  - code: '1'\n    name: x\n    code: '2'\n    name: y\n",
            {"regions": [{"code": "1", "name": "x"}]},
            [
                "a.yaml:4: regions[0].code: duplicate key 'code' (first at line 2)",
                "a.yaml:5: regions[0].name: duplicate key 'name' (first at line 3)",
            ],
        ),
        (
            "a: {b: 1, b: 2}\n",
            {"a": {"b": 1}},
            ["a.yaml:1: a.b: duplicate key 'b' (first at line 1)"],
        ),
    ],
)
def test_every_duplicate_key_is_reported_and_the_first_kept(
    tmp_path: Path, text: str, value: Any, expected: list[str]
) -> None:
    _, data, errors = _compose(tmp_path, text.encode())
    assert [e.removeprefix(f"{tmp_path}/") for e in errors] == expected
    assert data == value  # the file still composes, so the registry checks still run on it


@pytest.mark.parametrize(
    ("data", "value"),
    [
        (codecs.BOM_UTF8 + b"a: 1\n", {"a": 1}),
        (b'a: "x\ty"\n', {"a": "x\ty"}),  # a tab inside quotes is text
        (b"a: |\n  x\n  \ty\n", {"a": "x\n\ty\n"}),  # and inside a block scalar
        ("a: 安徽\n".encode(), {"a": "安徽"}),
        (b"a: ${" + UNSET.encode() + b":-8080}\n", {"a": "8080"}),
        (b"", None),
    ],
)
def test_a_good_file_reads_as_usual(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes, value: Any
) -> None:
    monkeypatch.delenv(UNSET, raising=False)
    _, composed, errors = _compose(tmp_path, data)
    assert composed == value and errors == []


def test_lines_are_remembered_for_every_key(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("regions:\n  - code: '1'\n\n    sites:\n      - id: x\n", encoding="utf-8")
    loc = Located(path)
    compose(path, loc, [])
    assert loc.at(("regions", 0, "sites")) == f"{path}:4: regions[0].sites"  # the key's line
    assert loc.at(("regions", 0, "sites", 0)) == f"{path}:5: regions[0].sites[0]"
    assert loc.at(("regions", 0, "sites", 3, "id")) == f"{path}:4: regions[0].sites[3].id"


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
regions: *i
"""

# In a child process capped at 512 MB, so a loader that expands aliases fails this test instead of
# exhausting the machine (9 levels of 9 aliases would be 387 million strings).
_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (512 * 2**20, 512 * 2**20))
from pathlib import Path
from crawler.seeds.located_yaml import Located, YamlError, compose
path = Path(sys.argv[1])
try:
    compose(path, Located(path), [])
except YamlError as exc:
    print(exc)
"""


def test_billion_laughs_fails_fast_without_expanding(tmp_path: Path) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    started = time.monotonic()
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert child.returncode == 0 and child.stderr == "", child.stderr[-2000:]
    assert (
        child.stdout == f"{path}:1: &a: anchors and aliases are not allowed; write the value out\n"
    )
    assert time.monotonic() - started < 30
