"""Where in body_text a value was read: the regions the extractors read, mapped back to it.

The parser reads stretches of the stored `body_text` (its paragraphs joined by newlines), some
of them normalised: the opening has the spaces a PDF put around CJK text squeezed out. A
`Region` keeps, for every character it holds, the offset of that character in body_text, so a
match in what the extractor read becomes a `Span` of body_text. `Located` is the record's
evidence map as the assembly fills it: one call per value, (path, value, evidence).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import Any

from pipelines.common.evidence import Evidence, Span
from pipelines.common.numerals import cn_to_int

_NUMERAL_CHARS = "一二三四五六七八九十百零〇两"
_NUMERAL = rf"(\d{{1,4}}|[{_NUMERAL_CHARS}]{{1,5}})"
# A character a numeral holds: a window without one holds no number (looked for first, by a scan
# for the class; the number's own pattern opens with a group, tried at every position).
_NUMERAL_CHAR = re.compile(rf"[\d{_NUMERAL_CHARS}]")
_SPACES = re.compile(r"[ \t]")


class Region:
    """Paragraphs [first, last) of the body as one text, less the characters `drop` matches
    (kept characters are mapped to their offset in body_text)."""

    def __init__(
        self, body: str, starts: Sequence[int], first: int, last: int, drop: re.Pattern[str] | None
    ) -> None:
        if first >= last:
            self.text, self._offsets, self._base = "", None, 0
            return
        begin = starts[first]
        end = starts[last - 1] + _length(body, starts, last - 1)
        joined = body[begin:end]
        removed = [m.span() for m in drop.finditer(joined)] if drop is not None else []
        if not removed:
            self.text, self._offsets, self._base = joined, None, begin
            return
        offsets: list[int] = []
        pieces: list[str] = []
        at = 0
        for start, stop in removed:
            pieces.append(joined[at:start])
            offsets.extend(range(begin + at, begin + start))
            at = stop
        pieces.append(joined[at:])
        offsets.extend(range(begin + at, begin + len(joined)))
        self.text, self._offsets, self._base = "".join(pieces), offsets, begin

    def span(self, start: int, end: int) -> Span | None:
        """body_text's span of text[start:end] (None when empty or out of the region)."""
        if not 0 <= start < end <= len(self.text):
            return None
        if self._offsets is None:
            return Span(self._base + start, self._base + end)
        return Span(self._offsets[start], self._offsets[end - 1] + 1)

    def find(self, value: str | None, *, last: bool = False) -> Span | None:
        """Where `value` stands in the region, spaces inside it allowed (a phone written
        '0715 - 8111755' is stored '0715-8111755'); the first occurrence, or the last."""
        if not value:
            return None
        pattern = _spaced(value)
        if pattern is None:
            return None
        if not last:
            match = pattern.search(self.text)
            return self.span(*match.span()) if match else None
        spans = [m.span() for m in pattern.finditer(self.text)]
        return self.span(*spans[-1]) if spans else None

    def search(self, pattern: re.Pattern[str]) -> Span | None:
        match = pattern.search(self.text)
        return self.span(*match.span()) if match else None

    def figure(self, value: int | None, before: str, after: str = "", gap: int = 0) -> Span | None:
        """The phrase a count was read from: the number (digits or Chinese numerals) with a
        word of what it counts after it (21个问题; up to `gap` characters between them: 18个问题
        已整改完成), or before it (问题共21个)."""
        if value is None:
            return None
        words, number, word_first = _figures(before, after, gap)
        # the words first (a literal scan), then the number just before them
        for match in words.finditer(self.text):
            window = max(0, match.start() - _NUMBER_REACH - gap)
            if not _NUMERAL_CHAR.search(self.text, window, match.start()):
                continue
            lead = number.search(self.text, window, match.start())
            if lead and cn_to_int(lead.group(1)) == value:
                return self.span(lead.start(), match.end())
        for match in word_first.finditer(self.text) if word_first else ():
            if cn_to_int(match.group(1)) == value:
                return self.span(*match.span())
        return None


@lru_cache(maxsize=4096)  # values recur (status words, units); a crawl reads many
def _spaced(value: str) -> re.Pattern[str] | None:
    """`value` with spaces or tabs allowed between its characters."""
    compact = _SPACES.sub("", value)
    return re.compile(r"[ \t]*".join(map(re.escape, compact))) if compact else None


_NUMBER_REACH = 16  # a number, its classifier and 具体 before the word they count


@cache
def _figures(
    before: str, after: str, gap: int
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]:
    """The words, the number ending right before them, and the words-then-number form."""
    words = re.compile(f"(?:{before})")
    number = re.compile(
        rf"{_NUMERAL}\s*(?:个|项|条|类|大|件|名)?\s*(?:具体|主要)?\s*[^，,。；;\n]{{0,{gap}}}$"
    )
    word_first = (
        re.compile(rf"(?:{after})[^，,。；;\n]{{0,12}}?{_NUMERAL}\s*(?:个|项|条|件|名)?")
        if after
        else None
    )
    return words, number, word_first


def _length(body: str, starts: Sequence[int], i: int) -> int:
    """Length of paragraph i: up to the newline before the next one, or the end."""
    end = starts[i + 1] - 1 if i + 1 < len(starts) else len(body)
    return end - starts[i]


def paragraph_starts(paras: Iterable[str]) -> list[int]:
    """Offset in body_text ("\\n".join(paras)) of each paragraph."""
    starts: list[int] = []
    at = 0
    for para in paras:
        starts.append(at)
        at += len(para) + 1
    return starts


class Located:
    """The record's evidence map, field path -> evidence, filled one value at a time."""

    def __init__(self) -> None:
        self._map: dict[str, Evidence] = {}

    def put(self, path: str, value: Any, evidence: Evidence | None) -> None:
        """Record where `value` (at `path`: "counts.problems", "problems[2].status") was read;
        nothing for an absent value (None, empty) or one whose place is not known."""
        if value is None or value == () or value == "" or evidence is None:
            return
        self._map[path] = evidence

    def each(self, path: str, values: Sequence[Any], evidences: Iterable[Evidence | None]) -> None:
        """One entry per item of a list value: path[0], path[1] …"""
        for i, (value, evidence) in enumerate(zip(values, evidences, strict=False)):
            self.put(f"{path}[{i}]", value, evidence)

    def to_json(self) -> dict[str, dict[str, Any]]:
        return {path: evidence.to_json() for path, evidence in self._map.items()}
