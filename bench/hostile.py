"""Hostile-site benchmark: the real spider against tests/farm/hostile.py at the default download
limits (politeness off), with zip-bomb attachments that inflate to 1 GiB by default.

    .venv/bin/python bench/hostile.py [--bombs 11] [--bomb-mib 1024] [--timeout 30]

Prints the crawl's wall time, its peak RSS (the crawl and its attachment readers, from wait4),
how long the hostile pages took to end and what each ended in, and how many bombs' pages were
still stored. Targets: peak RSS <= 300 MB; the run ends within its timeouts (each slow answer
takes DOWNLOAD_TIMEOUT x (RETRY_TIMES + 1)).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler import exit_codes
from tests.farm.hostile import hostile_seeds, measured_run, start_hostile_farm

FAST = {
    "AUTOTHROTTLE_ENABLED": "0",
    "DOWNLOAD_DELAY": "0",
    "NOTICES_RETRY_BACKOFF": "0",
    "LOG_LEVEL": "INFO",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bombs", type=int, default=11, help="notices with a zip-bomb attachment")
    parser.add_argument("--bomb-mib", type=int, default=1024, help="MiB each bomb inflates to")
    parser.add_argument("--timeout", type=int, default=30, help="DOWNLOAD_TIMEOUT, seconds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp_name:
        tmp = Path(tmp_name)
        seeds = hostile_seeds(tmp / "seeds")
        dump = tmp / "items.jsonl"
        settings = {
            **FAST,
            "DOWNLOAD_TIMEOUT": str(args.timeout),
            "ITEM_PIPELINES": json.dumps({"tests.e2e.dump_pipeline.DumpPipeline": 900}),
            "DUMP_FILE": str(dump),
        }
        cmd = [sys.executable, "-m", "scrapy", "crawl", "notices"]
        cmd += ["-a", "region=hostile", "-a", f"seeds={seeds}"]
        for key, value in settings.items():
            cmd += ["-s", f"{key}={value}"]
        with start_hostile_farm(0, args.bombs, args.bomb_mib * 1024 * 1024) as farm:
            measured = measured_run(cmd, {**os.environ, **farm.env()}, ROOT, timeout=3600)
            served = farm.requests
        items = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
        outcomes = json.loads(Path(f"{dump}.outcomes.json").read_text(encoding="utf-8"))
    # the hostile site's faults flag it (exit 1, needs a person): that is the crawl's right verdict
    if measured.returncode not in (exit_codes.OK, exit_codes.NEEDS_ATTENTION):
        sys.exit(f"crawl failed ({measured.returncode}):\n{measured.stderr[-3000:]}")
    bomb_errors = sorted(
        {a["error"] for i in items for a in i["attachments"] if a["url"].endswith("bomb.docx")}
    )
    stored = sorted(urlsplit(i["url"]).path for i in items)
    result = {
        "exit_code": measured.returncode,
        "seconds": round(measured.seconds, 1),
        "peak_rss_mb": round(measured.peak_rss_mb, 1),
        "requests_served": len(served),
        "stored": stored,
        "bomb_attachment_errors": bomb_errors,
        "problems": outcomes["hostile"]["problems"],
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    print(
        f"hostile crawl: {measured.seconds:.1f} s, peak RSS {measured.peak_rss_mb:.1f} MB "
        f"(target <= 300 MB: {'ok' if measured.peak_rss_mb <= 300 else 'ABOVE TARGET'}), "
        f"{len(stored)} pages stored of which {args.bombs} with a {args.bomb_mib} MiB bomb"
    )


if __name__ == "__main__":
    main()
