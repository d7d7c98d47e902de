"""The ground truth agrees with what the farm serves: every page, link, status and attachment."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import docx
import pypdf
import pytest

from crawler.demo.http import route_key
from tests.farm import Farm, SiteTruth, load_truth, start_farm
from tests.farm.catalog import site_ids
from tests.farm.truth import AttachmentTruth

ALL_SITES = site_ids("all")
# Every site as first served, and the sites that change as served in epoch 2.
SERVED = [*ALL_SITES, "farm-mutable@2", "farm-etag@2", "farm-plain@2"]
HREF = re.compile(r"""href=['"]([^'"]+)['"]""")
XHR = {"X-Requested-With": "XMLHttpRequest"}


@pytest.fixture(scope="module")
def farm() -> Iterator[Farm]:
    with start_farm("all") as running:
        yield running


@pytest.fixture(autouse=True)
def fresh_limits(farm: Farm) -> None:
    """Site F rate-limits by request history; each test starts with a clean allowance."""
    farm.reset()
    farm.set_epoch(1)


def served(farm: Farm, variant: str) -> tuple[str, SiteTruth]:
    """Site id and truth of a test variant (`site` or `site@epoch`); switches the farm's epoch."""
    site, _, epoch = variant.partition("@")
    if epoch:
        farm.set_epoch(int(epoch))
    return site, load_truth(site, epoch=int(epoch or 1))


# Site H challenges every request without its cookies; these tests play the opt-in adapter.
COOKIES_BY_HOST = {t.host: t.js_cookies for t in map(load_truth, ALL_SITES) if t.js_cookies}


def fetch(
    url: str,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    cookies: bool = True,
) -> tuple[int, dict[str, str], bytes]:
    jar = COOKIES_BY_HOST.get(urlsplit(url).hostname or "", {}) if cookies else {}
    if jar:
        headers = {**(headers or {}), "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def decode(truth: SiteTruth, path: str, body: bytes) -> str:
    for case in truth.encoding_cases:
        if case.path == path:
            return body.decode("gb18030" if case.bytes_encoding == "gbk" else case.bytes_encoding)
    return body.decode("gb18030" if truth.encoding == "gbk" else "utf-8")


def key_of(url: str) -> str:
    parts = urlsplit(url)
    return route_key(parts.path, parts.query)


def linked_from_lists(farm: Farm, truth: SiteTruth) -> set[str]:
    """Route keys of every link on the site's list pages (API pages: every record URL)."""
    keys: set[str] = set()
    for entry in truth.list_paths:
        if entry.startswith("POST "):
            _, path, body = entry.split(" ", 2)
            ctype = (
                "application/json" if body.startswith("{") else "application/x-www-form-urlencoded"
            )
            url = farm.url(truth.site, path)
            status, _, raw = fetch(url, body.encode(), {**XHR, "Content-Type": ctype})
            assert status == 200, entry
            keys |= {key_of(u) for u in re.findall(r'"(?:url|linkUrl)":\s*"([^"]+)"', raw.decode())}
            continue
        url = farm.url(truth.site, entry)
        status, _, raw = fetch(url)
        assert status == 200, url
        text = raw.decode("gb18030" if truth.encoding == "gbk" else "utf-8")
        keys |= {key_of(urljoin(url, unescape(href))) for href in HREF.findall(text)}
    return keys


@pytest.mark.parametrize("variant", SERVED)
def test_every_truth_page_is_linked_from_a_list_page(farm: Farm, variant: str) -> None:
    _, truth = served(farm, variant)
    linked = linked_from_lists(farm, truth)
    for notice in truth.notices:
        assert {key_of(p) for p in (notice.path, *notice.alt_paths)} & linked, notice.path
    for page in truth.non_notices:
        assert {key_of(p) for p in (page.path, *page.alt_paths)} & linked, page.path


@pytest.mark.parametrize("variant", SERVED)
def test_notice_pages_carry_title_and_kept_content(farm: Farm, variant: str) -> None:
    site, truth = served(farm, variant)
    for notice in truth.notices:
        farm.reset()
        for path in (notice.path, *notice.alt_paths):
            status, _, _ = fetch(farm.url(site, path))
            assert status == 200, path
        status, _, body = fetch(farm.url(site, notice.path))
        text = decode(truth, notice.path, body)
        assert "\ufffd" not in text
        if not notice.body_in_attachment:
            assert notice.title in text
            for snippet in notice.body_contains:
                assert snippet in text, (notice.path, snippet)


@pytest.mark.parametrize("variant", SERVED)
def test_non_notice_pages_are_served(farm: Farm, variant: str) -> None:
    site, truth = served(farm, variant)
    for page in truth.non_notices:
        farm.reset()
        status, _, body = fetch(farm.url(site, page.path))
        assert status == 200, page.path
        assert page.title in decode(truth, page.path, body) or page.reason == "redirect_js"


def extracted_text(att: AttachmentTruth, body: bytes) -> str:
    if att.ext == "pdf":
        return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(body)).pages)
    if att.ext == "docx":
        return "\n".join(p.text for p in docx.Document(io.BytesIO(body)).paragraphs)
    if att.ext in ("doc", "wps"):
        return antiword(body)
    raise AssertionError(f"no extractor for {att.ext}")


