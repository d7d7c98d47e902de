"""Append one site entry to a region's `sites:` list in its registry file, as text (the file's
comments and layout stay), and only when the whole registry still validates with it."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from crawler.seeds.load import check_registry
from crawler.seeds.model import Region, SeedError

# Strings written unquoted: ids, platforms, style names (nothing YAML would read as another type).
_PLAIN = re.compile(r"^[a-z][a-z0-9_-]*$")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def render_entry(entry: Mapping[str, Any], indent: int) -> list[str]:
    """The entry as block YAML lines, item dash at `indent`; values in flow style, strings
    double-quoted (JSON strings are YAML)."""
    lines = []
    for i, (key, value) in enumerate(entry.items()):
        lead = " " * indent + ("- " if i == 0 else "  ")
        lines.append(f"{lead}{key}: {_flow(value)}\n")
    return lines


def _flow(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and _PLAIN.match(value) and value not in _RESERVED:
        return value
    return json.dumps(str(value), ensure_ascii=False)


def _sites_node(text: str, region: Region) -> tuple[yaml.Node, yaml.SequenceNode]:
    """The `sites` key and value nodes of `region` in a registry file's text."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is None:
        raise SeedError(f"{region.file}: empty file")
    regions = next(v for k, v in root.value if k.value == "regions")
    for node in regions.value:
        fields = {k.value: (k, v) for k, v in node.value}
        if str(fields["code"][1].value) == region.code and "sites" in fields:
            key, sites = fields["sites"]
            if isinstance(sites, yaml.SequenceNode) and (sites.value or sites.flow_style):
                return key, sites
    raise SeedError(f"{region.file}: region {region.code} has no `sites:` list to append to")


def appended_text(text: str, region: Region, entry: Mapping[str, Any]) -> str:
    """The file's text with `entry` after the last site of `region`."""
    key, sites = _sites_node(text, region)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if sites.flow_style:  # `sites: []` becomes a block list holding the entry
        if sites.value:
            raise SeedError(f"{region.file}: region {region.code}: write `sites:` as a block list")
        row = key.start_mark.line
        lines[row] = " " * key.start_mark.column + "sites:\n"
        return "".join(
            lines[: row + 1] + render_entry(entry, key.start_mark.column + 2) + lines[row + 1 :]
        )
    at = _last_line(sites.value[-1]) + 1  # the line after the last site's last value
    dash = sites.value[0].start_mark.column - 2
    return "".join(lines[:at] + render_entry(entry, dash) + lines[at:])


def _last_line(node: yaml.Node) -> int:
    """The line of a node's last value (a block node's end mark is the next token's line)."""
    if isinstance(node, yaml.MappingNode):
        return max(_last_line(v) for kv in node.value for v in kv)
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return max(_last_line(v) for v in node.value)
    return int(node.end_mark.line)


def append_site(region: Region, entry: Mapping[str, Any], seeds: Path) -> None:
    """Write `entry` into `region`'s file, or raise SeedError naming the problem (nothing is
    written then): the registry, copied with the new file, must pass `check_registry`."""
    path = Path(region.file)
    new_text = appended_text(path.read_text(encoding="utf-8"), region, entry)
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch)
        for yaml_file in seeds.glob("*.yaml"):
            shutil.copy(yaml_file, copy / yaml_file.name)
        (copy / path.name).write_text(new_text, encoding="utf-8")
        problems = check_registry(copy)
    if problems:
        raise SeedError(f"the new entry does not validate: {problems[0]}")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(new_text)
    os.replace(tmp, path)
