"""Which URLs are the home's site."""

from __future__ import annotations

import pytest

from crawler.discover.scope import same_site, site_of


@pytest.mark.parametrize(
    ("host", "site"),
    [
        ("www.qx.gov.cn", "qx.gov.cn"),
        ("xxgk.qx.gov.cn", "qx.gov.cn"),
        ("WWW.QX.GOV.CN.", "qx.gov.cn"),
        ("jw.beijing.gov.cn", "beijing.gov.cn"),
        ("127.0.0.27", "127.0.0.27"),
        ("localhost", "localhost"),
    ],
)
def test_site_of(host: str, site: str) -> None:
    assert site_of(host) == site


@pytest.mark.parametrize(
    ("url", "same"),
    [
        ("http://www.qx.gov.cn/xsxc/", True),
        ("https://xxgk.qx.gov.cn/xczg/", True),  # a subdomain of the same site, either scheme
        ("http://www.qx.gov.cn:8080/a/", True),
        ("http://www.ccdi.gov.cn/", False),  # another site under the same public suffix
        ("http://www.12388.gov.cn/", False),
        ("ftp://www.qx.gov.cn/", False),
        ("http:///nohost", False),
    ],
)
def test_same_site(url: str, same: bool) -> None:
    assert same_site("http://www.qx.gov.cn/", url) is same


def test_an_address_is_only_itself() -> None:
    assert same_site("http://127.0.0.27:8000/", "http://127.0.0.27:8000/a/")
    assert not same_site("http://127.0.0.27:8000/", "http://127.0.0.28:8000/a/")
