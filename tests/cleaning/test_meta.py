from __future__ import annotations

import pytest
from lxml import html

from pipelines.cleaning.meta import (
    column_from_lines,
    date_from_lines,
    extract_meta,
    glued_meta,
    normalise_date,
    title_above_meta,
    title_from_tag,
    unlabelled_date,
)
from pipelines.cleaning.render import lines_around
from pipelines.cleaning.site_rules import SiteCleanRules
from pipelines.common.cleaned import PageMeta


@pytest.mark.parametrize(
    ("lines", "date"),
    [
        (["发布时间：2023-05-06 10:20 来源：XX县纪委监委"], "2023-05-06 10:20"),
        (["发布日期：2016-11-22 浏览次数：12 信息来源：省发改委"], "2016-11-22"),
        (["时间:2019-04-17 作者:红十字会 文字大小:"], "2019-04-17"),
        (["来源: | 发布时间: 2018-05-17 | 浏览次数: 2168"], "2018-05-17"),
        (["2016年09月27日 07:02 来源：省政府办公厅 【字体：大 中 小】"], "2016年09月27日 07:02"),
        (
            ["更新时间：2023-07-01", "发布时间：2023-06-01"],
            "2023-06-01",
        ),  # an edit is not publication
        (["成文日期： | 2023-09-08 | 发布日期： | 2023-09-12"], "2023-09-12"),  # gkmlpt table row
        (["成文日期 | 2023-05-16 | 发布日期 | 2023-05-23"], "2023-05-23"),  # labels without colons
        (["2023-09-20", "县委召开巡察工作会议 2023-09-12"], None),  # list dates carry no label
        ([], None),
    ],
)
def test_date_from_lines(lines: list[str], date: str | None) -> None:
    assert date_from_lines(lines) == date


@pytest.mark.parametrize(
    ("lines", "written", "updated"),
    [
        (["成文日期： | 2023-09-08 | 发布日期： | 2023-09-12"], "2023-09-08", None),
        (["发布时间：2023-01-25　来源：区委巡察办　更新时间：2023-08-02"], None, "2023-08-02"),
        (["发布时间：2023-01-25"], None, None),
    ],
)
def test_written_and_updated_dates_are_kept_apart(
    lines: list[str], written: str | None, updated: str | None
) -> None:
    root = html.fromstring(
        f"<html><body><div>{'</div><div>'.join(lines)}</div><p>正文</p></body></html>"
    )
    meta = extract_meta(root, None, lines, SiteCleanRules())
    assert (meta.written, meta.updated) == (written, updated)


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2007-08-20-23:59:59", "2007-08-20 23:59:59"),
        ("2019-09-18 06:23", "2019-09-18 06:23"),
        ("2023年6月15日", "2023年6月15日"),
        ("n/a", None),
    ],
)
def test_normalise_date(value: str, date: str | None) -> None:
    assert normalise_date(value) == date


@pytest.mark.parametrize(
    ("lines", "column"),
    [
        (["当前位置：首页 > 巡视巡察 > 巡察公告 > 正文"], "巡视巡察 > 巡察公告"),
        (["您所在的位置：网站首页 >> 通知公告"], "通知公告"),
        (["首页 > 新闻 > 滚动新闻"], "新闻 > 滚动新闻"),
        (["当前位置：主页 > 通知公告 >"], "通知公告"),
        (["首页", "巡视巡察", "工作动态"], None),  # a navigation bar, not a breadcrumb
        (["根据市委统一部署 > 现将"], None),
    ],
)
def test_column_from_lines(lines: list[str], column: str | None) -> None:
    assert column_from_lines(lines) == column


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("关于巡察整改情况的通报_某市纪委监委", "关于巡察整改情况的通报"),
        ("关于巡察整改情况的通报 - 山西省人民政府门户网站", "关于巡察整改情况的通报"),
        ("通知 | 关于巡察整改进展情况的通报", "关于巡察整改进展情况的通报"),
        ("某市纪委监委 - 十届市委第六轮巡察启动", "十届市委第六轮巡察启动"),  # site name first
        ("某县财政局巡察整改通报 - 某县人民政府", "某县财政局巡察整改通报"),
        ("", None),
    ],
)
def test_title_from_tag(title: str, expected: str | None) -> None:
    root = html.document_fromstring(
        f"<html><head><title>{title}</title></head><body><p>x</p></body></html>"
    )
    assert title_from_tag(root) == expected


def meta_of(markup: str, rules: SiteCleanRules | None = None) -> PageMeta:
    root = html.document_fromstring(markup)
    content = root.find_class("body")[0] if root.find_class("body") else None
    header, _ = lines_around(root, content)
    return extract_meta(root, content, header, rules or SiteCleanRules())


