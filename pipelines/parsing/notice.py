"""parse_notice: cleaned text (+ page metadata) -> NoticeRecord (with the decision whether it is
a notice, and its rule: parse_with_decision). Never raises."""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipelines.cleaning.text import clean_text
from pipelines.common.cleaned import AttachmentLink, PageMeta
from pipelines.common.dates import iso_date
from pipelines.common.limits import MAX_NOTICE_CHARS
from pipelines.common.storable import storable_text
from pipelines.parsing import counts as counts_mod
from pipelines.parsing import dates, script, tallies, units
from pipelines.parsing.accountability import extract_accountability
from pipelines.parsing.classify import (
    PARSE_FAILED,
    POINTS_TO_NOTICE,
    TOO_LONG,
    Decision,
    decide,
    pointed_document,
)
from pipelines.parsing.contacts import extract_contact
from pipelines.parsing.money import extract_money
from pipelines.parsing.outline import Node, build_outline
from pipelines.parsing.problems import ProblemsResult, extract_problems
from pipelines.parsing.record import Attachment, Counts, NoticeRecord
from pipelines.parsing.rules_made import extract_rules_made
from pipelines.parsing.signature import find_signature
from pipelines.parsing.tables import table_problems
from pipelines.parsing.text import paragraphs, squeeze_cjk_spaces
from pipelines.parsing.vocab import (
    NOTICE_FORMS,
    TITLE_CUT_WORDS,
    TITLE_END_WORDS,
    TITLE_WORDS,
    alternation,
)

PARSER_VERSION = "1.6.0"
log = logging.getLogger(__name__)

_TITLE_WORDS = re.compile(rf"{alternation(TITLE_WORDS, bare=True)}|整改.{{0,6}}情况|情况说明")
_TITLE_MAX = 100
_TITLE_STRONG = re.compile(r"巡[视察]|整改|关于")
_TITLE_TAIL = re.compile(rf"^的?{alternation((*NOTICE_FORMS, '说明'))}$")
_TITLE_WORD_ACROSS = re.compile(alternation(TITLE_CUT_WORDS))
_COLUMN_MAX = 6  # 通知公告, 工作动态: a column name above the title, not the title
_TITLE_END = re.compile(rf"{alternation(TITLE_END_WORDS)}$")
_FEEDBACK = re.compile(r"反馈")
_FEEDBACK_BEFORE = re.compile(
    r"(?:反馈(?:会|会议|工作会议|意见)?\s*(?:于|在|定于)|反馈(?:时间|日期)\s*(?:为|是)?\s*:?)\s*$"
)
_OPENING_MAX = 3000  # the opening names the team, the period and the feedback


@dataclass(frozen=True, slots=True)
class Parsed:
    record: NoticeRecord
    decision: Decision  # record.is_notice, and the rule that decided it


def parse_notice(
    text: str, meta: PageMeta | None = None, attachments: Sequence[AttachmentLink] = ()
) -> NoticeRecord:
    """Parse one notice; any failure yields a record with is_notice false instead of raising."""
    return parse_with_decision(text, meta, attachments).record


def parse_with_decision(
    text: str, meta: PageMeta | None = None, attachments: Sequence[AttachmentLink] = ()
) -> Parsed:
    """The record, and the decision whether it is a notice with the rule that made it."""
    try:
        text, meta, attachments = _sane(
            text if isinstance(text, str) else str(text), meta, attachments
        )
        if len(text) > MAX_NOTICE_CHARS:
            record = NoticeRecord(
                is_notice=False, parser_version=PARSER_VERSION, body_text=text, title=meta.title
            )
            return Parsed(record, TOO_LONG)
        return _parse_any_script(text, meta, attachments)
    except Exception:  # a crawl must never die on one page; the record says what we know
        log.exception("parse_notice failed")
        body = storable_text(text) if isinstance(text, str) else ""
        record = NoticeRecord(is_notice=False, parser_version=PARSER_VERSION, body_text=body)
        return Parsed(record, PARSE_FAILED)


def _sane(
    text: str, meta: PageMeta | None, links: Sequence[AttachmentLink]
) -> tuple[str, PageMeta, Sequence[AttachmentLink]]:
    """Lone surrogates (a JSON API's title, a PDF's text map) become U+FFFD everywhere: OpenCC
    and every database driver refuse them."""
    meta = PageMeta(
        *(storable_text(v) if v else v for v in dataclasses.astuple(meta or PageMeta()))
    )
    links = [
        dataclasses.replace(
            link,
            name=storable_text(link.name),
            url=storable_text(link.url) if link.url else link.url,
        )
        for link in links
    ]
    return storable_text(text), meta, links


