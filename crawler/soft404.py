"""Soft 404s: a 200 page saying the article was deleted, withdrawn, expired or never existed.

Each CMS family words it its own way; the phrases are data, one entry per family, matched on the
page's visible text (no spaces). Only a short page can be one: a real notice quoting 已删除 is
far longer than `MAX_TEXT`. `crawler/blocks.py` classifies a match as `soft_404`, which the
spider records as the removal reason `soft_not_found` of a stored notice.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_TEXT = 400  # visible characters, chrome included; deletion pages with chrome stay below


@dataclass(frozen=True, slots=True)
class SoftNotFound:
    family: str  # the CMS (or "generic") whose deletion page says this
    phrases: tuple[str, ...]


# Checked in order; the first phrase found decides (the family is only reported).
SIGNATURES: tuple[SoftNotFound, ...] = (
    SoftNotFound("trs", ("该文档已被删除", "文档已删除", "该文档不存在", "文档已撤销")),
    SoftNotFound("hanweb", ("该信息已被撤销", "信息已撤销", "该信息已删除或不存在", "信息已过期")),
    SoftNotFound("vsb", ("该新闻不存在", "新闻已被删除", "文章不存在或已被删除", "该文章已过期")),
    SoftNotFound("jeecms", ("该信息已删除", "内容已删除", "该内容不存在")),
    SoftNotFound("gkmlpt", ("该文件已失效", "该信息已废止", "该文件已撤销", "信息已下线")),
    SoftNotFound(
        "generic",
        (
            "信息已删除",
            "您访问的页面不存在",
            "页面不存在",
            "已撤稿",
            "信息不存在",
            "文章不存在",
            "已被删除",
        ),
    ),
)


def deletion_phrase(visible: str) -> tuple[str, str] | None:
    """(family, phrase) of the first deletion phrase in a short page's visible text, or None."""
    if len(visible) >= MAX_TEXT:
        return None
    for signature in SIGNATURES:
        for phrase in signature.phrases:
            if phrase in visible:
                return signature.family, phrase
    return None
