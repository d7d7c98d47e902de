"""Page-chrome vocabulary as data: what a flattened government page carries besides the notice.

Tables only; `text.py` applies them. Append entries here (order matters only where noted).
Every line pattern is matched against a whole stripped line, so body sentences that merely
mention a word (e.g. a notice that says "打印" inside a sentence) are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import opencc

# Credits under a post or article: 编辑：…, 审核｜…, 责编：…
_CREDIT = (
    r"(责任编辑|编辑|责编|审核|审校|校对|文字|图片|图文|摄影|排版|美编|供稿|监制|初审|复审|终审)"
)

# Whole lines that are page chrome (toolbar buttons, share bars, footers, counters, pagers).
CHROME_LINES: list[str] = [
    (
        r"[【\[]?\s*(打印|打印本页|打印此页|打印文章|关闭|关闭窗口|关闭本页|返回|返回顶部|返回首页|收藏|"
        r"收藏本页|我要纠错|纠错|保存|下载|复制链接|在线咨询|网站地图|联系我们|无障碍|长者模式)\s*[】\]]?"
    ),
    r"([【\[]?\s*(打印|关闭|关闭窗口|收藏|返回顶部)\s*[】\]]?\s*){2,}",
    r"[【\[]?\s*(字体|字号|文字大小|字体大小)\s*[:：]?\s*[【\[]?\s*(默认\s*)?大\s*[|｜/]?\s*中\s*[|｜/]?\s*小.{0,20}",
    r"[【\[]?\s*(文字大小|字体大小|字号)\s*[:：]?\s*[】\]]?",
    r"[【\[]?\s*[大中小]\s*[】\]]?",
    r"分享到\s*[:：]?.{0,60}",
    r"分享\s*[:：].{0,60}",
    r"扫一扫.{0,40}",
    r"(用)?手机(扫码|扫描).{0,40}",
    r"(上一篇|下一篇|上一条|下一条|上一页|下一页)\s*[:：]?.{0,100}",
    r"技术支持\s*[:：].{0,100}",
    r"(copyright|©).{0,120}",
    r"网站标识码\s*[:：]?.{0,60}",
    r"(主办单位|承办单位|主办|承办|维护单位)\s*[:：].{0,80}",
    r"(访问量|浏览次数|访问次数|点击数|点击量|阅读次数|阅读量|浏览量|累计访问|总访问量)\s*[:：]?\s*\d*.{0,20}",
    r"(当前位置|您的位置|您现在的位置|所在位置)\s*[:：].{0,120}",
    r"首页\s*[>›»/＞].{0,120}",
    r"相关(链接|文章|阅读|新闻|报道)\s*[:：]?",
    # a repost's header naming where it was taken from: 转载自：清风XX网, 本文转自…
    r"(本文)?(转载|转)自\s*[:：]?\s*[^。，,；;！？!?]{2,40}",
    # a portal's disclaimer under a repost: 声明：该文观点仅代表作者本人…
    r"(平台)?声明\s*[:：]\s*(该文|本文)观点仅代表作者本人.{0,120}",
    # page numbers a PDF conversion leaves between pages: '- 3 -', '— 12 —', '第3页 共10页'
    r"[-—–－]\s*\d{1,3}\s*[-—–－]",
    r"第\s*\d{1,3}\s*页\s*([,，/]?\s*共\s*\d{1,3}\s*页)?",
    (
        rf"[(（]?\s*{_CREDIT}\s*[:：|｜]\s*\S{{1,12}}(\s+({_CREDIT}|签发)\s*[:：|｜]\s*\S{{1,12}})*\s*[)）]?"
    ),
    r"[(（]\s*责任编辑\s*[:：].{1,30}[)）]",
    # WeChat and portal-repost residue: the follow prompt, the account line, the end-of-post bar.
    r"(点击|点)?(上方)?蓝字\s*(关注.{0,10})?|关注|关注我们",
    r"原创\s+[^\s。，,；;：:]{2,20}",
    r"((点击|戳)[^。，,]{0,6})?[“\"「]?阅读原文[”\"」]?((查看|了解|获取|浏览|进入)[^。，,；;]{0,10})?",
    r"长按.{0,20}(二维码|关注).{0,20}|微信扫一扫.{0,40}|收录于(合集|话题).{0,40}",
    r"喜欢此内容的人还喜欢|预览时标签不可点|继续滑动看下一个|轻触阅读原文|向上滑动看下一个",
    r"((分享|收藏|在看|点赞|赞|转发|推荐|留言)\s*){1,6}",
    r"[▼▲↓]+|-*\s*END\s*-*|[-—]*\s*完\s*[-—]*",
    # Remnants seen by the HTML cleaner (toolbars and banners outside any named block).
    r"([【\[]?\s*(打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|收藏本页|收藏|返回顶部|返回)\s*[】\]]?\s*){2,}",
    # a site header's switches, after the site's name or not: 某县人民政府 繁体版｜简体版｜无障碍浏览
    # (no sentence punctuation anywhere: said first, so a sentence fails at once)
    (
        r"(?=[^。，,；;：:]*$)([^。，,；;：:]{2,30}\s+)?"
        r"((无障碍(浏览)?|长者(模式|版)|关怀版|适老化|繁體版?|繁体版?|简体版?|English|手机版)\s*[|｜/]?\s*){2,}"
    ),
    r"中央纪委国家监委举报网站.{0,60}",
    r"信访举报电话\s*[:：]\s*12388.{0,40}",
    r"您是(本站)?第\s*\d*\s*位访(问|客)者?.{0,40}",
]

# Chrome lines that can open with any character, each with the words one of which every line it
# matches holds: the line is tried against the pattern only when it holds one. (A pattern opening
# with `.{0,80}` is tried in full on every line; a word is looked for in C.)
KEYED_CHROME_LINES: list[tuple[tuple[str, ...], str]] = [
    (("版权所有",), r".{0,80}版权所有.{0,80}"),
    # the record's number (京ICP备05003489号, ICP备案号：…), not a sentence about records:
    # 督促完成ICP备案信息更新126家 is a notice's
    (("备",), r".{0,80}ICP\s*(?:[备证]\s*[:：]?\s*\d|备案\s*编?号).{0,60}"),
    (("公网安备",), r".{0,80}公网安备.{0,60}"),
    # a list page's pager: '共 6 条 首页 上一页 1 下一页 尾页 跳转至 页'
    (
        ("上一页", "下一页", "尾页"),
        (
            r"(共\s*\d+\s*[条页篇]\s*)?(?=.*(上一页|下一页|尾页))"
            r"((首页|上一页|下一页|尾页|末页|跳转至?|\d{1,3}|页)(\s+|$)){3,}"
        ),
    ),
    # a breadcrumb without its 当前位置 label: 某某网 > 内地 > 时政
    (
        (">", "›", "»", "＞"),
        r"([^。，,；;：:>›»＞\s][^。，,；;：:>›»＞]{0,19}\s*[>›»＞]\s*){2,}[^。，,；;：:>›»＞]{0,20}",
    ),
]

# A line that ends a WeChat post or a portal article: it and every line after it (recommended
# headlines) are not the notice. Looked for only among the last lines.
FOOTER_START_LINES: list[str] = [
    r"-*\s*END\s*-*",
    r"(往期|精彩|推荐|相关|延伸)(推荐|阅读|回顾|精彩|文章)\s*[:：]?",
    # a related-news list under the notice, and Sohu's link back to the portal
    r"相关(新闻|链接|报道)\s*[:：]?",
    r"返回搜狐\s*[,，]?\s*查看更多",
]

# Markers injected into text by document-sharing sites; removed wherever they occur.
INLINE_MARKERS: list[str] = [
    r"##[A-Za-z]{2,20}##",
]

# Labels of page metadata lines (`时间:… 来源:… 作者:… 文字大小:`), mapped to PageMeta fields.
# Longer labels first: the alternation is built in this order.
META_LABELS: dict[str, str | None] = {
    "来源时间为": "published",
    "发布时间": "published",
    "发布日期": "published",
    "发稿时间": "published",
    "成文日期": "written",
    "更新时间": "updated",
    "时间": "published",
    "日期": "published",
    "信息来源": "source",
    "文章来源": "source",
    "稿件来源": "source",
    "来源": "source",
    "作者": "author",
    "发布者": "author",
    "发布机构": "author",
    "文字大小": None,
    "字体大小": None,
    "字号": None,
    "字体": None,
    "浏览次数": None,
    "阅读次数": None,
    "点击数": None,
    "点击": None,
    "访问量": None,
    "浏览量": None,
    "责任编辑": None,
    "编辑": None,
}


def _alternatives(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)


CHROME_LINE_RE = _alternatives(CHROME_LINES)
KEYED_CHROME_LINE_RE = _alternatives(p for _, p in KEYED_CHROME_LINES)
# Any of the keyed lines' words (none is cased, so it is scanned for by its first characters).
CHROME_KEY_RE = re.compile("|".join(re.escape(k) for keys, _ in KEYED_CHROME_LINES for k in keys))
FOOTER_START_RE = _alternatives(FOOTER_START_LINES)


@dataclass(frozen=True, slots=True)
class TraditionalChrome:
    """The chrome and footer patterns in traditional characters: a repost in 繁體 keeps its page's
    chrome (當前位置, 打印本頁, 相關新聞) in the notice's script. Every line is tested against the
    chrome lines, so their traditional forms are tried only on a line holding a character that
    one of them has in place of its simplified pattern's (`chars`)."""

    chars: re.Pattern[str]
    lines: re.Pattern[str]
    footer: re.Pattern[str]


