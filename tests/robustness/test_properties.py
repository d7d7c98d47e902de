"""Property tests over the decoder, the cleaner and the parser entry points: no input makes them
raise, and what they return can always be written (no lone surrogate). Speed is the benchmark's
(bench/robustness.py), never asserted here."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.cleaning import clean_html, clean_text
from pipelines.common.cleaned import AttachmentLink, PageMeta
from pipelines.common.decoding import decode_html, decode_text
from pipelines.parsing import parse_notice

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces the patterns key on, so generated text reaches them instead of missing every rule.
WORDS = [
    "问题", "个", "项", "方面", "反馈", "整改", "措施", "已完成", "正在推进", "巡察", "第一巡察组",
    "关于", "的通报", "附件", "来源", "时间", "电话", "截至目前", "2023年", "1月1日", "至", "一、",
    "(一)", "1.", "①", "|", "\t", " ", "\u3000", "\n", "：", "。", "\ud800", "\udfff", ".docx",
]  # fmt: skip
CHARSETS = ["base64", "zlib", "hex", "rot-13", "uu", "bz2", "idna", "utf-7", "utf-16", "gbk", "x"]
TAGS = ["div", "p", "span", "table", "tr", "td", "a", "br", "script", "h1", "ul", "li", "pre"]

notice_like = st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=80).map("".join)
any_text = st.text(max_size=400) | notice_like


@st.composite
def html_ish(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        tag = draw(st.sampled_from(TAGS))
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(f"<{tag} class='{draw(st.sampled_from(['nav', 'TRS_Editor', 'x']))}'>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(notice_like).replace("\ud800", "").replace("\udfff", ""))
    return "".join(parts)


def _writable(value: object) -> None:
    json.dumps(value, ensure_ascii=False).encode("utf-8")  # raises on a lone surrogate


@FAST
@given(
    st.binary(max_size=3000), st.sampled_from([None, *CHARSETS]), st.sampled_from([None, *CHARSETS])
)
def test_the_decoder_takes_any_bytes_and_any_label(
    body: bytes, declared: str | None, forced: str | None
) -> None:
    text, encoding = decode_html(body, declared_encoding=declared, forced_encoding=forced)
    assert isinstance(text, str) and encoding
    "".encode(encoding)  # the encoding named is a real text codec
    assert isinstance(decode_text(body), str)


@FAST
@given(html_ish(), st.sampled_from([None, *CHARSETS]))
def test_the_cleaner_takes_any_html_ish_page(page: str, charset: str | None) -> None:
    head = f"<meta charset={charset}>" if charset else ""
    cleaned = clean_html((head + page).encode("utf-8"), url="http://example.gov.cn/a/b.html")
    _writable([cleaned.text, cleaned.meta.title, [a.name for a in cleaned.attachments]])


@FAST
@given(st.binary(max_size=3000))
def test_the_cleaner_takes_any_bytes(body: bytes) -> None:
    clean_html(body)


@FAST
@given(any_text)
def test_the_text_cleaner_takes_any_text(text: str) -> None:
    cleaned = clean_text(text)
    _writable([cleaned.text, [a.name for a in cleaned.attachments]])


@FAST
@given(any_text, st.text(max_size=30), st.lists(st.text(max_size=20), max_size=3))
def test_the_parser_takes_any_text_and_keeps_it_writable(
    text: str, title: str, names: list[str]
) -> None:
    meta = PageMeta(title=title or None, published=title or None)
    links = [AttachmentLink(name=n, url=f"http://x/{n}") for n in names]
    record = parse_notice(text, meta, links)
    _writable(record.to_dict())
