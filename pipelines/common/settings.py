"""The settings registry: every NOTICES_* setting declared once, with its type, default, channel
and help text. Every component reads its settings with `read()`; the README's settings table is
generated from `SETTINGS` (`python -m pipelines.common.settings README.md`) and a test fails when
it drifts, as datasette documents its settings from their declaration.

A setting comes through the environment, a Scrapy setting (`-s KEY=VALUE`, `notices crawl --set`),
or either. With either, a Scrapy setting given for the run wins over the environment, which wins
over the default. An empty value counts as unset. A value of the wrong type raises SettingError,
whose message is one line naming the setting, the value and where it came from.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pipelines.common.generated import replace_between

T = TypeVar("T")


class Channel(enum.Enum):
    ENV = "environment"
    SCRAPY = "`-s` / `--set`"
    EITHER = "either (`-s` wins)"

    @property
    def reads_env(self) -> bool:
        return self is not Channel.SCRAPY

    @property
    def reads_scrapy(self) -> bool:
        return self is not Channel.ENV


class SettingError(ValueError):
    """A setting's value cannot be converted to the setting's type."""


_TYPE_NAMES: dict[Callable[[str], Any], str] = {int: "integer", float: "number", str: "text"}


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    name: str
    parse: Callable[[str], T]  # int, float or str: converts the text of a value
    default: T  # None: unset, the help text says what then happens
    channel: Channel
    help: str
    minimum: float | None = None  # the smallest value that makes sense (a count, size, delay)

    @property
    def type_name(self) -> str:
        return _TYPE_NAMES[self.parse]

    def convert(self, raw: object, source: str) -> T:
        # bool is an int to Python, but never a count or a size here
        if not isinstance(raw, bool):
            try:
                value = self.parse(str(raw).strip())
            except ValueError:
                pass
            else:
                if self.minimum is None or not isinstance(value, int | float):
                    return value
                if value >= self.minimum:
                    return value
                raise SettingError(
                    f"{self.name}={raw!r} ({source}) is below its minimum, {self.minimum:g}"
                )
        raise SettingError(f"{self.name}={raw!r} ({source}) is not {_article(self.type_name)}")


SETTINGS: dict[str, Setting[Any]] = {}


def _declare(
    name: str,
    parse: Callable[[str], T],
    default: T,
    channel: Channel,
    help: str,
    minimum: float | None = None,
) -> Setting[T]:
    if name in SETTINGS:
        raise ValueError(f"setting {name} is declared twice")
    setting = Setting(name, parse, default, channel, help, minimum)
    SETTINGS[name] = setting
    return setting


def _article(type_name: str) -> str:
    return ("an " if type_name[0] in "aeiou" else "a ") + type_name


# --- the declarations: one per setting -----------------------------------------------------------

DB_URL = _declare(
    "NOTICES_DB_URL",
    str,
    "sqlite:///data/notices.db",
    Channel.EITHER,
    "any SQLAlchemy URL (`sqlite:///…`, `postgresql+psycopg://user@host/db`)",
)
SEEDS = _declare(
    "NOTICES_SEEDS",
    str,
    None,
    Channel.ENV,
    "directory of the site registry (`-a seeds=PATH` wins); unset: the repository's `seeds/`",
)
SPOOL = _declare(
    "NOTICES_SPOOL",
    str,
    "data/spool.jsonl",
    Channel.EITHER,
    "where items go when the database cannot take them; replayed on the next run "
    "(`notices db replay`); pages the database rejects for their data go to "
    "`spool.rejected.jsonl` beside it",
)
DB_BATCH = _declare(
    "NOTICES_DB_BATCH",
    int,
    200,  # commits (fsync) dominate smaller batches
    Channel.EITHER,
    "pages written per transaction",
    minimum=1,
)
DB_RETRIES = _declare(
    "NOTICES_DB_RETRIES",
    int,
    3,
    Channel.EITHER,
    "retries of a batch when the database connection is lost, before the batch is spooled",
    minimum=0,
)
DB_RETRY_BACKOFF = _declare(
    "NOTICES_DB_RETRY_BACKOFF",
    float,
    1.0,
    Channel.EITHER,
    "seconds before the first retry of a database batch; doubles each time",
    minimum=0,
)
DB_TIMEOUT = _declare(
    "NOTICES_DB_TIMEOUT",
    float,
    30.0,
    Channel.EITHER,
    'seconds the store waits to connect, for a lock (SQLite "database is locked") or for one '
    "statement before the write counts as failed (retried, then spooled); the readers "
    "(`stats`, `export`) use it to connect",
)
MAX_PAGES = _declare(
    "NOTICES_MAX_PAGES",
    int,
    50,
    Channel.SCRAPY,
    "list pages per list URL when neither `-a max_pages` nor the seed says",
    minimum=1,
)
FRESH_DAYS = _declare(
    "NOTICES_FRESH_DAYS",
    int,
    14,
    Channel.SCRAPY,
    "days after a notice is first seen during which an incremental crawl fetches its page again "
    "(conditionally) while it is among the first NOTICES_FRESH_ROWS rows of its list, to see "
    "edits that leave the list row alone (0: never; docs/incremental.md)",
    minimum=0,
)
FRESH_ROWS = _declare(
    "NOTICES_FRESH_ROWS",
    int,
    20,
    Channel.SCRAPY,
    "first rows of each list in the fresh window (NOTICES_FRESH_DAYS), over the list pages a "
    "night reads: the most detail requests the window adds to a list URL a night (0: none)",
    minimum=0,
)
ATTACHMENT_MAXSIZE = _declare(
    "NOTICES_ATTACHMENT_MAXSIZE",
    int,
    20 * 1024 * 1024,
    Channel.SCRAPY,
    "bytes per attachment (20 MiB); larger files are recorded, not downloaded",
    minimum=1,
)
ATTACHMENT_TEXT_TIMEOUT = _declare(
    "NOTICES_ATTACHMENT_TEXT_TIMEOUT",
    float,
    20.0,
    Channel.SCRAPY,
    "seconds to read one attachment's text; a slower file keeps its bytes and an error",
    minimum=0.01,
)
ATTACHMENT_TEXT_MEMORY = _declare(
    "NOTICES_ATTACHMENT_TEXT_MEMORY",
    int,
    512 * 1024 * 1024,
    Channel.SCRAPY,
    "bytes of memory the reader of one attachment may use (512 MiB)",
    minimum=128 * 1024 * 1024,
)
ATTACHMENT_UNZIPPED_MAX = _declare(
    "NOTICES_ATTACHMENT_UNZIPPED_MAX",
    int,
    100 * 1024 * 1024,
    Channel.SCRAPY,
    "bytes a .docx may unzip to (100 MiB); a larger one (a zip bomb) is not read",
    minimum=1,
)
ATTACHMENT_PDF_PAGES = _declare(
    "NOTICES_ATTACHMENT_PDF_PAGES",
    int,
    500,
    Channel.SCRAPY,
    "pages of a PDF read for its text; a longer PDF is kept unread",
    minimum=1,
)
ATTACHMENT_READERS = _declare(
    "NOTICES_ATTACHMENT_READERS",
    int,
    2,
    Channel.SCRAPY,
    "attachments read at once, each in its own process, beside the downloads",
    minimum=1,
)
RETRY_BACKOFF = _declare(
    "NOTICES_RETRY_BACKOFF",
    float,
    2.0,
    Channel.SCRAPY,
    "seconds before the first retry of a 5xx, 429 or timeout; doubles each time",
    minimum=0,
)
RETRY_BACKOFF_MAX = _declare(
    "NOTICES_RETRY_BACKOFF_MAX",
    float,
    60.0,
    Channel.SCRAPY,
    "longest wait between two retries of a request, in seconds",
    minimum=0,
)
RETRY_AFTER_MAX = _declare(
    "NOTICES_RETRY_AFTER_MAX",
    float,
    300.0,
    Channel.SCRAPY,
    "longest `Retry-After` honoured, in seconds",
    minimum=0,
)
TEST_PG_URL = _declare(
    "NOTICES_TEST_PG_URL",
    str,
    None,
    Channel.ENV,
    "throwaway PostgreSQL database for the tests; unset: the PostgreSQL tests skip",
)
FARM_PORT = _declare(
    "NOTICES_FARM_PORT",
    int,
    None,
    Channel.ENV,
    "port of the local demo/test sites, set by `notices demo` and the tests; seeds refer to it "
    "as `${NOTICES_FARM_PORT}`",
    minimum=0,
)
BROKER_URL = _declare(
    "NOTICES_BROKER_URL",
    str,
    "amqp://guest:guest@127.0.0.1:5672/%2F",
    Channel.ENV,
    "RabbitMQ of distributed crawls (`notices crawl --distributed`, `notices worker`; "
    "docs/distributed.md)",
)
NIGHT_HOURS = _declare(
    "NOTICES_NIGHT_HOURS",
    float,
    12.0,
    Channel.EITHER,
    "hours a distributed crawl waits for its sites; a site not in by then (its job lost, no "
    "worker running) is recorded as lost, so the night ends partial instead of never",
    minimum=0,
)


# --- reading -------------------------------------------------------------------------------------


def read(
    setting: Setting[T],
    scrapy: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
) -> T:
    """The setting's value from the Scrapy settings, else the environment (os.environ unless
    given), as its channel allows; else its default."""
    if scrapy is not None and setting.channel.reads_scrapy:
        raw = scrapy.get(setting.name)
        if raw is not None and raw != "":
            return setting.convert(raw, "Scrapy setting")
    environ = os.environ if env is None else env
    if setting.channel.reads_env:
        text = environ.get(setting.name)
        if text:
            return setting.convert(text, "environment")
    return setting.default


def check(scrapy: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None) -> None:
    """Read every setting once, so a bad value stops a command before it starts."""
    for setting in SETTINGS.values():
        read(setting, scrapy, env)


def scrapy_defaults() -> dict[str, Any]:
    """The defaults of the Scrapy-only settings, for crawler/settings.py. Settings that the
    environment may also set stay out: a project default there would hide the environment."""
    return {s.name: s.default for s in SETTINGS.values() if s.channel is Channel.SCRAPY}


# --- the README's table --------------------------------------------------------------------------

TABLE_START = "<!-- settings: generated by `python -m pipelines.common.settings README.md` -->"
TABLE_END = "<!-- end of settings -->"


def markdown_table() -> str:
    rows = ["| setting | set through | type | default | meaning |", "|---|---|---|---|---|"]
    for s in SETTINGS.values():
        default = "unset" if s.default is None else f"`{s.default}`"
        rows.append(f"| `{s.name}` | {s.channel.value} | {s.type_name} | {default} | {s.help} |")
    return "\n".join(rows)


def with_table(readme: str) -> str:
    """The README text with the table between the markers replaced by the generated one."""
    return replace_between(readme, TABLE_START, TABLE_END, markdown_table() + "\n")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m pipelines.common.settings README.md", file=sys.stderr)
        return 2
    path = Path(argv[0])
    try:
        path.write_text(with_table(path.read_text(encoding="utf-8")), encoding="utf-8")
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