def _parse_any_script(text: str, meta: PageMeta, links: Sequence[AttachmentLink]) -> Parsed:
    """Traditional-character text is parsed as simplified and its values restored as written."""
    simplified = script.to_simplified(text)
    if not script.is_traditional(text, simplified):
        return _parse(text, meta, links)
    table = script.inverse_table(text, simplified)
    simple_meta = PageMeta(
        *(script.to_simplified(v) if v else v for v in dataclasses.astuple(meta))
    )
    parsed = _parse(simplified, simple_meta, links)
    restored: NoticeRecord = script.restore(parsed.record, table)
    return Parsed(restored, parsed.decision)


def _parse(text: str, meta: PageMeta, links: Sequence[AttachmentLink]) -> Parsed:
    cleaned = clean_text(text)
    page = cleaned.meta
    paras = paragraphs(cleaned.text)
    span = _title_span(paras)
    title_index = span[1] - 1 if span else None
    title = squeeze_cjk_spaces("".join(paras[span[0] : span[1]])) if span else None
    if title is None and meta.title and _TITLE_WORDS.search(meta.title):
        title = meta.title.strip()
    pointed = pointed_document(title, paras) if links or cleaned.attachments else None
    title = title or pointed
    root = build_outline(paras)
    opening = _opening(paras, root, title_index)
    hits = dates.find_dates(opening)
    period = dates.find_range(opening, hits)
    start, end = dates.resolve_range(*period) if period else (None, None)
    team = units.find_team(opening) or units.find_team(title or "")
    signed_by, signed_date = find_signature(paras)
    header = _header_org(paras, span[0]) if span else None
    publisher = signed_by or header or units.publisher_from_title(title)
    kinds = units.find_kinds(f"{title or ''}\n{opening}\n{team or ''}")
    result, counts = _problems(paras, root, opening)
    body = "\n".join(paras)
    # The figures are read from body_text itself, so their spans are offsets into it.
    outside = tallies.masked(paras, _inside_problems(result.spans))
    rules = extract_rules_made(body)
    rate = tallies.extract_completion_rate(body)
    tally_date = tallies.extract_tally_date(body)
    decision = (
        POINTS_TO_NOTICE
        if pointed is not None
        else decide(title, paras, len(result.problems), publisher)
    )
    record = NoticeRecord(
        is_notice=decision.is_notice,
        parser_version=PARSER_VERSION,
        body_text=body,
        title=title,
        published_date=iso_date(meta.published or page.published) or signed_date,
        source=meta.source or page.source,
        author=meta.author or page.author,
        publisher=publisher,
        inspected_unit=units.inspected_unit(opening, publisher),
        inspection_body=team,
        inspection_level=units.committee_level(
            team, f"{publisher or ''}\n{title or ''}\n{opening}"
        ),
        inspection_kinds=kinds,
        inspection_topic=units.find_topic(title, opening) if "专项" in kinds else None,
        inspection_round=units.find_round(f"{title or ''}\n{opening}\n{team or ''}"),
        inspection_start=start,
        inspection_end=end,
        feedback_date=_feedback_date(opening, hits, period),
        counts=counts,
        status_counts=tallies.status_counts(
            tallies.extract_status_counts(outside), result.grouped_status
        ),
        problems=result.problems,
        accountability=tuple(found.value for found in extract_accountability(body)),
        money=tuple(found.value for found in extract_money(body)),
        rules_made=rules.value if rules else None,
        completion_rate=rate.value if rate else None,
        tally_date=tally_date.value if tally_date else None,
        contact=extract_contact(paras),
        signed_by=signed_by,
        signed_date=signed_date,
        attachments=_attachments([*links, *cleaned.attachments]),
    )
    return Parsed(record, decision)


def _problems(paras: list[str], root: Node, opening: str) -> tuple[ProblemsResult, Counts]:
    """The problems and the counts stated before them. When the text states another number of
    problems than found, the outline is read again; a table of problems (整改台账) is taken when
    the outline has none, or when only the table has the stated number."""
    result = extract_problems(root)
    counts = _counts_before(paras, result, opening)
    stated = counts.problems
    if stated and result.problems and len(result.problems) != stated:
        result = extract_problems(root, expected=stated)
    table = table_problems(paras)
    if table and (not result.problems or len(table.problems) == stated != len(result.problems)):
        return table, _with_body_totals(_counts_before(paras, table, opening), paras, table)
    return result, _with_body_totals(counts, paras, result)


def _with_body_totals(counts: Counts, paras: list[str], result: ProblemsResult) -> Counts:
    """Totals stated further on, outside the problems (一、强化组织领导。…制定整改措施35条), fill
    what the opening left unstated: the feedback figures together, the measures alone."""
    if counts.measures is not None and counts.problems is not None:
        return counts
    found = counts_mod.extract_counts("\n".join(_outside_problems(paras, result.spans)))
    if counts.aspects is None and counts.items is None and counts.problems is None:
        counts = dataclasses.replace(
            counts, aspects=found.aspects, items=found.items, problems=found.problems
        )
    if counts.measures is None:
        counts = dataclasses.replace(counts, measures=found.measures)
    return counts


