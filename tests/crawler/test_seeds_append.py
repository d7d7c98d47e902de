"""Appending a site to a region's registry file: as text after the region's last site (comments
and layout kept), and only when the registry still validates."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.seeds import SeedError, load_registry
from crawler.seeds.append import append_site, appended_text, render_entry

ENTRY = {
    "id": "new-site",
    "name": "新站: 巡察",
    "platform": "generic",
    "list_urls": ["http://n.test/xsxc/"],
    "pagination": {"type": "auto"},
    "verified": "unverified",
}
TWO_REGIONS = """\
regions:
  - code: "340000"
    name: 安徽省
    pinyin: anhui
    sites:
      - id: ah-one  # the first
        name: 一
        platform: trs
        list_urls: ["http://a.test/x/"]

  # the next region
  - code: "340400"
    name: 淮南市
    pinyin: huainan
    parent: "340000"
    sites: []
"""


def test_render_entry_quotes_what_needs_quotes() -> None:
    assert render_entry(ENTRY, 4) == [
        "    - id: new-site\n",
        '      name: "新站: 巡察"\n',
        "      platform: generic\n",
        '      list_urls: ["http://n.test/xsxc/"]\n',
        "      pagination: {type: auto}\n",
        "      verified: unverified\n",
    ]


@pytest.mark.parametrize(
    ("code", "after", "before"),
    [
        ("340000", 'list_urls: ["http://a.test/x/"]\n', "\n  # the next region"),
        ("340400", "    sites:\n", None),  # `sites: []` becomes a block list
    ],
)
def test_entry_goes_after_the_regions_last_site(
    tmp_path: Path, code: str, after: str, before: str | None
) -> None:
    (tmp_path / "anhui.yaml").write_text(TWO_REGIONS, encoding="utf-8")
    region = load_registry(tmp_path).find_region(code)
    text = appended_text(TWO_REGIONS, region, ENTRY)
    assert after + "      - id: new-site\n" in text
    if before:
        assert "verified: unverified\n" + before in text
    assert "# the first" in text and "# the next region" in text
    (tmp_path / "anhui.yaml").write_text(text, encoding="utf-8")
    ids = [s.id for s in load_registry(tmp_path).find_region(code).sites]
    assert ids[-1] == "new-site"


def test_an_invalid_entry_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "anhui.yaml"
    path.write_text(TWO_REGIONS, encoding="utf-8")
    region = load_registry(tmp_path).find_region("340000")
    with pytest.raises(SeedError, match="does not validate"):
        append_site(region, {**ENTRY, "id": "ah-one"}, tmp_path)  # the id is taken
    assert path.read_text(encoding="utf-8") == TWO_REGIONS
    append_site(region, ENTRY, tmp_path)
    assert "new-site" in {s.id for s in load_registry(tmp_path).all_sites()}
