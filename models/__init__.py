"""SQLAlchemy models of the archive. `from models import Notice` works for researchers."""

from __future__ import annotations

from models.base import Base
from models.crawl_run import CrawlRun, CrawlSiteOutcome
from models.notice import Attachment, Notice, NoticeVersion, Problem
from models.raw_page import RawPage
from models.site import Site

__all__ = [
    "Attachment",
    "Base",
    "CrawlRun",
    "CrawlSiteOutcome",
    "Notice",
    "NoticeVersion",
    "Problem",
    "RawPage",
    "Site",
]
