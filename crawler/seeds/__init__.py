"""The site registry: load `seeds/*.yaml`, validate it, and select regions and sites.

A registry file holds `regions:`, each keyed by its GB/T 2260 code, with its sites. Every error
names the file, the line and the key, so a typo in YAML fails fast and says where. The YAML is
strict: UTF-8, spaces not tabs, no duplicate keys, no anchors, aliases or merge keys.
Files whose name starts with `_` (such as `_example.yaml`) are documentation and are not loaded.
Strings may use `${VAR}` or `${VAR:-default}`; they are expanded from the environment at load time
(the local site farm and mirrors take their port or host from there).

Modules: `model` (what a registry holds), `registry` (region and site selection), `load` (the
directory and its files), `build` (one file into regions and sites), `checks` (per-key validation),
`located_yaml` (strict YAML with the line of every key), `env` (`${VAR}` expansion),
`coverage` (sites per province and level, for `sites list --summary`).
"""

from __future__ import annotations

from crawler.seeds.load import REPO_SEEDS, check_registry, load_registry, seeds_dir
from crawler.seeds.model import ListSource, Region, SeedError, Site, TitleRules
from crawler.seeds.registry import Registry

__all__ = [
    "REPO_SEEDS",
    "ListSource",
    "Region",
    "Registry",
    "SeedError",
    "Site",
    "TitleRules",
    "check_registry",
    "load_registry",
    "seeds_dir",
]
