"""Platforms: one module per CMS family, each declaring its `Profile` (default list rules,
pagination style, content selector).

`PLATFORMS` is what a seed's `platform:` may name. To add a platform: a module with its `PROFILE`, one
line below, and its fixture (a farm site or saved pages) in tests/platforms.
"""

from __future__ import annotations

from crawler.platforms import generic, gkmlpt, gov_cn, hanweb, trs, vsb
from crawler.platforms.profile import Profile

PLATFORMS: dict[str, Profile] = {
    module.PROFILE.name: module.PROFILE for module in (trs, hanweb, vsb, gov_cn, gkmlpt, generic)
}

__all__ = ["PLATFORMS", "Profile"]
