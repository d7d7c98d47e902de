"""Targeted normalisation of notice text: only what parsing needs, never NFKC on everything.

NFKC would turn ① into 1 and ⑴ into (1), losing outline levels; so characters are mapped with an
explicit table. Then repost damage is undone (pinyin annotations, LaTeX fragments, share-site
markers) and lines that a PDF conversion wrapped mid-sentence are joined back into paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter

from pipelines.parsing.outline import classify_marker, starts_paragraph
from pipelines.parsing.vocab import TITLE_END_WORDS, alternation

_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH |= {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
_FULLWIDTH |= {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}
_FULLWIDTH |= {"：": ":", "∶": ":", "（": "(", "）": ")", "．": ".", "\u3000": " ", "\xa0": " "}
_FULLWIDTH |= {"／": "/", "－": "-", "％": "%", "＠": "@", "\ufeff": "", "\u200b": "", "\r": ""}
CHAR_TABLE = str.maketrans(_FULLWIDTH)
_MAPPED = "[" + re.escape("".join(_FULLWIDTH)) + "]"
# One mapped character, then any more: a pattern opening with a repeat ([…]+) is tried at every
# position, one opening with a character class is scanned for.
_MAPPED_RE = re.compile(f"{_MAPPED}{_MAPPED}*")

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# 衛(wèi)生: a CJK character followed by its pinyin in brackets (a tone mark or tone digit required).
# The bracket comes first and the character is looked behind it: a pattern opening with a
# look-behind is tried at every position, one opening with '(' is scanned for.
_PINYIN_RE = re.compile(
    rf"\((?<=[\u4e00-\u9fff]\()(?=[a-z{_TONED}]*[{_TONED}1-5])[a-z{_TONED}]{{1,7}}[1-5]?\)"
)
_LATEX_RE = re.compile(r"\$([^$\n]{1,120}?)\$")
_LATEX_SYMBOLS = {r"\times": "×", r"\div": "÷", r"\%": "%", r"\cdot": "·", r"\pm": "±"}
_LATEX_CMD_RE = re.compile(r"\\[A-Za-z]+\s*|[{}]")
_MARKER_RE = re.compile(r"##[A-Za-z]{2,20}##")
# Spaces after CJK text or a digit before CJK text, or after CJK text before a digit. The first
# space is matched before the look-behind (as _PINYIN_RE's bracket): scanned for, not tried at
# every position.
CJK_SPACE_RE = re.compile(
    r"[ \t](?:(?<=[\u4e00-\u9fff\d][ \t])[ \t]*(?=[\u4e00-\u9fff])"
    r"|(?<=[\u4e00-\u9fff][ \t])[ \t]*(?=\d))"
)

# A line ending like this ends its paragraph; anything else may have been wrapped.
_TERMINAL = set("。！？；;!?:…")
_CLOSERS = "”’\"')）】」』"
_TITLE_END_RE = re.compile(rf"{alternation(TITLE_END_WORDS)}$")
# '…建立台账。(已完成)': a bracketed remark after a finished sentence ends the paragraph.
_CLOSING_REMARK = re.compile(r"[。！？；;!?]\s*[(【\[][^()【】\[\]]{1,12}[)】\]]$")
TITLE_ZONE = 3  # paragraphs at the top where a title line may stand
# How much of a paragraph's end the joining checks read: more than any title ending, closing
# remark or bare number needs. (A joined paragraph holds no table row: its lines held none.)
PARAGRAPH_END = 200
NATURAL_WRAP_MIN = 40
NEAR_FULL = 3
INDENT = 2
_PAGE_NUMBER = re.compile(r"\d{1,3}")
# Cells of a table row are joined by ' | ' (the page renderer, cleaning/render.py) or by a tab
# (the .docx text extractor, crawler/attachments.py).
_CELL_JOINS = (" | ", "\t")


def normalize_chars(text: str) -> str:
    """Map full-width forms to ASCII and undo repost damage; keeps outline glyphs like ① ⑴."""
    text = _MAPPED_RE.sub(lambda m: m.group(0).translate(CHAR_TABLE), text)
    text = _MARKER_RE.sub("", text)
    text = _PINYIN_RE.sub("", text)
    return _LATEX_RE.sub(_latex_to_text, text)


def is_table_row(line: str) -> bool:
    return any(map(line.__contains__, _CELL_JOINS))  # no generator: read for every line, often


def in_table(paras: list[str], i: int) -> bool:
    """Paragraph `i` is a row of a table: a row next to another row (a lone tab is no table)."""
    if not is_table_row(paras[i]):
        return False
    return (i > 0 and is_table_row(paras[i - 1])) or (
        i + 1 < len(paras) and is_table_row(paras[i + 1])
    )


def squeeze_cjk_spaces(text: str) -> str:
    """'2022 年 7 月' -> '2022年7月': spaces a PDF conversion put around CJK text."""
    return CJK_SPACE_RE.sub("", text)


def _latex_to_text(match: re.Match[str]) -> str:
    body = match.group(1)
    if "\\" not in body and "^" not in body and "_" not in body:
        return match.group(0)
    for command, symbol in _LATEX_SYMBOLS.items():
        body = body.replace(command, symbol)
    return _LATEX_CMD_RE.sub("", body).strip()


def paragraphs(text: str) -> list[str]:
    """Normalised, non-empty paragraphs, one per line, wrapped lines joined back together."""
    lines = [line.strip() for line in normalize_chars(text).split("\n")]
    return join_wrapped(lines)


def join_wrapped(lines: list[str]) -> list[str]:
    """Join lines a PDF conversion or fixed-width wrap broke mid-sentence; drop empty lines."""
    width = _wrap_width(lines)
    out: list[list[str]] = []  # each paragraph's physical lines, joined at the end
    end = ""  # the last paragraph's end: every check on a paragraph reads only its end
    previous = ""
    for i, line in enumerate(lines):
        if not line or (_PAGE_NUMBER.fullmatch(line) and _between_wrapped(lines, i, previous)):
            continue
        top = len(out) <= TITLE_ZONE
        if out and _continues(end, previous, line, width, top=top, single=len(out[-1]) == 1):
            out[-1].append(line)
            end = (end + line)[-PARAGRAPH_END:]
        else:
            out.append([line])
            end = line[-PARAGRAPH_END:]
        previous = line
    return ["".join(parts) for parts in out]


def _between_wrapped(lines: list[str], i: int, previous: str) -> bool:
    """A bare page number between a long cut-off line and its continuation (a table's
    short cells around a number are left alone)."""
    following = next((lines[j] for j in range(i + 1, len(lines)) if lines[j]), "")
    tail = previous.rstrip(_CLOSERS)
    return len(tail) >= 20 and tail[-1] not in _TERMINAL and bool(following)


def _continues(
    paragraph: str,
    previous: str,
    line: str,
    width: int | None,
    *,
    top: bool = False,
    single: bool = False,
) -> bool:
    """Whether `line` continues the paragraph whose last physical line was `previous`;
    `paragraph`: the paragraph's last PARAGRAPH_END characters (all of it when shorter), so
    that joining a run of lines stays linear; `single`: it is that one line; `top`: the
    paragraph is among the first ones, where a title ends without punctuation."""
    tail = paragraph.rstrip(_CLOSERS)
    if not tail or tail[-1] in _TERMINAL or (top and _TITLE_END_RE.search(paragraph)):
        return False
    if is_table_row(paragraph) or is_table_row(line):
        return False  # a table row (cells joined by ' | ' or tabs) is a line of its own
    bare = classify_marker(previous if single else paragraph)
    if bare is not None and not bare.rest:
        return True  # a number alone on its line: its text was moved to the next line
    if previous.endswith("-") and line[:1].isalnum():
        return True  # broken at a hyphen inside a phone number or URL
    if width is None:
        long = len(previous) >= NATURAL_WRAP_MIN
        return long and not starts_paragraph(line) and not _CLOSING_REMARK.search(paragraph)
    if len(previous) >= width - 1:
        # A full line was cut by the wrap, unless the next line starts a numbered paragraph
        # (a heading can be exactly as wide as the wrap); '…@16' + '3.com' is one token.
        token = previous[-1].isascii() and previous[-1].isalnum() and line[0].isascii()
        return token or not starts_paragraph(line)
    if _CLOSING_REMARK.search(paragraph):
        return False
    # Nearly full: PDF lines vary a little with the width of their characters, and the first
    # line of a paragraph lost its indent when it was stripped.
    indent = INDENT if single else 0
    if len(previous) >= width - NEAR_FULL - indent and not starts_paragraph(line):
        return True
    # textwrap moves a word that does not fit to the next line: then previous + word > width.
    word = line.split(maxsplit=1)[0]
    # A lone unpunctuated word (a date, a name) is a line of its own, not a moved word.
    alone = word == line and word[-1] not in _TERMINAL
    fits = len(word) <= width // 2 and len(previous) + 1 + len(word) > width and not alone
    return fits and not starts_paragraph(line)


def _wrap_width(lines: list[str]) -> int | None:
    """The width a text was wrapped at, when most of its long lines are about that long; else
    None.

    It is the longest length many lines share (not the most common one: PDF lines vary by a
    character or two)."""
    lengths = [len(line) for line in lines if line]
    if len(lengths) < 8:
        return None
    counts = Counter(lengths)
    frequent = [n for n, c in counts.items() if c >= max(2, 0.05 * len(lengths))]
    if not frequent:
        return None
    width = max(frequent)
    near = sum(1 for n in lengths if width - NEAR_FULL - 1 <= n <= width)
    # Short lines (headings, list items, a paragraph's last line) do not count against it.
    longish = sum(1 for n in lengths if n >= width // 2)
    if width < 12 or width > 200 or near < 0.3 * longish or max(lengths) > width * 1.6:
        return None
    return width
