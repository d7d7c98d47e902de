"""What the cleaner hands the parser: clean text plus what the page itself knows."""

from __future__ import annotations

from dataclasses import dataclass, field

# Why the cleaner could not give a page's body (`CleanedPage.failure`): the page holds an
# article's worth of prose, yet the body came out empty or near-empty. The pipeline stores no
# record for it and the crawl counts it as a failed detail page.
EMPTY_BODY = "empty_body"


@dataclass(frozen=True, slots=True)
class PageMeta:
    """Metadata a page states about itself, as written (the parser normalises dates)."""

    title: str | None = None
    published: str | None = None  # e.g. '2024-06-24 10:00', '2025年02月17日'
    source: str | None = None  # 来源
    author: str | None = None  # 作者
    column: str | None = None  # breadcrumb / column name
    # A 信息公开 table's fields, as written (pipelines/cleaning/vocab.py INFO_LABELS).
    written: str | None = None  # 成文日期, apart from the publication date
    index_no: str | None = None  # 索引号
    doc_number: str | None = None  # 文号
    topic: str | None = None  # 主题分类
    updated: str | None = None  # 更新时间, kept apart from the publication date
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
    failure: str | None = None  # EMPTY_BODY, or None when the text is the page's body
