"""What the cleaner hands the parser: clean text plus what the page itself knows."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PageMeta:
    """Metadata a page states about itself, as written (the parser normalises dates)."""

    title: str | None = None
    published: str | None = None  # e.g. '2024-06-24 10:00', '2025年02月17日'
    source: str | None = None  # 来源
    author: str | None = None  # 作者
    column: str | None = None  # breadcrumb / column name
    written: str | None = None  # 成文日期, kept apart from the publication date
    updated: str | None = None  # 更新时间, likewise
    region_code: str | None = None  # the site's registry region (GB/T 2260), when the crawl knows


@dataclass(frozen=True, slots=True)
class AttachmentLink:
    name: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class CleanedPage:
    text: str  # main content, chrome removed, one paragraph per line
    meta: PageMeta = field(default_factory=PageMeta)
    attachments: tuple[AttachmentLink, ...] = ()
    encoding: str | None = None  # the encoding the bytes were decoded with
