"""A block signature: one way a response that is not content gives itself away.

`crawler/blocks.py` holds the ordered table of generic signatures; a platform module may declare
its own (`Profile.signatures`), which the table evaluates after the generic block pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from lxml import html as lxml_html

from pipelines.common.decoding import decode_html
from pipelines.common.html_tags import UNRENDERED_TAGS

_SHORT_PAGE = 50_000  # challenge pages are small; real pages with chrome are larger
_TITLE_RE = re.compile(r"<title>([^<]*)</title>", re.IGNORECASE)
_UNRENDERED_XPATH = "|".join(f"//{tag}" for tag in sorted(UNRENDERED_TAGS))


def visible_text(body: bytes) -> str:
    """Text a reader would see in <body> (no title, scripts or styles)."""
    if not body.strip():
        return ""
    text, _ = decode_html(body)  # decode here: an in-page charset can lie (UTF-8 declared gb2312)
    try:
        doc = lxml_html.fromstring(text)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for bad in doc.xpath(_UNRENDERED_XPATH):
        bad.drop_tree()
    return "".join(doc.text_content().split())


class Seen:
    """What a signature may look at in one response; the costly views are computed once."""

    def __init__(
        self,
        status: int,
        body: bytes,
        cookie_names: tuple[str, ...],
        content_type: str,
        has_attachments: bool,
    ) -> None:
        self.status = status
        self.body = body
        self.cookies = ",".join(cookie_names)
        self.content_type = content_type
        self.has_attachments = has_attachments
        self.small = len(body) < _SHORT_PAGE

    @cached_property
    def text(self) -> str:
        """The head of the body as text (markers sit near the top)."""
        return decode_html(self.body[:16384])[0]

    @cached_property
    def title(self) -> str | None:
        m = _TITLE_RE.search(self.text)
        return m.group(1) if m else None

    @cached_property
    def visible(self) -> str:
        return visible_text(self.body)


Test = Callable[[Seen], str | None]  # the detail for the run report when it matches, else None


@dataclass(frozen=True, slots=True)
class Signature:
    """When `test` matches a response, the response is of class `kind`; `None` is a usable page
    (nothing after it is looked at)."""

    kind: str | None
    test: Test


def text_marker(kind: str, markers: tuple[str, ...], detail: str) -> Signature:
    """A 2xx page whose text (its head) carries one of `markers`."""
    return Signature(kind, lambda seen: detail if any(m in seen.text for m in markers) else None)
