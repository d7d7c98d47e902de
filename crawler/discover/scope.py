"""Which URLs belong to the site being discovered: the home's host and the other hosts of its
registrable domain (www.x.gov.cn, xxgk.x.gov.cn), never another site; an address is only itself."""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from urllib.parse import urlsplit

from tldextract import TLDExtract

# the public-suffix snapshot bundled with tldextract: discovery contacts nothing but the site
_EXTRACT = TLDExtract(suffix_list_urls=(), include_psl_private_domains=True)


@lru_cache(maxsize=1024)
def site_of(host: str) -> str:
    """The registrable domain of a host (x.gov.cn for www.x.gov.cn); an IP address or a name
    without a public suffix is its own site."""
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return host
    parts = _EXTRACT(host)
    return parts.top_domain_under_public_suffix or host


def same_site(home_url: str, url: str) -> bool:
    """`url` is an http(s) URL of the home's site."""
    parts, home = urlsplit(url), urlsplit(home_url)
    if parts.scheme not in ("http", "https") or not parts.hostname or not home.hostname:
        return False
    return site_of(parts.hostname) == site_of(home.hostname)