def _counts_before(paras: list[str], result: ProblemsResult, opening: str) -> Counts:
    before = paras[: result.first_index] if result.first_index is not None else [opening]
    return counts_mod.extract_counts("\n".join(before))


def _title_span(paras: list[str]) -> tuple[int, int] | None:
    """The notice's own title lines among the first lines (after an issuing-unit header or a
    column name), with the lines a wrap moved it onto."""
    heads: list[int] = []
    for i, para in enumerate(paras[:3]):
        if len(para) > _TITLE_MAX or para.rstrip('”"').endswith(("。", "：", ":")):
            break
        heads.append(i)
    strong = [i for i in heads if _TITLE_STRONG.search(paras[i])]
    weak = [i for i in heads if _TITLE_WORDS.search(paras[i]) and len(paras[i]) > _COLUMN_MAX]
    if not (strong or weak):
        return None
    start = (strong or weak)[0]
    if start - 1 in heads and _cut_word(paras[start - 1], paras[start]):
        start -= 1  # 'XX旗红十字会巡' / '察整改工作情况报告': a wrap cut the title mid-word
    return start, _title_end(paras, start)


def _title_end(paras: list[str], start: int) -> int:
    """After the title's last line: a title wrapped over up to three short lines is taken
    whole when the joined lines end as a title does (…的通报)."""
    title = paras[start]
    if _TITLE_END.search(title):
        tail = start + 1 < len(paras) and _TITLE_TAIL.match(paras[start + 1])
        return start + 2 if tail else start + 1  # '…整改情况' / '的通报'
    for end in range(start + 1, min(start + 3, len(paras))):
        if len(paras[end]) > 40 or re.search(r"[。，,；;:]", paras[end]):
            break
        title += paras[end]
        if _TITLE_END.search(title):
            return end + 1
    return start + 1


def _cut_word(line: str, following: str) -> bool:
    """Whether a title word (巡察, 整改, 通报 …) runs across the break between the lines."""
    if len(line) > _COLUMN_MAX * 4 or re.search(r"[。，,；;:]", line):
        return False
    cut = len(line)
    joined = line + following
    return any(m.start() < cut < m.end() for m in _TITLE_WORD_ACROSS.finditer(joined))


def _header_org(paras: list[str], title_start: int) -> str | None:
    """An issuing-unit header line printed above the title (PDF layouts)."""
    if title_start == 0:
        return None
    header = paras[0].replace(" ", "")
    return header if units.is_org_name(header) else None


def _opening(paras: list[str], root: Node, title_index: int | None) -> str:
    """The paragraphs before the first numbered heading, after the title and header lines
    (when they say nothing of the inspection, the first paragraphs whatever their numbers)."""
    start = title_index + 1 if title_index is not None else 0
    body = root.body[start:]  # root.body: the paragraphs before the first numbered one
    if not any("巡" in p for p in body):
        body = paras[start : start + 6]
    return squeeze_cjk_spaces("\n".join(body))[:_OPENING_MAX]


def _feedback_date(
    opening: str, hits: list[dates.DateHit], span: tuple[dates.DateHit, dates.DateHit] | None
) -> str | None:
    """The first date (outside the inspection period) whose clause goes on to say 反馈."""
    taken = {h.start for h in span} if span else set()
    previous = span[1] if span else None
    if span and span[1].year is None:
        year = dates.year_after(span[1], span[0])
        previous = dates.DateHit(span[1].start, span[1].end, year, span[1].month, span[1].day)
    for i, hit in enumerate(hits):
        if hit.start in taken:
            continue
        nxt = hits[i + 1].start if i + 1 < len(hits) else len(opening)
        clause = re.split(r"[。；;\n]", opening[hit.end : nxt], maxsplit=1)[0]
        if _FEEDBACK.search(clause) or _FEEDBACK_BEFORE.search(opening[: hit.start]):
            return hit.iso(dates.year_after(hit, previous))
        if hit.year is not None:
            previous = hit
    return None


def _inside_problems(spans: tuple[tuple[int, int], ...]) -> set[int]:
    """Indexes of the paragraphs inside a problem (the rest: opening, group notes, closing)."""
    return {i for start, end in spans for i in range(start, end)}


def _outside_problems(paras: list[str], spans: tuple[tuple[int, int], ...]) -> list[str]:
    """Paragraphs not inside a problem: the opening, status-group notes, the closing."""
    inside = _inside_problems(spans)
    return [p for i, p in enumerate(paras) if i not in inside]


def _attachments(links: Sequence[AttachmentLink]) -> tuple[Attachment, ...]:
    seen: dict[str, Attachment] = {}
    for link in links:
        name = link.name.strip()
        if name and name not in seen:
            seen[name] = Attachment(name=name, url=link.url)
    return tuple(seen.values())
