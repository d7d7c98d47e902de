"""ParsePipeline (200): `item.cleaned` -> `item.record` (the record as a dict), and `item.rule`:
the rule that decided whether it is a notice. Never drops an item, never raises.

A page whose body only points to an attachment (a short line such as "详见附件" with the notice
in a .docx/.pdf) is parsed from the attachment's extracted text, keeping the page's own
metadata and attachment list. When no attachment has text (an .ofd, a dead link), the page is
still a notice if its title or the quoted document name is a rectification notice's title: the
record keeps what the page says (title, dates, source, attachments). Stats:
`notices/parse/notice`, `notices/parse/non_notice`, `notices/parse/from_attachment`,
`notices/parse/attachment_unread` (such a pointer page kept without the notice's text),
`notices/parse/errors`.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from typing import Any

from pipelines.cleaning.text import clean_text
from pipelines.common.cleaned import AttachmentLink, CleanedPage, PageMeta
from pipelines.common.pointer import short_enough_to_point
from pipelines.parsing import PARSER_VERSION, NoticeRecord, regions
from pipelines.parsing.classify import PARSE_FAILED
from pipelines.parsing.notice import Parsed, parse_with_decision

logger = logging.getLogger(__name__)

_NOTICE_WORDS = re.compile(r"巡[视察]|整改")


class ParsePipeline:
    def __init__(self, crawler: Any = None) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ParsePipeline:
        return cls(crawler)

    def _stat(self, key: str) -> None:
        stats = getattr(self.crawler, "stats", None)
        if stats is not None:
            stats.inc_value(key)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if getattr(item, "not_modified", False):
            return item  # a 304 has no body: the stored record stands
        if not hasattr(item, "cleaned"):
            return item  # not a page (another pipeline's item): nothing to parse
        if item.cleaned is not None and item.cleaned.failure:
            # No body found (pipelines/clean.py): no record; the raw page is kept with the reason.
            item.record, item.rule = None, item.cleaned.failure
            return item
        try:
            parsed = self.parse_item(item)
            record, item.rule = parsed.record, parsed.decision.rule
        except Exception:  # one odd page must not stop a crawl: keep it, marked as no notice
            logger.exception("parse failed for %s", getattr(item, "url", "?"))
            self._stat("notices/parse/errors")
            cleaned = getattr(item, "cleaned", None)
            body = cleaned.text if isinstance(cleaned, CleanedPage) else ""
            record = NoticeRecord(is_notice=False, parser_version=PARSER_VERSION, body_text=body)
            item.rule = PARSE_FAILED.rule
        item.record = record.to_dict()  # the page carries the record as the store writes it
        self._stat("notices/parse/notice" if record.is_notice else "notices/parse/non_notice")
        return item

    def parse_item(self, item: Any) -> Parsed:
        cleaned: CleanedPage = item.cleaned if item.cleaned is not None else CleanedPage(text="")
        meta = page_meta(cleaned.meta, item.list_title, item.list_date)
        # The site's registry region, by its name: the parser's fallback for region_code.
        meta = dataclasses.replace(meta, region_code=regions.code_of_name(item.region))
        links = attachment_links(cleaned, item.attachments)
        text = cleaned.text
        pointed = pointed_attachment_text(text, item.attachments)
        if pointed is not None:
            self._stat("notices/parse/from_attachment")
            attached = clean_text(pointed)
            links = [*links, *attached.attachments]
            text = attached.text
            meta = page_meta(meta, attached.meta.title, attached.meta.published)
        parsed = parse_with_decision(text, meta, links)
        if (
            pointed is None
            and parsed.record.is_notice
            and short_enough_to_point(text)
            and item.attachments
        ):
            self._stat("notices/parse/attachment_unread")
        return parsed


def page_meta(meta: PageMeta, title: str | None, published: str | None) -> PageMeta:
    """The page's metadata, with the list page's title and date where the page has none."""
    return dataclasses.replace(
        meta, title=meta.title or title, published=meta.published or published
    )


def attachment_links(cleaned: CleanedPage, fetched: list[Any]) -> list[AttachmentLink]:
    links = list(cleaned.attachments)
    names = {link.name for link in links}
    for attachment in fetched:
        if attachment.name and attachment.name not in names:
            links.append(AttachmentLink(name=attachment.name, url=attachment.url))
            names.add(attachment.name)
    return links


def pointed_attachment_text(body: str, fetched: list[Any]) -> str | None:
    """The text of the attachment a near-empty page points to, if one was read."""
    if not short_enough_to_point(body):
        return None
    texts = [a.text for a in fetched if a.text and len(a.text.strip()) > len(body.strip())]
    if not texts:
        return None
    return max(texts, key=lambda t: (bool(_NOTICE_WORDS.search(t)), len(t)))
