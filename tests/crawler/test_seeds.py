"""Registry loading, validation messages (file, line, key), region and site selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.listing import OWN_SELECTORS
from crawler.platforms.profile import ROW_LIST
from crawler.seeds import REPO_SEEDS, SeedError, TitleRules, check_registry, load_registry

GOOD = """\
regions:
  - code: "340000"
    name: 安徽省
    pinyin: anhui
    sites:
      - id: ah-jw
        name: 安徽省纪委监委
        platform: trs
        list_urls: ["http://127.0.0.1:${SEEDS_TEST_PORT:-8080}/xsxc/"]
  - code: "340400"
    name: 淮南市
    pinyin: huainan
    parent: "340000"
    sites:
      - id: hn-jw
        name: 淮南市纪委监委
        platform: vsb
        list_urls:
          - url: "https://hn.example.gov.cn/xsxc.htm"
            pagination: {max_pages: 4}
        expected_empty: true
  - code: "340402"
    name: 大通区
    pinyin: datong
    parent: "340400"
    sites:
      - id: dt-gov
        name: 大通区人民政府
        platform: generic
        list_urls: ["https://dt.example.gov.cn/tzgg/"]
"""


def write(tmp_path: Path, text: str, name: str = "anhui.yaml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def ids(sites: list) -> list[str]:
    return [s.id for s in sites]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("安徽", ["ah-jw", "hn-jw", "dt-gov"]),
        ("安徽省", ["ah-jw", "hn-jw", "dt-gov"]),
        ("anhui", ["ah-jw", "hn-jw", "dt-gov"]),
        ("340000", ["ah-jw", "hn-jw", "dt-gov"]),
        ("淮南市", ["hn-jw", "dt-gov"]),
        ("淮南", ["hn-jw", "dt-gov"]),
        ("HuaiNan", ["hn-jw", "dt-gov"]),
        ("340400", ["hn-jw", "dt-gov"]),
        ("大通区", ["dt-gov"]),
    ],
)
def test_region_selection_includes_regions_below(
    tmp_path: Path, query: str, expected: list
) -> None:
    registry = load_registry(write(tmp_path, GOOD))
    assert ids(registry.select(query)) == expected


def test_a_whole_name_wins_over_a_bare_one(tmp_path: Path) -> None:
    twin = GOOD.replace("name: 大通区", "name: 淮南县")  # bare 淮南, as 淮南市 is
    registry = load_registry(write(tmp_path, twin))
    assert registry.find_region("淮南县").code == "340402"
    assert registry.find_region("淮南市").code == "340400"
    with pytest.raises(SeedError, match="'淮南' is ambiguous"):
        registry.find_region("淮南")


def test_unknown_region_lists_known_ones(tmp_path: Path) -> None:
    registry = load_registry(write(tmp_path, GOOD))
    with pytest.raises(SeedError) as err:
        registry.select("江苏")
    message = str(err.value)
    assert "unknown region '江苏'" in message
    assert "安徽省 (anhui, 340000)" in message and "淮南市 (huainan, 340400)" in message


def test_site_selection_and_unknown_site(tmp_path: Path) -> None:
    registry = load_registry(write(tmp_path, GOOD))
    assert ids(registry.select("安徽", "hn-jw")) == ["hn-jw"]
    assert ids(registry.select(None, "dt-gov")) == ["dt-gov"]
    with pytest.raises(SeedError, match=r"unknown site 'nope'.*known sites: .*ah-jw"):
        registry.select("安徽", "nope")


def test_env_expansion_and_profile_merge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SEEDS_TEST_PORT", raising=False)
    site = load_registry(write(tmp_path, GOOD)).select(None, "ah-jw")[0]
    assert site.list_urls == ["http://127.0.0.1:8080/xsxc/"]
    monkeypatch.setenv("SEEDS_TEST_PORT", "9999")
    site = load_registry(write(tmp_path, GOOD)).select(None, "ah-jw")[0]
    assert site.list_urls == ["http://127.0.0.1:9999/xsxc/"]
    assert site.sources[0].pagination == {"type": "trs_js"}
    assert site.hosts == ("127.0.0.1",)
    vsb = load_registry(tmp_path).select(None, "hn-jw")[0]
    assert vsb.sources[0].pagination == {"type": "vsb_next", "max_pages": 4}
    assert vsb.list_rules["title"][0] == "a p"  # the VSB profile, not @title
    assert vsb.expected_empty is True
    assert vsb.to_dict()["region_code"] == "340400"


def test_seeds_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOTICES_SEEDS", str(write(tmp_path, GOOD)))
    assert "hn-jw" in ids(load_registry().all_sites())


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("platform: trs", "platform: wordpress"), "anhui.yaml:8: regions[0].sites[0].platform"),
        (
            ("        name: 安徽省纪委监委\n", "        nmae: x\n"),
            "anhui.yaml:7: regions[0].sites[0].nmae: unknown key",
        ),
        (('code: "340400"', "code: 3404"), "anhui.yaml:10: regions[1].code: must be a 6-digit"),
        (('parent: "340400"', 'parent: "349999"'), "unknown parent 349999"),
        (
            ("id: dt-gov", "id: Bad Id"),
            "anhui.yaml:27: regions[2].sites[0].id: required; lowercase",
        ),
        (
            ("expected_empty: true", "expected_empty: sometimes"),
            "regions[1].sites[0].expected_empty",
        ),
        (('"https://dt.example.gov.cn/tzgg/"', '"ftp://dt.example.gov.cn/"'), "list_urls[0].url"),
        (("{max_pages: 4}", "{type: infinite}"), "list_urls[0].pagination.type: must be one of"),
        (("id: dt-gov", "id: ah-jw"), "site id 'ah-jw' is also used"),
        (
            ("        expected_empty: true\n", "        list: {item: 'li[[x'}\n"),
            "regions[1].sites[0].list.item: invalid selector 'li[[x'",
        ),
        (
            ("        expected_empty: true\n", "        content_selector: '//div[@'\n"),
            "regions[1].sites[0].content_selector: invalid selector",
        ),
        (
            (
                "        expected_empty: true\n",
                "        js_cookie: {from_body_regex: 'X=(\\w+)'}\n",
            ),
            "js_cookie.from_body_regex: needs named groups",
        ),
        (
            ("        expected_empty: true\n", "        js_cookie: {regex: x}\n"),
            "js_cookie: must be a mapping with only `from_body_regex`",
        ),
        (("regions:\n", "region:\n"), "anhui.yaml:1: region: unknown key 'region' (did you mean"),
        (
            ("    pinyin: anhui\n", "    pinyn: anhui\n"),
            "anhui.yaml:4: regions[0].pinyn: unknown key 'pinyn' (did you mean 'pinyin'?)",
        ),
        (
            ("        list_urls: [", "        list_url: ["),
            (
                "anhui.yaml:9: regions[0].sites[0].list_url: unknown key 'list_url' "
                "(did you mean 'list_urls'?)"
            ),
        ),
        (
            ("{max_pages: 4}", "{max_pages: 4}\n            paginaton: {}"),
            (
                "anhui.yaml:21: regions[1].sites[0].list_urls[0].paginaton: unknown key "
                "'paginaton' (did you mean 'pagination'?)"
            ),
        ),
        (
            ("        expected_empty: true\n", "        list: {itme: li}\n"),
            "anhui.yaml:21: regions[1].sites[0].list.itme: unknown key 'itme' (did you mean 'item'?)",
        ),
        (
            ("        expected_empty: true\n", "        titles: {exclude: [招聘]}\n"),
            "regions[1].sites[0].titles.exclude: unknown key 'exclude' (did you mean 'exclude_any'?)",
        ),
        (
            ("        expected_empty: true\n", "        politeness: {download_dealy: 3}\n"),
            "politeness.download_dealy: unknown key 'download_dealy' (did you mean 'download_delay'?)",
        ),
        (
            ("        expected_empty: true\n", "        api: {result_path: data}\n"),
            "api.result_path: unknown key 'result_path' (did you mean 'results_path'?)",
        ),
        (
            ("        expected_empty: true\n", "        zzz: 1\n"),
            "regions[1].sites[0].zzz: unknown key 'zzz' (allowed: api, block_threshold, ",
        ),
        (
            ("        expected_empty: true\n", "        politeness: {download_delay: abc}\n"),
            "anhui.yaml:21: regions[1].sites[0].politeness.download_delay: must be a number",
        ),
        (
            ("        expected_empty: true\n", "        politeness: {download_delay: -1}\n"),
            "politeness.download_delay: must be a number of seconds (0 or more)",
        ),
        (
            ("        expected_empty: true\n", "        politeness: {concurrency: 0.5}\n"),
            "politeness.concurrency: must be a positive integer",
        ),
        (
            ("    name: 淮南市\n", "    name: 淮南市\n    name: 淮南\n"),
            "anhui.yaml:12: regions[1].name: duplicate key 'name' (first at line 11)",
        ),
    ],
)
def test_validation_names_file_line_and_key(tmp_path: Path, edit: tuple, expected: str) -> None:
    old, new = edit
    assert old in GOOD
    write(tmp_path, GOOD.replace(old, new, 1))
    problems = check_registry(tmp_path)
    assert any(expected in p for p in problems), problems


def test_invalid_yaml_and_unset_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "regions: [\n", "broken.yaml")
    assert any("broken.yaml:" in p and "invalid YAML" in p for p in check_registry(tmp_path))
    monkeypatch.delenv("SEEDS_UNSET", raising=False)
    (tmp_path / "broken.yaml").unlink()
    write(tmp_path, GOOD.replace("${SEEDS_TEST_PORT:-8080}", "${SEEDS_UNSET}"))
    assert any("SEEDS_UNSET is not set" in p for p in check_registry(tmp_path))


def test_json_api_pagination_needs_an_api(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace("{max_pages: 4}", "{type: json_api}"))
    assert any("needs an `api:` mapping" in p for p in check_registry(tmp_path))


def test_underscore_files_are_not_loaded_but_the_example_is_valid(tmp_path: Path) -> None:
    example = (REPO_SEEDS / "_example.yaml").read_text(encoding="utf-8")
    write(tmp_path, example, "_example.yaml")
    with pytest.raises(SeedError, match=r"no \*.yaml registry files"):
        load_registry(tmp_path)
    write(tmp_path, example, "example.yaml")
    assert ids(load_registry(tmp_path).all_sites()) == ["hn-jw-xsxc"]


def test_shipped_registry_is_valid_and_broad_enough() -> None:
    registry = load_registry(REPO_SEEDS)
    real = [s for s in registry.all_sites() if s.verified == "unverified"]
    provinces = {
        code for code, r in registry.regions.items() if r.parent is None and r.pinyin != "demo"
    }
    assert len(real) >= 30
    assert len(provinces) >= 5
    assert ids(registry.select("demo")) == ["demo-trs", "demo-vsb", "demo-gbk"]


@pytest.mark.parametrize(
    ("title", "accepted"),
    [
        ("中共白石镇委员会关于县委第二轮巡察整改进展情况的通报", True),
        ("中共某县委关于十二届省委第七轮巡视整改进展情况的通报", True),
        ("县委第三巡察组进驻某局开展巡察的公告", False),
        ("关于中央生态环境保护督察反馈问题整改情况的通报", False),
        ("2023年端午节廉洁提醒", False),
        (None, True),
    ],
)
def test_title_rules(title: str | None, accepted: bool) -> None:
    assert TitleRules().accepts(title) is accepted


@pytest.mark.parametrize(
    ("site_lines", "expected"),
    [
        ("", {"auto": True}),  # generic: automatic rows by default
        ("        list: auto\n", {"auto": True}),
        (
            "        list: {item: table.list tr}\n",
            {**ROW_LIST, "item": "table.list tr", OWN_SELECTORS: True},
        ),
    ],
)
def test_list_auto_and_selectors_over_the_generic_profile(
    tmp_path: Path, site_lines: str, expected: dict
) -> None:
    anchor = '        list_urls: ["https://dt.example.gov.cn/tzgg/"]\n'
    write(tmp_path, GOOD.replace(anchor, anchor + site_lines))
    site = load_registry(tmp_path).select(None, "dt-gov")[0]
    assert dict(site.list_rules) == expected
    assert site.sources[0].pagination["type"] == "auto"


def test_list_auto_on_another_platform_and_a_wrong_list_value(tmp_path: Path) -> None:
    anchor = '        list_urls: ["http://127.0.0.1:${SEEDS_TEST_PORT:-8080}/xsxc/"]\n'
    write(tmp_path, GOOD.replace(anchor, anchor + "        list: auto\n"))
    assert dict(load_registry(tmp_path).select(None, "ah-jw")[0].list_rules) == {"auto": True}
    write(tmp_path, GOOD.replace(anchor, anchor + "        list: automatic\n"))
    assert any("list: must be `auto` or a mapping" in p for p in check_registry(tmp_path))
