"""Sizes past which an input cannot be a notice, declared once for the cleaner and the parser.

A notice, even a long provincial one with its 整改台账 table, runs to some tens of thousands of
characters in a page of a few thousand elements; a list page of 100,000 links or a multi-megabyte
dump is something else, and reading it as a notice costs seconds to minutes. Such an input is
classified (the parser's rule `too_long`) and kept, not parsed.
"""

from __future__ import annotations

MAX_NOTICE_CHARS = 300_000  # characters of cleaned text the parser reads as a possible notice
MAX_PAGE_ELEMENTS = 50_000  # elements of a page the cleaner locates a body in
