"""Platform profiles: the default list, pagination and content rules of each CMS family.

A seed names its platform and overrides only what differs. Selector syntax used in rules:
`"css"` takes the element's text, `"css @attr"` an attribute; a list means "first non-empty".
Pagination types (see `crawler/listing.py`):

- `trs_js`: TRS `createPageHTML(count, current, "index", "html")` script, pages `index_N.html`
  (page 2 is `index_1.html`); falls back to next links when there is no script.
- `vsb_next`: follow the `span.p_next a` link (VSB numbers pages backwards; never compute them).
- `next_link`: follow a "下一页" style link (`next:` selector to override).
- `hanweb_dataproxy`: records in `<datastore>` CDATA, more groups from `dataproxy.jsp`
  (`method: GET` with `page=N`, or `POST` with `startrecord/endrecord`).
- `json_api`: a JSON list API (`api:` says method, body, fields); stops on an empty page or total.
- `template`: `pattern: "index_{n}.html"` (relative to the list URL) from `start:`; stops on a
  missing or repeated page.
- `page_param`: `param: page` set in the query from `start:`; a server that ignores it and serves
  page 1 again is detected and stopped (`repeat_page`).
- `none`: only the first page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

PAGINATION_TYPES = (
    "trs_js",
    "vsb_next",
    "next_link",
    "hanweb_dataproxy",
    "json_api",
    "template",
    "page_param",
    "none",
)

# Content containers seen across platforms (gov-site-structures.md §17.4); the cleaner falls back
# to its own heuristics when none matches.
_COMMON_CONTENT = (
    ".TRS_Editor, .TRS_UEDITOR, #zoom, #UCAP-CONTENT, .pages_content, #vsb_content,"
    " .v_news_content, .wzzw-article, .article-content, .news_cont_d_wrap, #NewsContent,"
    " .xxgk_content"
)


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    list_rules: Mapping[str, Any]
    pagination: Mapping[str, Any]
    content_selector: str | None = _COMMON_CONTENT
    api: Mapping[str, Any] = field(default_factory=dict)


def _frozen(d: dict[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(d)


_ROW_LIST = {
    "item": "li",
    "link": "a @href",
    "title": ["a @title", "a"],
    "date": ["span", "em", "i"],
}

PROFILES: dict[str, Profile] = {
    "trs": Profile(
        name="trs",
        list_rules=_frozen(dict(_ROW_LIST)),
        pagination=_frozen({"type": "trs_js"}),
        content_selector=".TRS_Editor, .TRS_UEDITOR, .article-body, #zoom, .pages_content",
    ),
    "hanweb": Profile(
        name="hanweb",
        # rows come from the <datastore> records, not from the (empty) visible list
        list_rules=_frozen(dict(_ROW_LIST)),
        pagination=_frozen({"type": "hanweb_dataproxy", "method": "GET"}),
        content_selector="#zoom, .main-txt, .wzzw-article",
    ),
    "vsb": Profile(
        name="vsb",
        # VSB's @title is often the site name; the real title is the <p> inside the link
        list_rules=_frozen({**_ROW_LIST, "item": "li", "title": ["a p", "a", "a @title"]}),
        pagination=_frozen({"type": "vsb_next"}),
        content_selector="#vsb_content, .v_news_content",
    ),
    "gov_cn": Profile(
        name="gov_cn",
        list_rules=_frozen(dict(_ROW_LIST)),
        pagination=_frozen({"type": "trs_js"}),
        content_selector="#UCAP-CONTENT, .pages_content",
    ),
    "gkmlpt": Profile(
        name="gkmlpt",
        list_rules=_frozen(dict(_ROW_LIST)),
        pagination=_frozen({"type": "json_api"}),
        content_selector=".article-content, .content, #zoom",
        api=_frozen(
            {
                "method": "GET",
                "params": {"page": "{page}"},
                "results_path": "articles",
                "title_field": "title",
                "url_field": "url",
                "date_field": "created_at",
                "page_start": 1,
            }
        ),
    ),
    "generic": Profile(
        name="generic",
        list_rules=_frozen(dict(_ROW_LIST)),
        pagination=_frozen({"type": "next_link"}),
    ),
}
