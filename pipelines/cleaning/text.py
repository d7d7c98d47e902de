"""Text-level chrome removal for pages that arrive already flattened to text.

`clean_text` drops chrome lines (vocabulary in `vocab.py`), lifts the page's own metadata line
(`时间:… 来源:… 作者:…`) into `PageMeta`, takes a column breadcrumb above the title into
`PageMeta.column`, and turns trailing attachment file names into `AttachmentLink`s.
"""

from __future__ import annotations

import re

from pipelines.cleaning.vocab import (
    CHROME_KEY_RE,
    CHROME_LINE_RE,
    FOOTER_START_RE,
    INLINE_MARKER_RE,
    KEYED_CHROME_LINE_RE,
    META_LABELS,
    traditional_chrome,
)
from pipelines.common.attachment_types import ATTACHMENT_EXTS
from pipelines.common.cleaned import AttachmentLink, CleanedPage, PageMeta
from pipelines.common.dates import NUMERIC_DATE
from pipelines.common.storable import storable_text

# Metadata lines sit near the top; a "时间:" line deep in a notice is body text.
META_SCAN_LINES = 12
MAX_META_LINE = 200
MAX_BREADCRUMB = 12
DATE_LINE_SCAN = 4
MAX_META_REST = 40
MIN_WRAPPED = 20  # a meta line shorter than this was not cut by a wrap: the next line is its own
FOOTER_SCAN = 15  # the last lines where a post's END / 往期推荐 bar is looked for
TITLE_SCAN = 4

_LABELS = sorted(META_LABELS, key=len, reverse=True)
_LABEL_RE = re.compile(
    r"(?:^|(?<=[\s【\[|｜]))[【\[]?\s*(" + "|".join(_LABELS) + r")\s*(?:[:：]|(?<=为))\s*"
)
# Possessive space runs in the 附件 prefix: three optional runs in a row split a long run of
# spaces every way before failing (cubic); nothing after a run can start with a space.
_ATTACHMENT_RE = re.compile(
    r"^(?:附件\s*+[\d一二三四五六七八九十]*\s*+[:：.、]?\s*+)?(?:\d{1,2}\s*+[.、．]\s*+(?!\w{1,5}$))?"
    r"(?P<name>.{1,150}?\.(?:" + "|".join(ATTACHMENT_EXTS) + r"))$",
    re.IGNORECASE,
)
# A line that can only be the first half of a wrapped file name: long, no punctuation, and not a
# signature (unit name or date).
_NAME_FRAGMENT_RE = re.compile(
    r"(?:附件\s*+[\d一二三四五六七八九十]*\s*+[:：.、]?\s*+)?"
    r"(?P<part>[^。，,；;：:！？!?\s]{20,})(?<![日号\d])(?<!党组|党委|员会)"
)
_NAME_PART_RE = re.compile(r"[^。，,；;：:！？!?\s]{2,}")
# '2025年02月17日  来源：…': a page date written before the labelled fields, without a label.
_LEADING_DATE_RE = re.compile(rf"^({NUMERIC_DATE}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?)\s+")
# …also a WeChat post's time line, which ends with the poster's region: '2023年12月20日 19:02 浙江'
_DATE_LINE_RE = re.compile(
    rf"[(（\[【]?\s*(?P<date>{NUMERIC_DATE}"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?=\s*$|\s*[)）\]】]|\s+[\u4e00-\u9fff]{2,4}$))?)"
    r"(?:(?<=\d)\s+[\u4e00-\u9fff]{2,4})?\s*[)）\]】]?"
)
_SENTENCE_PUNCT = re.compile(r"[。，,；;！？!?：:]")
# '原标题：…' in a repost: the notice's own title, under the reposting page's headline.
_ORIGINAL_TITLE_RE = re.compile(r"原标题\s*[:：]\s*(?P<title>\S.*)")
# A line opening with a label of its own (原标题：, 编辑：): never the wrapped rest of a meta value.
_OTHER_LABEL_RE = re.compile(r"[【\[]?\s*([\u4e00-\u9fff]{1,6})\s*[:：]")


