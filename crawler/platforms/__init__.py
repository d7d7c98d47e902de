"""Platforms: one module per CMS family, each declaring its `Profile` (default list rules,
pagination style, content selector, and the block signatures only it shows).

`PLATFORMS` is what a seed's `platform:` may name; `SIGNATURES` are the platform-declared block
signatures `crawler/blocks.py` evaluates. To add a platform: a module with its `PROFILE`, one
line below, and its fixture (a farm site or saved pages) in tests/platforms.
"""

from __future__ import annotations

from crawler.platforms import generic, gkmlpt, gov_cn, hanweb, trs, vsb
from crawler.platforms.profile import Profile
from crawler.platforms.signature import Signature

PLATFORMS: dict[str, Profile] = {
    module.PROFILE.name: module.PROFILE for module in (trs, hanweb, vsb, gov_cn, gkmlpt, generic)
}
SIGNATURES: tuple[Signature, ...] = tuple(s for p in PLATFORMS.values() for s in p.signatures)

__all__ = ["PLATFORMS", "SIGNATURES", "Profile", "Signature"]
