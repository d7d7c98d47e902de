"""`notices sites check | list | probe` through the real typer app (probe with a fake fetch)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from crawler.cli import app
from crawler.cli.sites_cmd import probe_site
from crawler.listing import PageRequest
from crawler.seeds import load_registry

runner = CliRunner()

SEEDS = """\
regions:
  - code: "340400"
    name: 淮南市
    pinyin: huainan
    sites:
      - id: hn-trs
        name: 淮南市纪委监委
        platform: trs
        list_urls: ["http://hn.test/xsxc/"]
        politeness: {obey_robots: false}
      - id: hn-api
        name: 淮南市接口
        platform: generic
        politeness: {obey_robots: false}
        list_urls:
          - url: "http://hn.test/api-shell.html"
            pagination: {type: json_api}
            api: {url: /api/list, method: POST, body: {page: "{page}"}, results_path: data}
"""


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    (tmp_path / "huainan.yaml").write_text(SEEDS, encoding="utf-8")
    return tmp_path


def test_check_ok_and_broken(seeds: Path) -> None:
    ok = runner.invoke(app, ["sites", "check", "--seeds", str(seeds)])
    assert ok.exit_code == 0 and "ok: 1 regions, 2 sites" in ok.output
    (seeds / "huainan.yaml").write_text(SEEDS.replace("platform: trs", "platform: nope"), "utf-8")
    bad = runner.invoke(app, ["sites", "check", "--seeds", str(seeds)])
    assert bad.exit_code == 2
    assert "huainan.yaml:8: regions[0].sites[0].platform: must be one of" in bad.output


def test_list_by_region_and_unknown_region(seeds: Path) -> None:
    listed = runner.invoke(app, ["sites", "list", "--region", "淮南", "--seeds", str(seeds)])
    assert listed.exit_code == 0 and "hn-trs" in listed.output and "hn-api" in listed.output
    unknown = runner.invoke(app, ["sites", "list", "--region", "合肥", "--seeds", str(seeds)])
    assert unknown.exit_code == 2 and "known regions: 淮南市 (huainan, 340400)" in unknown.output


def test_list_summary_counts_per_region(seeds: Path) -> None:
    summary = runner.invoke(app, ["sites", "list", "--summary", "--seeds", str(seeds)])
    assert summary.exit_code == 0, summary.output
    assert "2 sites (0 verified) in 1 top regions" in summary.output
    row = next(line for line in summary.output.splitlines() if "淮南市" in line)
    # region, code, province, city, county, verified, unverified, sites
    assert row.replace("│", " ").split() == ["淮南市", "340400", "2", "0", "0", "0", "2", "2"]
    unknown = runner.invoke(
        app, ["sites", "list", "--summary", "-r", "合肥", "--seeds", str(seeds)]
    )
    assert unknown.exit_code == 2 and "unknown region '合肥'" in unknown.output


LIST = '<ul><li><a href="./2023/t1.html" title="关于巡察整改情况的通报">x</a><span>2023-06-19</span></li></ul>'


@pytest.mark.parametrize(
    ("status", "body", "verdict"),
    [
        (200, LIST.encode(), "reachable"),
        (412, b"<script>$_ts=window['$_ts'];</script>", "blocked:blocked_waf"),
        (
            200,
            b"<html><body><div>" + "页面内容".encode() * 10 + b"</div></body></html>",
            "layout-not-recognised",
        ),
        (404, b"<title>404</title>", "not_found"),
    ],
)
def test_probe_verdicts(seeds: Path, status: int, body: bytes, verdict: str) -> None:
    site = load_registry(seeds).select(None, "hn-trs")[0]
    seen: list[PageRequest] = []

    def fetch(page: PageRequest) -> tuple[int, dict[str, str], bytes]:
        seen.append(page)
        return status, {"Content-Type": "text/html; charset=utf-8"}, body

    result = probe_site(site, fetch)
    assert result.verdict == verdict
    assert seen[0].url == "http://hn.test/xsxc/"


def test_probe_posts_to_a_json_api(seeds: Path) -> None:
    site = load_registry(seeds).select(None, "hn-api")[0]

    def fetch(page: PageRequest) -> tuple[int, dict[str, str], bytes]:
        assert (page.method, page.url, page.body) == ("POST", "http://hn.test/api/list", b"page=1")
        return 200, {"Content-Type": "application/json"}, b'{"data": [{"title": "t", "url": "/a"}]}'

    result = probe_site(site, fetch)
    assert (result.verdict, result.rows) == ("reachable", 1)


def test_probe_of_an_api_without_rows_does_not_survey_a_page(seeds: Path) -> None:
    site = load_registry(seeds).select(None, "hn-api")[0]

    def fetch(page: PageRequest) -> tuple[int, dict[str, str], bytes]:
        return 200, {"Content-Type": "application/json"}, b'{"data": []}'

    result = probe_site(site, fetch)
    assert (result.verdict, result.detail) == (
        "layout-not-recognised",
        "no list rows found in the API payload",
    )


def test_probe_reports_unreachable(seeds: Path) -> None:
    site = load_registry(seeds).select(None, "hn-trs")[0]

    def fetch(page: PageRequest) -> tuple[int, dict[str, str], bytes]:
        raise OSError("Name or service not known")

    assert probe_site(site, fetch).verdict == "unreachable"


def test_probe_against_the_local_farm(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.farm import start_farm

    seeds = Path(__file__).resolve().parents[1] / "fixtures" / "farm_seeds"
    with start_farm(sites="farm", port=0) as farm:
        monkeypatch.setenv("NOTICES_FARM_PORT", str(farm.port))
        result = runner.invoke(app, ["sites", "probe", "--seeds", str(seeds)])
    assert result.exit_code == 1, result.output  # the WAF site is not reachable
    rows = {line.split("│")[1].strip(): line for line in result.output.splitlines() if "│" in line}
    for site in ("farm-trs", "farm-hanweb", "farm-vsb", "farm-gbk", "farm-api"):
        assert "reachable" in rows[site], rows[site]
    assert "blocked:blocked_waf" in rows["farm-waf"]


SHELL_SEEDS = """\
regions:
  - code: "990000"
    name: 测试站群
    pinyin: farm
    sites:
      - id: farm-shell
        name: 沙洲市委巡察办
        platform: generic
        list_urls: ["http://127.0.0.15:${NOTICES_FARM_PORT}/xcgz/zgtb/index.html"]
