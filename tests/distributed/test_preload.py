"""The forkserver's preload: Scrapy's components, and never a reactor (each site's process must
install its own)."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from crawler.distributed.preload import component_paths


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


def test_the_preload_installs_no_reactor() -> None:
    code = (
        "import sys, crawler.distributed.site_crawl as s;"
        "from crawler.distributed.preload import warm_up;"
        "print(warm_up() > 10, 'twisted.internet.reactor' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["True", "False"]
