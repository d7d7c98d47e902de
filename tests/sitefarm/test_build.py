"""The committed site files are exactly what the builders produce (and the build is repeatable)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.farm.build.__main__ import BUILDERS
from tests.farm.build.writer import SiteWriter
from tests.farm.catalog import CATALOG, site_root


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize(
    "build", BUILDERS, ids=lambda b: b.__module__.rsplit(".", 1)[-1] + "." + b.__name__
)
def test_committed_files_match_the_builder(build: Callable[[], SiteWriter], tmp_path: Path) -> None:
    writer = build()
    built = tree(writer.write(tmp_path))
    committed = tree(site_root(writer.site).parent / writer.folder)
    assert sorted(built) == sorted(committed), "rebuild: python -m tests.farm.build"
    changed = [name for name in built if built[name] != committed[name]]
    assert changed == [], "rebuild: python -m tests.farm.build"


def test_every_catalogued_site_has_a_builder() -> None:
    assert sorted({b().site for b in BUILDERS}) == sorted(s.site_id for s in CATALOG)
