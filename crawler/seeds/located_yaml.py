"""A registry file read as YAML, remembering the line of every key for error messages."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from crawler.seeds.env import expand_env


class Located:
    """Maps a key path inside one file to its line, for error messages."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: dict[tuple[Any, ...], int] = {}

    def at(self, keypath: Sequence[Any]) -> str:
        kp = tuple(keypath)
        while kp and kp not in self.lines:
            kp = kp[:-1]
        line = self.lines.get(kp, 1)
        return f"{self.path}:{line}: {_dotted(keypath)}"


def _dotted(keypath: Iterable[Any]) -> str:
    out = ""
    for k in keypath:
        out += f"[{k}]" if isinstance(k, int) else (f".{k}" if out else str(k))
    return out or "(top level)"


def compose(path: Path, loc: Located) -> Any:
    text = path.read_text(encoding="utf-8")
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if node is None:
        return None
    return _to_python(node, (), loc, loader)


def _to_python(node: yaml.Node, kp: tuple[Any, ...], loc: Located, loader: Any) -> Any:
    loc.lines[kp] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for knode, vnode in node.value:
            key = loader.construct_object(knode, deep=True)
            loc.lines[(*kp, key)] = knode.start_mark.line + 1
            out[key] = _to_python(vnode, (*kp, key), loc, loader)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(n, (*kp, i), loc, loader) for i, n in enumerate(node.value)]
    value = loader.construct_object(node, deep=True)
    return expand_env(value) if isinstance(value, str) else value
