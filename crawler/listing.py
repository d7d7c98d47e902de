"""List pages: pure extraction of (url, title, date) rows and of the next page to fetch.

No I/O and no Scrapy here: the spider feeds text in and turns `PageRequest`s into requests.
Pagination styles are described in `crawler/profiles.py`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector
from w3lib.url import canonicalize_url

from pipelines.common.dates import iso_date

_CDATA_RECORD_RE = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.DOTALL)
_NEXTGROUP_RE = re.compile(r"<nextgroup>\s*<!\[CDATA\[(.*?)\]\]>\s*</nextgroup>", re.DOTALL)
_TRS_CALL_RE = re.compile(
    r"createPageHTML\(\s*(\w+)\s*,\s*(\w+)\s*,\s*[\"']([\w-]+)[\"']\s*,\s*[\"'](\w+)[\"']"
)
_TRS_PAGER_RE = re.compile(
    r"Pager\(\{[^}]*?size\s*:\s*(\d+)[^}]*?prefix\s*:\s*[\"']([\w-]+)[\"'][^}]*?"
    r"suffix\s*:\s*[\"'](\w+)[\"']",
    re.DOTALL,
)
_STICKY_RE = re.compile(r"^\s*[\[【(（]?\s*置顶\s*[\]】)）]?\s*")
_SKIP_HREF = ("javascript:", "mailto:", "#", "tel:")
_NEXT_TEXTS = ("下一页", "下页", "下一頁", "后页", "下一页>", "下一页>>", ">", "›")


@dataclass(frozen=True, slots=True)
class ListEntry:
    url: str
    title: str | None
    date: str | None  # ISO YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class PageRequest:
    """A list page to fetch next: the spider turns it into a Scrapy request."""

    url: str
    page: int  # 1-based page (or group) number within its list source
    method: str = "GET"
    body: bytes | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


# --- dates and titles -------------------------------------------------------------------------


def clean_title(text: str | None) -> str | None:
    if not text:
        return None
    title = _STICKY_RE.sub("", " ".join(text.split()))
    return title or None


# --- selectors --------------------------------------------------------------------------------


def _as_list(rule: Any) -> list[str]:
    if rule is None:
        return []
    return [rule] if isinstance(rule, str) else list(rule)


def select_first(sel: Selector, rules: Any) -> str | None:
    """First non-empty value of `"css"` (text) or `"css @attr"` (attribute) rules; a rule
    starting with `/` or `(` is XPath (the same convention as the cleaner's selectors)."""
    for rule in _as_list(rules):
        css, _, attr = rule.partition(" @")
        css = css.strip()
        nodes = (sel.xpath(css) if css.startswith(("/", "(")) else sel.css(css)) if css else [sel]
        for node in nodes:
            value = node.attrib.get(attr.strip()) if attr else " ".join(node.css("::text").getall())
            if not attr and not value:
                value = " ".join(node.xpath(".//text()").getall())
            if value and value.strip():
                return " ".join(value.split())
    return None


# --- HTML list pages --------------------------------------------------------------------------


def datastore_records(text: str) -> list[str]:
    """Hanweb jpage rows: the CDATA of each `<record>` in a `<datastore>` (page or proxy XML)."""
    return _CDATA_RECORD_RE.findall(text)


def html_entries(text: str, base_url: str, rules: Mapping[str, Any]) -> list[ListEntry]:
    """Rows of a list page. Hanweb data islands win over the (empty) visible list.

    When some rows carry a date, undated rows (menus, footers) are dropped.
    """
    records = datastore_records(text)
    sel = Selector(text="<ul>" + "".join(records) + "</ul>") if records else Selector(text=text)
    entries: list[ListEntry] = []
    seen: set[str] = set()
    for item in sel.css(rules.get("item") or "li"):
        href = select_first(item, rules.get("link") or "a @href")
        if not href or href.strip().lower().startswith(_SKIP_HREF):
            continue
        url = urljoin(base_url, href.strip())
        if url in seen or not url.startswith(("http://", "https://")):
            continue
        seen.add(url)
        title = clean_title(select_first(item, rules.get("title")))
        date = iso_date(select_first(item, rules.get("date")))
        if date is None:
            date = iso_date(" ".join(item.xpath(".//text()").getall()))
        entries.append(ListEntry(url=url, title=title, date=date))
    if any(e.date for e in entries):
        entries = [e for e in entries if e.date]
    return entries


def next_link(text: str, base_url: str, selector: str | None = None) -> str | None:
    """The "next page" link: a configured `css @href`, VSB's `span.p_next a`, or a 下一页 anchor."""
    sel = Selector(text=text)
    if selector:
        href = select_first(sel, selector)
    else:
        href = sel.css("span.p_next a::attr(href), a[rel=next]::attr(href)").get()
        if not href:
            for a in sel.css("a[href]"):
                label = "".join(a.css("::text").getall()).strip()
                if label in _NEXT_TEXTS:
                    href = a.attrib["href"]
                    break
    if not href or href.strip().lower().startswith(_SKIP_HREF):
        return None
    return urljoin(base_url, href.strip())


def trs_page_count(text: str) -> tuple[int, str, str] | None:
    """(page count, file prefix, suffix) from a TRS `createPageHTML(...)` or `Pager({...})`."""
    m = _TRS_CALL_RE.search(text)
    if m:
        count_arg, prefix, suffix = m.group(1), m.group(3), m.group(4)
        if count_arg.isdigit():
            return int(count_arg), prefix, suffix
        v = re.search(rf"var\s+{re.escape(count_arg)}\s*=\s*(\d+)", text)
        if v:
            return int(v.group(1)), prefix, suffix
        return None
    p = _TRS_PAGER_RE.search(text)
    if p:
        return int(p.group(1)), p.group(2), p.group(3)
    return None


def trs_page_url(list_url: str, index: int, prefix: str, suffix: str) -> str:
    """TRS page number `index` (0-based): index.html, then index_1.html (the second page)…"""
    name = f"{prefix}.{suffix}" if index == 0 else f"{prefix}_{index}.{suffix}"
    return urljoin(list_url, name)


def with_query(url: str, **params: Any) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.update({k: str(v) for k, v in params.items()})
    return urlunsplit(parts._replace(query=urlencode(query)))


# --- Hanweb dataproxy -------------------------------------------------------------------------


def jpage_settings(text: str) -> dict[str, int]:
    """totalRecord / perPage / groupSize from the `jpage({...})` call of a Hanweb column page."""
    out: dict[str, int] = {}
    for key in ("totalRecord", "perPage", "groupSize"):
        m = re.search(rf"{key}\s*[:=]\s*['\"]?(\d+)", text)
        if m:
            out[key] = int(m.group(1))
    m = re.search(r"<totalrecord>\s*(\d+)\s*</totalrecord>", text)
    if m and "totalRecord" not in out:
        out["totalRecord"] = int(m.group(1))
    return out


def dataproxy_request(
    text: str, list_url: str, group: int, method: str, settings: Mapping[str, int]
) -> PageRequest | None:
    """The request for record group `group` (1-based) of a Hanweb column, GET or POST."""
    m = _NEXTGROUP_RE.search(text)
    href = Selector(text=m.group(1)).css("a::attr(href)").get() if m else None
    if not href:
        return None
    proxy = urljoin(list_url, href)
    if method.upper() == "GET":
        return PageRequest(url=with_query(proxy, page=group), page=group)
    per_page = settings.get("perPage", 15)
    group_size = settings.get("groupSize", 3)
    start = (group - 1) * per_page * group_size + 1
    end = start + per_page * group_size - 1
    parts = urlsplit(proxy)
    form = dict(parse_qsl(parts.query, keep_blank_values=True))
    form.pop("page", None)
    form.setdefault("col", "1")
    form.setdefault("sourceContentType", "1")
    url = urlunsplit(
        parts._replace(
            query=urlencode({"startrecord": start, "endrecord": end, "perpage": per_page})
        )
    )
    return PageRequest(
        url=url,
        page=group,
        method="POST",
        body=urlencode(form).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": list_url},
    )


def dataproxy_done(settings: Mapping[str, int], group: int) -> bool:
    """True when `group` already covers the column's last record (when the total is known)."""
    total = settings.get("totalRecord")
    if total is None:
        return False
    per_group = settings.get("perPage", 15) * settings.get("groupSize", 3)
    return group >= math.ceil(total / per_group)


# --- JSON list APIs ---------------------------------------------------------------------------


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


def api_request(api: Mapping[str, Any], list_url: str, page: int) -> PageRequest:
    """The request for page `page` of a JSON list API described by a seed's `api:` mapping."""
    size = api.get("page_size")
    url = urljoin(list_url, api.get("url") or list_url)
    if api.get("params"):
        url = with_query(url, **_fill(dict(api["params"]), page, size))
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
    return PageRequest(url=url, page=page, method=method, body=body, headers=headers)


def api_entries(
    data: Any, api: Mapping[str, Any], base_url: str
) -> tuple[list[ListEntry], int | None]:
    """Rows of one JSON API page, and the total the API claims (if it says)."""
    rows = _dig(data, api.get("results_path"))
    total = _dig(data, api.get("total_path")) if api.get("total_path") else None
    entries: list[ListEntry] = []
    for row in rows if isinstance(rows, list) else []:
        href = _dig(row, api.get("url_field", "url"))
        if not isinstance(href, str) or not href.strip():
            continue
        entries.append(
            ListEntry(
                url=urljoin(base_url, href.strip()),
                title=clean_title(str(_dig(row, api.get("title_field", "title")) or "")),
                date=iso_date(_dig(row, api.get("date_field", "date"))),
            )
        )
    return entries, total if isinstance(total, int) and not isinstance(total, bool) else None


def api_done(
    entries: Sequence[ListEntry], total: int | None, page: int, api: Mapping[str, Any]
) -> bool:
    """True when this API page is the last one: empty, or the total is covered."""
    if not entries:
        return True
    size = api.get("page_size") or len(entries)
    first = int(api.get("page_start", 1))
    return total is not None and (page - first + 1) * size >= total


# --- identity ---------------------------------------------------------------------------------

# Query parameters that only track how a reader arrived; they never select content.
_TRACKING = frozenset(
    {"spm", "from", "isappinstalled", "scene", "clicktime", "enterid", "share_token", "wfr"}
)
_VSB_DYNAMIC = re.compile(r"(?:^|/)content\.jsp$")


def canonical_url(url: str) -> str:
    """One key per notice: VSB `content.jsp?wbtreeid=&wbnewsid=` becomes `info/<tree>/<id>.htm`,
    https becomes http, default ports, tracking parameters and fragments go (w3lib canonical form).
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k not in _TRACKING and not k.startswith("utm_")
    ]
    path = parts.path or "/"
    if _VSB_DYNAMIC.search(path):
        q = dict(query)
        if q.get("wbtreeid") and q.get("wbnewsid"):
            path = path[: -len("content.jsp")] + f"info/{q['wbtreeid']}/{q['wbnewsid']}.htm"
            query = []
    return canonicalize_url(urlunsplit(("http", netloc, path, urlencode(query), "")))
