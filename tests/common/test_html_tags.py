"""Tags without visible words (pipelines/common/html_tags.py): cleaner and block check agree."""

from __future__ import annotations

from pipelines.common.html_tags import NON_CONTENT_TAGS, UNRENDERED_TAGS


def test_what_the_cleaner_removes_is_never_rendered() -> None:
    assert NON_CONTENT_TAGS < UNRENDERED_TAGS


def test_the_page_head_is_unrendered_but_not_removed_as_non_content() -> None:
    # The cleaner reads the <title> and <meta> tags before rendering; it must not drop them.
    assert {"head", "title", "meta"} <= UNRENDERED_TAGS - NON_CONTENT_TAGS