"""


def test_probe_says_what_it_saw_on_a_script_built_farm_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crawler.demo.server import Farm
    from tests.farm.catalog import make_sites

    # the API site's list page, entered without its `api:`: its rows come from a script
    (tmp_path / "farm.yaml").write_text(SHELL_SEEDS, encoding="utf-8")
    with Farm([s for s in make_sites("farm") if s.site_id == "farm-api"]).start(0) as farm:
        monkeypatch.setenv("NOTICES_FARM_PORT", str(farm.port))
        result = probe_site(load_registry(tmp_path).select(None, "farm-shell")[0])
    assert (result.verdict, result.rows) == ("layout-not-recognised", 0)
    assert result.detail == (
        "no list rows found on the page: title '整改通报_沙洲市委巡察办'; 3 links, 0 with a date; "
        "largest block body > div.nav > a ×3 (0 dated); "
        "looks rendered by JavaScript (2 scripts, 3 links)"
    )


def test_probe_obeys_robots(seeds: Path) -> None:
    (seeds / "huainan.yaml").write_text(SEEDS.replace("{obey_robots: false}", "{}", 1), "utf-8")
    site = load_registry(seeds).select(None, "hn-trs")[0]

    def fetch(page: PageRequest) -> tuple[int, dict[str, str], bytes]:
        assert page.url == "http://hn.test/robots.txt", "only robots.txt may be fetched"
        return 200, {}, b"User-agent: *\nDisallow: /xsxc/\n"

    assert probe_site(site, fetch).verdict == "robots"
