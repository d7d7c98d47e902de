"""A page's rows as `sites add` finds them, and how many of the sample read like notices."""

from __future__ import annotations

import pytest

from crawler.cli.discover_titles import reads_like_notice
from crawler.discover import words
from crawler.discover.judge import page_rows

URL = "http://www.qx.gov.cn/xczg/"
NOTICE = "中共县{}局党组关于县委巡察反馈意见整改落实情况的通报"


def listing(titles: list[str]) -> str:
    lis = "".join(
        f'<li><a href="/xczg/{n}.html">{t}</a><span>2024-05-{n % 28 + 1:02d}</span></li>'
        for n, t in enumerate(titles)
    )
    return f'<html><body><ul class="list">{lis}</ul></body></html>'


@pytest.mark.parametrize(
    ("titles", "sample", "notices"),
    [
        ([NOTICE.format(n) for n in "一二三"], 3, 3),
        ([NOTICE.format("一"), "2024年巡察整改工作推进会召开", "关于端午节放假的通知"], 3, 1),
        (["关于端午节放假的通知", "县纪委监委公开招聘公告"], 2, 0),
        # the sample is the first rows; a notice beyond it is not counted
        (
            ["关于端午节放假的通知"] * words.SAMPLE_ROWS + [NOTICE.format("九")],
            words.SAMPLE_ROWS,
            0,
        ),
    ],
)
def test_rows_and_notices(titles: list[str], sample: int, notices: int) -> None:
    rows = page_rows(listing(titles), URL, reads_like_notice)
    assert (len(rows.sample), rows.notices) == (sample, notices)
    assert len(rows.all_urls) == len(titles)


def test_a_page_without_a_list_has_no_rows() -> None:
    rows = page_rows("<html><body><p>机构职能</p></body></html>", URL, reads_like_notice)
    assert (rows.sample, rows.notices, rows.all_urls) == ((), 0, frozenset())


def test_a_landing_page_of_sub_columns_has_no_rows() -> None:
    # A Hanweb column URL makes the hanweb profile's selectors apply; on a landing page they match
    # only the undated menu of sub-columns, which must stay links to follow.
    menu = "".join(
        f'<li><a href="/col/col12{n}/index.html">{name}</a></li>'
        for n, name in enumerate(("巡察动态", "巡察公告", "整改通报"), start=11)
    )
    page = f'<html><body><div class="sub-menu"><ul>{menu}</ul></div></body></html>'
    rows = page_rows(page, "http://www.lx.gov.cn/col/col1210/index.html", reads_like_notice)
    assert (rows.sample, rows.all_urls) == ((), frozenset())
