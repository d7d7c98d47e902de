"""A discovery's redirects stay within the home's site."""

from __future__ import annotations

import io
import urllib.request
from http.client import HTTPMessage

import pytest

from crawler.discover.fetching import _WithinSite


@pytest.mark.parametrize(
    ("target", "followed"),
    [
        ("http://www.qx.gov.cn/xsxc/index.html", True),
        ("https://xxgk.qx.gov.cn/xczg/", True),
        ("http://www.ccdi.gov.cn/", False),
        ("http://10.255.255.1/", False),
    ],
)
def test_a_redirect_is_followed_only_within_the_site(target: str, followed: bool) -> None:
    handler = _WithinSite("http://www.qx.gov.cn/")
    request = urllib.request.Request("http://www.qx.gov.cn/xsxc/")
    then = handler.redirect_request(request, io.BytesIO(), 302, "Found", HTTPMessage(), target)
    assert (then is not None) is followed
    if then is not None:
        assert then.full_url == target
