"""Re-running today's cleaner and parser over what the archive stored, with no network.

`parse_stored` turns stored bytes (a notice version, a notice's current page, a non-notice page)
back into a `FetchedPage` and runs the crawl's own clean and parse steps on it, so a re-parse
gives exactly what a crawl of the same bytes would. What the archive does not keep is stood in
for: the list page's title and date by the stored record's title and date (they only count when
the page has none of its own), the HTTP charset by nothing (the page's own declaration and
sniffing decide), and attachment files by their extracted text (their bytes are not loaded).

`reparse` walks the archive in batches and rewrites each record whose re-parse differs, in
place as the store does for the same bytes read by a newer parser: the versions (raw archive)
stay, the record, its hashes and `parser_version` change.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from packaging.version import InvalidVersion, Version
from sqlalchemy import Engine

from models import reparse as store
from models.hashing import fetch_digest_of, record_digest_of
from models.history import StoredNotice, StoredVersion
from models.notice_rows import Prepared
from pipelines.cleaning import SiteCleanRules, clean_html
from pipelines.common.cleaned import CleanedPage
from pipelines.common.fetched import FetchedAttachment, FetchedPage
from pipelines.parse import ParsePipeline
from pipelines.parsing import notice as parser
from pipelines.record_diff import FieldChange, describe, record_changes

logger = logging.getLogger(__name__)

BATCH = 200
EXAMPLES = 3  # per field in the report
EXAMPLE_LINES = 3  # lines of one example's diff
RulesFor = Callable[[str], SiteCleanRules]


def parse_stored(page: FetchedPage, rules: SiteCleanRules) -> FetchedPage:
    """Clean and parse `page` as the crawl's pipelines do; fills `cleaned`, `record`, `rule`."""
    try:
        page.cleaned = clean_html(page.body, url=page.url, declared_encoding=None, rules=rules)
    except Exception:  # as in the crawl: an uncleanable page still gets a (non-notice) record
        logger.exception("cleaning failed for %s", page.url)
        page.cleaned = CleanedPage(text="")
    ParsePipeline().process_item(page)
    return page


def stored_page(
    *,
    url: str,
    canonical_url: str,
    site_id: str,
    region: str | None,
    status: int | None,
    fetched_at: datetime,
    body: bytes,
    list_title: str | None = None,
    list_date: str | None = None,
    attachments: Iterable[FetchedAttachment] = (),
) -> FetchedPage:
    return FetchedPage(
        url=url,
        canonical_url=canonical_url,
        site_id=site_id,
        region=region,
        status=status,
        fetched_at=fetched_at,
        body=body,
        list_title=list_title,
        list_date=list_date,
        attachments=list(attachments),
    )


def version_page(notice: StoredNotice, version: StoredVersion) -> FetchedPage:
    """A stored version of a notice as the page it was, with the files it had."""
    return stored_page(
        url=notice.url,
        canonical_url=notice.canonical_url,
        site_id=notice.site_id,
        region=notice.region,
        status=version.http_status,
        fetched_at=version.fetched_at,
        body=version.body,
        list_title=notice.title,
        list_date=notice.published_date,
        attachments=[
            FetchedAttachment(
                name=f.name, url=f.url, content_type=f.content_type, sha256=f.sha256, text=f.text
            )
            for f in version.files
        ],
    )


def current_version() -> str:
    return parser.PARSER_VERSION


def older_versions(stored: Collection[str | None], than: Version) -> set[str | None]:
    """The stored parser versions older than `than`; unrecorded or unreadable ones count too."""
    older: set[str | None] = set()
    for v in stored:
        try:
            if v is None or Version(v) < than:
                older.add(v)
        except InvalidVersion:
            older.add(v)
    return older


@dataclass(frozen=True, slots=True)
class Example:
    url: str
    field: str
    lines: tuple[str, ...]  # old → new, or the first lines of a body diff


@dataclass
class ReparseReport:
    parser_version: str
    dry_run: bool
    notices: int = 0  # re-parsed
    changed: int = 0  # a field changed
    stamped: int = 0  # only the parser version (and hashes) changed
    demoted: int = 0  # no longer a notice by today's parser (kept, is_notice false)
    raw_pages: int = 0  # non-notice pages re-parsed
    promoted: int = 0  # now notices
    reasons: int = 0  # still not notices, for another rule
    skipped: int = 0  # a non-notice page whose URL is already a notice: left alone
    fields: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[Example]] = field(default_factory=dict)

    def note(self, url: str, change: FieldChange) -> None:
        self.fields[change.field] += 1
        shown = self.examples.setdefault(change.field, [])
        if len(shown) < EXAMPLES:
            shown.append(Example(url, change.field, tuple(describe(change)[:EXAMPLE_LINES])))


