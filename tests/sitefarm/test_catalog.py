"""The catalogue of sites: groups, lookups, loading from disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.farm.catalog import CATALOG, make_sites, site_ids, spec


def test_groups() -> None:
    demo, farm, everything = site_ids("demo"), site_ids("farm"), site_ids("all")
    assert demo == ["demo-trs", "demo-vsb", "demo-gbk"]
    assert set(demo) | set(farm) == set(everything)
    assert not set(demo) & set(farm)
    with pytest.raises(ValueError, match="unknown site group 'bench'"):
        site_ids("bench")


def test_demo_sites_share_127_0_0_1_and_farm_sites_have_their_own_address() -> None:
    demo = [s for s in CATALOG if s.group == "demo"]
    farm = [s for s in CATALOG if s.group == "farm"]
    assert {s.host for s in demo} == {"127.0.0.1"}
    assert len({s.prefix for s in demo}) == len(demo)
    assert len({s.host for s in farm}) == len(farm)
    assert all(s.prefix == "" for s in farm)


def test_spec_lookup() -> None:
    assert spec("farm-vsb").host == "127.0.0.13"
    with pytest.raises(KeyError, match="unknown farm site 'nope'"):
        spec("nope")


def test_make_sites_loads_every_site_of_a_group() -> None:
    sites = make_sites("all")
    assert [s.site_id for s in sites] == site_ids("all")


def test_a_site_that_was_never_built_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        make_sites("demo", sites_dir=tmp_path)
