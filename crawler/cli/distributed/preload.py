"""What the forkserver imports once for every site's crawl: Scrapy's own components, which Scrapy
imports lazily while a crawl starts (its TLS context factory alone takes seconds, on this
machine most of a small site's crawl).

Scrapy's, and the project's modules named below: not the project's components in general, since
one may import `twisted.internet.reactor` (the retry middleware does), which would install the
default reactor in the forkserver, and every site's process would inherit it (and its epoll
descriptor) instead of starting the asyncio reactor of its own (Scrapy would then refuse to
crawl: tests/distributed/test_farm_run.py would fail).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator, Mapping
from typing import Any

from scrapy.utils.misc import load_object
from scrapy.utils.project import get_project_settings

from models.db import head_revisions
from pipelines.cleaning.vocab import traditional_chrome

_SCRAPY = "scrapy."
# the spider, the pipelines and the Spidermon extension (with its jsonschema): a second a site
PROJECT_MODULES = (
    "crawler.spiders.notices",
    "pipelines.clean",
    "pipelines.parse",
    "pipelines.store",
    "spidermon.contrib.scrapy.extensions",
    "psycopg",
    "alembic.script",
)


def component_paths(settings: Mapping[str, Any]) -> Iterator[str]:
    """The dotted paths of Scrapy's components named in `settings`: as values, in lists, and as
    the keys (middlewares, extensions) or values (download handlers) of dicts."""
    for value in settings.values():
        if isinstance(value, str):
            names: Any = [value]
        elif isinstance(value, Mapping):
            names = [*value.keys(), *value.values()]
        elif isinstance(value, list | tuple):
            names = value
        else:
            continue
        yield from (n for n in names if isinstance(n, str) and n.startswith(_SCRAPY))


def warm_up() -> int:
    """Import Scrapy's components of the project's settings and `PROJECT_MODULES`, and build what
    the project builds on first use: the cleaner's traditional-script patterns (a third of a
    site's CPU, 0.14 s, when each site's process built its own) and the migrations' heads (the
    store checks them twice a site); returns how many of Scrapy's components loaded."""
    for module in PROJECT_MODULES:
        importlib.import_module(module)
    traditional_chrome()
    head_revisions()
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    settings = get_project_settings()
    loaded = 0
    for path in component_paths(dict(settings.items())):
        try:
            load_object(path)
        except Exception:  # noqa: BLE001, S112 - optional ones (h2, S3) lack their packages; a crawl that needs them fails later itself
            continue
        loaded += 1
    return loaded