def test_meta_tags_win_over_visible_text_and_alt_attributes_are_ignored() -> None:
    meta = meta_of(
        "<html><head><title>T_站</title><meta name='ArticleTitle' content='关于巡察整改情况的通报'>"
        "<meta name='PubDate' content='2019-09-18 06:23'></head><body>"
        "<h2>页面上的标题文字</h2><div><span alt='时间：2017-11-08 20:26'>时间：2019-09-18</span>"
        "<span alt='来源：省政府办公厅'>来源：山西日报</span></div><div class='body'><p>正文</p></div></body></html>"
    )
    assert meta == PageMeta(
        title="关于巡察整改情况的通报", published="2019-09-18 06:23", source="山西日报"
    )


def test_title_attribute_holding_the_site_name_is_not_the_title() -> None:
    meta = meta_of(
        "<html><head><title>学校召开巡察整改工作推进会-纪委办公室</title></head><body>"
        "<a href='index.htm' title='纪委办公室（监察处）'>首页</a><h1>纪委办公室（监察处）网站</h1>"
        "<div class='content-title'><h1>学校召开巡察整改工作推进会</h1></div>"
        "<div class='body'><p>正文</p></div></body></html>"
    )
    assert meta.title == "学校召开巡察整改工作推进会"


def test_nearest_heading_wins_when_title_tag_is_only_the_site_name() -> None:
    meta = meta_of(
        "<html><head><title>某县纪委监委</title></head><body><h1>某县纪委监委网站欢迎您</h1>"
        "<h2>某镇党委关于巡察整改情况的通报</h2><p>发布时间：2023-01-02 作者：办公室</p>"
        "<div class='body'><p>正文</p></div></body></html>"
    )
    assert meta == PageMeta(
        title="某镇党委关于巡察整改情况的通报", published="2023-01-02", author="办公室"
    )


def test_site_selectors_come_first() -> None:
    meta = meta_of(
        "<html><head><meta name='ArticleTitle' content='元数据标题'></head><body>"
        "<div class='t'>站点指定的标题</div><span class='d'>2020年1月2日</span>"
        "<p>发布时间：2021-01-01</p><div class='body'><p>正文</p></div></body></html>",
        SiteCleanRules(title_selector="div.t", date_selector="span.d"),
    )
    assert (meta.title, meta.published) == ("站点指定的标题", "2020年1月2日")


def test_site_selectors_read_attributes_and_fall_through_a_group() -> None:
    meta = meta_of(
        "<html><head><meta name='PubDate' content='2021-02-03 04:05'></head><body>"
        "<h1 class='t'>  </h1><h2>页面上的标题文字</h2><div class='body'><p>正文</p></div></body></html>",
        SiteCleanRules(title_selector="h1.t, h2", date_selector="meta[name=PubDate] @content"),
    )
    assert (meta.title, meta.published) == ("页面上的标题文字", "2021-02-03 04:05")


def test_source_stops_at_the_next_label() -> None:
    meta = meta_of(
        "<html><body><h2>某单位关于巡察整改情况的通报</h2>"
        "<p>发布时间：2023-09-26来源：县委巡察办作者：李喆【字体：大 中 小】</p>"
        "<div class='body'><p>正文</p></div></body></html>"
    )
    assert (meta.source, meta.author) == ("县委巡察办", "李喆")


@pytest.mark.parametrize(
    ("line", "source", "author"),
    [
        ("来源: | 发布时间: 2018-05-17 | 浏览次数: 2168", None, None),  # VSB's empty source
        ("发布时间：2022-10-21 作者： 来源：河口乡党委 浏览次数：", "河口乡党委", None),
        ("发布机构 | 沙洲市委巡察办 | 成文日期 | 2023-05-16", "沙洲市委巡察办", None),
        ("来源：本站原创 作者：医技药剂党支部", "本站原创", "医技药剂党支部"),
        (
            "发布时间：2023-01-25　来源：区委巡察办　更新时间：2023-08-02　浏览量：",
            "区委巡察办",
            None,
        ),
    ],
)
def test_empty_fields_are_not_filled_with_the_next_label(
    line: str, source: str | None, author: str | None
) -> None:
    meta = meta_of(
        f"<html><body><h2>某单位关于巡察整改情况的通报</h2><p>{line}</p><div class='body'><p>正文</p></div></body></html>"
    )
    assert (meta.source, meta.author) == (source, author)


