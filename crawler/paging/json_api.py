"""`json_api`: a JSON list API described by the seed's `api:` mapping (method, body, fields)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode, urljoin

from crawler import listing
from crawler.paging.style import Next, PagingStyle, ReadPage, Source
from pipelines.common.dates import iso_date


def _dig(data: Any, path: str | None) -> Any:
    if not path:
        return data
    for key in path.split("."):
        if isinstance(data, Mapping):
            data = data.get(key)
        elif isinstance(data, list) and key.isdigit() and int(key) < len(data):
            data = data[int(key)]
        else:
            return None
    return data


def _fill(template: Any, page: int, size: int | None) -> Any:
    """Replace "{page}" / "{size}" placeholders (whole values become ints) in a body or params."""
    if isinstance(template, str):
        if template == "{page}":
            return page
        if template == "{size}" and size is not None:
            return size
        return template.replace("{page}", str(page)).replace("{size}", str(size or ""))
    if isinstance(template, Mapping):
        return {k: _fill(v, page, size) for k, v in template.items()}
    if isinstance(template, list):
        return [_fill(v, page, size) for v in template]
    return template


def api_request(api: Mapping[str, Any], list_url: str, page: int) -> listing.PageRequest:
    """The request for page `page` of a JSON list API described by a seed's `api:` mapping."""
    size = api.get("page_size")
    url = urljoin(list_url, api.get("url") or list_url)
    if api.get("params"):
        url = listing.with_query(url, **_fill(dict(api["params"]), page, size))
    headers = {
        "X-Requested-With": "XMLHttpRequest",
        "Accept": "application/json",
        "Referer": list_url,
    }
    headers.update(api.get("headers") or {})
    method = str(api.get("method", "GET")).upper()
    body = None
    if method == "POST":
        payload = _fill(api.get("body") or {}, page, size)
        if api.get("body_format", "form") == "json":
            body = json.dumps(payload, ensure_ascii=False).encode()
            headers.setdefault("Content-Type", "application/json;charset=UTF-8")
        else:
            body = urlencode(payload).encode()
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
    return listing.PageRequest(url=url, page=page, method=method, body=body, headers=headers)


def api_entries(
    data: Any, api: Mapping[str, Any], base_url: str
) -> tuple[list[listing.ListEntry], int | None]:
    """Rows of one JSON API page, and the total the API claims (if it says)."""
    rows = _dig(data, api.get("results_path"))
    total = _dig(data, api.get("total_path")) if api.get("total_path") else None
    entries: list[listing.ListEntry] = []
    for row in rows[: listing.MAX_LIST_ROWS] if isinstance(rows, list) else []:
        href = _dig(row, api.get("url_field", "url"))
        if not isinstance(href, str) or not href.strip():
            continue
        entries.append(
            listing.ListEntry(
                url=urljoin(base_url, href.strip()),
                title=listing.clean_title(str(_dig(row, api.get("title_field", "title")) or "")),
                date=iso_date(_dig(row, api.get("date_field", "date"))),
            )
        )
    return entries, total if isinstance(total, int) and not isinstance(total, bool) else None


def api_done(
    entries: Sequence[listing.ListEntry], total: int | None, page: int, api: Mapping[str, Any]
) -> bool:
    """True when this API page is the last one: empty, or the total is covered."""
    if not entries:
        return True
    size = api.get("page_size") or len(entries)
    first = int(api.get("page_start", 1))
    return total is not None and (page - first + 1) * size >= total


class JsonApi(PagingStyle):
    """a JSON list API, described by an `api:` mapping (URL, method, body with `{page}`/`{size}`,
    `results_path`, field names, `total_path`); stops on an empty page or when the total is
    covered."""

    name = "json_api"
    needs_api = True

    def __init__(self, source: Source) -> None:
        super().__init__(source)
        self.api_page = int(self.api.get("page_start", 1))  # the API's number of the page read

    def first(self) -> listing.PageRequest:
        return api_request(self.api, self.url, self.api_page)

    def rows(
        self, text: str, url: str, rules: Mapping[str, Any]
    ) -> tuple[list[listing.ListEntry], int | None]:
        try:
            data = json.loads(text)
        except ValueError:
            return [], None
        return api_entries(data, self.api, url)

    def next(self, page: ReadPage) -> Next:
        if api_done(page.entries, page.total, self.api_page, self.api):
            return None, "last_page"
        self.api_page += 1
        return api_request(self.api, self.url, self.api_page), ""
