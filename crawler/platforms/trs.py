"""TRS WCM (拓尔思): `…/202306/t20230619_1700895.html` details, pager written by
`createPageHTML(…)`."""

from __future__ import annotations

from crawler.paging import TrsJs
from crawler.platforms.profile import ROW_LIST, Profile, frozen

PROFILE = Profile(
    name="trs",
    list_rules=ROW_LIST,
    pagination=frozen({"type": TrsJs.name}),
    content_selector=".TRS_Editor, .TRS_UEDITOR, .article-body, #zoom, .pages_content",
    markers=(r"createPageHTML\(", r"var\s+countPage", r"/t\d{8}_\d+\.s?html", r"TRS_Editor"),
)