def test_meta_line_below_the_body_is_used_when_none_is_above() -> None:
    root = html.document_fromstring(
        "<html><body><h2>某单位关于巡察整改情况的通报</h2><div class='body'><p>正文</p></div>"
        "<p>发布时间：2023-01-02 来源：某单位</p><p>上一篇：2022-12-30 发布时间：2022-12-30</p></body></html>"
    )
    content = root.find_class("body")[0]
    header, footer = lines_around(root, content)
    meta = extract_meta(root, content, header, SiteCleanRules(), footer)
    assert (meta.published, meta.source) == ("2023-01-02", "某单位")


@pytest.mark.parametrize(
    ("header", "title"),
    [
        (
            [
                "某某乡人民政府",
                "首 页 | 通知公告",
                "中共某某乡委员会关于巡察整改情况的通报",
                "发布时间：2021-8-9 阅读：321次",
            ],
            "中共某某乡委员会关于巡察整改情况的通报",
        ),
        (["当前位置：首页 > 通知公告", "来源：某乡"], None),  # a breadcrumb is not a title
        (["根据县委统一部署，现将整改情况公布如下。", "发布时间：2021-8-9"], None),
        (["没有元数据行的页面头部"], None),
    ],
)
def test_title_above_meta(header: list[str], title: str | None) -> None:
    assert title_above_meta(header) == title


@pytest.mark.parametrize(
    ("header", "date"),
    [
        (
            ["小微权力清单让村务“晒”在阳光下", "原创 王晓燕 清风某市 2024-10-16 18:30"],
            "2024-10-16 18:30",
        ),
        (["某单位关于巡察整改情况的通报", "2024年3月5日"], "2024年3月5日"),  # under the title
        (["某单位关于巡察整改情况的通报", "[2024-03-05]"], "2024-03-05"),
        (["某单位关于巡察整改情况的通报", "——某单位党组", "2024-03-05"], "2024-03-05"),
        (["某单位关于巡察整改情况的通报", "-->", "（2024-03-05）"], "2024-03-05"),
        (["某单位关于巡察整改情况的通报 2024-03-05"], "2024-03-05"),  # inside the title line
        (["某单位关于巡察整改情况的通报2024年3月5日"], "2024年3月5日"),
        (["某单位关于巡察整改情况的通报", "2024-03-05 至 2024-04-05"], None),  # not a lone date
        # A side list's bare days (title + date) are no publication date, nor are far lines.
        (["市红十字会开展宣传活动2024-10-19", "关于巡察整改情况的公示"], None),
        (["市红十字会召开专题民主生活会", "2023-03-13"], None),  # a list item, not the title
        (["2024-01-02 08:00", "标题", "作者", "单位"], None),
        (
            [
                "根据工作安排，定于2024年5月20日 9:30召开巡察整改推进会，请各单位主要负责人参加会议。"
            ],
            None,
        ),
    ],
)
def test_unlabelled_date(header: list[str], date: str | None) -> None:
    assert unlabelled_date(header, "某单位关于巡察整改情况的通报") == date


@pytest.mark.parametrize(
    ("tags", "author"),
    [
        ('<meta name="author" content="新华社"><meta name="source" content="新华社">', None),
        ('<meta name="author" content="李明">', "李明"),
    ],
)
def test_a_meta_author_repeating_the_source_is_no_byline(tags: str, author: str | None) -> None:
    meta = meta_of(
        f"<html><head>{tags}</head><body><h2>某单位关于巡察整改情况的通报</h2>"
        "<p>2024-09-03 18:42 来源：新华社</p><div class='body'><p>正文</p></div></body></html>"
    )
    assert (meta.source, meta.author) == ("新华社", author)


def test_a_heading_broken_by_br_is_one_title() -> None:
    meta = meta_of(
        "<html><head><title>x</title></head><body><h2>中共某县财政局党组<br>关于巡察整改进展情况的通报</h2>"
        "<div class='body'><p>正文</p></div></body></html>"
    )
    assert meta.title == "中共某县财政局党组关于巡察整改进展情况的通报"


@pytest.mark.parametrize(
    ("line", "meta"),
    [
        ("某单位关于巡察整改情况的通报发布时间：2024-03-05 来源：办公室 点击：5",
         PageMeta(published="2024-03-05", source="办公室")),
        ("某单位关于巡察整改情况的通报 作者：李明 日期：2024年3月5日",
         PageMeta(published="2024年3月5日", author="李明")),
        ("某单位关于巡察整改情况的通报 [2024-03-05]", PageMeta(published="2024-03-05")),
        ("某单位关于巡察整改情况的通报", None),  # the title alone
        ("来源：办公室 发布时间：2024-03-05", None),  # a meta line alone
        ("另一篇文章的标题 2024-03-05", None),  # not this page's title
    ],
)  # fmt: skip
def test_glued_meta(line: str, meta: PageMeta | None) -> None:
    assert glued_meta(line, "某单位关于巡察整改情况的通报") == meta
