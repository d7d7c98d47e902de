"""A user's mistake is one line on stderr and exit code 2, for every entry point.

`USAGE_ERRORS` are the error types that mean "the input is wrong" (a value, a file, the
terminal), never "the code is wrong": the `notices` console script (crawler/cli `main`) and
`scrapy crawl notices` (crawler/commands/crawl.py) turn them into `one_line(exc)` and
`USAGE_EXIT`, while anything else still shows its traceback. Scrapy's own settings given with
`-s`/`--set` are typed here too: Scrapy would only fail on them deep inside the crawl.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from crawler import exit_codes
from crawler.seeds import SeedError
from pipelines.common.settings import SettingError

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

USAGE_EXIT = exit_codes.USAGE


class UsageError(ValueError):
    """A value the user gave cannot be used (an output path, the terminal's encoding)."""


USAGE_ERRORS: tuple[type[Exception], ...] = (UsageError, SeedError, SettingError)


def one_line(exc: BaseException) -> str:
    """`error: <message>` on one line, whatever the message's own line breaks."""
    return "error: " + (" ".join(str(exc).split()) or type(exc).__name__)


# An int default does not make an int setting (DOWNLOAD_DELAY defaults to 0 and takes 0.5): any
# number passes for a numeric default.
_GETTERS = {bool: "getbool", int: "getfloat", float: "getfloat"}


def _typed_defaults() -> Iterator[tuple[str, str]]:
    """(name, getter) of Scrapy's settings whose default is a number or a flag."""
    from scrapy.settings import default_settings  # imported by the commands that crawl only

    for name in dir(default_settings):
        value = getattr(default_settings, name)
        if name.isupper() and type(value) in _GETTERS:
            yield name, _GETTERS[type(value)]


@cache
def typed_scrapy_settings() -> dict[str, str]:
    return dict(_typed_defaults())


def check_scrapy_settings(settings: BaseSettings) -> None:
    """Raise SettingError for a Scrapy setting (DOWNLOAD_DELAY, RETRY_TIMES, …) whose value
    does not read as the number or flag its default is."""
    for name, getter in typed_scrapy_settings().items():
        raw: Any = settings.get(name)
        try:
            getattr(settings, getter)(name)
        except (TypeError, ValueError):
            kind = "true or false" if getter == "getbool" else "a number"
            raise SettingError(f"{name}={raw!r} (Scrapy setting) is not {kind}") from None
