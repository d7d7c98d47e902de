"""Field-by-field comparison of a parsed record with a hand-labelled gold record.

A compact re-implementation of the project's scoring rules (the project never reads the shared
scorer): only fields present in the gold record are compared; unit names ignore a leading 中共
and a trailing 党组/党委; a problem title matches when the gold title is inside the parsed one.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from pipelines.common.record import NoticeRecord, Storage, names

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
# The fields by kind come from the record's declaration: the title is compared whole, the body
# through the boilerplate it must not hold, every other text field by containment.
STR_FIELDS = [f for f in names(NoticeRecord, Storage.TEXT) if f not in ("title", "body_text")]
UNIT_FIELDS = {"publisher", "inspected_unit", "signed_by"}
DATE_FIELDS = names(NoticeRecord, Storage.DATE, Storage.PARTIAL_DATE)
LABEL_FIELDS = names(NoticeRecord, Storage.LABEL)
NUMBER_FIELDS = names(NoticeRecord, Storage.NUMBER, Storage.REAL)
# Figures compared without their raw text: what was counted, how many, in what unit.
FIGURE_KEYS = {
    "accountability": ("kind", "count", "unit", "detail"),
    "money": ("kind", "yuan", "lower_bound"),
}


def norm(value: Any, unit: bool = False) -> str:
    text = unicodedata.normalize("NFKC", str(value)) if value is not None else ""
    text = re.sub(r"[\s“”\"'‘’《》〈〉<>]", "", text)
    if unit:
        text = re.sub(r"^中共", "", text)
        text = re.sub(r"(党组织|党支部|党总支|党组|党委|领导班子)$", "", text)
    return text


def same_str(gold: Any, pred: Any, unit: bool = False) -> bool:
    g, p = norm(gold, unit), norm(pred, unit)
    if not g or not p:
        return g == p
    short, long_ = sorted((g, p), key=len)
    return short in long_ and len(short) / len(long_) >= 0.4


def compare(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, bool]:
    """{field: right?} for every field the gold record labels."""
    out: dict[str, bool] = {}
    if "is_notice" in gold:
        out["is_notice"] = bool(pred["is_notice"]) == bool(gold["is_notice"])
        if not gold["is_notice"]:
            return out
    if "title" in gold:
        out["title"] = norm(gold["title"]) == norm(pred["title"])
    for field in STR_FIELDS:
        if field in gold:
            out[field] = same_str(gold[field], pred[field], field in UNIT_FIELDS)
    for field in DATE_FIELDS:
        if field in gold:
            out[field] = (gold[field] or None) == (pred[field] or None)
    for field in (*LABEL_FIELDS, *NUMBER_FIELDS):
        if field in gold:
            out[field] = gold[field] == pred[field]
    for field, keys in FIGURE_KEYS.items():
        if field in gold:
            out[field] = [tuple(g.get(k) for k in keys) for g in gold[field]] == [
                tuple(p[k] for k in keys) for p in pred[field]
            ]
    if "inspection_kinds" in gold:
        out["inspection_kinds"] = set(gold["inspection_kinds"]) == set(pred["inspection_kinds"])
    for key, value in (gold.get("counts") or {}).items():
        out[f"counts.{key}"] = pred["counts"][key] == value
    if gold.get("status_counts") is not None:
        got = pred["status_counts"] or {}
        out["status_counts"] = all(got.get(k) == v for k, v in gold["status_counts"].items())
    for key, value in (gold.get("contact") or {}).items():
        got = pred["contact"][key]
        if key in ("phones", "emails"):
            out[f"contact.{key}"] = {x.lower() for x in value} == {x.lower() for x in got}
        elif key == "address":
            out[f"contact.{key}"] = same_str(value, got)
        else:
            out[f"contact.{key}"] = (value or None) == (got or None)
    if "problems" in gold:
        gp, pp = gold["problems"], pred["problems"]
        out["problems.count"] = len(gp) == len(pp)
        out["problems.titles"] = all(
            i < len(pp) and norm(g["title"]) in norm(pp[i]["title"]) for i, g in enumerate(gp)
        )
        out["problems.aspects"] = all(
            i < len(pp) and same_str(g.get("aspect"), pp[i]["aspect"]) for i, g in enumerate(gp)
        )
    if "attachments" in gold:
        names = {norm(a["name"]) for a in pred["attachments"]}
        out["attachments"] = {norm(a) for a in gold["attachments"]} == names
    for chrome in gold.get("boilerplate_removed") or []:
        out[f"boilerplate:{chrome}"] = chrome not in pred["body_text"]
    return out


def cases(subset: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(id, text, gold) for every labelled notice of a fixture subset ('dev', 'heldout')."""
    root = CORPUS / subset
    found = []
    for gold_path in sorted(root.rglob("*.json")):
        text_path = gold_path.parent.parent / "texts" / f"{gold_path.stem}.txt"
        if not text_path.exists():
            text_path = gold_path.with_suffix(".txt")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        found.append((gold_path.stem, text_path.read_text(encoding="utf-8"), gold))
    return found
