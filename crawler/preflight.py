"""The item pipelines' preflight. Before a crawl starts, each class in `ITEM_PIPELINES` that has a
`preflight(settings)` is called with the crawl's settings, so what only a pipeline can check (the
database URL, the schema) is one line and exit 2 instead of a traceback once the reactor runs.
The classes are loaded by name, as Scrapy loads them."""

from __future__ import annotations

from scrapy.settings import BaseSettings
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import load_object


def check_pipelines(settings: BaseSettings) -> None:
    """Raise what a pipeline's `preflight` raises (a SettingError, by convention)."""
    for path in build_component_list(settings.getwithbase("ITEM_PIPELINES")):
        preflight = getattr(load_object(path), "preflight", None)
        if callable(preflight):
            preflight(settings)
