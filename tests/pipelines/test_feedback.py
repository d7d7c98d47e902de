"""The feedback-news reader `notices link` is given (pipelines/feedback.py): which stored pages
it reads, and a page's events as the crawl's cleaner and the extractor find them."""

from __future__ import annotations

import pytest

from models.link import StoredPage
from pipelines.feedback import NOT_FEEDBACK_RULES, page_events
from pipelines.parsing.classify import NO_EVIDENCE, PARSE_FAILED, RULES, TOO_LONG

NEWS = "市委第三巡察组向区民政局党组反馈巡察情况"


def _html(title: str, text: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
        f"<div>发布时间：2024-01-12</div><div><p>{text}</p>"
        "<p>区民政局党组书记表示，将照单全收，坚决抓好整改落实。</p></div></body></html>"
    )


def test_the_skipped_rules_are_the_classifiers() -> None:
    known = {rule for rule, _, _ in RULES} | {d.rule for d in (NO_EVIDENCE, PARSE_FAILED, TOO_LONG)}
    assert known >= NOT_FEEDBACK_RULES
    assert "feedback_title" not in NOT_FEEDBACK_RULES


# (the page's charset, its list title, its own title) -> the units of its events
PAGES = [
    ("utf-8", None, NEWS, ["区民政局党组"]),
    ("gbk", None, NEWS, ["区民政局党组"]),  # the bytes are searched in the page's own encoding
    ("utf-8", NEWS, NEWS, ["区民政局党组"]),
    ("utf-8", "市委第三巡察组向区民政局党组反…", NEWS, ["区民政局党组"]),  # a cut list title
    # the list title says what the page is: not cleaned, though its body tells the feedback
    ("utf-8", "区民政局召开巡察反馈问题整改推进会", NEWS, []),
    ("utf-8", None, "市委第三巡察组进驻区民政局开展巡察", []),  # no feedback told
]


@pytest.mark.parametrize(("charset", "list_title", "title", "units"), PAGES)
def test_page_events(charset: str, list_title: str | None, title: str, units: list[str]) -> None:
    text = (
        "1月10日，市委第三巡察组向区民政局党组反馈巡察情况。"
        if "反馈" in title
        else "1月9日，进驻。"
    )
    html = _html(title, text).replace("<head>", f'<head><meta charset="{charset}">')
    page = StoredPage(1, "http://127.0.0.1/a/1.html", "鹤城区", list_title, html.encode(charset))
    events = page_events(page)
    assert [e.unit for e in events] == units
    if events:
        assert (events[0].feedback_date, events[0].unit_key) == ("2024-01-10", "431202:民政局")
