"""Parser speed: parse every fixture notice 200 times on one core; print notices/s and the
median and p95 milliseconds per notice.

    .venv/bin/python bench/parse.py [--repeat 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.parsing import parse_notice

CORPUS = ROOT / "tests" / "fixtures" / "corpus"


def _report(label: str, timings: list[float], elapsed: float) -> None:
    timings = sorted(timings)
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(
        f"{label:>8}: {len(timings) / elapsed:6.0f} notices/s, ms per notice: "
        f"median {statistics.median(timings):.2f}, p95 {p95:.2f} ({len(timings)} parses)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    paths = sorted(CORPUS.rglob("*.txt"))
    texts = [(p.relative_to(CORPUS).parts[0], p.read_text(encoding="utf-8")) for p in paths]
    for _, text in texts:  # warm-up: compiled regexes, the OpenCC converter
        parse_notice(text)
    timings: dict[str, list[float]] = {}
    spent: dict[str, float] = {}
    for _ in range(args.repeat):
        for subset, text in texts:
            t0 = time.perf_counter()
            parse_notice(text)
            took = time.perf_counter() - t0
            timings.setdefault(subset, []).append(took * 1000)
            spent[subset] = spent.get(subset, 0.0) + took
    sizes = {s: [len(t) for n, t in texts if n == s] for s in timings}
    print(f"{len(texts)} fixture notices x {args.repeat}, one core")
    for subset, values in timings.items():
        mean = sum(sizes[subset]) / len(sizes[subset])
        _report(f"{subset} ({len(sizes[subset])}, ~{mean:.0f} chars)", values, spent[subset])
    _report("all", [t for v in timings.values() for t in v], sum(spent.values()))


if __name__ == "__main__":
    main()
