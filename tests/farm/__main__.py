"""`python -m tests.farm --port N --sites demo|farm|all|bench`: serve until interrupted."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading

from crawler.demo.server import Farm
from tests.farm import start_farm
from tests.farm.bench_farm import start_bench_farm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.farm", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port for every site (0: a free one)")
    parser.add_argument("--sites", default="demo", choices=["demo", "farm", "all", "bench"])
    args = parser.parse_args(argv)
    # Before the ready line: a caller may send SIGTERM the moment it reads it, and the default
    # action would end the process with -15 instead of a clean stop and 0.
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    farm: Farm = (
        start_bench_farm(args.port) if args.sites == "bench" else start_farm(args.sites, args.port)
    )
    print(farm.port, flush=True)
    for site in farm.sites:
        print(site.site_id, farm.base_url(site.site_id), flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        stop.wait()
    farm.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
