"""SQLAlchemy models of the archive. `from models import Notice` works for researchers."""

from __future__ import annotations

from models.attachment_file import AttachmentFile
from models.base import Base
from models.crawl_run import CrawlRun, CrawlSiteOutcome
from models.inspection import Inspection, InspectionNotice
from models.notice import (
    Attachment,
    Notice,
    NoticeEvent,
    NoticeUrl,
    NoticeVersion,
    NoticeVersionFile,
    Problem,
)
from models.page_validator import PageValidator
from models.raw_page import RawPage
from models.site import Site

__all__ = [
    "Attachment",
    "AttachmentFile",
    "Base",
    "CrawlRun",
    "CrawlSiteOutcome",
    "Inspection",
    "InspectionNotice",
    "Notice",
    "NoticeEvent",
    "NoticeUrl",
    "NoticeVersion",
    "NoticeVersionFile",
    "PageValidator",
    "Problem",
    "RawPage",
    "Site",
]
