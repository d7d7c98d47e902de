"""The pipelines' preflight: every pipeline in ITEM_PIPELINES that declares one is called with the
crawl's settings, in order; the others are left alone."""

from __future__ import annotations

import json
from typing import Any

import pytest
from scrapy.settings import Settings

from crawler.preflight import check_pipelines
from pipelines.common.settings import SettingError

CALLS: list[tuple[str, Any]] = []


class Checked:
    @staticmethod
    def preflight(settings: Settings) -> None:
        CALLS.append(("checked", settings.get("X")))


class Refusing:
    @staticmethod
    def preflight(settings: Settings) -> None:
        raise SettingError("X is wrong")


class Plain:
    pass


def _settings(*names: str) -> Settings:
    pipelines = {f"{__name__}.{name}": 100 + i for i, name in enumerate(names)}
    return Settings({"ITEM_PIPELINES": json.dumps(pipelines), "X": "value"})


def test_pipelines_with_a_preflight_are_called() -> None:
    CALLS.clear()
    check_pipelines(_settings("Plain", "Checked"))
    assert CALLS == [("checked", "value")]


def test_a_refusal_propagates() -> None:
    with pytest.raises(SettingError, match="X is wrong"):
        check_pipelines(_settings("Checked", "Refusing"))


def test_a_disabled_pipeline_is_not_called() -> None:
    CALLS.clear()
    settings = Settings({"ITEM_PIPELINES": {f"{__name__}.Checked": None}})
    check_pipelines(settings)
    assert CALLS == []
