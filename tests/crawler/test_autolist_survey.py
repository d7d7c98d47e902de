"""The page survey `sites probe` reports when it reads no list rows: title, links, dated links,
the largest repeated block and the hint, on small pages of each kind."""

from __future__ import annotations

import pytest

from crawler.autolist.survey import RepeatedBlock, survey_page

URL = "http://x.test/xcgz/"
TITLE = "关于第{}轮巡察整改情况的通报"


def page(body: str, title: str = "巡察工作") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def items(n: int, date: str = "", tag: str = "li") -> str:
    return "".join(
        f"<{tag}><a href='./t{i}.html'>{TITLE.format(i)}</a>{date.format(i + 1)}</{tag}>"
        for i in range(n)
    )


NAV = (
    "<ul class='nav'>"
    + "".join(f"<li><a href='/c{i}/'>栏目{i}</a></li>" for i in range(12))
    + "</ul>"
)
BOXES = "".join(
    f"<div class='box{b}'>"
    + "".join(f"<p><a href='/z{b}{i}/'>专题{b}{i}</a></p>" for i in range(8))
    + "</div>"
    for b in range(5)
)
SHELL = page(
    "<div class='nav'><a href='/'>首页</a> <a href='/xcgz/'>巡察工作</a></div>"
    "<ul id='list'></ul><script src='/js/jquery.js'></script><script src='/js/list.js'></script>"
    "<div class='footer'>主办：中共某市委巡察工作领导小组办公室 版权所有</div>"
)


@pytest.mark.parametrize(
    ("html", "url", "links", "dated", "block", "hint"),
    [
        (
            SHELL,
            URL,
            2,
            0,
            RepeatedBlock("body > div.nav > a", 2, 0),
            "looks rendered by JavaScript",
        ),
        (
            page(NAV + BOXES, "首页"),
            URL,
            52,
            0,
            RepeatedBlock("body > ul.nav > li", 12, 0),
            "looks like a home page",
        ),
        (
            page(NAV),
            "http://x.test/",
            12,
            0,
            RepeatedBlock("body > ul.nav > li", 12, 0),
            "looks like a home page",
        ),
        (
            page(f"<ul class='list'>{items(8)}</ul>"),
            URL,
            8,
            0,
            RepeatedBlock("body > ul.list > li", 8, 0),
            "has 8 rows but no dates",
        ),
        (
            page("<form><input name='u'><input type='password' name='p'>验证码</form>", "用户登录"),
            URL,
            0,
            0,
            None,
            "looks like a login or captcha page",
        ),
        (
            page(f"<div class='news'><ul>{items(5, '<span>2023-06-1{}</span>')}</ul></div>"),
            URL,
            5,
            5,
            RepeatedBlock("div.news > ul > li", 5, 5),
            "`list: auto` reads 5 rows (div.news > ul > li)",
        ),
        (  # the date in the row's other cell is beside its link
            page(
                f"<table>{items(2, '</td><td>2023-01-0{}', 'tr')}</table>".replace(
                    "<tr><a", "<tr><td><a"
                )
            ),
            URL,
            2,
            2,
            RepeatedBlock("body > table > tr", 2, 2),
            "`list: auto` reads 2 rows",
        ),
        (page("<p>本栏目暂无信息</p>"), URL, 0, 0, None, None),
        ("", URL, 0, 0, None, None),
    ],
)
def test_survey(
    html: str, url: str, links: int, dated: int, block: RepeatedBlock | None, hint: str | None
) -> None:
    s = survey_page(html, url)
    assert (s.links, s.dated_links, s.block) == (links, dated, block)
    if hint is None:
        assert s.hint is None, s.hint
    else:
        assert s.hint is not None and s.hint.startswith(hint), s.hint


def test_summary_names_title_counts_block_and_hint() -> None:
    assert survey_page(SHELL, URL).summary() == (
        "title '巡察工作'; 2 links, 0 with a date; largest block body > div.nav > a ×2 (0 dated); "
        "looks rendered by JavaScript (2 scripts, 2 links)"
    )
    assert (
        survey_page("<p>x</p>", URL).summary()
        == "no title; 0 links, 0 with a date; no repeated block"
    )
