"""Per-site overrides for the cleaner, read from a site's entry in `seeds/`."""

from __future__ import annotations

import codecs
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pipelines.cleaning.content import compile_selector


@dataclass(frozen=True, slots=True)
class SiteCleanRules:
    """Optional hints for one site. Selectors are CSS, or XPath when they start with '/' or '('."""

    content_selector: str | None = None
    title_selector: str | None = None
    date_selector: str | None = None
    extra_chrome: tuple[str, ...] = ()  # phrases; a body line containing one is dropped
    encoding: str | None = None  # forces the codec, e.g. 'gb18030'

    def __post_init__(self) -> None:
        # Fail when the seed is loaded, naming the selector, not on every page of the site.
        for selector in (self.content_selector, self.title_selector, self.date_selector):
            if selector:
                compile_selector(selector)
        if self.encoding:
            try:
                codecs.lookup(self.encoding)
            except LookupError as exc:
                raise ValueError(f"unknown encoding {self.encoding!r} in site rules") from exc

    @classmethod
    def from_mapping(cls, options: Mapping[str, Any] | None) -> SiteCleanRules:
        """Build rules from a seed mapping; unknown keys are ignored, empty values mean 'auto'.

        Raises ValueError (InvalidSelector) naming a bad selector or encoding.
        """
        options = options or {}

        def text(key: str) -> str | None:
            value = options.get(key)
            return str(value).strip() or None if value is not None else None

        extra = options.get("extra_chrome") or ()
        if isinstance(extra, str):
            extra = (extra,)
        encoding = text("encoding")
        return cls(
            content_selector=text("content_selector"),
            title_selector=text("title_selector"),
            date_selector=text("date_selector"),
            extra_chrome=tuple(str(p) for p in extra if str(p).strip()),
            encoding=None if encoding in (None, "auto") else encoding,
        )
