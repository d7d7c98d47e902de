"""The signature block at the end: the issuing unit's name over a date."""

from __future__ import annotations

from pipelines.parsing.dates import DATE_RE, hit_from_match
from pipelines.parsing.units import is_org_name

_SCAN = 4
_MAX_LINE = 80  # a signature line is a unit name and a date


def _date_line(line: str) -> str | None:
    match = DATE_RE.fullmatch(line.replace(" ", ""))
    if not match:
        return None
    hit = hit_from_match(match)
    if hit is None or hit.year is None or hit.day is None:
        return None
    return hit.iso()


def _org_then_date(line: str) -> tuple[str, str] | None:
    """'中共XX党组 2023年9月18日' on one line (also without the space)."""
    compact = line.replace(" ", "")
    if len(compact) > _MAX_LINE:
        return None
    for match in DATE_RE.finditer(compact):
        if match.end() == len(compact) and match.start() > 0:
            org, signed = compact[: match.start()], _date_line(compact[match.start() :])
            if signed and is_org_name(org):
                return org, signed
    return None


def find_signature(paras: list[str]) -> tuple[str | None, str | None]:
    """(signed_by, signed_date) from the last paragraphs; (None, None) when there is no block."""
    tail = paras[-_SCAN:]
    for i in range(len(tail) - 1, -1, -1):
        line = tail[i].strip()
        signed = _date_line(line)
        if signed is None:
            joined = _org_then_date(line)
            if joined:
                return joined
            continue
        before = tail[i - 1].strip().replace(" ", "") if i > 0 else ""
        return (before if is_org_name(before) else None), signed
    last = tail[-1].strip().replace(" ", "") if tail else ""
    return (last if is_org_name(last) else None), None
