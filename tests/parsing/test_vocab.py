from __future__ import annotations

import re

import pytest

from pipelines.parsing import vocab
from pipelines.parsing.vocab import alternation


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        (("已整改", "已整改完成"), "已整改完成", "已整改完成"),  # the longer word first
        (("a.b", "c"), "axb a.b", "a.b"),  # escaped: '.' is no wildcard
        (("问题", "问题"), "问题", "问题"),  # a repeated word once
    ],
)
def test_alternation_matches_the_longest_word_as_written(
    words: tuple[str, ...], text: str, expected: str
) -> None:
    match = re.search(alternation(words), text)
    assert match is not None
    assert match.group(0) == expected


@pytest.mark.parametrize("words", [(), ("",), ("问题", "")])
def test_alternation_refuses_what_would_match_everywhere(words: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="at least one word"):
        alternation(words)


def _vocabularies() -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for name, value in vars(vocab).items():
        if name.isupper() and isinstance(value, tuple):
            found[name] = value
        elif name.isupper() and isinstance(value, dict):
            for key, words in value.items():
                if isinstance(words, tuple):
                    found[f"{name}[{key}]"] = words
    return found


@pytest.mark.parametrize(("name", "words"), _vocabularies().items(), ids=_vocabularies().keys())
def test_a_vocabulary_lists_distinct_words(name: str, words: tuple[str, ...]) -> None:
    assert words, name
    assert all(w and w == w.strip() for w in words), name
    assert len(set(words)) == len(words), name


def test_a_bare_alternation_is_the_words_alone() -> None:
    assert alternation(("问题", "问题表现", "a.b"), bare=True) == r"问题表现|a\.b|问题"
