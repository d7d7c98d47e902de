"""What a platform declares: its default list rules, pagination, content selector, signatures."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from crawler.platforms.signature import Signature

# Content containers seen across platforms (gov-site-structures.md §17.4); the cleaner falls back
# to its own heuristics when none matches.
COMMON_CONTENT = (
    ".TRS_Editor, .TRS_UEDITOR, #zoom, #UCAP-CONTENT, .pages_content, #vsb_content,"
    " .v_news_content, .wzzw-article, .article-content, .news_cont_d_wrap, #NewsContent,"
    " .xxgk_content"
)


def frozen(d: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(d))


# `li > a + span`: the list row most platforms share.
ROW_LIST = frozen(
    {
        "item": "li",
        "link": "a @href",
        "title": ["a @title", "a"],
        "date": ["span", "em", "i"],
    }
)


# `list: auto`: rows found without selectors (crawler/autolist), the default of `generic`.
AUTO_LIST = frozen({"auto": True})


@dataclass(frozen=True, slots=True)
class Profile:
    """A seed names its platform and overrides only what differs. Selector syntax in rules:
    `"css"` takes the element's text, `"css @attr"` an attribute; a list means "first non-empty"."""

    name: str
    list_rules: Mapping[str, Any]
    pagination: Mapping[str, Any]  # {"type": a style of crawler/paging, plus its options}
    content_selector: str | None = COMMON_CONTENT
    api: Mapping[str, Any] = field(default_factory=dict)
    signatures: tuple[Signature, ...] = ()  # block signatures only this platform shows
    # regexes over a list page's URL and HTML that tell this platform (`notices sites add`)
    markers: tuple[str, ...] = ()
