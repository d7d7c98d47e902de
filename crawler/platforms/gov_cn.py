"""gov.cn-style portals: `content_<id>.htm` details in `#UCAP-CONTENT`, TRS-like script pager."""

from __future__ import annotations

from crawler.paging import TrsJs
from crawler.platforms.profile import ROW_LIST, Profile, frozen

PROFILE = Profile(
    name="gov_cn",
    list_rules=ROW_LIST,
    pagination=frozen({"type": TrsJs.name}),
    content_selector="#UCAP-CONTENT, .pages_content",
    markers=(r"UCAP-CONTENT", r"content_\d+\.htm", r"home_\d+\.htm"),
)
