"""Pagination styles: one small class per way a list pages, registered here by its seed name.

A seed's `pagination: {type: NAME, ...}` picks a style; `PAGINATION_TYPES` and the seed checks
come from this registry, and docs/adding-a-site.md lists the styles from their docstrings (a test
keeps it in step). To add a style: a module with a `PagingStyle` subclass, one line below, its
test, then the docs line the test prints.
"""

from __future__ import annotations

from crawler.paging.auto import Auto
from crawler.paging.hanweb_dataproxy import HanwebDataproxy
from crawler.paging.json_api import JsonApi
from crawler.paging.next_link import NextLink, VsbNext
from crawler.paging.none import SinglePage
from crawler.paging.page_param import PageParam
from crawler.paging.style import Option, PagingStyle, ReadPage, Source
from crawler.paging.template import Template
from crawler.paging.trs_js import TrsJs

STYLES: dict[str, type[PagingStyle]] = {
    style.name: style
    for style in (
        TrsJs,
        VsbNext,
        NextLink,
        HanwebDataproxy,
        JsonApi,
        Template,
        PageParam,
        SinglePage,
        Auto,
    )
}
PAGINATION_TYPES = tuple(STYLES)
# Keys every style accepts in `pagination:`, besides its own options.
COMMON_OPTIONS = (Option("type", "text"), Option("max_pages", "positive"))


def pager(source: Source) -> PagingStyle:
    """A fresh paging state for one list source (its `pagination.type` is a registered style)."""
    return STYLES[source.pagination["type"]](source)


__all__ = [
    "COMMON_OPTIONS",
    "PAGINATION_TYPES",
    "STYLES",
    "Auto",
    "HanwebDataproxy",
    "JsonApi",
    "NextLink",
    "Option",
    "PageParam",
    "PagingStyle",
    "ReadPage",
    "SinglePage",
    "Source",
    "Template",
    "TrsJs",
    "VsbNext",
    "pager",
]
