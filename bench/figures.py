"""The record v2 figure extractors over long adversarial inputs: ms per KB at each size, beside
a normal notice's, so the ratio says how far from linear the worst input is (printed, never
asserted).

    .venv/bin/python bench/figures.py [--sizes 10,100,1000]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.parsing.accountability import extract_accountability
from pipelines.parsing.money import extract_money
from pipelines.parsing.rules_made import extract_rules_made
from pipelines.parsing.tallies import (
    extract_completion_rate,
    extract_status_counts,
    extract_tally_date,
)

EXTRACTORS: dict[str, Callable[[str], object]] = {
    "accountability": extract_accountability,
    "money": extract_money,
    "rules_made": extract_rules_made,
    "status_counts": extract_status_counts,
    "completion_rate": extract_completion_rate,
    "tally_date": extract_tally_date,
}
# Shapes that would make a pattern backtrack: long runs of what a figure is made of.
SHAPES: dict[str, str] = {
    "digits": "1",
    "cn_numerals": "一十百",
    "words_no_figure": "给予党纪处分问责立案",
    "status_words": "已完成基本完成正在推进",
    "amount_no_unit": "清退1.5万",
    "verbs_no_noun": "建立完善及修订",
    "open_breakdown": "党纪处分3人(党内警告",
    "as_of": "截至2023年",
    "spaces": " ",
}
NORMAL = (
    "在巡视整改工作中，立案40件，了结39件，给予党纪处分37人(党内警告18人、严重警告11人)；"
    "清退违规资金66.57万元，建立完善制度12项。截至2023年9月21日，已完成整改20个，完成率95%。\n"
)


def ms_per_kb(extract: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    extract(text)
    return (time.perf_counter() - start) * 1000 / (len(text.encode()) / 1024)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10,100,1000", help="KB, comma-separated")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'extractor':16} {'shape':16} " + " ".join(f"{s:>8}KB" for s in sizes))
    for name, extract in EXTRACTORS.items():
        for shape, unit in {"normal": NORMAL, **SHAPES}.items():
            row = []
            for kb in sizes:
                text = unit * (kb * 1024 // len(unit.encode()) + 1)
                row.append(f"{ms_per_kb(extract, text):10.3f}")
            print(f"{name:16} {shape:16} " + " ".join(row))
    print("(ms per KB; flat along a row is linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
