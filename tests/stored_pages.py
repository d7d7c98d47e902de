"""Pages of the mutable farm site (tests/farm, site G) as a crawl hands them to the store, for
tests of what the archive does with stored pages (reparse, history) without running a crawl."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pipelines.cleaning import SiteCleanRules
from pipelines.common.fetched import FetchedPage
from pipelines.reparse import parse_stored, stored_page

FILES = Path(__file__).resolve().parent / "farm" / "sites" / "farm-mutable"
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def farm_page(
    epoch: int, name: str, *, rule_as: bool | None = None, at: datetime = T0
) -> FetchedPage:
    """A farm-mutable page parsed as a crawl would; `rule_as` forces the stored is_notice."""
    url = f"http://127.0.0.17/xcgk/{name}.jhtml"
    body = (FILES / f"epoch{epoch}" / "files" / "xcgk" / f"{name}.jhtml").read_bytes()
    page = parse_stored(
        stored_page(
            url=url,
            canonical_url=url,
            site_id="farm-mutable",
            region="测试站群",
            status=200,
            fetched_at=at,
            body=body,
        ),
        SiteCleanRules(),
    )
    if rule_as is not None:
        assert page.record is not None
        page.record = {**page.record, "is_notice": rule_as}
        page.rule = None if rule_as else "meeting_title"
    page.cleaned = None
    return page
