"""Pure notice parser: cleaned text (+ page metadata) -> NoticeRecord. No Scrapy, no SQL, no I/O."""

from __future__ import annotations

from pipelines.parsing.notice import PARSER_VERSION, parse_notice
from pipelines.parsing.record import NoticeRecord

__all__ = ["PARSER_VERSION", "NoticeRecord", "parse_notice"]
