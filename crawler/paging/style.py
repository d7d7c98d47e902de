"""The interface every pagination style implements, and the seed keys a style may read.

A style is one small class per way a CMS pages its lists. The spider makes one instance per list
source (`crawler/pagination.py` keeps it in the source's cursor), so whatever a style must remember
between pages (Hanweb's record counts, an API's page number) lives on that instance, nowhere else.
Styles are pure: they get text and URLs, and answer with `PageRequest`s (no Scrapy, no I/O).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, Protocol

from crawler import autolist, listing


class Source(Protocol):
    """What a style reads from a list source (`crawler.seeds.ListSource` is one)."""

    @property
    def url(self) -> str: ...
    @property
    def pagination(self) -> Mapping[str, Any]: ...
    @property
    def api(self) -> Mapping[str, Any] | None: ...


@dataclass(frozen=True, slots=True)
class Option:
    """A key a style reads from `pagination:` in a seed, and what its value must be."""

    key: str
    kind: Literal["text", "selector", "integer", "positive", "choice"]
    choices: tuple[str, ...] = ()  # for "choice"
    required: bool = False


@dataclass(frozen=True, slots=True)
class ReadPage:
    """A list page the spider has read, as the style needs it to find the next one."""

    number: int  # 1-based page (or group) of the list source
    url: str  # where the page was answered from (after redirects)
    text: str
    entries: Sequence[listing.ListEntry]
    total: int | None  # rows the page says the list holds (JSON APIs), if it says


Next = tuple[listing.PageRequest | None, str]  # the next page, or None and why paging ends


class PagingStyle(ABC):
    """One pagination style. Subclasses set `name` (the seed's `type:`) and say in their
    docstring, which becomes the style's line in docs/adding-a-site.md, how they page."""

    name: ClassVar[str]
    options: ClassVar[tuple[Option, ...]] = ()
    needs_api: ClassVar[bool] = False  # the source must carry an `api:` mapping

    def __init__(self, source: Source) -> None:
        self.url = source.url
        self.settings = source.pagination
        self.api: Mapping[str, Any] = source.api or {}

    def first(self) -> listing.PageRequest:
        return listing.PageRequest(url=self.url, page=1)

    def rows(
        self, text: str, url: str, rules: Mapping[str, Any]
    ) -> tuple[list[listing.ListEntry], int | None]:
        """The rows of a list page (by the rules' selectors, or found automatically:
        crawler/autolist) and, when the page says it, how many the list holds."""
        return autolist.entries(text, url, rules), None

    @abstractmethod
    def next(self, page: ReadPage) -> Next:
        """The request for the page after `page`, or None and the reason paging ends."""