def clean_text(text: str) -> CleanedPage:
    """Strip text-level chrome from a flattened page; never raises on any str."""
    text = storable_text(text)  # what no codec can write never reaches a record (nor NUL)
    lines = text.splitlines()
    if INLINE_MARKER_RE.search(text):  # one scan of the text, rather than one per line
        lines = [INLINE_MARKER_RE.sub("", line) for line in lines]
    lines = [line.strip() for line in lines]
    _drop_footer(lines)
    # A text holding no character of the traditional chrome forms has no line that does.
    traditional = traditional_chrome().chars.search(text) is not None
    lines = [line for line in lines if not (line and is_chrome_line(line, traditional))]
    attachments = _take_trailing_attachments(lines)
    meta_fields, meta_index = _take_meta(lines)
    if meta_index is not None:
        column = _take_breadcrumb(lines, meta_index)
        if column:
            meta_fields["column"] = column
    _lift_original_title(lines)
    body = "\n".join(lines).strip("\n")
    body = _BLANK_LINES.sub("\n\n", body)
    return CleanedPage(text=body, meta=PageMeta(**meta_fields), attachments=tuple(attachments))


# Chrome patterns allow spaces between their words (`\s*[】\]]?\s*`); over a long run of spaces
# they backtrack polynomially, so a line is matched with each run read as one space. (Written
# `\s\s+`, not `\s{2,}`: a pattern opening with a repeat is tried at every position, one opening
# with a character class is scanned for; the same holds for _BLANK_LINES.)
_SPACE_RUN = re.compile(r"\s\s+")
_BLANK_LINES = re.compile(r"\n\n\n+")


def _squeezed(line: str) -> str:
    """Each run of spaces as one space. A line without a space whose characters are all
    printable holds no whitespace at all (every other one is unprintable): it is not scanned."""
    return _SPACE_RUN.sub(" ", line) if " " in line or not line.isprintable() else line


def is_chrome_line(line: str, traditional: bool = True) -> bool:
    """True when the whole (stripped) line is page chrome; `traditional`: the line may hold a
    character of the traditional chrome forms (False: its text holds none)."""
    line = _squeezed(line)
    if CHROME_LINE_RE.fullmatch(line):
        return True
    if CHROME_KEY_RE.search(line) and KEYED_CHROME_LINE_RE.fullmatch(line):
        return True
    if not traditional:
        return False
    forms = traditional_chrome()
    return bool(forms.chars.search(line) and forms.lines.fullmatch(line))


def _drop_footer(lines: list[str]) -> None:
    """Cut a post at its end bar (END, 往期推荐 …) among the last lines, with what follows it."""
    content = [i for i, line in enumerate(lines) if line]
    for i in content[-FOOTER_SCAN:]:
        line = _squeezed(lines[i])
        if FOOTER_START_RE.fullmatch(line) or traditional_chrome().footer.fullmatch(line):
            del lines[i:]
            return


def _lift_original_title(lines: list[str]) -> None:
    """A repost's '原标题：…' line among the first lines becomes the title line, without its
    label; the reposting page's headline above it goes."""
    content = [i for i, line in enumerate(lines) if line][:TITLE_SCAN]
    for n, i in enumerate(content):
        match = _ORIGINAL_TITLE_RE.fullmatch(lines[i])
        if match:
            lines[i] = match.group("title").strip()
            for j in reversed(content[:n]):
                del lines[j]
            return


def parse_meta_line(line: str) -> dict[str, str] | None:
    """Split a `时间:… 来源:… 作者:…` line into PageMeta fields; None if it is not one."""
    if len(line) > MAX_META_LINE:
        return None
    lead = _LEADING_DATE_RE.match(line)
    hits = list(_LABEL_RE.finditer(line))
    first = lead.end() if lead else 1
    if not hits or hits[0].start() > first:
        return None
    if len(hits) < 2 and len(line) > 60:
        return None
    fields: dict[str, str] = {}
    for i, hit in enumerate(hits):
        end = hits[i + 1].start() if i + 1 < len(hits) else len(line)
        value = line[hit.end() : end].strip().strip("【】[]|｜").strip()
        field = META_LABELS[hit.group(1)]
        if field and value and field not in fields:
            fields[field] = value
    if lead:
        fields.setdefault("published", lead.group(1))
    return fields