def reparse(
    engine: Engine,
    rules_for: RulesFor,
    *,
    regions: Collection[str] | None = None,
    since_version: Version | None = None,
    dry_run: bool = False,
    batch: int = BATCH,
) -> ReparseReport:
    """Re-parse stored notices, then stored non-notice pages; write changes unless `dry_run`."""
    report = ReparseReport(current_version(), dry_run)
    versions = None
    if since_version is not None:
        with engine.connect() as conn:
            versions = older_versions(store.parser_versions(conn), since_version)
    for notices in store.notice_batches(engine, regions, versions, batch):
        writes = [w for n in notices if (w := _reparse_notice(n, rules_for, report)) is not None]
        if writes and not dry_run:
            with engine.begin() as conn:
                for notice_id, row, problems in writes:
                    store.update_notice(conn, notice_id, row, problems)
    # Raw pages record no parser version: all of them are re-parsed whatever --since-version.
    for pages in store.raw_page_batches(engine, regions, batch):
        _reparse_raw_pages(engine, pages, rules_for, report, dry_run)
    return report


def _reparse_notice(
    stored: store.StoredNoticePage, rules_for: RulesFor, report: ReparseReport
) -> tuple[int, dict[str, Any], list[dict[str, Any]]] | None:
    report.notices += 1
    published = stored.record.get("published_date")
    page = stored_page(
        url=stored.url,
        canonical_url=stored.canonical_url,
        site_id=stored.site_id,
        region=stored.region,
        status=stored.http_status,
        fetched_at=stored.fetched_at,
        body=stored.body,
        list_title=stored.record.get("title"),
        list_date=published.isoformat() if published else None,
        attachments=[
            FetchedAttachment(
                name=a.name,
                url=a.url,
                status=a.status,
                content_type=a.content_type,
                sha256=a.sha256,
                text=a.text,
                error=a.error,
            )
            for a in stored.attachments
        ],
    )
    parse_stored(page, rules_for(stored.site_id))
    record = page.record or {}
    files = sorted((a.url, a.sha256) for a in stored.attachments)
    digest, has_nul = record_digest_of(record, files)
    if digest == stored.record_sha256:
        return None
    raw_sha = hashlib.sha256(stored.body).hexdigest()
    fetch = fetch_digest_of(raw_sha, record.get("parser_version"), files)
    prepared = Prepared.of(page, fetch, digest, has_nul)
    row = {**prepared.row, "is_notice": page.is_notice}
    new = {k: row.get(k) for k in stored.record if k != "problems"}
    new["problems"] = [{k: p.get(k) for k in store.PROBLEM_FIELDS} for p in prepared.problems]
    changes = record_changes(stored.record, new)
    if changes:
        report.changed += 1
        report.demoted += not page.is_notice
        for change in changes:
            report.note(stored.url, change)
    else:
        report.stamped += 1
    return stored.id, row, prepared.problems


def _reparse_raw_pages(
    engine: Engine,
    pages: list[store.StoredRawPage],
    rules_for: RulesFor,
    report: ReparseReport,
    dry_run: bool,
) -> None:
    promote: list[tuple[store.StoredRawPage, Prepared]] = []
    reasons: list[tuple[int, str]] = []
    for raw in pages:
        report.raw_pages += 1
        page = parse_stored(
            stored_page(
                url=raw.url,
                canonical_url=raw.canonical_url,
                site_id=raw.site_id,
                region=raw.region,
                status=raw.http_status,
                fetched_at=raw.last_seen_at,
                body=raw.body,
                list_title=raw.title,
            ),
            rules_for(raw.site_id),
        )
        if page.is_notice:
            record = page.record or {}
            digest, has_nul = record_digest_of(record, [])
            raw_sha = hashlib.sha256(raw.body).hexdigest()
            fetch = fetch_digest_of(raw_sha, record.get("parser_version"), [])
            promote.append((raw, Prepared.of(page, fetch, digest, has_nul)))
        elif page.non_notice_reason != raw.reason:
            report.reasons += 1
            report.note(raw.url, FieldChange("reason", raw.reason, page.non_notice_reason))
            reasons.append((raw.id, page.non_notice_reason))
    with engine.connect() if dry_run else engine.begin() as conn:
        for raw, prepared in promote:
            if store.notice_exists(conn, raw.canonical_url):
                report.skipped += 1
                continue
            report.promoted += 1
            report.note(raw.url, FieldChange("is_notice", False, True))
            if not dry_run:
                store.promote_raw_page(conn, raw, prepared.row, prepared.problems, prepared.version)
        if not dry_run:
            for page_id, reason in reasons:
                store.update_raw_reason(conn, page_id, reason)