def antiword(body: bytes) -> str:
    if shutil.which("antiword") is None:
        pytest.skip("antiword is not installed (.ci/system-deps installs it)")
    with tempfile.TemporaryDirectory() as tmp:  # antiword crashes on stdin input
        path = Path(tmp) / "a.doc"
        path.write_bytes(body)
        done = subprocess.run(
            ["antiword", "-m", "UTF-8.txt", str(path)], capture_output=True, check=False
        )
    assert done.returncode == 0, done.stderr
    return done.stdout.decode("utf-8")


@pytest.mark.parametrize("variant", SERVED)
def test_attachments_are_served_with_the_recorded_bytes(farm: Farm, variant: str) -> None:
    site, truth = served(farm, variant)
    for att in truth.attachments:
        status, headers, body = fetch(farm.url(site, att.url))
        assert status == 200, att.url
        if not att.ok:
            assert headers["Content-Type"].startswith("text/html")
            continue
        assert hashlib.sha256(body).hexdigest() == att.sha256
        assert len(body) == att.size
        if att.text_snippet is not None:
            assert att.text_snippet in extracted_text(att, body).replace("\n", "")


@pytest.mark.parametrize("variant", SERVED)
def test_blocked_paths_answer_their_status(farm: Farm, variant: str) -> None:
    site, truth = served(farm, variant)
    for blocked in truth.blocked:
        if blocked.cls == "rate_limited":
            continue  # depends on request history; see test_dynamic
        data = b"channelId=1024&pageNo=1&pageSize=5" if "/api/" in blocked.path else None
        status, _, _ = fetch(farm.url(site, blocked.path), data, cookies=False)
        assert status == blocked.status, blocked.path


def test_site_counts_match_the_readme() -> None:
    counts = {
        s: (len(t.notices), len(t.non_notices), len(t.list_paths))
        for s in ALL_SITES
        for t in [load_truth(s)]
    }
    assert counts == {
        "demo-trs": (1, 6, 3),
        "demo-vsb": (3, 5, 3),
        "demo-gbk": (1, 4, 2),
        "farm-trs": (7, 5, 3),
        "farm-hanweb": (9, 17, 2),
        "farm-vsb": (10, 8, 5),
        "farm-gbk": (5, 8, 3),
        "farm-api": (10, 12, 5),
        "farm-waf": (2, 1, 1),
        "farm-mutable": (10, 5, 2),
        "farm-ccdi": (6, 6, 2),
        "farm-etag": (14, 6, 4),
        "farm-plain": (14, 6, 4),
        "farm-x-dhcms": (14, 4, 3),
        "farm-x-nanwei": (14, 4, 3),
        "farm-x-phpcms": (15, 5, 3),
        "farm-x-aspx": (11, 3, 3),
        "farm-x-cards": (13, 4, 4),
        "farm-x-vsbrev": (17, 5, 3),
        "farm-home-county": (18, 4, 3),
        "farm-home-gbk": (17, 8, 4),
        "farm-home-xxgk": (10, 2, 2),
        "farm-y-trs": (8, 1, 2),
        "farm-y-hanweb": (7, 0, 1),
        "farm-y-vsb": (9, 1, 3),
        "farm-y-dede": (6, 5, 2),
        "farm-y-gkml": (14, 0, 3),
        "farm-y-mobile": (6, 0, 1),
    }
    epoch2 = load_truth("farm-mutable", epoch=2)
    assert (len(epoch2.notices), len(epoch2.non_notices), len(epoch2.list_paths)) == (6, 5, 2)
    assert sorted(c.case for c in epoch2.changes) == [
        "challenged",
        "cosmetic",
        "dangling",
        "delisted",
        "edit_body",
        "edit_title",
        "hard_delete",
        "moved",
        "new",
        "replace_attachment",
        "soft_delete",
    ]


@pytest.mark.parametrize(
    ("site", "never"),
    [
        ("farm-trs", "/xsxc/xczg/index_3.html"),
        ("farm-vsb", "/xsxc/zgtb/5.htm"),
        ("demo-trs", "/hnjw/xsxc/zgtb/index_3.html"),
    ],
)
def test_guessed_pages_do_not_exist(farm: Farm, site: str, never: str) -> None:
    assert never in load_truth(site).never_paths
    assert fetch(farm.url(site, never))[0] == 404


def test_encoding_cases_have_the_declared_bytes_and_headers(farm: Farm) -> None:
    truth = load_truth("farm-gbk")
    assert len(truth.encoding_cases) == 4
    for case in truth.encoding_cases:
        _, headers, body = fetch(farm.url("farm-gbk", case.path))
        header = headers["Content-Type"]
        assert (
            "charset=" + case.header_charset if case.header_charset else "charset"
        ) in header or (case.header_charset is None and "charset" not in header)
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8" if case.bytes_encoding == "gbk" else "gb2312")
        body.decode("gb18030" if case.bytes_encoding == "gbk" else "utf-8")


@pytest.mark.parametrize("variant", SERVED)
def test_chrome_phrases_are_on_every_html_notice_page(farm: Farm, variant: str) -> None:
    site, truth = served(farm, variant)
    assert len(truth.chrome) >= 7
    for notice in truth.notices:
        if notice.body_in_attachment:
            continue
        farm.reset()
        text = decode(truth, notice.path, fetch(farm.url(site, notice.path))[2])
        assert [c for c in truth.chrome if c not in text] == []
        assert not any(c in s for c in truth.chrome for s in notice.body_contains)
