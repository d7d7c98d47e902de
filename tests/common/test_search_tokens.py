"""The bigram tokens that both databases' search indexes hold."""

from __future__ import annotations

import pytest

from pipelines.common.search_tokens import query_phrases, tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("整改", "整改"),
        ("巡察整改", "巡察 察整 整改"),
        ("罚", "罚"),
        ("关于 整改，情况", "关于 整改 情况"),
        ("第3轮 WTO规则", "第 3 轮 wto 规则"),
        ("", ""),
        ("……、。", ""),
    ],
)
def test_tokens(text: str, expected: str) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("整改", [["整改"]]),
        ("形式主义", [["形式", "式主", "主义"]]),
        ("整改 问责", [["整改"], ["问责"]]),
        ("“违规吃喝”", [["违规", "规吃", "吃喝"]]),
        ("!!", []),
    ],
)
def test_query_phrases(query: str, expected: list[list[str]]) -> None:
    assert query_phrases(query) == expected


def test_every_substring_of_two_or_more_ideographs_is_a_token_sequence_of_the_text() -> None:
    text = "落实中央八项规定精神"
    indexed = tokens(text).split()
    for i in range(len(text)):
        for j in range(i + 2, len(text) + 1):
            (phrase,) = query_phrases(text[i:j])
            k = indexed.index(phrase[0])
            assert indexed[k : k + len(phrase)] == phrase