def _take_meta(lines: list[str]) -> tuple[dict[str, str | None], int | None]:
    """Remove the first metadata lines from `lines`; return their fields and where they were."""
    fields: dict[str, str | None] = {}
    first: int | None = None
    seen = 0
    i = 0
    while i < len(lines) and seen < META_SCAN_LINES:
        if not lines[i]:
            i += 1
            continue
        seen += 1
        parsed = parse_meta_line(lines[i])
        if parsed is None:
            i += 1
            continue
        parsed = _join_wrapped_meta(lines, i, parsed)
        for key, value in parsed.items():
            fields.setdefault(key, value)
        first = i if first is None else first
        del lines[i]
    if "published" not in fields:
        first = _take_date_line(lines, fields, first)
    return fields, first


def _join_wrapped_meta(lines: list[str], i: int, parsed: dict[str, str]) -> dict[str, str]:
    """A meta line a fixed-width wrap cut in two: its short, unpunctuated rest is appended."""
    while i + 1 < len(lines) and 0 < len(lines[i + 1]) <= MAX_META_REST:
        rest = lines[i + 1]
        label = _OTHER_LABEL_RE.match(rest)
        if label and not any(known.endswith(label.group(1)) for known in META_LABELS):
            break  # '原标题：…' under '作者：记者 李玲' is a line of its own
        sep = " " if _LABEL_RE.match(rest) else ""  # cut before a label, or inside a value
        if not sep and len(lines[i]) < MIN_WRAPPED:
            break  # '来源：清河发布' over the account's own line
        joined = parse_meta_line(lines[i] + sep + rest)
        if _SENTENCE_PUNCT.search(rest.replace(":", "").replace("：", "")) or joined is None:
            break
        if len(joined) < len(parsed) or joined == parsed:
            break
        lines[i] = lines[i] + sep + rest
        del lines[i + 1]
        parsed = joined
    return parsed


def _take_date_line(
    lines: list[str], fields: dict[str, str | None], first: int | None
) -> int | None:
    """A bare date line among the first lines (under the title) is the page date."""
    content = [i for i, line in enumerate(lines) if line]
    for i in content[1:DATE_LINE_SCAN]:
        match = _DATE_LINE_RE.fullmatch(lines[i])
        if i != content[-1] and match:
            fields["published"] = match.group("date").strip()
            del lines[i]
            return i if first is None else first
    return first


def _take_breadcrumb(lines: list[str], meta_index: int) -> str | None:
    """Short column names at the top, above the title (itself just above the meta line)."""
    above = [i for i in range(min(meta_index, len(lines))) if lines[i]]
    crumbs: list[int] = []
    for i in above[:-1]:  # at least one line, the title, stays
        if (
            len(lines[i]) > MAX_BREADCRUMB
            or _SENTENCE_PUNCT.search(lines[i])
            or lines[i].endswith(("党组", "党委", "委员会"))  # an issuing-unit header, not a column
            or "关于" in lines[i]  # the first line of a wrapped title: 市红十字会党组关于
        ):
            break
        crumbs.append(i)
    if not crumbs:
        return None
    column = " > ".join(lines[i] for i in crumbs)
    for i in reversed(crumbs):
        del lines[i]
    return column


def _take_trailing_attachments(lines: list[str]) -> list[AttachmentLink]:
    """Pop file-name lines from the end of the page (the last lines of a flattened page)."""
    found: list[AttachmentLink] = []
    while lines:
        last = lines[-1]
        if not last:
            lines.pop()
            continue
        match = _ATTACHMENT_RE.match(last)
        if match is None and len(lines) >= 2 and _NAME_PART_RE.fullmatch(lines[-2]):
            match = _ATTACHMENT_RE.match(lines[-2] + last)  # wrapped inside the extension
            if match is not None:
                lines.pop()
        if match is None:
            break
        lines.pop()
        name = match.group("name").strip()
        while lines and len(name) + len(lines[-1]) <= 150:
            fragment = _NAME_FRAGMENT_RE.fullmatch(lines[-1])
            if fragment is None or _ATTACHMENT_RE.match(lines[-1]):  # a file name of its own
                break
            lines.pop()
            name = fragment.group("part") + name  # a long file name wrapped over two lines
        found.append(AttachmentLink(name=name))
    found.reverse()
    return found
