from __future__ import annotations

import pytest

from pipelines.common.decoding import charset_of, decode_html, decode_text

TEXT = "<p>中共某县委关于巡察整改情况的通报，王镕、陈堃</p>"  # 镕 and 堃 are outside GB2312
GBK = TEXT.encode("gb18030")
UTF8 = TEXT.encode("utf-8")


@pytest.mark.parametrize(
    ("body", "declared", "forced", "encoding"),
    [
        (UTF8, "utf-8", None, "utf-8"),
        (UTF8, None, None, "utf-8"),
        (b"<meta charset=gb2312>" + UTF8, None, None, "utf-8"),  # migrated page, stale meta
        (UTF8, "gbk", None, "utf-8"),  # header lies the other way
        (GBK, None, None, "gb18030"),  # undeclared
        (b"<meta charset=gb2312>" + GBK, None, None, "gb18030"),  # gb2312 read as gb18030
        (b"<meta charset=gbk>" + GBK, "utf-8", None, "gb18030"),  # header contradicts the page
        (GBK, "iso-8859-1", None, "gb18030"),  # the HTTP-stack default label
        (GBK, "gb2312", None, "gb18030"),
        (UTF8, None, "gb18030", "gb18030"),  # a site rule forces the codec
        (b"\xef\xbb\xbf" + UTF8, "gbk", None, "utf-8"),  # BOM first
    ],
)
def test_encoding_choice(
    body: bytes, declared: str | None, forced: str | None, encoding: str
) -> None:
    text, used = decode_html(body, declared_encoding=declared, forced_encoding=forced)
    assert used == encoding
    if forced is None:
        assert text.endswith(TEXT)


def test_ascii_page_keeps_its_declared_label() -> None:
    assert decode_html(b"<p>ok</p>", declared_encoding="gbk") == ("<p>ok</p>", "gb18030")
    assert decode_html(b"<p>ok</p>") == ("<p>ok</p>", "utf-8")


def test_broken_bytes_are_replaced_not_raised() -> None:
    text, used = decode_html(GBK[:-3] + b"\x81", declared_encoding="gbk")
    assert used == "gb18030"
    assert "\ufffd" in text
    assert "巡察整改" in text


def test_unknown_labels_are_ignored() -> None:
    assert decode_html(GBK, declared_encoding="x-no-such-charset")[1] == "gb18030"


def test_big5_traditional_text_is_read_as_big5() -> None:
    text = "中共南嶺縣衛生健康局黨組關於縣委巡察整改進展情況的通報。根據縣委統一部署，縣委第四巡察組開展了巡察。"
    assert decode_text(text.encode("big5")) == text


def test_gbk_character_references_are_restored() -> None:
    assert decode_text("整改&#8226;情况".encode("gbk")) == "整改•情况"


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [("text/html; charset=GB2312", "gb2312"), ('text/html; Charset="utf-8"', '"utf-8"'),
     ("application/json;charset=UTF-8; x=1", "utf-8"), ("text/html", None), (None, None)],
)  # fmt: skip
def test_charset_of(content_type: str | None, expected: str | None) -> None:
    assert charset_of(content_type) == expected


# Codecs Python has that are no page charset: bytes-to-bytes ones, escapes, utf-7, `undefined`.
BOGUS = ["base64", "zlib", "hex", "rot-13", "uu", "bz2", "quopri", "idna", "punycode", "utf-7"]


@pytest.mark.parametrize("charset", [*BOGUS, "undefined", "unicode_escape", "raw_unicode_escape"])
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (GBK, "gb18030"),
        (UTF8, "utf-8"),
        (b"<p>ok</p>", "utf-8"),
        (GBK[:-3] + b"\x81\x80", "gb18030"),  # broken bytes: the fallback path
    ],
)
def test_a_bogus_charset_is_read_as_undeclared(charset: str, body: bytes, expected: str) -> None:
    page = f"<meta charset={charset}>".encode() + body
    for declared, forced in [(charset, None), (None, charset), (None, None)]:
        text, used = decode_html(page, declared_encoding=declared, forced_encoding=forced)
        assert used == expected
        assert text.startswith(f"<meta charset={charset}>")


def test_utf16_is_believed_only_for_a_body_with_nul_bytes() -> None:
    # A stale `charset=utf-16` over GBK bytes would turn the page into CJK-looking noise.
    assert decode_html(b"<meta charset=utf-16>" + GBK)[1] == "gb18030"
    assert decode_html(GBK, declared_encoding="utf-16")[1] == "gb18030"
    wide = "<p>巡察整改</p>".encode("utf-16-le")
    assert decode_html(wide, declared_encoding="utf-16-le") == ("<p>巡察整改</p>", "utf-16-le")


@pytest.mark.parametrize("label", ["a\x00b", "x" * 500, "", "gb\u2028k", "\ud800"])
def test_any_label_is_a_candidate_or_ignored(label: str) -> None:
    assert decode_html(GBK, declared_encoding=label, forced_encoding=label)[1] == "gb18030"
