"""Is a page a column of notices? Its rows, found as `sites add` finds them (the platform's
selectors, else the automatic row finder), and how many of them read like notices."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from crawler import autolist, listing
from crawler.discover import words
from crawler.platforms import PLATFORMS
from crawler.polite_fetch import detect_platform

# Does a row's title read like a notice? (None: the list did not give the title.)
TitleJudge = Callable[[str | None], bool]


@dataclass(frozen=True, slots=True)
class Rows:
    """The rows of a page's list block: a sample of them, and those that read like notices."""

    sample: tuple[listing.ListEntry, ...]
    notice_urls: frozenset[str]  # of the sample's rows that read like notices
    all_urls: frozenset[str]  # every row's URL (detail pages: never followed as navigation)

    @property
    def notices(self) -> int:
        return len(self.notice_urls)


def page_rows(text: str, url: str, reads_like_notice: TitleJudge) -> Rows:
    profile = PLATFORMS[detect_platform(url, text)]
    rows = autolist.entries(text, url, profile.list_rules)
    if not any(e.date for e in rows):
        # a profile's selectors that match only undated links matched a menu (a landing page
        # of sub-columns): its links are navigation to follow, not detail pages
        rows = []
    sample = tuple(rows[: words.SAMPLE_ROWS])
    notices = frozenset(e.url for e in sample if reads_like_notice(e.title))
    return Rows(sample, notices, frozenset(e.url for e in rows))
