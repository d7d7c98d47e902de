"""Guangdong 政府信息公开 (gkmlpt): `/gkmlpt/index`, rows from the JSON
`/gkmlpt/api/all/<cat>?page=N&sid=…` (the seed's `api:` names the URL)."""

from __future__ import annotations

from crawler.paging import JsonApi
from crawler.platforms.profile import ROW_LIST, Profile, frozen

PROFILE = Profile(
    name="gkmlpt",
    list_rules=ROW_LIST,
    pagination=frozen({"type": JsonApi.name}),
    content_selector=".article-content, .content, #zoom",
    markers=(r"/gkmlpt/", r"/gkmlpt/api/"),
    api=frozen(
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
)
