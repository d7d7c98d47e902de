"""Text made storable: NUL dropped, lone surrogates replaced, surrogate pairs joined, containers
walked (keys too), everything else left as it is."""

from __future__ import annotations

from typing import Any

import pytest

from pipelines.common.storable import storable, storable_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain ascii", "plain ascii"),
        ("nul\x00in\x00ascii", "nulinascii"),
        ("巡察整改", "巡察整改"),
        ("巡察\x00整改", "巡察整改"),
        ("lone \ud800 high", "lone \ufffd high"),
        ("lone \udfff low", "lone \ufffd low"),
        ("low then high \udc00\ud800", "low then high \ufffd\ufffd"),
        ("a pair \ud83d\ude00 joined", "a pair 😀 joined"),
        ("\ud800", "\ufffd"),
        ("", ""),
        ("通报\x00\ud800", "通报\ufffd"),
    ],
)
def test_storable_text(text: str, expected: str) -> None:
    fixed = storable_text(text)
    assert fixed == expected
    fixed.encode("utf-8")  # what the spool and the drivers do with it


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (3, 3),
        (b"\x00\xff", b"\x00\xff"),  # bytes are data, kept byte-exact
        (["\ud800", 1, None], ["\ufffd", 1, None]),
        (("a\x00",), ("a",)),
        ({"t\ud800": {"x": ["\x00y"]}}, {"t\ufffd": {"x": ["y"]}}),
    ],
)
def test_storable_walks_containers(value: Any, expected: Any) -> None:
    assert storable(value) == expected
