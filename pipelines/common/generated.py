"""Generated sections inside hand-written files (the README's tables), between two marker lines."""

from __future__ import annotations


def replace_between(text: str, start: str, end: str, body: str) -> str:
    """`text` with what stands between the markers `start` and `end` replaced by `body`."""
    head, found_start, rest = text.partition(start)
    _, found_end, tail = rest.partition(end)
    if not found_start or not found_end:
        raise ValueError(f"the file lacks the markers {start!r} … {end!r}")
    return f"{head}{start}\n{body}{end}{tail}"
