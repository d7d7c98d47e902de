"""A fixture notice as an attachment or an excerpt gives it: without its title line (and the
lines a wrap moved it onto), and cut at 800 characters."""

from __future__ import annotations

import json
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
EXCERPT = 800

# A title line: 关于…, 巡察整改…, …整改情况的报告 (simplified or traditional), not a sentence.
_TITLE = re.compile(r"关于|關於|巡[视察].{0,12}整改|整改.{0,8}(?:报告|報告|通报|通報)")
_TITLE_END = re.compile(r"(?:通报|通報|报告|報告|情况|情況|公开稿|公開稿|进展|進展)$")
_HEAD_LINES = 4  # a header (issuing unit, document number, column name) may stand above it


def drop_title(text: str) -> str:
    """The text without its title lines; without its first line when none reads as a title."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    drop = filled[:1]
    for k, i in enumerate(filled[:_HEAD_LINES]):
        line = lines[i].strip()
        if _TITLE.search(line) and len(line) < 100 and not line.endswith(("。", "：")):
            end = k
            while not _TITLE_END.search(lines[filled[end]].strip()) and end < k + 2:
                end += 1
            drop = filled[k : end + 1]
            break
    return "\n".join(line for n, line in enumerate(lines) if n not in set(drop))


def fixtures() -> list[tuple[str, str, bool]]:
    """(name, text, is_notice) of every fixture text, with its gold label."""
    out = []
    # heldout_v2 is left out: its title-less and cut texts are already what this makes.
    for path in sorted(
        p for subset in ("dev", "heldout") for p in (CORPUS / subset).rglob("*.txt")
    ):
        gold = path.with_suffix(".json")
        if not gold.exists():
            gold = path.parents[1] / "gold" / f"{path.stem}.json"
        label = json.loads(gold.read_text(encoding="utf-8"))["is_notice"]
        out.append((path.stem, path.read_text(encoding="utf-8"), bool(label)))
    return out


def variants() -> list[tuple[str, str, bool]]:
    """Each fixture without its title, and that cut at EXCERPT characters."""
    out = []
    for name, text, label in fixtures():
        untitled = drop_title(text)
        out.append((f"{name}-untitled", untitled, label))
        out.append((f"{name}-untitled-{EXCERPT}", untitled[:EXCERPT], label))
    return out
