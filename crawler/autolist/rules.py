"""The words, patterns and weights `crawler.autolist` scores candidate list blocks with.

Data, not code: a skin whose rows are missed, or a sidebar that wins, is fixed here (and a page
in tests/crawler/test_autolist.py), not in the scoring loop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.common.dates import NUMERIC_DATE

# A full date in a row (2024-03-05, 2024/3/5, 2024.03.05, 2024年3月5日, with or without brackets).
FULL_DATE = re.compile(rf"(?<!\d){NUMERIC_DATE}")
# A year-less one ([03-05], 03/05, 3月5日): the detail page gives the year. Not part of a longer
# number, not a time (10:30) and not a count (1-3).
YEARLESS_DATE = re.compile(
    r"(?<![\d:.\-/])(?:0?[1-9]|1[0-2])\s*(?:[-/.]|月)\s*(?:0?[1-9]|[12]\d|3[01])\s*日?(?![\d:.\-/])"
)
# A day tile beside its year and month ("05 2024-03", "2024-03 05"), as card skins draw dates.
SPLIT_DATES = (
    re.compile(r"(?<!\d)(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*月?\s+(?P<d>\d{1,2})(?![\d:])"),
    re.compile(r"(?<![\d:])(?P<d>\d{1,2})\s+(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})(?!\d)"),
)

# Link texts that are chrome, never a row's title (pagers, "more" links, page tools).
NAV_TEXTS = frozenset(
    {
        "首页",
        "上一页",
        "下一页",
        "上页",
        "下页",
        "尾页",
        "末页",
        "更多",
        "更多>>",
        ">>",
        "<<",
        "more",
        "more>>",
        "返回",
        "返回首页",
        "打印",
        "关闭",
        "关闭窗口",
        "收藏",
        "设为首页",
        "加入收藏",
        "无障碍浏览",
        "长者模式",
    }
)
# Headings of sidebars and related-content boxes: a block right after one is not the column.
SIDEBAR_HEADINGS = (
    "点击排行",
    "阅读排行",
    "排行",
    "热点",
    "热门",
    "相关",
    "推荐",
    "友情链接",
    "图片新闻",
    "专题专栏",
)
# id/class tokens (split on non-letters, matched as prefixes) of chrome containers.
CHROME_TOKENS = (
    "nav",
    "menu",
    "foot",
    "header",
    "crumb",
    "location",
    "position",
    "dqwz",
    "side",
    "hot",
    "rank",
    "paihang",
    "phb",
    "tuijian",
    "recommend",
    "related",
    "xgwz",
    "xgxx",
    "friend",
    "link",
    "yqlj",
    "share",
    "pager",
    "pagination",
    "fenye",
    "banner",
    "search",
    "login",
    "slide",
)
# Tags whose content is chrome wherever it sits.
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})
# id/class substrings of list containers (a bonus, never required).
LIST_HINTS = ("list", "news", "article", "lb", "liebiao", "xxgk", "column", "wzlb", "info")
# Tags whose children can be rows.
ROW_TAGS = frozenset(
    {"li", "tr", "div", "dl", "dd", "dt", "p", "a", "span", "td", "table", "article", "section"}
)


@dataclass(frozen=True, slots=True)
class Weights:
    """How a candidate block scores (see `crawler.autolist.score`)."""

    dated_row: float = 3.0  # a row with a full date
    yearless_row: float = 2.0  # a row with only a month and day
    title_row: float = 2.0  # a row whose link text reads like a title
    busy_row: float = -1.5  # a row with more than `busy_links` links (a menu line)
    busy_links: int = 3
    chrome_factor: float = 0.2  # the block sits in a chrome container or after a sidebar heading
    hint_factor: float = 1.5  # the block's container is named like a list
    min_title: int = 6  # characters a title link needs
    min_dated_share: float = 0.5  # of the block's rows that carry a date
    min_title_share: float = 0.5  # of the block's rows whose link reads like a title


WEIGHTS = Weights()