@cache
def traditional_chrome() -> TraditionalChrome:
    """Built on first use: OpenCC's s2t table takes about 50 ms to load, which a process that
    never cleans a page (most commands) should not pay at import."""
    to_traditional = opencc.OpenCC("s2t").convert
    chrome = [*CHROME_LINES, *(p for _, p in KEYED_CHROME_LINES)]
    forms = {p: t for p in chrome if (t := to_traditional(p)) != p}
    changed = sorted({c for p, t in forms.items() for c in set(t) - set(p)})
    return TraditionalChrome(
        chars=re.compile("[" + re.escape("".join(changed)) + "]"),
        lines=_alternatives(forms.values()),
        footer=_alternatives(t for p in FOOTER_START_LINES if (t := to_traditional(p)) != p),
    )


INLINE_MARKER_RE = re.compile("|".join(INLINE_MARKERS))

# The labels of a 信息公开 metadata table (gkmlpt, 政府信息公开目录 pages), mapped to PageMeta fields
# (None: a label of such tables whose value is not kept). Read from the table into the page's
# metadata, never into its body. 成文日期 (written) and 发布日期 (published) stay apart.
INFO_LABELS: dict[str, str | None] = {
    "索引号": "index_no",
    "发布机构": "source",
    "发文机关": "source",
    "成文日期": "written",
    "发布日期": "published",
    "公开日期": "published",
    "主题分类": "topic",
    "信息分类": "topic",
    "分类": "topic",
    "文号": "doc_number",
    "发文字号": "doc_number",
    "名称": None,
    "标题": None,
    "信息名称": None,
    "主题词": None,
    "关键词": None,
    "体裁分类": None,
    "组配分类": None,
    "服务对象": None,
    "公开方式": None,
    "公开范围": None,
    "公开时限": None,
    "有效性": None,
    "生效日期": None,
    "废止日期": None,
    "时效": None,
}
