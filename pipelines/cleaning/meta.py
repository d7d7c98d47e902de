"""Page metadata: title, publication time, 来源, 作者 and column, from the page itself.

Priority (as GNE does, each source its own function): site selector > `<meta>` tags > visible
text near the article. Visible text is read from text nodes only, never from attributes: TRS
templates keep a stale date and source in `alt="时间：2017-11-08"`, and VSB lists put the site
name in `title=` attributes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from lxml import html

from pipelines.cleaning.content import priority_parts, select, split_attribute
from pipelines.cleaning.heading import heading_text
from pipelines.cleaning.render import join_lines, render_lines
from pipelines.cleaning.site_rules import SiteCleanRules
from pipelines.common.cleaned import PageMeta
from pipelines.common.dates import NUMERIC_DATE

DATE = NUMERIC_DATE + r"(?:[\sT-]*\d{1,2}\s*[:：时]\s*\d{1,2}(?:\s*[:：分]\s*\d{1,2}秒?)?)?"
DATE_RE = re.compile(DATE)
_DATE_TIME_RE = re.compile(NUMERIC_DATE + r"[\sT]*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?")
_SENTENCE_PUNCT = re.compile(r"[，。；！？]")
UNLABELLED_DATE_LINES = 3
_LONE_DATE = re.compile(rf"[\[【(（]?\s*({DATE})\s*[\]】)）]?")
MAX_UNLABELLED_DATE_LINE = 60
# 更新/修改 times are edits, not publication; the lookbehinds keep them out.
# A label ends with a colon, or with a table cell boundary (`发布日期 | 2023-05-23`, gkmlpt-style
# info tables, whose rows render with CELL_SEPARATOR).
_COLON = r"\s*(?:[:：]\s*(?:\|\s*)?|\|\s*)"
_LABELLED_DATE = re.compile(
    rf"(?<!更新)(?<!修改)(?<!成文)(?:发布|发表|发稿|上传)?(?:时间|日期){_COLON}({DATE})"
)
# 成文日期 and 更新时间 are dates of their own (record v2: written_date, updated_date).
_WRITTEN_DATE = re.compile(rf"成文(?:日期|时间){_COLON}({DATE})")
_UPDATED_DATE = re.compile(rf"(?:更新|修改)(?:时间|日期){_COLON}({DATE})")
_STOP = (
    r"(?=\s*(?:(?:信息|文章|稿件)?来源|作者|发布|(?:更新|修改)?(?:时间|日期)|浏览|点击|阅读|访问|字体|"
    r"字号|文字大小|"
    r"编辑|责任编辑|审核|打印|分享|【|\[|\||｜|$))"
)
_NOT_A_LABEL = r"(?!发布|时间|日期|作者|来源|浏览|点击|阅读|字体|字号)"  # an empty field
_SOURCE = re.compile(
    rf"(?:(?:信息|文章|稿件)?来源|发布机构){_COLON}{_NOT_A_LABEL}([^\s|｜【\[]{{2,40}}?){_STOP}"
)
_AUTHOR = re.compile(rf"(?:作者|撰稿人?|撰文){_COLON}{_NOT_A_LABEL}([^\s|｜【\[]{{2,30}}?){_STOP}")
_META_HINT = re.compile(r"来源|作者|浏览|点击|阅读|字体|字号|发布")
_CRUMB_LABEL = re.compile(
    r"^(?:当前位置|您的位置|您现在的位置|您所在的位置|您当前的位置|所在位置|位置)\s*[:：]?\s*"
)
_CRUMB_SPLIT = re.compile(r"\s*(?:>>|>|›|»|＞|→|/|\\)\s*")
_CRUMB_TAIL = {
    "正文",
    "详情",
    "内容",
    "正文内容",
    "文章内容",
    "详细内容",
    "信息详情",
    "浏览文章",
    "阅读文章",
}
_CRUMB_HOME = {"首页", "网站首页", "主页", "返回首页"}
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|\s-\s|－|—\s)\s*")
_TITLE_NOISE_ANCESTOR = re.compile(
    r"nav|menu|foot|crumb|location|related|side|list|logo", re.IGNORECASE
)

# How site names end (网站, 人民政府, 纪委监委, 红十字会); article titles end otherwise.
_SITE_NAME = re.compile(r"(?:网|网站|门户|政府|纪委监委|监委|纪委|委员会|红十字会|局|厅|办公室)$")
FOOTER_META_LINES = 3

META_NAMES = {
    "title": ("articletitle",),  # og:title and name=title usually carry the site suffix
    "published": ("pubdate", "publishdate", "firstpublishedtime", "published_time",
                  "article:published_time"),  # not Hanweb's Maketime: that is the build time
    "source": ("contentsource",),
    "author": ("author",),
    "column": ("columnname",),
}  # fmt: skip


def meta_tags(root: html.HtmlElement) -> dict[str, str]:
    """`<meta name|property=… content=…>` as a lower-cased name -> first non-empty content."""
    tags: dict[str, str] = {}
    for el in root.iter("meta"):
        name = (el.get("name") or el.get("property") or "").strip().lower()
        content = " ".join((el.get("content") or "").split())
        if name and content and name not in tags:
            tags[name] = content
    return tags


def _first_tag(tags: dict[str, str], field: str) -> str | None:
    return next((tags[n] for n in META_NAMES[field] if tags.get(n)), None)


def _byline_tag(tags: dict[str, str], source: str | None) -> str | None:
    """`<meta name=author>`, unless it only repeats the source: gov.cn-style templates put the
    publishing agency there (author=新华社 beside 来源：新华社), which is no byline."""
    author = _first_tag(tags, "author")
    return None if author and source and author == source else author


def normalise_date(value: str) -> str | None:
    """The first date in `value` as written, whitespace tidied; gov.cn '2007-08-20-23:59:59' fixed."""
    found = DATE_RE.search(value)
    if not found:
        return None
    date = " ".join(found.group(0).split())
    return re.sub(r"^(\d{4}-\d{1,2}-\d{1,2})[-T](\d)", r"\1 \2", date)


def date_from_lines(lines: Sequence[str]) -> str | None:
    """A labelled date (发布时间：…), else a date opening a meta line (`2016年09月27日 来源：…`)."""
    for line in lines:
        found = _LABELLED_DATE.search(line)
        if found:
            return normalise_date(found.group(1))
    for line in lines:
        found = DATE_RE.match(line)
        if found and _META_HINT.search(line[found.end() :]):
            return normalise_date(found.group(0))
    return None


def lone_date(line: str) -> str | None:
    """A line that is nothing but a date, perhaps bracketed: `2024-03-05`, `[2024年3月5日]`."""
    found = _LONE_DATE.fullmatch(line.strip())
    return normalise_date(found.group(1)) if found else None


def labelled_date(pattern: re.Pattern[str], lines: Sequence[str]) -> str | None:
    """The first date a label of `pattern` gives in the lines (成文日期：…, 更新时间：…)."""
    for line in lines:
        found = pattern.search(line)
        if found:
            return normalise_date(found.group(1))
    return None


def unlabelled_date(header: Sequence[str], title: str | None = None) -> str | None:
    """A bare date-time in the lines just above the body (WeChat's `原创 作者 公众号
    2024-10-16 18:30`), a line that is nothing but a date below the title (a subtitle or
    a stray comment end may stand between), or a date after the title in its own line
    (`关于…的通报 2024-03-05`). Side lists put bare days under or after each of their titles,
    so a lone day under any other line is not taken."""
    lines = list(reversed(header))[:UNLABELLED_DATE_LINES]
    squashed = "".join(title.split()) if title else None
    for i, line in enumerate(lines):
        if len(line) > MAX_UNLABELLED_DATE_LINE or _SENTENCE_PUNCT.search(line):
            continue  # a sentence naming a day is prose, not a date line
        found = _DATE_TIME_RE.search(line)
        if found:
            return normalise_date(found.group(0))
        if not squashed:
            continue
        plain = "".join(line.split())
        if plain != squashed and "".join(heading_text(line).split()) == squashed:  # holds it
            return normalise_date(line)
        above = ["".join(a.split()) for a in lines[i + 1 :]]
        if squashed in above and lone_date(line):
            return lone_date(line)
    return None


def glued_meta(line: str, title: str | None) -> PageMeta | None:
    """The metadata of a title line with its meta line glued on (`关于…的通报发布时间：2024-01-22
    来源：…`, an `h1` holding both, opening the body); None for any other line."""
    head = heading_text(line)
    if not title or head == line or "".join(head.split()) != "".join(title.split()):
        return None
    rest = line[len(head) :]
    return PageMeta(
        published=date_from_lines([rest]) or normalise_date(rest),
        source=labelled(_SOURCE, [rest]),
        author=labelled(_AUTHOR, [rest]),
    )


def labelled(pattern: re.Pattern[str], lines: Sequence[str]) -> str | None:
    for line in lines:
        found = pattern.search(line)
        if found:
            value = found.group(1).strip(" :：,，;；")
            if value and not DATE_RE.fullmatch(value):
                return value
    return None


def column_from_lines(lines: Sequence[str]) -> str | None:
    """A breadcrumb without home and leaf: `当前位置：首页 > 巡视巡察 > 巡察公告 > 正文` ->
    `巡视巡察 > 巡察公告` (joined as `text.clean_text` joins a flattened breadcrumb)."""
    for line in lines:
        label = _CRUMB_LABEL.match(line)
        parts = [p for p in _CRUMB_SPLIT.split(line[label.end() :] if label else line) if p]
        if not label and not (len(parts) >= 2 and parts[0] in _CRUMB_HOME):
            continue
        parts = [p for p in parts if p not in _CRUMB_TAIL and p not in _CRUMB_HOME]
        if parts and all(len(p) <= 30 for p in parts):
            return " > ".join(parts)
    return None


def _clean_title(text: str) -> str:
    return " ".join(text.split())


def title_from_tag(root: html.HtmlElement) -> str | None:
    """`<title>` without the site suffix: `关于…的通报_某市纪委监委网` -> `关于…的通报`."""
    found = root.find(".//title")
    if found is None or not found.text_content().strip():
        return None
    parts = [p for p in _TITLE_SPLIT.split(_clean_title(found.text_content())) if p]
    if not parts:
        return None
    if len(parts[0]) < 6 or (len(parts) > 1 and _SITE_NAME.search(parts[0])):
        return max(parts, key=len)  # `某市纪委监委 - 关于…的通报`: the site name comes first
    return parts[0]


def _heading_candidates(
    root: html.HtmlElement, order: dict[html.HtmlElement, int], content: html.HtmlElement | None
) -> list[str]:
    """Texts of headings and `*title*` blocks before the content (or opening it), nearest last."""
    limit = order.get(content, len(order)) if content is not None else len(order)
    inside = set(content.iterdescendants()) if content is not None else set()
    found: list[tuple[int, str]] = []
    for el in root.iter("h1", "h2", "h3", "h4", "div", "p", "td", "span", "strong"):
        marker = f"{el.get('id', '')} {el.get('class', '')}".lower()
        if el.tag in {"div", "p", "td", "span", "strong"} and "title" not in marker:
            continue
        position = order.get(el, 0)
        opens_content = el in inside and position - limit < 6
        if position >= limit and not opens_content:
            continue
        if any(
            _TITLE_NOISE_ANCESTOR.search(f"{a.get('id', '')} {a.get('class', '')}")
            for a in el.iterancestors()
        ):
            continue
        if el.getparent() is not None and el.xpath("ancestor::a or ancestor::li"):
            continue
        text = _clean_title(heading_text(join_lines(render_lines(el))))
        if 4 <= len(text) <= 150:
            found.append((position, text))
    return [t for _, t in sorted(found)]


def title_from_page(
    root: html.HtmlElement, order: dict[html.HtmlElement, int], content: html.HtmlElement | None
) -> str | None:
    """The article heading: among the nearest headings, one that `<title>` contains, else the nearest."""
    candidates = _heading_candidates(root, order, content)[-3:]
    if not candidates:
        return None
    tag = root.find(".//title")
    page_title = _clean_title(tag.text_content()) if tag is not None else ""
    matching = [c for c in candidates if c in page_title and len(c) >= 6]
    if matching:
        return max(matching, key=len)
    return candidates[-1] if len(candidates[-1]) >= 6 else None


def title_above_meta(header: Sequence[str]) -> str | None:
    """Pages without headings (old table layouts, `<font><b>`): the line above the meta line."""
    for i in range(len(header) - 1, 0, -1):
        line = header[i]
        if not (_LABELLED_DATE.search(line) or _SOURCE.search(line) or _AUTHOR.search(line)):
            continue
        above = header[i - 1]
        if 6 <= len(above) <= 100 and not re.search(r"[。；;！!？?]$|[>»›]", above):
            return above
        return None
    return None


def first_selected_text(root: html.HtmlElement, selector: str | None) -> str | None:
    """Text (or the ` @attr` attribute) of the first match of a site selector with any."""
    if not selector:
        return None
    for part in priority_parts(selector):
        path, attribute = split_attribute(part)
        for el in select(root, path):
            text = el.get(attribute) or "" if attribute else join_lines(render_lines(el))
            if text.strip():
                return _clean_title(text)
    return None


def extract_meta(
    root: html.HtmlElement,
    content: html.HtmlElement | None,
    header: Sequence[str],
    rules: SiteCleanRules,
    footer: Sequence[str] = (),
    info: PageMeta | None = None,
) -> PageMeta:
    """Page metadata by priority: site selectors, `<meta>` tags, then the lines above the body.

    The title comes only from strong sources here; the caller falls back to `<title>` after
    looking for a title line inside a flattened body. The page's 信息公开 table (`info`,
    already taken out of the page) comes after the `<meta>` tags and before the visible lines.
    """
    info = info or PageMeta()
    tags = meta_tags(root)
    # Lines just above the body first; a few skins put the meta line just below it instead.
    nearest_first = [*reversed(header), *footer[:FOOTER_META_LINES]]
    order = {el: i for i, el in enumerate(root.iter())}
    selected_date = first_selected_text(root, rules.date_selector)
    title = (
        first_selected_text(root, rules.title_selector)
        or _first_tag(tags, "title")
        or title_from_page(root, order, content)
        or title_above_meta(header)
    )
    published = (
        (normalise_date(selected_date) if selected_date else None)
        or normalise_date(_first_tag(tags, "published") or "")
        or normalise_date(info.published or "")
        or date_from_lines(nearest_first)
        or unlabelled_date(header, title or title_from_tag(root))
    )
    source = _first_tag(tags, "source") or info.source or labelled(_SOURCE, nearest_first)
    return replace(
        info,
        title=title,
        published=published,
        source=source,
        author=labelled(_AUTHOR, nearest_first) or _byline_tag(tags, source),
        column=column_from_lines(header) or _first_tag(tags, "column"),
        written=info.written or labelled_date(_WRITTEN_DATE, nearest_first),
        updated=info.updated or labelled_date(_UPDATED_DATE, nearest_first),
    )
