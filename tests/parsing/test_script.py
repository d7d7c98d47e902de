from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import opencc
import pytest

from pipelines.parsing import parse_notice
from pipelines.parsing.script import (
    CHANGED_CHARS,
    inverse_table,
    is_traditional,
    may_change,
    restore,
    to_simplified,
)

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"

TRADITIONAL = (
    "中共南嶺縣衛生健康局黨組關於縣委巡察整改進展情況的通報\n"
    "根據縣委統一部署，2022年3月1日至4月15日，縣委第四巡察組對縣衛生健康局黨組開展了專項巡察。"
    "2022年5月20日，縣委第四巡察組向縣衛生健康局黨組反饋了巡察意見。現將巡察整改進展情況予以公佈。\n"
    "一、反饋問題整改落實情況\n"
    "（一）醫療衛生領域監管不到位。已開展醫療機構專項檢查2輪。\n"
    "（二）幹部隊伍建設存在短板。已選派12名年輕幹部到基層鍛鍊。\n"
    "中共南嶺縣衛生健康局黨組\n2022年8月30日"
)


def test_to_simplified_keeps_length() -> None:
    assert to_simplified("巡察組反饋問題") == "巡察组反馈问题"
    assert len(to_simplified(TRADITIONAL)) == len(TRADITIONAL)


def test_is_traditional() -> None:
    assert is_traditional(TRADITIONAL, to_simplified(TRADITIONAL))
    simplified = to_simplified(TRADITIONAL)
    assert not is_traditional(simplified, to_simplified(simplified))


def test_restore_maps_values_back_to_the_original_script() -> None:
    table = inverse_table("黨組反饋", "党组反馈")
    assert restore(("党组", "反馈意见"), table) == ("黨組", "反饋意见")


def test_traditional_repost_parses_like_simplified_and_keeps_values_as_written() -> None:
    record = parse_notice(TRADITIONAL)
    assert record.is_notice
    assert record.inspection_body == "縣委第四巡察組"
    assert record.inspection_level == "county"
    assert record.inspection_kinds == ("专项",)  # an enum of the contract, not a written value
    assert record.feedback_date == "2022-05-20"
    assert [p.title for p in record.problems] == ["醫療衛生領域監管不到位", "幹部隊伍建設存在短板"]
    assert record.signed_by == "中共南嶺縣衛生健康局黨組"


@pytest.mark.parametrize(
    ("opening", "committee"),
    [
        (
            "根據廣東省委統一部署，十三屆廣東省委第二巡視組對省衛生健康委黨組開展了巡視。",
            "广东省委",
        ),
        ("根據縣委統一部署，漳浦縣委第一巡察組對縣衛生健康局黨組開展了巡察。", "漳浦县委"),
    ],
)
def test_a_committee_is_named_in_simplified_as_the_vocabulary_gives_it(
    opening: str, committee: str
) -> None:
    text = f"關於巡察整改進展情況的通報\n{opening}現將整改情況予以公佈。\n一、整改情況\n已整改。"
    record = parse_notice(text)
    assert record.inspecting_committee == committee
    assert committee not in record.body_text  # the text as written stays traditional


def _table_files(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if node.get("type") == "ocd2":
            yield node["file"]
        for value in node.values():
            yield from _table_files(value)
    elif isinstance(node, list):
        for value in node:
            yield from _table_files(value)


def test_changed_chars_are_those_of_the_installed_tables(tmp_path: Path) -> None:
    """data/t2s_changed.txt against the tables of the OpenCC installed (data/README.md)."""
    clib = Path(opencc.__file__).parent / "clib"
    share = clib / "share" / "opencc"
    changed: set[str] = set()
    for name in _table_files(json.loads((share / "t2s.json").read_text(encoding="utf-8"))):
        out = tmp_path / f"{name}.txt"
        command: list[str | Path] = [clib / "bin" / "opencc_dict", "-i", share / name, "-o", out]
        subprocess.run([*command, "-f", "ocd2", "-t", "text"], check=True)
        for line in out.read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            for value in values.split(" "):
                if value != key and len(value) == len(key):
                    changed |= {k for k, v in zip(key, value, strict=True) if k != v}
                elif value != key:
                    changed |= set(key)
    assert set("".join(CHANGED_CHARS.read_text(encoding="utf-8").split())) == changed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("巡察组反馈问题整改情况的通报", False),
        ("巡察組反饋問題", True),
        ("覆盖全部问题", True),  # 覆 is changed in some phrases: converted, to be sure
        ("整改\U00020000台账", True),  # beyond the BMP: converted
        ("", False),
    ],
)
def test_may_change(text: str, expected: bool) -> None:
    assert may_change(text) is expected


def test_texts_that_cannot_change_convert_to_themselves() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
    unchanged = [t for t in texts if not may_change(t)]
    assert unchanged  # the simplified fixtures
    assert all(to_simplified(t) == t for t in unchanged)
