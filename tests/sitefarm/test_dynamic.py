"""Dynamic farm behaviour: Hanweb dataproxy, the JSON list APIs, and the rate limiter."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from crawler.demo.http import Request
from tests.farm.catalog import SITES_DIR
from tests.farm.dynamic import (
    ApiSite,
    CookieChallengeSite,
    EpochSite,
    HanwebSite,
    RateLimitedSite,
)
from tests.farm.truth import load_truth

PROXY = "/module/web/jpage/dataproxy.jsp"
GET_QUERY = "appid=1&webid=7&path=/&columnid=1536&unitid=8821&permissiontype=0"
FORM = "application/x-www-form-urlencoded"
XHR = {"x-requested-with": "XMLHttpRequest"}


def request(method: str, path: str, query: str = "", body: bytes = b"", **headers: str) -> Request:
    return Request(method, path, query, headers, body, "127.0.0.12:18080")


@pytest.fixture(scope="module")
def hanweb() -> HanwebSite:
    return HanwebSite("farm-hanweb", "127.0.0.12", "", SITES_DIR / "farm-hanweb")


@pytest.fixture(scope="module")
def api() -> ApiSite:
    return ApiSite("farm-api", "127.0.0.15", "", SITES_DIR / "farm-api")


def records(body: bytes) -> list[str]:
    return re.findall(r"<record><!\[CDATA\[(.*?)\]\]></record>", body.decode(), re.DOTALL)


@pytest.mark.parametrize(("page", "count"), [(1, 15), (2, 12), (3, 0), (0, 0)])
def test_dataproxy_get_returns_groups_of_three_pages(
    hanweb: HanwebSite, page: int, count: int
) -> None:
    response = hanweb.handle(request("GET", PROXY, f"page={page}&{GET_QUERY}"))
    assert response.status == 200
    assert response.header("Content-Type") == "text/xml"
    assert "<totalrecord>27</totalrecord>" in response.body.decode()
    assert len(records(response.body)) == count


def test_dataproxy_fills_in_the_port_of_off_site_links(hanweb: HanwebSite) -> None:
    body = hanweb.handle(request("GET", PROXY, f"page=2&{GET_QUERY}")).body.decode()
    assert "http://127.0.0.11:18080/xsxc/xczg/" in body
    assert "{port}" not in body


def test_dataproxy_post_needs_the_form_body(hanweb: HanwebSite) -> None:
    query = "startrecord=16&endrecord=30&perpage=5"
    form = "col=1&appid=1&webid=7&path=/&columnid=1536&sourceContentType=1&unitid=8821&permissiontype=0"
    with_form = hanweb.handle(
        request("POST", PROXY, query, form.encode(), **{"content-type": FORM})
    )
    assert len(records(with_form.body)) == 12
    assert (
        records(with_form.body)[0]
        == json.loads((SITES_DIR / "farm-hanweb" / "_records.json").read_text(encoding="utf-8"))[
            "records"
        ][15]
    )
    without = hanweb.handle(request("POST", PROXY, query))
    assert (without.status, records(without.body)) == (200, [])


def test_hanweb_page_number_trap_serves_page_one_again(hanweb: HanwebSite) -> None:
    plain = hanweb.handle(request("GET", "/col/col1536/index.html"))
    trap = hanweb.handle(request("GET", "/col/col1536/index.html", "uid=8821&pageNum=2"))
    assert trap.body == plain.body


def form_list(api: ApiSite, page: int, headers: dict[str, str] | None = None) -> dict[str, Any]:
    body = f"channelId=1024&pageNo={page}&pageSize=5".encode()
    hdrs = {"content-type": FORM, **(XHR if headers is None else headers)}
    response = api.handle(Request("POST", "/api/content/list", "", hdrs, body, "127.0.0.15:18080"))
    assert response.status == 200
    data: dict[str, Any] = json.loads(response.body)
    return data


@pytest.mark.parametrize(("page", "count"), [(1, 5), (2, 5), (3, 5), (4, 1), (5, 0), (6, 0)])
def test_form_api_pages(api: ApiSite, page: int, count: int) -> None:
    data = form_list(api, page)
    assert data["code"] == 200
    assert data["data"]["total"] == 17  # one more than exists
    assert len(data["data"]["list"]) == count


def test_form_api_absolute_url_uses_the_requested_host(api: ApiSite) -> None:
    urls = [r["url"] for r in form_list(api, 2)["data"]["list"]]
    assert urls[1].startswith("http://127.0.0.15:18080/content/post_")
    assert all(u.startswith("/content/") for i, u in enumerate(urls) if i != 1)


def test_api_without_xhr_header_is_a_403_block_page(api: ApiSite) -> None:
    body = b"channelId=1024&pageNo=1&pageSize=5"
    response = api.handle(
        Request("POST", "/api/content/list", "", {"content-type": FORM}, body, "h")
    )
    assert response.status == 403
    assert "<title>访问受限</title>" in response.body.decode()


def test_api_get_is_a_json_405_with_http_200(api: ApiSite) -> None:
    response = api.handle(Request("GET", "/api/content/list", "", XHR, b"", "h"))
    assert (response.status, json.loads(response.body)["code"]) == (200, 405)


def test_json_api_returns_epoch_millisecond_dates(api: ApiSite) -> None:
    body = json.dumps({"channelId": "2048", "page": {"current": 1, "size": 20}}).encode()
    headers = {"content-type": "application/json", **XHR}
    data = json.loads(api.handle(Request("POST", "/api/v2/list", "", headers, body, "h")).body)
    rows = data["result"]["records"]
    assert len(rows) == data["result"]["total"] == 6
    assert all(isinstance(r["pubDate"], int) and r["pubDate"] > 10**12 for r in rows)
    body2 = json.dumps({"channelId": "2048", "page": {"current": 2, "size": 20}}).encode()
    page2 = json.loads(api.handle(Request("POST", "/api/v2/list", "", headers, body2, "h")).body)
    assert page2["result"]["records"] == []


def test_api_site_still_serves_its_static_pages(api: ApiSite) -> None:
    assert api.handle(request("GET", "/xcgz/zgtb/index.html")).status == 200


@pytest.fixture
def limited(tmp_path: Path) -> RateLimitedSite:
    source = SITES_DIR / "farm-waf"
    for name in ("_routes.json", "_limit.json"):
        (tmp_path / name).write_bytes((source / name).read_bytes())
    (tmp_path / "files").symlink_to(source / "files")
    return RateLimitedSite("farm-waf", "127.0.0.16", "", tmp_path)


def test_rate_limit_answers_429_then_recovers(
    limited: RateLimitedSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [100.0]
    monkeypatch.setattr("tests.farm.dynamic.time.monotonic", lambda: clock[0])
    statuses = [limited.handle(request("GET", "/e/list.html")).status for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    blocked = limited.handle(request("GET", "/e/list.html"))
    assert (blocked.status, blocked.header("Retry-After")) == (429, "2")
    assert limited.handle(request("GET", "/a/")).status == 412  # other paths are not limited
    clock[0] += 2.5
    assert limited.handle(request("GET", "/e/list.html")).status == 200


def test_reset_lifts_the_rate_limit(limited: RateLimitedSite) -> None:
    for _ in range(4):
        limited.handle(request("GET", "/e/list.html"))
    limited.reset()
    assert limited.handle(request("GET", "/e/list.html")).status == 200


@pytest.fixture
def mutable() -> EpochSite:
    return EpochSite("farm-mutable", "127.0.0.17", "", SITES_DIR / "farm-mutable")


def change_paths(case: str) -> str:
    truth = load_truth("farm-mutable", epoch=2)
    return next(c.path for c in truth.changes if c.case == case)


def test_epochs_switch_what_is_served(mutable: EpochSite) -> None:
    new = change_paths("new")
    assert mutable.handle(request("GET", new)).status == 404
    mutable.set_epoch(2)
    assert mutable.handle(request("GET", new)).status == 200
    mutable.reset()  # request state only: the epoch stays
    assert mutable.epoch == 2
    with pytest.raises(ValueError, match="has epochs \\[1, 2\\], not 3"):
        mutable.set_epoch(3)


@pytest.mark.parametrize(
    ("case", "status"),
    [("cosmetic", 200), ("edit_body", 200), ("hard_delete", 404), ("soft_delete", 200)],
)
def test_conditional_get_across_epochs(mutable: EpochSite, case: str, status: int) -> None:
    path = change_paths(case)
    etag = mutable.handle(request("GET", path)).header("ETag")
    assert etag
    mutable.set_epoch(2)
    assert (
        mutable.handle(Request("GET", path, "", {"if-none-match": etag}, b"", "h")).status == status
    )


def test_unchanged_pages_answer_304_in_the_next_epoch(mutable: EpochSite) -> None:
    truth = load_truth("farm-mutable", epoch=1)
    changed = {c.path for c in load_truth("farm-mutable", epoch=2).changes}
    unchanged = [p.path for p in truth.non_notices] + [
        n.path for n in truth.notices if n.path not in changed
    ]
    assert unchanged
    etags = {p: mutable.handle(request("GET", p)).header("ETag") for p in unchanged}
    mutable.set_epoch(2)
    for path, etag in etags.items():
        assert (
            mutable.handle(Request("GET", path, "", {"if-none-match": str(etag)}, b"", "h")).status
            == 304
        )


def test_moved_page_redirects_permanently(mutable: EpochSite) -> None:
    old = change_paths("moved")
    mutable.set_epoch(2)
    response = mutable.handle(request("GET", old))
    assert response.status == 301
    location = response.header("Location")
    assert location and mutable.handle(request("GET", location)).status == 200


@pytest.fixture
def ccdi() -> CookieChallengeSite:
    return CookieChallengeSite("farm-ccdi", "127.0.0.18", "", SITES_DIR / "farm-ccdi")


@pytest.mark.parametrize(
    ("cookie", "real"),
    [
        ("", False),
        ("HOY_TR=abcdef0123,1f2e,3a4b", False),  # one of two cookies
        ("HOY_TR=abcdef0123,1f2e,3a4b; HBB_HC=wrong", False),
        ("HBB_HC=9c8d7e; other=1; HOY_TR=abcdef0123,1f2e,3a4b", True),
    ],
)
def test_cookie_challenge_until_both_cookies_are_sent(
    ccdi: CookieChallengeSite, cookie: str, real: bool
) -> None:
    headers = {"cookie": cookie} if cookie else {}
    response = ccdi.handle(Request("GET", "/xsxcn/", "", headers, b"", "h"))
    assert response.status == 200
    body = response.body.decode()
    assert ("list_news_dl2" in body) is real
    assert ("location.reload()" in body) is not real


def test_challenge_script_names_the_cookies_the_truth_lists(ccdi: CookieChallengeSite) -> None:
    body = ccdi.handle(request("GET", "/xsxcn/202302/x.html")).body.decode()
    found = dict(re.findall(r'document\.cookie="([A-Z_]+)=([^;"]+); max-age', body))
    assert found == load_truth("farm-ccdi").js_cookies
    assert ccdi.handle(request("GET", "/robots.txt")).body.startswith(b"User-agent")
