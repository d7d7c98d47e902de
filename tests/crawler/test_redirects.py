"""The redirect policy (crawler/redirects.py): within the site's declared hosts, http(s) only,
no loops, bounded hops, internal addresses only where the site itself is."""

from __future__ import annotations

import pytest

from crawler.redirects import is_internal, refusal

SITE = "http://www.jw.gov.cn/xsxc/"
HOSTS = {"www.jw.gov.cn", "jw.gov.cn", "cdn.jw.gov.cn"}
ORIGINS = {("www.jw.gov.cn", 80)}
FARM = "http://127.0.0.19:8080/d/a.html"


@pytest.mark.parametrize(
    ("url", "target", "history", "why"),
    [
        (SITE, "https://www.jw.gov.cn/xsxc/", [], None),  # http -> https, same host
        (SITE, "http://jw.gov.cn/xsxc/1.html", [], None),  # www. either way
        (SITE, "http://cdn.jw.gov.cn/f.pdf", [], None),  # a declared alias
        (SITE, "http://www.other.gov.cn/x.html", [], "to another host (www.other.gov.cn)"),
        (SITE, "http://evil.jw.gov.cn.example/x", [], "to another host"),
        (SITE, "ftp://www.jw.gov.cn/x", [], "to another scheme (ftp:)"),
        (SITE, "javascript:alert(1)", [], "to another scheme (javascript:)"),
        (SITE, "http://10.0.0.8/admin", [], "to another host (10.0.0.8)"),
        (SITE, SITE, [], "a redirect loop"),
        ("http://www.jw.gov.cn/b", SITE, [SITE], "a redirect loop"),
        (
            SITE,
            "http://www.jw.gov.cn/6",
            [f"http://www.jw.gov.cn/{i}" for i in range(5)],
            "more than 5",
        ),
    ],
)
def test_redirects_stay_on_the_site(
    url: str, target: str, history: list[str], why: str | None
) -> None:
    got = refusal(url, target, hosts=HOSTS, origins=ORIGINS, history=history, max_hops=5)
    assert (got if why is None else (got or "")[: len(why)]) == why, got


@pytest.mark.parametrize(
    ("target", "refused"),
    [
        ("http://127.0.0.19:8080/d/b.html", False),  # the site is there
        ("http://127.0.0.19:22/", True),  # the same loopback address, another service
        ("http://127.0.0.20:8080/d/b.html", True),  # another loopback host
    ],
)
def test_internal_addresses_only_where_the_site_is(target: str, refused: bool) -> None:
    why = refusal(
        FARM,
        target,
        hosts={"127.0.0.19"},
        origins={("127.0.0.19", 8080)},
        history=[],
        max_hops=5,
    )
    assert (why is not None) == refused, why


@pytest.mark.parametrize(
    ("host", "internal"),
    [
        ("10.1.2.3", True),
        ("192.168.0.1", True),
        ("172.16.0.1", True),
        ("127.0.0.1", True),
        ("169.254.169.254", True),  # link-local: cloud metadata
        ("[::1]", True),
        ("fe80::1", True),
        ("8.8.8.8", False),
        ("www.gov.cn", False),  # names are not resolved
    ],
)
def test_internal_addresses(host: str, internal: bool) -> None:
    assert is_internal(host) is internal
