"""Settings checks the item pipelines declare. Before a crawl starts, each class in
`ITEM_PIPELINES` that has a `check_settings(settings)` is called with the crawl's settings, so a
value only a pipeline understands (the database URL) is one line and exit 2 instead of a
traceback once the reactor runs. The classes are loaded by name, as Scrapy loads them."""

from __future__ import annotations

from scrapy.settings import BaseSettings
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import load_object


def check_pipelines(settings: BaseSettings) -> None:
    """Raise what a pipeline's `check_settings` raises (a SettingError, by convention)."""
    for path in build_component_list(settings.getwithbase("ITEM_PIPELINES")):
        check = getattr(load_object(path), "check_settings", None)
        if callable(check):
            check(settings)
