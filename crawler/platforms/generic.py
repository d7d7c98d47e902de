"""Everything else (DedeCMS `list_7_2.html`, JEECMS, PHPCMS, plain "下一页" links, tables): rows
and pager found on the page itself (`list: auto`, `pagination: auto`); seeds override the rest."""

from __future__ import annotations

from crawler.paging import Auto
from crawler.platforms.profile import AUTO_LIST, Profile, frozen

PROFILE = Profile(
    name="generic",
    list_rules=AUTO_LIST,
    pagination=frozen({"type": Auto.name}),
)
