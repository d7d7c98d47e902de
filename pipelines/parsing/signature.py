"""The signature block at the end: the issuing unit's name over a date."""

from __future__ import annotations

import re

from pipelines.parsing.dates import DATE_RE, hit_from_match
from pipelines.parsing.text import in_table
from pipelines.parsing.units import is_org_name
from pipelines.parsing.vocab import DISTRIBUTION_LABELS, SEAL_WORDS, alternation

_SCAN = 4
_MAX_LINE = 80  # a signature line is a unit name and a date
_SEAL = re.compile(rf"\({alternation(SEAL_WORDS)}\)$")  # 中共某局党组（盖章）
_DISTRIBUTION = re.compile(rf"^{alternation(DISTRIBUTION_LABELS)}\s*:|^.{{2,40}}\d{{1,2}}日印发$")
_UNIT_TAIL_MAX = 8  # the last part of a unit's name wrapped onto a line of its own: 党组


def _compact(line: str) -> str:
    """Without the spaces and tabs a layout put between the unit and the date: every character
    \\s matches (str.split splits on the same ones), removed faster than by a pattern."""
    return "".join(line.split())


def _date_line(line: str) -> str | None:
    match = DATE_RE.fullmatch(_compact(line))
    if not match:
        return None
    hit = hit_from_match(match)
    if hit is None or hit.year is None or hit.day is None:
        return None
    return hit.iso()


def _unit(line: str) -> str | None:
    name = _SEAL.sub("", _compact(line))
    return name if is_org_name(name) else None


def _org_then_date(line: str) -> tuple[str, str] | None:
    """'中共XX党组 2023年9月18日' on one line (also without the space)."""
    compact = _compact(line)
    if len(compact) > _MAX_LINE:
        return None
    for match in DATE_RE.finditer(compact):
        if match.end() == len(compact) and match.start() > 0:
            org, signed = _unit(compact[: match.start()]), _date_line(compact[match.start() :])
            if signed and org:
                return org, signed
    return None


def _unit_above(tail: list[str], i: int) -> str | None:
    """The unit named on the line(s) above the date line at `i`."""
    if i == 0:
        return None
    unit = _unit(tail[i - 1])
    if unit is None and i >= 2 and len(tail[i - 1].strip()) <= _UNIT_TAIL_MAX:
        unit = _unit(tail[i - 2].strip() + tail[i - 1].strip())
    return unit


def find_signature(paras: list[str]) -> tuple[str | None, str | None]:
    """(signed_by, signed_date) from the last paragraphs; (None, None) when there is no block.
    Distribution lines (抄送：…) and table rows after the block are skipped."""
    end = len(paras)
    while end > 0 and (_DISTRIBUTION.search(paras[end - 1].strip()) or in_table(paras, end - 1)):
        end -= 1  # 抄送 lines, or a table a .docx extractor put after the whole text
    tail = paras[max(0, end - _SCAN) : end]
    for i in range(len(tail) - 1, -1, -1):
        line = tail[i].strip()
        signed = _date_line(line)
        if signed is None:
            joined = _org_then_date(line)
            if joined:
                return joined
            continue
        return _unit_above(tail, i), signed
    return (_unit(tail[-1]) if tail else None), None


def block_start(paras: list[str]) -> int:
    """Where the signature block at the end of `paras` begins (len(paras) when there is none):
    a date line and the unit above it, or a unit with its date on one line."""
    end = len(paras)
    if end and _org_then_date(paras[-1].strip()):
        return end - 1
    if not end or _date_line(paras[-1].strip()) is None:
        return end
    above = _unit_above(paras, end - 1)
    if above is None:
        return end - 1
    joined = end >= 3 and _unit(paras[-2]) is None  # the unit wrapped over two lines
    return end - 3 if joined else end - 2
