"""Everything else (DedeCMS `list_7_2.html`, JEECMS, plain "下一页" links, tables): the common
row and a next link; seeds override the rest."""

from __future__ import annotations

from crawler.paging import NextLink
from crawler.platforms.profile import ROW_LIST, Profile, frozen

PROFILE = Profile(
    name="generic",
    list_rules=ROW_LIST,
    pagination=frozen({"type": NextLink.name}),
)
