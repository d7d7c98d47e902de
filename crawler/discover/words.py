"""The words and weights `sites discover` ranks navigation links and judges rows with.

Data, not code: a column the walk misses, or a decoy it spends pages on, is fixed here (and a
case in tests/crawler/test_discover_rank.py), not in the walk.
"""

from __future__ import annotations

from types import MappingProxyType

# Words of a link's label and what they promise: the columns notices are published in, and the
# sections those columns sit under. The best-weighted word of a label counts.
LABEL_WORDS = MappingProxyType(
    {
        "巡视巡察": 10.0,
        "巡察整改": 12.0,
        "巡视整改": 12.0,
        "整改落实": 11.0,
        "整改通报": 12.0,
        "整改公示": 12.0,
        "整改": 9.0,
        "巡察": 8.0,
        "巡视": 8.0,
        "通知公告": 5.0,
        "公示公告": 5.0,
        "公告公示": 5.0,
        "通报": 5.0,
        "通知通告": 5.0,
        "公示": 4.0,
        "公告": 4.0,
        "通告": 2.0,
        "通知": 2.0,
        "信息公开": 4.0,
        "政务公开": 4.0,
        "党务公开": 4.0,
        "党风廉政": 4.0,
        "纪检监察": 3.0,
        "监督": 2.0,
        "工作动态": 1.0,
        "专题": 2.0,
        "专栏": 2.0,
        "网站地图": 6.0,
        "站点地图": 6.0,
        "网站导航": 6.0,
        "站点导航": 6.0,
        "sitemap": 6.0,
    }
)
# Labels of sections that never hold a notice column: skipped, whatever else the label says.
AVOID_WORDS = (
    "首页",
    "机构",
    "领导",
    "简介",
    "概况",
    "职能",
    "互动",
    "交流",
    "信箱",
    "留言",
    "举报",
    "投诉",
    "咨询",
    "登录",
    "注册",
    "english",
    "无障碍",
    "长者",
    "视频",
    "图片",
    "下载",
    "联系我们",
    "搜索",
    "排行",
    "友情链接",
    "上一页",
    "下一页",
    "尾页",
    "末页",
    "上一篇",
    "下一篇",
)
# A label with an avoided word is followed only when another of its words weighs this much.
AVOID_UNLESS = 5.0
# The label of a "more" link; its column's name is the heading of the block it closes.
MORE_WORDS = ("更多", "more", "More", "MORE", ">>", "》》", "»")
# The heading of a block whose "more" link names the column: a heading tag, or an element whose
# id or class starts so.
HEADING_TOKENS = ("title", "tit", "hd", "head", "name", "bt", "lm")
# A column's name is short; a longer label is a row's title (a detail page), not a column.
MAX_LABEL = 12
# Where a link sits, from the tokens of its ancestors' id and class (nav: the menus; side: a
# left tree or sub-column menu; more: a block's "more" link; frame: a frame's page), and what
# that adds to its label's weight.
NAV_TOKENS = ("nav", "menu", "daohang", "header", "top", "head")  # anywhere in a token
SIDE_TOKENS = ("tree", "left", "side", "lm", "sub", "column", "catalog", "dir")  # a token's start
PLACE_WEIGHTS = MappingProxyType({"nav": 3.0, "side": 2.5, "more": 3.0, "frame": 3.0, "body": 0.0})
# Each level below the home costs this much priority, so the walk is breadth-first unless a
# label promises much more.
DEPTH_COST = 4.0
# A link is queued only when its weight reaches this (an unknown nav label does, by its place).
MIN_WEIGHT = 2.0
# Attributes a script-driven menu entry keeps its target in.
LINK_ATTRS = ("data-href", "data-url", "data-link")
# Files that are never a column page.
FILE_SUFFIXES = (
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".zip", ".rar", ".7z", ".jpg", ".jpeg",
    ".png", ".gif", ".bmp", ".svg", ".ico", ".css", ".js", ".mp4", ".mp3", ".flv", ".txt",
    ".xml", ".apk", ".exe",
)  # fmt: skip
# Rows of a column page's sample: what is shown and judged.
SAMPLE_ROWS = 20
