"""`hanweb_dataproxy`: Hanweb jpage columns, whose records come in groups from `dataproxy.jsp`."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector

from crawler import listing
from crawler.paging.style import Next, Option, PagingStyle, ReadPage, Source

_NEXTGROUP_RE = re.compile(r"<nextgroup>\s*<!\[CDATA\[(.*?)\]\]>\s*</nextgroup>", re.DOTALL)


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
) -> listing.PageRequest | None:
    """The request for record group `group` (1-based) of a Hanweb column, GET or POST."""
    m = _NEXTGROUP_RE.search(text)
    href = Selector(text=m.group(1)).css("a::attr(href)").get() if m else None
    if not href:
        return None
    proxy = urljoin(list_url, href)
    if method.upper() == "GET":
        return listing.PageRequest(url=listing.with_query(proxy, page=group), page=group)
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
    return listing.PageRequest(
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


class HanwebDataproxy(PagingStyle):
    """records in `<datastore>` CDATA, more groups from `dataproxy.jsp` (`method: GET` with
    `page=N`, or `POST` with `startrecord/endrecord`)."""

    name = "hanweb_dataproxy"
    options = (Option("method", "choice", ("GET", "POST")),)

    def __init__(self, source: Source) -> None:
        super().__init__(source)
        self.jpage: dict[str, int] = {}  # the column's record counts, as pages reveal them
        self.column = ""  # the column page: its <nextgroup> names the proxy

    def next(self, page: ReadPage) -> Next:
        if page.number == 1:
            self.jpage = jpage_settings(page.text)
            self.column = page.text
        else:
            self.jpage.update(jpage_settings(page.text))
        if dataproxy_done(self.jpage, page.number):
            return None, "last_page"
        method = str(self.settings.get("method", "GET"))
        request = dataproxy_request(self.column, self.url, page.number + 1, method, self.jpage)
        return request, "no_next_group"
