"""Find the registry directory and load every registry file in it, reporting all problems."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from crawler.seeds.build import load_file
from crawler.seeds.model import SeedError
from crawler.seeds.registry import Registry
from pipelines.common import settings

# The `seeds` package: the checkout's seeds/ folder, or its copy inside an installed wheel.
REPO_SEEDS = Path(str(files("seeds")))


def seeds_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The registry directory: an explicit path, else `NOTICES_SEEDS`, else the bundled seeds/."""
    if explicit:
        return Path(explicit)
    env = settings.read(settings.SEEDS)
    return Path(env) if env else REPO_SEEDS


def load_registry(directory: str | os.PathLike[str] | None = None) -> Registry:
    """Load and validate every registry file; raise SeedError listing all problems found."""
    root = seeds_dir(directory)
    if not root.is_dir():
        raise SeedError(f"{root}: seed registry directory not found")
    files = sorted(p for p in root.glob("*.yaml") if not p.name.startswith("_"))
    if not files:
        raise SeedError(f"{root}: no *.yaml registry files")
    errors: list[str] = []
    registry = Registry()
    site_ids: dict[str, str] = {}
    for path in files:
        for region in load_file(path, errors):
            if region.code in registry.regions:
                other = registry.regions[region.code].file
                errors.append(f"{path}: region {region.code} is also defined in {other}")
                continue
            registry.regions[region.code] = region
            for s in region.sites:
                if s.id in site_ids:
                    errors.append(f"{s.file}: site id {s.id!r} is also used in {site_ids[s.id]}")
                site_ids[s.id] = s.file
    for region in registry.regions.values():
        if region.parent and region.parent not in registry.regions:
            errors.append(f"{region.file}: region {region.code}: unknown parent {region.parent}")
    if errors:
        raise SeedError("\n".join(errors))
    return registry


def check_registry(directory: str | os.PathLike[str] | None = None) -> list[str]:
    """Every validation problem, one message per line (empty when the registry is valid)."""
    try:
        load_registry(directory)
    except SeedError as exc:
        return str(exc).splitlines()
    return []
