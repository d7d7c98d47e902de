"""Text made storable: lone surrogates (a JSON API's `\\ud800`, a PDF's broken text map) cannot be
encoded as UTF-8 and NUL cannot go into a PostgreSQL text or JSON value, so one such character
would make a whole batch unwritable and unspoolable. The store and the spool pass every value
through `storable` at their boundary."""

from __future__ import annotations

import re
from typing import TypeVar

_T = TypeVar("_T")
REPLACEMENT = "\ufffd"
# Searched in C: a per-character loop in Python cost a fifth of parsing a notice.
_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_text(text: str) -> str:
    """The text with NUL removed and lone surrogates replaced by U+FFFD; a surrogate pair
    (high then low) becomes the character it encodes."""
    if text.isascii():
        return text.replace("\x00", "") if "\x00" in text else text
    if not _SURROGATE.search(text):
        return text.replace("\x00", "")
    # UTF-16 joins the pairs and marks every lone half as undecodable.
    fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return fixed.replace("\x00", "")


def storable(value: _T) -> _T:
    """A str, or a list/tuple/dict holding them (keys too), made storable (containers are
    copied); other values as they are."""
    if isinstance(value, str):
        return storable_text(value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {storable(k): storable(v) for k, v in value.items()}  # type: ignore[return-value]
    if isinstance(value, list | tuple):
        return type(value)(storable(v) for v in value)
    return value
