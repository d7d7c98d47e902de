"""The exit codes of `notices nightly`, `notices health`, `notices crawl` and `scrapy crawl notices`.

Declared once so that cron, systemd (`SuccessExitStatus=`) and the docs agree with the code;
docs/operations.md lists them and a test checks it does.
"""

from __future__ import annotations

OK = 0  # every step ran and no site needs a person
NEEDS_ATTENTION = 1  # some site failed (or a step did not finish): read the health report
USAGE = 2  # bad arguments, settings or registry: nothing was started
LOCKED = 3  # another nightly run holds the archive's lock: this one did nothing

MEANINGS = {
    OK: "ok: every step ran and no site needs a person",
    NEEDS_ATTENTION: "some sites need a person, or a step did not finish (see the health report)",
    USAGE: "usage: bad arguments, settings or registry; nothing was started",
    LOCKED: "locked: another nightly run is in progress; this one did nothing",
}
