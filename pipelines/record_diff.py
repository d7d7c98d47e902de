"""Field-level differences between two records of one notice, and a compact text diff of the body.

Pure functions on records in their contract shape (`NoticeRecord.to_dict()`), used by
`notices history` (between consecutive versions) and `notices reparse` (stored vs re-parsed).
Chinese text has no spaces between words, so the body is compared sentence by sentence (split
after 。！？；), not word by word: an added sentence is one `+` line, not a scatter of characters.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipelines.common.record import NoticeRecord, Problem, names

BODY = "body_text"
PROBLEMS = "problems"
# The parser that made a record is not a change of the notice; nor is where its values were read
# (evidence offsets move with every edit of the text before them; the text's diff shows that).
NOT_COMPARED = frozenset({"parser_version", "evidence"})
FIELD_ORDER = names(NoticeRecord)
SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
VALUE_MAX = 120  # characters of one value shown in a one-line `old → new`


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: Any  # JSON-shaped (dates as ISO strings, tuples as lists); None when absent
    new: Any


def plain(value: Any) -> Any:
    """A value in its JSON shape, so a stored date and a parsed ISO string compare equal."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def record_changes(
    old: Mapping[str, Any], new: Mapping[str, Any], ignore: frozenset[str] = NOT_COMPARED
) -> list[FieldChange]:
    """The fields whose values differ, in the record's order (unknown keys after them)."""
    keys = [*FIELD_ORDER, *sorted((set(old) | set(new)) - set(FIELD_ORDER))]
    changes = []
    for key in keys:
        if key in ignore:
            continue
        before, after = plain(old.get(key)), plain(new.get(key))
        if before != after:
            changes.append(FieldChange(key, before, after))
    return changes


def short(value: Any, limit: int = VALUE_MAX) -> str:
    """One line for a value: text as it is, anything else as compact JSON; long ones cut."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = text.replace("\n", "⏎")
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def sentences(text: str) -> list[str]:
    """The text's lines, each cut after a sentence end; empty pieces dropped."""
    return [s for line in text.splitlines() for s in SENTENCE_END.split(line.strip()) if s]


def text_diff(old: str, new: str, context: int = 1) -> list[str]:
    """A unified diff of two texts by sentence, without the file header lines."""
    lines = difflib.unified_diff(sentences(old), sentences(new), n=context, lineterm="")
    return [line for line in lines if not line.startswith(("---", "+++"))]


def problem_changes(old: Sequence[Any], new: Sequence[Any]) -> list[str]:
    """Per problem (by position): added, removed, or which of its fields changed."""
    lines = []
    fields = [n for n in names(Problem) if n != "seq"]
    for i in range(max(len(old), len(new))):
        before = old[i] if i < len(old) and isinstance(old[i], Mapping) else None
        after = new[i] if i < len(new) and isinstance(new[i], Mapping) else None
        if before is None and after is not None:
            lines.append(f"#{i + 1} added: {short(after.get('title'))}")
        elif after is None and before is not None:
            lines.append(f"#{i + 1} removed: {short(before.get('title'))}")
        elif before is not None and after is not None:
            lines += [
                f"#{i + 1} {name}: {short(before.get(name))} → {short(after.get(name))}"
                for name in fields
                if plain(before.get(name)) != plain(after.get(name))
            ]
    return lines


def describe(change: FieldChange, context: int = 1) -> list[str]:
    """The change as text lines: `old → new`, a sentence diff for the body, a per-problem list."""
    if change.field == BODY:
        return text_diff(change.old or "", change.new or "", context)
    if change.field == PROBLEMS:
        old, new = change.old or [], change.new or []
        return [f"{len(old)} → {len(new)}", *problem_changes(old, new)]
    return [f"{short(change.old)} → {short(change.new)}"]
