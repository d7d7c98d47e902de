"""The settings registry (pipelines/common/settings.py): channels, precedence, conversion, errors,
the Scrapy defaults and the README table it generates."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import crawler.settings as project_settings
from pipelines.common import settings
from pipelines.common.settings import Channel, Setting, SettingError

ROOT = Path(__file__).resolve().parents[2]

EITHER = Setting("NOTICES_T", int, 1, Channel.EITHER, "t")
ENV = Setting("NOTICES_T", int, 1, Channel.ENV, "t")
SCRAPY = Setting("NOTICES_T", int, 1, Channel.SCRAPY, "t")


@pytest.mark.parametrize(
    ("setting", "scrapy", "env", "expected"),
    [
        (EITHER, {"NOTICES_T": "3"}, {"NOTICES_T": "2"}, 3),  # -s wins over the environment
        (EITHER, {}, {"NOTICES_T": "2"}, 2),
        (EITHER, {"NOTICES_T": ""}, {"NOTICES_T": "2"}, 2),  # empty is unset
        (EITHER, {"NOTICES_T": None}, {}, 1),
        (EITHER, None, {}, 1),
        (ENV, {"NOTICES_T": "3"}, {}, 1),  # an environment-only setting ignores Scrapy's
        (ENV, {"NOTICES_T": "3"}, {"NOTICES_T": "2"}, 2),
        (SCRAPY, {}, {"NOTICES_T": "2"}, 1),  # a Scrapy-only setting ignores the environment
        (SCRAPY, {"NOTICES_T": 4}, {}, 4),
    ],
)
def test_read_follows_the_channel_and_precedence(
    setting: Setting[int], scrapy: dict[str, Any] | None, env: dict[str, str], expected: int
) -> None:
    assert settings.read(setting, scrapy, env) == expected


def test_read_takes_the_process_environment_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOTICES_T", "9")
    assert settings.read(ENV) == 9
    monkeypatch.delenv("NOTICES_T")
    assert settings.read(ENV) == 1


@pytest.mark.parametrize(
    ("parse", "raw", "expected"),
    [
        (int, "7", 7),
        (int, " 7 ", 7),
        (int, 7, 7),
        (float, "0.5", 0.5),
        (float, 2, 2.0),
        (float, "0", 0.0),
        (str, "data/x.jsonl", "data/x.jsonl"),
        (str, Path("x"), "x"),
    ],
)
def test_values_are_converted_to_the_settings_type(parse: Any, raw: object, expected: Any) -> None:
    setting = Setting("NOTICES_T", parse, None, Channel.SCRAPY, "t")
    assert settings.read(setting, {"NOTICES_T": raw}, {}) == expected
    assert type(settings.read(setting, {"NOTICES_T": raw}, {})) is type(expected)


@pytest.mark.parametrize(
    ("setting", "scrapy", "env", "message"),
    [
        (EITHER, {}, {"NOTICES_T": "abc"}, "NOTICES_T='abc' (environment) is not an integer"),
        (EITHER, {"NOTICES_T": "2.5"}, {}, "NOTICES_T='2.5' (Scrapy setting) is not an integer"),
        (SCRAPY, {"NOTICES_T": True}, {}, "NOTICES_T=True (Scrapy setting) is not an integer"),
        (
            Setting("NOTICES_F", float, 1.0, Channel.ENV, "f"),
            {},
            {"NOTICES_F": "soon"},
            "NOTICES_F='soon' (environment) is not a number",
        ),
        (
            Setting("NOTICES_N", int, 1, Channel.ENV, "n", minimum=1),
            {},
            {"NOTICES_N": "-3"},
            "NOTICES_N='-3' (environment) is below its minimum, 1",
        ),
        (
            Setting("NOTICES_N", int, 1, Channel.ENV, "n", minimum=1),
            {},
            {"NOTICES_N": "0"},
            "NOTICES_N='0' (environment) is below its minimum, 1",
        ),
    ],
)
def test_a_bad_value_is_one_line_naming_setting_value_and_source(
    setting: Setting[Any], scrapy: dict[str, Any], env: dict[str, str], message: str
) -> None:
    with pytest.raises(SettingError) as info:
        settings.read(setting, scrapy, env)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("scrapy", "env"),
    [
        ({}, {"NOTICES_DB_BATCH": "abc"}),
        ({"NOTICES_MAX_PAGES": "many"}, {}),
        ({}, {"NOTICES_FARM_PORT": "x"}),
        ({}, {"NOTICES_DB_BATCH": "0"}),  # a count, a size or a wait is never negative
        ({"NOTICES_MAX_PAGES": "-1"}, {}),
        ({"NOTICES_ATTACHMENT_READERS": "0"}, {}),
        ({"NOTICES_RETRY_BACKOFF": "-2.5"}, {}),
    ],
)
def test_check_reads_every_declared_setting(scrapy: dict[str, str], env: dict[str, str]) -> None:
    with pytest.raises(SettingError):
        settings.check(scrapy, env)


def test_check_passes_on_the_defaults() -> None:
    settings.check({}, {})


def test_a_name_is_declared_once() -> None:
    with pytest.raises(ValueError, match="NOTICES_DB_URL is declared twice"):
        settings._declare("NOTICES_DB_URL", str, "x", Channel.ENV, "again")


def test_every_default_has_its_settings_type() -> None:
    for s in settings.SETTINGS.values():
        assert s.default is None or type(s.default) is s.parse, s.name


def test_every_setting_the_code_names_is_declared() -> None:
    names: set[str] = set()
    for package in ("crawler", "pipelines", "models", "migrations"):
        for path in (ROOT / package).rglob("*.py"):
            names.update(re.findall(r"\bNOTICES_[A-Z_]+[A-Z]\b", path.read_text(encoding="utf-8")))
    assert names, "no settings found: the pattern is wrong"
    assert sorted(names - set(settings.SETTINGS)) == []


def test_the_project_settings_carry_exactly_the_scrapy_only_defaults() -> None:
    declared = {k: getattr(project_settings, k) for k in dir(project_settings) if "NOTICES_" in k}
    assert declared == settings.scrapy_defaults()
    assert declared["NOTICES_RETRY_BACKOFF"] == 2.0  # the default settings.py had, not 1.0
    # a Scrapy default of a setting the environment may set would hide the environment
    assert not any(settings.SETTINGS[k].channel.reads_env for k in declared)


def test_the_table_has_one_row_per_setting_in_declaration_order() -> None:
    rows = settings.markdown_table().splitlines()[2:]
    assert [r.split("`")[1] for r in rows] == list(settings.SETTINGS)
    assert "| `NOTICES_DB_BATCH` | either (`-s` wins) | integer | `200` |" in rows[3]
    assert "| `NOTICES_SEEDS` | environment | text | unset |" in rows[1]


def test_with_table_replaces_only_between_the_markers() -> None:
    text = f"intro\n{settings.TABLE_START}\nold\n{settings.TABLE_END}\noutro\n"
    out = settings.with_table(text)
    assert out.startswith(f"intro\n{settings.TABLE_START}\n| setting |")
    assert out.endswith(f"\n{settings.TABLE_END}\noutro\n") and "old" not in out
    assert settings.with_table(out) == out
    with pytest.raises(ValueError, match="lacks the markers"):
        settings.with_table("no markers here")


def test_main_rewrites_the_file_or_says_why_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"{settings.TABLE_START}\n{settings.TABLE_END}\n", encoding="utf-8")
    assert settings.main([str(readme)]) == 0
    assert "`NOTICES_DB_URL`" in readme.read_text(encoding="utf-8")
    assert settings.main([str(tmp_path / "missing.md")]) == 2
    assert settings.main([]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("error: ") and err[1].startswith("usage: ")


def test_a_value_at_its_minimum_is_taken() -> None:
    assert settings.read(settings.DB_RETRIES, {}, {"NOTICES_DB_RETRIES": "0"}) == 0
    assert settings.read(settings.MAX_PAGES, {"NOTICES_MAX_PAGES": "1"}) == 1
