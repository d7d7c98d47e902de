"""Ground truth of each fixture site: what a correct crawl reaches, stores, skips and reports."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.farm.catalog import site_root

TRUTH_FILE = "truth.json"


@dataclass(frozen=True, slots=True)
class AttachmentTruth:
    url: str  # path on the site
    name: str  # anchor text
    ext: str
    sha256: str | None  # None when the URL answers something that is not the file
    size: int
    text_snippet: str | None  # a string the extracted text contains; None if not extractable
    ok: bool  # False: the URL answers HTML instead of the file (wrong_content_type)


@dataclass(frozen=True, slots=True)
class NoticeTruth:
    path: str
    alt_paths: tuple[str, ...]
    title: str
    published: str  # ISO date the page states
    source: str | None
    publisher: str | None
    inspected_unit: str | None
    inspection_body: str | None
    problems: int | None
    body_contains: tuple[str, ...]
    body_in_attachment: bool
    attachments: tuple[AttachmentTruth, ...]


@dataclass(frozen=True, slots=True)
class PageTruth:
    path: str
    title: str
    reason: str  # why it is not a notice: distractor, news, guide, redirect_js, ...
    alt_paths: tuple[str, ...] = ()  # other URLs of the same page (VSB content.jsp)


@dataclass(frozen=True, slots=True)
class BlockedTruth:
    path: str
    status: int
    cls: str  # expected outcome class


@dataclass(frozen=True, slots=True)
class EncodingCase:
    path: str
    bytes_encoding: str
    header_charset: str | None
    meta_charset: str | None
    suspect: bool


@dataclass(frozen=True, slots=True)
class ChangeTruth:
    case: str  # edit_body, edit_title, replace_attachment, cosmetic, hard_delete, ...
    path: str
    expect: str  # updated, unchanged, inserted, gone, moved, ...
    note: str


@dataclass(frozen=True, slots=True)
class SiteTruth:
    site: str
    name: str
    platform: str
    host: str
    prefix: str
    encoding: str
    start_paths: tuple[str, ...]
    list_paths: tuple[str, ...]
    never_paths: tuple[str, ...]
    notices: tuple[NoticeTruth, ...]
    non_notices: tuple[PageTruth, ...]
    blocked: tuple[BlockedTruth, ...]
    external: tuple[str, ...]
    encoding_cases: tuple[EncodingCase, ...]
    chrome: tuple[str, ...]  # phrases on every HTML notice page that must not survive cleaning
    epoch: int | None = None  # for sites that change between runs (farm-mutable)
    changes: tuple[ChangeTruth, ...] = ()  # what changed since the previous epoch
    # Cookies a page's challenge script sets (site H): sending them gets the real pages.
    js_cookies: dict[str, str] = field(default_factory=dict)

    def url(self, path: str, port: int) -> str:
        """Absolute URL of a truth path on a farm listening on `port`."""
        if path.startswith("http://"):
            return path.replace("{port}", str(port))
        return f"http://{self.host}:{port}{path}"

    @property
    def attachments(self) -> tuple[AttachmentTruth, ...]:
        return tuple(a for n in self.notices for a in n.attachments)


def load_truth(site_id: str, sites_dir: Path | None = None, epoch: int = 1) -> SiteTruth:
    """The truth of a site; for a site with epochs, of the given epoch (1 = as first served)."""
    root = sites_dir / site_id if sites_dir else site_root(site_id)
    path = root / TRUTH_FILE
    if not path.exists():
        path = root / f"epoch{epoch}" / TRUTH_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"no ground truth for site {site_id!r} at {path}") from None
    return parse_truth(data)


def parse_truth(data: dict[str, Any]) -> SiteTruth:
    return SiteTruth(
        site=data["site"],
        name=data["name"],
        platform=data["platform"],
        host=data["host"],
        prefix=data["prefix"],
        encoding=data["encoding"],
        start_paths=tuple(data["start_paths"]),
        list_paths=tuple(data["list_paths"]),
        never_paths=tuple(data["never_paths"]),
        notices=tuple(_notice(n) for n in data["notices"]),
        non_notices=tuple(
            PageTruth(p["path"], p["title"], p["reason"], tuple(p.get("alt_paths", ())))
            for p in data["non_notices"]
        ),
        blocked=tuple(BlockedTruth(**b) for b in data["blocked"]),
        external=tuple(data["external"]),
        encoding_cases=tuple(EncodingCase(**e) for e in data["encoding_cases"]),
        chrome=tuple(data["chrome"]),
        epoch=data.get("epoch"),
        changes=tuple(ChangeTruth(**c) for c in data.get("changes", [])),
        js_cookies=dict(data.get("js_cookies", {})),
    )


def _notice(data: dict[str, Any]) -> NoticeTruth:
    return NoticeTruth(
        path=data["path"],
        alt_paths=tuple(data["alt_paths"]),
        title=data["title"],
        published=data["published"],
        source=data["source"],
        publisher=data["publisher"],
        inspected_unit=data["inspected_unit"],
        inspection_body=data["inspection_body"],
        problems=data["problems"],
        body_contains=tuple(data["body_contains"]),
        body_in_attachment=data["body_in_attachment"],
        attachments=tuple(AttachmentTruth(**a) for a in data["attachments"]),
    )
