"""List pages: pure extraction of (url, title, date) rows, and the page request type.

No I/O and no Scrapy here: the spider feeds text in and turns `PageRequest`s into requests.
How a list pages (and where a JSON API keeps its rows) is up to its style in `crawler/paging/`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector
from parsel.csstranslator import css2xpath
from w3lib.url import canonicalize_url

from pipelines.common.dates import iso_date

_CDATA_RECORD_RE = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.DOTALL)
_STICKY_RE = re.compile(r"^\s*[\[【(（]?\s*置顶\s*[\]】)）]?\s*")
# Hrefs that are not pages: scripts, mail, anchors, phone numbers.
SKIP_HREF = ("javascript:", "mailto:", "#", "tel:")
# Rows read per list page. Real lists show 10-100; a page of 100,000 links (a hostile or broken
# page) took 47 s and 225 MB to read in full, and would have sent as many requests.
MAX_LIST_ROWS = 2000
# Set in a site's list rules when its seed wrote its own selectors: rows they miss are reported
# (`layout_not_recognised`), not replaced by automatic ones (crawler/autolist), so a changed
# layout is seen.
OWN_SELECTORS = "own_selectors"


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


# How lists mark a title they cut short.
TRUNCATION = ("…", "...", "..", "．．．", "。。。")


def whole_title(shown: str, tooltip: str | None) -> str | None:
    """A row's whole title: the link text, or its tooltip when the text is cut short or empty;
    None when it is cut short and no tooltip holds it (the detail page's title is then taken)."""
    tooltip = " ".join((tooltip or "").split())
    cut = shown.rstrip()
    if cut.endswith(TRUNCATION):
        stem = cut.rstrip("".join(TRUNCATION)).strip()
        if (
            tooltip
            and len(tooltip) > len(stem)
            and tooltip.startswith(stem[: max(1, len(stem) // 2)])
        ):
            return tooltip
        return None
    return shown or tooltip or None


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

    When some rows carry a date, undated rows (menus, footers) are dropped. At most
    MAX_LIST_ROWS rows are read.
    """
    records = datastore_records(text)
    sel = Selector(text="<ul>" + "".join(records) + "</ul>") if records else Selector(text=text)
    entries: list[ListEntry] = []
    seen: set[str] = set()
    # the limit in the XPath itself: Selectors for the rows past it are never built
    rows = f"({css2xpath(rules.get('item') or 'li')})[position() <= {MAX_LIST_ROWS}]"
    for item in sel.xpath(rows):
        href = select_first(item, rules.get("link") or "a @href")
        if not href or href.strip().lower().startswith(SKIP_HREF):
            continue
        url = urljoin(base_url, href.strip())
        if url in seen or not url.startswith(("http://", "https://")):
            continue
        seen.add(url)
        shown = clean_title(select_first(item, rules.get("title")))
        # a profile's title selector may read the cut link text; the tooltip may hold it whole
        title = clean_title(whole_title(shown, select_first(item, "a @title"))) if shown else None
        date = iso_date(select_first(item, rules.get("date")))
        if date is None:
            date = iso_date(" ".join(item.xpath(".//text()").getall()))
        entries.append(ListEntry(url=url, title=title, date=date))
    if any(e.date for e in entries):
        entries = [e for e in entries if e.date]
    return entries


def with_query(url: str, **params: Any) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.update({k: str(v) for k, v in params.items()})
    return urlunsplit(parts._replace(query=urlencode(query)))


# --- identity ---------------------------------------------------------------------------------

# Query parameters that only track how a reader arrived; they never select content.
_TRACKING = frozenset(
    {"spm", "from", "isappinstalled", "scene", "clicktime", "enterid", "share_token", "wfr"}
)
_VSB_DYNAMIC = re.compile(r"(?:^|/)content\.jsp$")


def _bare(host: str) -> str:
    return host.removeprefix("www.")


def canonical_url(url: str, hosts: Collection[str] = ()) -> str:
    """One key per notice: VSB `content.jsp?wbtreeid=&wbnewsid=` becomes `info/<tree>/<id>.htm`,
    https becomes http, default ports, tracking parameters and fragments go (w3lib canonical form).

    On one of the site's own `hosts` the key also drops the port and `www.`: a site served on
    another port (the local farm), over https or with `www.` keeps its notices' identity. Another
    host keeps its port, which may be another server.
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port
    if _bare(host) in {_bare(h.lower()) for h in hosts}:
        netloc = _bare(host)
    else:
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
