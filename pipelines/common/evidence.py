"""Where an extracted value was read: the one shape every extractor of the record returns.

A value read from the notice's text carries a `Span`, character offsets (Python string indices)
into the `body_text` of the version it was read from, so `body_text[start:end]` is the text the
value came from. A value read elsewhere carries an `Elsewhere` naming the place ("title",
"page meta" with the metadata key, "site" for a value the registry gave). The record keeps them
in one map, field path -> evidence ("counts.problems", "money[0]", "problems[2].status").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Place = Literal["title", "page meta", "site"]


@dataclass(frozen=True, slots=True)
class Span:
    """Offsets into body_text: [start, end)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def text(self, body: str) -> str:
        return body[self.start : self.end]

    def shifted(self, offset: int) -> Span:
        """The same span in a text that starts `offset` characters earlier."""
        return Span(self.start + offset, self.end + offset)

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """A value not read from body_text."""

    place: Place
    key: str | None = None  # the page-meta key (发布时间, 成文日期) or the registry setting

    def to_json(self) -> dict[str, Any]:
        return {"from": self.place} | ({"key": self.key} if self.key else {})


Evidence = Span | Elsewhere


def from_json(data: dict[str, Any]) -> Evidence:
    """The inverse of `to_json`, for stored records."""
    if "start" in data:
        return Span(int(data["start"]), int(data["end"]))
    return Elsewhere(data["from"], data.get("key"))
