"""VSB (博达 Visual SiteBuilder): `/info/1026/2901.htm` details, `span.p_next` pager numbered
backwards, external-link articles that are only a `NewsvoteDWR` script."""

from __future__ import annotations

from crawler.paging import VsbNext
from crawler.platforms.profile import ROW_LIST, Profile, frozen
from crawler.platforms.signature import text_marker

PROFILE = Profile(
    name="vsb",
    # VSB's @title is often the site name; the real title is the <p> inside the link
    list_rules=frozen({**ROW_LIST, "title": ["a p", "a", "a @title"]}),
    pagination=frozen({"type": VsbNext.name}),
    content_selector="#vsb_content, .v_news_content",
    markers=(r"Visual\s*SiteBuilder", r"span class=\"p_next", r"/info/\d+/\d+\.htm", r"wbnewsid="),
    signatures=(
        text_marker(
            "redirect_js",
            ("NewsvoteDWR.getNewsLinkUrl",),
            "content is a script redirect to another page",
        ),
    ),
)
