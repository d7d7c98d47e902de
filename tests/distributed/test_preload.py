"""The forkserver's preload: Scrapy's components named in the settings. (That it installs no
reactor is shown by every site crawled in tests/distributed/test_farm_run.py: a site's crawl
refuses a reactor other than the asyncio one.)"""

from __future__ import annotations

from typing import Any

import pytest

from crawler.cli.distributed.preload import component_paths


@pytest.mark.parametrize(
    ("settings", "paths"),
    [
        (
            {"DOWNLOADER": "scrapy.core.downloader.Downloader"},
            ["scrapy.core.downloader.Downloader"],
        ),
        ({"DOWNLOADER": "crawler.politeness.Downloader"}, []),  # the project's own: not preloaded
        (
            {"DOWNLOAD_HANDLERS_BASE": {"http": "scrapy.x.H", "s3": None}, "X": {"scrapy.m.M": 5}},
            ["scrapy.x.H", "scrapy.m.M"],
        ),
        ({"SPIDER_MODULES": ["crawler.spiders"], "LOG_LEVEL": "INFO", "RETRY_TIMES": 3}, []),
        ({"L": ["scrapy.a.B", 3]}, ["scrapy.a.B"]),
    ],
)
def test_component_paths(settings: dict[str, Any], paths: list[str]) -> None:
    assert list(component_paths(settings)) == paths
