"""Feedback news for `notices link`: a stored non-notice page cleaned as the crawl cleans it and
read by the feedback-news extractor (pipelines/parsing/feedback_news.py). The database layer
hands the stored pages in (models/link.py); this module is the reader it is given."""

from __future__ import annotations

import logging

from models.link import FeedbackReader, StoredPage
from pipelines.cleaning import clean_html
from pipelines.common.dates import iso_date
from pipelines.parsing import regions
from pipelines.parsing.feedback_news import FeedbackEvent, feedback_events, feedback_title

logger = logging.getLogger(__name__)

# The classifier's rules (pipelines/parsing/classify.py) that set aside only pages that cannot
# be feedback news; a page set aside by any other rule (feedback_title, meeting_title,
# news_report, no_own_report …) is read. tests/pipelines/test_feedback.py holds them to the
# classifier's rule ids.
NOT_FEEDBACK_RULES = frozenset(
    {
        "no_inspection_word",
        "list_page",
        "consultation_draft",
        "plan_circular",
        "plan_title",
        "audit_rectification",
        "too_long",
        "parse_failed",
    }
)
# 反馈 as a page's bytes hold it (UTF-8, GBK): a page without it is not cleaned at all.
FEEDBACK_BYTES = tuple("反馈".encode(codec) for codec in ("utf-8", "gbk"))
# How a list page cuts a long title: such a title does not say what the page is.
CUT_TITLE_ENDS = ("…", "...")


def page_events(page: StoredPage) -> list[FeedbackEvent]:
    """The events a stored page tells; none when it is not feedback news or cannot be cleaned.
    The site's generic cleaning rules are used: the link runs without the registry."""
    if not any(word in page.body for word in FEEDBACK_BYTES):
        return []
    if page.title and not page.title.endswith(CUT_TITLE_ENDS) and not feedback_title(page.title):
        return []  # its list title is no feedback news's: cleaning it would find none
    try:
        cleaned = clean_html(page.body, url=page.url)
    except Exception:  # as in the crawl, one page the cleaner cannot read is skipped
        logger.exception("cleaning failed for %s", page.url)
        return []
    title = cleaned.meta.title or page.title
    return feedback_events(
        title, cleaned.text, iso_date(cleaned.meta.published), regions.code_of_name(page.region)
    )


READER = FeedbackReader(NOT_FEEDBACK_RULES, page_events)
