"""report_phase: what a notice reports (整改情况, 集中整改进展, 阶段性进展 …), from its title, else
from the opening's 现将…予以公布 sentence, else from the opening; the most specific phase whose
words appear wins (units_vocab.REPORT_PHASE_WORDS). Expects simplified text."""

from __future__ import annotations

import re

from pipelines.common.evidence import Elsewhere, Evidence, Span
from pipelines.parsing.units_vocab import DISCLOSURE_VERBS, REPORT_PHASE_WORDS
from pipelines.parsing.vocab import alternation

_PHASES = [(label, re.compile(alternation(words))) for label, words in REPORT_PHASE_WORDS]
_DISCLOSURE = re.compile(rf"现将[^。；;\n]{{0,60}}?{alternation(DISCLOSURE_VERBS)}")


def find_phase(opening: str, title: str | None = None) -> tuple[str, Evidence] | None:
    """The phase and where its words were read (Elsewhere("title") or a Span into `opening`)."""
    if title:
        found = _first_phase(title)
        if found:
            return found[0], Elsewhere("title")
    disclosure = _DISCLOSURE.search(opening)
    windows = [(disclosure.start(), disclosure.end())] if disclosure else []
    for start, end in [*windows, (0, len(opening))]:
        found = _first_phase(opening, start, end)
        if found:
            return found
    return None


def _first_phase(text: str, start: int = 0, end: int | None = None) -> tuple[str, Span] | None:
    stop = len(text) if end is None else end
    for label, pattern in _PHASES:
        match = pattern.search(text, start, stop)
        if match:
            return label, Span(match.start(), match.end())
    return None
