"""The redirect policy (crawler/redirects.py): within the site's declared hosts, http(s) only,
no loops, bounded hops, internal addresses only where the site itself is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from crawler import run_context
from crawler.outcomes import SiteOutcome
from crawler.redirects import RedirectPolicyMiddleware, is_internal, refusal
from crawler.run_context import RunContext

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


SEED = """\
regions:
  - code: "340000"
    name: 安徽省
    pinyin: anhui
    sites:
      - id: jw
        name: 纪委
        platform: trs
        list_urls: ["http://www.jw.gov.cn/xsxc/"]
"""


@pytest.fixture
def middleware(tmp_path: Path) -> tuple[RedirectPolicyMiddleware, SiteOutcome]:
    (tmp_path / "jw.yaml").write_text(SEED, encoding="utf-8")
    context = RunContext.for_run("anhui", None, str(tmp_path))
    crawler = get_crawler()
    run_context.attach(crawler, context)
    return RedirectPolicyMiddleware.from_crawler(crawler), context.outcomes["jw"]


def _redirect(url: str, location: str, meta: dict[str, Any]) -> tuple[Request, Response]:
    request = Request(url, meta=meta)
    return request, Response(url, status=302, headers={"Location": location}, request=request)


def test_a_refused_redirect_is_recorded_on_the_site(
    middleware: tuple[RedirectPolicyMiddleware, SiteOutcome],
) -> None:
    mw, outcome = middleware
    request, response = _redirect(
        "http://www.jw.gov.cn/xsxc/t1.html",
        "http://10.0.0.8/admin",
        {"site_id": "jw", "kind": "detail"},
    )
    with pytest.raises(IgnoreRequest, match="redirect refused: to another host"):
        mw.process_response(request, response)
    assert outcome.problems == {"redirect_refused": 1}
    assert outcome.samples[0]["url"] == "http://www.jw.gov.cn/xsxc/t1.html"


def test_an_allowed_redirect_passes_to_scrapy(
    middleware: tuple[RedirectPolicyMiddleware, SiteOutcome],
) -> None:
    mw, outcome = middleware
    request, response = _redirect(
        "http://www.jw.gov.cn/xsxc/t1.html", "/xsxc/t2.html", {"site_id": "jw", "kind": "detail"}
    )
    assert mw.process_response(request, response) is response
    assert not outcome.problems


def test_a_request_of_no_site_stays_on_its_host(
    middleware: tuple[RedirectPolicyMiddleware, SiteOutcome],
) -> None:
    mw, _ = middleware
    request, response = _redirect("http://www.jw.gov.cn/robots.txt", "http://cdn.x.cn/r.txt", {})
    with pytest.raises(IgnoreRequest):
        mw.process_response(request, response)
    request, response = _redirect("http://www.jw.gov.cn/robots.txt", "/robots2.txt", {})
    assert mw.process_response(request, response) is response
