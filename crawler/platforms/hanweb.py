"""Hanweb (大汉) jpage columns: `/col/col1536/index.html`, rows in `<datastore>` CDATA, more
groups from `dataproxy.jsp`."""

from __future__ import annotations

from crawler.paging import HanwebDataproxy
from crawler.platforms.profile import ROW_LIST, Profile, frozen

PROFILE = Profile(
    name="hanweb",
    # rows come from the <datastore> records, not from the (empty) visible list
    list_rules=ROW_LIST,
    pagination=frozen({"type": HanwebDataproxy.name, "method": "GET"}),
    content_selector="#zoom, .main-txt, .wzzw-article",
    markers=(r"<datastore>", r"dataproxy\.jsp", r"/col/col\d+/", r"/art/\d{4}/\d+/\d+/art_"),
)
