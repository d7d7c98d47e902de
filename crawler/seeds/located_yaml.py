"""A registry file read as strict YAML, remembering the line of every key for error messages.

Strict, because a registry is hand-edited and a silent misreading costs a crawl: the file must be
UTF-8 (a BOM is fine); a syntax error, a tab, an anchor or alias, a merge key, a bad scalar or an
unset `${VAR}` ends the file with one `FILE:LINE: ...` line (`YamlError`); each duplicate key is
reported (the first value is kept) and the rest of the file is still checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from crawler.seeds.env import expand_env

_MERGE_TAG = "tag:yaml.org,2002:merge"


class YamlError(Exception):
    """The file cannot be read as a registry at all: one line naming the file and line."""


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


class _Refused(Exception):
    def __init__(self, mark: yaml.Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark


class _StrictLoader(yaml.SafeLoader):
    """Refuses anchors and aliases while composing: a registry needs none, and expanding aliases
    is how a few hundred bytes (billion laughs) exhaust memory."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            sigil = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise _Refused(
                event.start_mark,
                f"{sigil}{anchor}: anchors and aliases are not allowed; write the value out",
            )
        return super().compose_node(parent, index)


def compose(path: Path, loc: Located, errors: list[str]) -> Any:
    """The file's data; raises YamlError, appends duplicate keys to `errors`."""
    text = _read_text(path)
    try:
        loader = _StrictLoader(text)  # the reader refuses control characters right here
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise YamlError(
            f"{path}:{line}: control character U+{exc.character:04X} is not allowed"
        ) from None
    try:
        node = loader.get_single_node()
        return None if node is None else _to_python(node, (), loc, loader, errors)
    except _Refused as exc:
        raise YamlError(f"{path}:{exc.mark.line + 1}: {exc}") from None
    except yaml.MarkedYAMLError as exc:
        raise YamlError(_syntax_error(path, text, exc)) from None
    except RecursionError:
        raise YamlError(f"{path}: nested too deeply to be a registry") from None
    finally:
        loader.dispose()


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise YamlError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise YamlError(
            f"{path}:{line}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8, e.g. with iconv -f GB18030 -t UTF-8"
        ) from None
    return text.removeprefix("\ufeff")


def _syntax_error(path: Path, text: str, exc: yaml.MarkedYAMLError) -> str:
    mark = exc.problem_mark or exc.context_mark
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
    if mark and exc.problem and "'\\t'" in exc.problem:
        before = text[mark.index - mark.column : mark.index]
        if before.strip():
            return f"{where}: tab character; YAML separates with spaces only"
        return f"{where}: tab used for indentation; YAML indents with spaces only"
    message = " ".join(str(exc.problem or "").split())
    if exc.context and exc.context_mark is not None and exc.context_mark is not mark:
        message += f" ({exc.context} from line {exc.context_mark.line + 1})"
    return f"{where}: invalid YAML: {message}"


def _to_python(
    node: yaml.Node, kp: tuple[Any, ...], loc: Located, loader: Any, errors: list[str]
) -> Any:
    line = node.start_mark.line + 1
    loc.lines.setdefault(kp, line)  # a mapping value keeps its key's line
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for knode, vnode in node.value:
            kline = knode.start_mark.line + 1
            if not isinstance(knode, yaml.ScalarNode):
                raise YamlError(f"{loc.path}:{kline}: {_dotted(kp)}: a key must be plain text")
            if knode.tag == _MERGE_TAG:
                raise YamlError(f"{loc.path}:{kline}: merge keys (<<) are not allowed")
            key = _scalar(knode, kp, loc, loader)
            if key in out:
                first = loc.lines[(*kp, key)]
                errors.append(
                    f"{loc.path}:{kline}: {_dotted((*kp, key))}: "
                    f"duplicate key {key!r} (first at line {first})"
                )
                continue
            loc.lines[(*kp, key)] = kline
            out[key] = _to_python(vnode, (*kp, key), loc, loader, errors)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(n, (*kp, i), loc, loader, errors) for i, n in enumerate(node.value)]
    value = _scalar(node, kp, loc, loader)
    if not isinstance(value, str):
        return value
    try:
        return expand_env(value)
    except KeyError as exc:
        raise YamlError(
            f"{loc.path}:{line}: {_dotted(kp)}: environment variable {exc.args[0]} is not set "
            "(use ${VAR:-default})"
        ) from None


def _scalar(node: yaml.Node, kp: tuple[Any, ...], loc: Located, loader: Any) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as exc:  # e.g. a date like 2024-13-45 fails inside datetime
        raise YamlError(
            f"{loc.path}:{node.start_mark.line + 1}: {_dotted(kp)}: "
            f"invalid value {node.value!r}: {exc}"
        ) from None
