"""The navigation links of a page: label, place (nav, side, more, body) and which links are
never followed (files, scripts, fragments)."""

from __future__ import annotations

import pytest

from crawler.discover.links import NavLink, page_links

BASE = "http://x.gov.cn/index.html"


@pytest.mark.parametrize(
    ("html", "want"),
    [
        # a menu and its hover list (ul inside li)
        (
            (
                '<div class="nav"><ul><li><a href="/xsxc/">巡视巡察</a><ul><li>'
                '<a href="/xsxc/xczg/">巡察整改</a></li></ul></li></ul></div>'
            ),
            [
                NavLink("http://x.gov.cn/xsxc/", "巡视巡察", "nav"),
                NavLink("http://x.gov.cn/xsxc/xczg/", "巡察整改", "nav"),
            ],
        ),
        (
            '<nav><a href="tzgg/">通知公告</a></nav>',
            [NavLink("http://x.gov.cn/tzgg/", "通知公告", "nav")],
        ),
        # a left tree of a 信息公开 directory
        (
            (
                '<div class="xxgk-left"><ul class="tree"><li><a href="/xxgk/xczg/">巡察整改</a>'
                "</li></ul></div>"
            ),
            [NavLink("http://x.gov.cn/xxgk/xczg/", "巡察整改", "side")],
        ),
        # a "more" link takes its block's heading
        (
            (
                '<div class="box"><div class="box-hd"><span class="box-title">巡察整改</span>'
                '<a class="more" href="/xczg/">更多&gt;&gt;</a></div><ul><li>x</li></ul></div>'
            ),
            [NavLink("http://x.gov.cn/xczg/", "巡察整改", "more")],
        ),
        (
            (
                '<table><tr><td><div class="tit"><b>通知公告</b> <a href="/a/tzgg/">more&gt;&gt;</a>'
                "</div></td></tr></table>"
            ),
            [NavLink("http://x.gov.cn/a/tzgg/", "通知公告", "more")],
        ),
        # below the rows, the "more" link's heading is above them, not a row's date
        (
            (
                '<div class="box"><h3>巡察整改</h3><div class="bd"><ul><li><a href="/d/1.html">'
                "关于巡察整改情况的通报</a><span>2024-06-01</span></li>"
                '<li><a href="/d/2.html">关于巡察整改进展的公示</a><span>2024-05-01</span></li></ul>'
                '<a href="/xczg/">更多</a></div></div>'
            ),
            [NavLink("http://x.gov.cn/xczg/", "巡察整改", "more")],
        ),
        # a submenu a script writes: its links sit in the script's text
        (
            (
                '<script>var s = {"d": \'<a href="/a/xszg/">巡视整改</a>\'};'
                "document.write(s.d);</script>"
            ),
            [NavLink("http://x.gov.cn/a/xszg/", "巡视整改", "nav")],
        ),
        # menu entries a script drives, an image map
        (
            (
                '<ul class="nav"><li onclick="window.location.href=\'/xsxc/\'">巡视巡察</li>'
                '<li data-url="/xxgk/">信息公开</li>'
                '<li><a href="javascript:;" onclick="window.open(\'/tzgg/\')">通知公告</a></li></ul>'
                '<map><area href="/zt/" alt="专题专栏"></map>'
            ),
            [
                NavLink("http://x.gov.cn/xsxc/", "巡视巡察", "nav"),
                NavLink("http://x.gov.cn/xxgk/", "信息公开", "nav"),
                NavLink("http://x.gov.cn/tzgg/", "通知公告", "nav"),
                NavLink("http://x.gov.cn/zt/", "专题专栏", "body"),
            ],
        ),
        # an image link is labelled by its alt text; a fragment is dropped
        (
            '<p><a href="/zt/#top"><img src="/a.png" alt="专题专栏"></a></p>',
            [NavLink("http://x.gov.cn/zt/", "专题专栏", "body")],
        ),
        # never followed: files, scripts, mail, in-page anchors, other schemes
        (
            (
                '<a href="/a.pdf">附件</a><a href="javascript:void(0)">无障碍</a>'
                '<a href="mailto:x@x.cn">信箱</a><a href="#main">跳到正文</a>'
                '<a href="ftp://x.gov.cn/">ftp</a>'
            ),
            [],
        ),
        # a frame's page; a row of a dated list is a detail page
        (
            (
                '<iframe src="/menu.html" title="导航"></iframe>'
                '<ul><li><a href="/d/1.html">巡察整改</a><span>2024-06-01</span></li>'
                '<li><a href="/d/2.html">巡察工作</a><span>2024-05-01</span></li></ul>'
            ),
            [NavLink("http://x.gov.cn/menu.html", "导航", "frame")],
        ),
        # a lone line with today's date is no list row
        (
            '<p class="date">今天是2024年6月20日 <a href="/sitemap.html">网站地图</a></p>',
            [NavLink("http://x.gov.cn/sitemap.html", "网站地图", "body")],
        ),
        ("", []),
    ],
)
def test_links_with_their_labels_and_places(html: str, want: list[NavLink]) -> None:
    assert page_links(f"<html><body>{html}</body></html>" if html else "", BASE) == want


def test_a_url_is_kept_once_at_its_best_place() -> None:
    html = (
        '<p><a href="/xczg/">巡察整改</a></p><div class="menu"><a href="/xczg/">巡察整改</a></div>'
    )
    assert page_links(html, BASE) == [NavLink("http://x.gov.cn/xczg/", "巡察整改", "nav")]
