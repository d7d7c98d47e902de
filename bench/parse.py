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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
    for text in texts:  # warm-up: compiled regexes, the OpenCC converter
        parse_notice(text)
    timings: list[float] = []
    started = time.perf_counter()
    for _ in range(args.repeat):
        for text in texts:
            t0 = time.perf_counter()
            parse_notice(text)
            timings.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - started
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"notices: {len(texts)} fixture texts x {args.repeat} = {len(timings)} parses")
    print(f"mean size: {chars:.0f} characters")
    print(f"throughput: {len(timings) / elapsed:.0f} notices/s (one core)")
    print(f"ms per notice: median {statistics.median(timings):.2f}, p95 {p95:.2f}")


if __name__ == "__main__":
    main()
