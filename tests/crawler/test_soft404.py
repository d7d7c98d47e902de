"""Deletion pages of the common CMSs (crawler/soft404.py) and how blocks.py classifies them."""

from __future__ import annotations

import pytest

from crawler import soft404
from crawler.blocks import classify_response


def _page(title: str, text: str, chrome: str = "") -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><div class='nav'>{chrome}</div>"
        f"<div class='main'><p>{text}</p></div></body></html>"
    ).encode()


CHROME = "首页 政务公开 巡察工作 联系我们 主办：某某市纪委监委 网站标识码：1234567890"


@pytest.mark.parametrize(
    ("family", "text"),
    [
        ("trs", "对不起，该文档已被删除！"),
        ("hanweb", "该信息已被撤销，请返回首页浏览其他信息。"),
        ("vsb", "该新闻不存在"),
        ("jeecms", "该信息已删除"),
        ("gkmlpt", "该文件已失效，请查阅最新文件。"),
        ("generic", "您访问的页面不存在或已被删除"),
    ],
)
def test_each_cms_deletion_page_is_a_soft_404(family: str, text: str) -> None:
    body = _page("提示信息", text, CHROME)
    verdict = classify_response(200, body, content_type="text/html")
    assert verdict is not None and verdict.kind == "soft_404"
    assert verdict.detail.endswith(f"({family})")


def test_a_notice_that_mentions_deletion_is_no_soft_404() -> None:
    text = "关于巡察整改情况的通报。" + "针对反馈的问题，已删除不合规条款，完成整改。" * 30
    assert soft404.deletion_phrase(text) is None
    assert classify_response(200, _page("通报", text), content_type="text/html") is None


def test_every_family_declares_phrases_once() -> None:
    phrases = [p for s in soft404.SIGNATURES for p in s.phrases]
    assert len(phrases) == len(set(phrases))
    assert all(s.phrases for s in soft404.SIGNATURES)
