"""parse_notice: cleaned text (+ page metadata) -> NoticeRecord (with the decision whether it is
a notice, and its rule: parse_with_decision). Never raises."""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipelines.cleaning.text import clean_text
from pipelines.common.cleaned import AttachmentLink, PageMeta
from pipelines.common.evidence import Elsewhere, Evidence, Span
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
from pipelines.parsing.figures_vocab import STATUS_WORDS
from pipelines.parsing.located import Located, Region, paragraph_starts
from pipelines.parsing.money import extract_money
from pipelines.parsing.outline import Node, build_outline, classify_marker
from pipelines.parsing.problems import ProblemsResult, extract_problems
from pipelines.parsing.record import Attachment, Counts, NoticeRecord
from pipelines.parsing.rules_made import extract_rules_made
from pipelines.parsing.signature import find_signature
from pipelines.parsing.statuses import CLASS_PHRASES
from pipelines.parsing.tables import table_problems
from pipelines.parsing.text import CJK_SPACE_RE, paragraphs, squeeze_cjk_spaces
from pipelines.parsing.units_fields import units_fields
from pipelines.parsing.vocab import (
    NOTICE_FORMS,
    TITLE_CUT_WORDS,
    TITLE_END_WORDS,
    TITLE_WORDS,
    alternation,
)

PARSER_VERSION = "1.7.3"
log = logging.getLogger(__name__)

_TITLE_WORDS = re.compile(rf"{alternation(TITLE_WORDS, bare=True)}|整改.{{0,6}}情况|情况说明")
_TITLE_MAX = 100
_TITLE_STRONG = re.compile(r"巡[视察]|整改|关于")
_TITLE_TAIL = re.compile(rf"^的?{alternation((*NOTICE_FORMS, '说明'))}$")
_TITLE_WORD_ACROSS = re.compile(alternation(TITLE_CUT_WORDS))
_COLUMN_MAX = 6  # 通知公告, 工作动态: a column name above the title, not the title
_TITLE_END = re.compile(rf"{alternation(TITLE_END_WORDS)}$")
_FEEDBACK = re.compile(r"反馈")
_PHRASE_PUNCT = re.compile(r"[。，,；;:]")  # a line holding these is prose, not a title's wrap
_CLAUSE_END = re.compile(r"[。；;\n]")
_FEEDBACK_BEFORE = re.compile(
    r"(?:反馈(?:会|会议|工作会议|意见)?\s*(?:于|在|定于)|反馈(?:时间|日期)\s*(?:为|是)?\s*:?)\s*$"
)
_OPENING_MAX = 3000  # the opening names the team, the period and the feedback
_SIGNATURE_LINES = 6  # the closing lines where the signature's unit and date are looked for
# What each count counts, written after its number (21个问题) or before it (问题共21个).
_COUNTED = {
    "aspects": ("方面", ""),
    "items": ("项|类|条", ""),
    "problems": ("问题", "问题"),
    "measures": ("措施|举措|条", "措施|举措"),
}
# The phrases of each status class (the figures' vocabulary), to find the phrase of its tally.
_TALLIED = CLASS_PHRASES


@dataclass(frozen=True, slots=True)
class Parsed:
    record: NoticeRecord
    decision: Decision  # record.is_notice, and the rule that decided it
    # Where record v2's units-block values were read (field -> evidence), for record.evidence.
    units_evidence: dict[str, Evidence] = field(default_factory=dict)


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
    if not script.may_change(text):
        return _parse(text, meta, links)
    simplified = script.to_simplified(text)
    if not script.is_traditional(text, simplified):
        return _parse(text, meta, links)
    table = script.inverse_table(text, simplified)
    simple_meta = PageMeta(
        *(script.to_simplified(v) if v else v for v in dataclasses.astuple(meta))
    )
    parsed = _parse(simplified, simple_meta, links)
    restored: NoticeRecord = script.restore(parsed.record, table)
    # Keys, labels and names from the vocabulary (the committee: a division and a committee word)
    # stay simplified, so a repost links to its original; the text as written is in evidence.
    restored = dataclasses.replace(
        restored,
        unit_key=parsed.record.unit_key,
        unit_type=parsed.record.unit_type,
        inspecting_committee=parsed.record.inspecting_committee,
    )
    return Parsed(restored, parsed.decision, parsed.units_evidence)


def _parse(text: str, meta: PageMeta, links: Sequence[AttachmentLink]) -> Parsed:
    cleaned = clean_text(text)
    page = cleaned.meta
    paras = paragraphs(cleaned.text)
    body = "\n".join(paras)
    starts = paragraph_starts(paras)
    span = _title_span(paras)
    title_index = span[1] - 1 if span else None
    title = squeeze_cjk_spaces("".join(paras[span[0] : span[1]])) if span else None
    title_from: Evidence | None = _paragraphs_span(body, starts, *span) if span else None
    if title is None and meta.title and _TITLE_WORDS.search(meta.title):
        title, title_from = meta.title.strip(), Elsewhere("page meta", "title")
    pointed = pointed_document(title, paras) if links or cleaned.attachments else None
    if title is None and pointed is not None:
        title, title_from = pointed, Region(body, starts, 0, len(paras), None).find(pointed)
    root = build_outline(paras)
    region = _opening(body, starts, paras, root, title_index)
    opening = region.text[:_OPENING_MAX]
    hits = dates.find_dates(opening)
    period = dates.find_range(opening, hits)
    start, end = dates.resolve_range(*period) if period else (None, None)
    team = units.find_team(opening) or units.find_team(title or "")
    signed_by, signed_date = find_signature(paras)
    header = _header_org(paras, span[0]) if span else None
    publisher = signed_by or header or units.publisher_from_title(title)
    kinds = units.find_kinds(f"{title or ''}\n{opening}\n{team or ''}")
    result, counts = _problems(paras, root, opening)
    inspected = units.inspected_unit(opening, publisher)
    level = units.committee_level(team, f"{publisher or ''}\n{title or ''}\n{opening}")
    # The figures are read from body_text itself, so their spans are offsets into it.
    outside = tallies.masked(paras, _inside_problems(result.spans))
    sanctions = extract_accountability(body)
    amounts = extract_money(body)
    rules = extract_rules_made(body)
    rate = tallies.extract_completion_rate(body)
    tally_date = tallies.extract_tally_date(body)
    head = title_index + 1 if title_index is not None else 0
    v2 = units_fields(
        body,
        len("\n".join(paras[:head])) + (1 if head else 0),
        title,
        _page_meta(meta, page),
        signed_date=signed_date,
        inspected_unit=inspected,
        publisher=publisher,
        county_level=level == "county",
    )
    published = v2.values.pop("published_date", None) or signed_date
    decision = (
        POINTS_TO_NOTICE
        if pointed is not None
        else decide(title, paras, len(result.problems), publisher)
    )
    feedback = _feedback_date(opening, hits, period)
    record = NoticeRecord(
        is_notice=decision.is_notice,
        parser_version=PARSER_VERSION,
        body_text=body,
        title=title,
        published_date=published,
        source=meta.source or page.source,
        author=meta.author or page.author,
        publisher=publisher,
        inspected_unit=inspected,
        inspection_body=team,
        inspection_level=level,
        inspection_kinds=kinds,
        inspection_topic=units.find_topic(title, opening) if "专项" in kinds else None,
        inspection_round=units.find_round(f"{title or ''}\n{opening}\n{team or ''}"),
        inspection_start=start,
        inspection_end=end,
        feedback_date=feedback[0] if feedback else None,
        counts=counts,
        status_counts=tallies.status_counts(
            tallies.extract_status_counts(outside), result.grouped_status
        ),
        problems=result.problems,
        accountability=tuple(f.value for f in sanctions),
        money=tuple(f.value for f in amounts),
        rules_made=rules.value if rules else None,
        completion_rate=rate.value if rate else None,
        tally_date=tally_date.value if tally_date else None,
        contact=extract_contact(paras),
        signed_by=signed_by,
        signed_date=signed_date,
        attachments=_attachments([*links, *cleaned.attachments]),
        **v2.values,
    )
    read = _Read(body, starts, paras, region, title, title_from, header, period, feedback, result)
    found = _evidence(record, read, meta, page)
    for path, evidence in v2.evidence.items():
        found.put(path, getattr(record, path), evidence)
    found.each("accountability", record.accountability, (f.span for f in sanctions))
    found.each("money", record.money, (f.span for f in amounts))
    for path, one in (("rules_made", rules), ("completion_rate", rate), ("tally_date", tally_date)):
        found.put(path, getattr(record, path), one.span if one else None)
    evidenced = dataclasses.replace(record, evidence=found.to_json())
    return Parsed(evidenced, decision, v2.evidence)


def _page_meta(meta: PageMeta, page: PageMeta) -> PageMeta:
    """The caller's page metadata, the cleaner's where the caller has none."""
    return dataclasses.replace(
        meta,
        published=meta.published or page.published,
        written=meta.written or page.written,
        updated=meta.updated or page.updated,
    )


@dataclass(frozen=True, slots=True)
class _Read:
    """Where the extractors read: the body's paragraphs and the regions of each value."""

    body: str
    starts: list[int]
    paras: list[str]
    opening: Region
    title: str | None
    title_from: Evidence | None
    header: str | None
    period: tuple[dates.DateHit, dates.DateHit] | None
    feedback: tuple[str, dates.DateHit] | None
    problems: ProblemsResult

    def region(self, first: int, last: int) -> Region:
        return Region(self.body, self.starts, max(0, first), min(last, len(self.paras)), None)

    def in_title(self, value: str | None) -> Evidence | None:
        """A value read from the title: its span when the title is a line of the body."""
        if not value or not self.title or value not in self.title:
            return None
        if isinstance(self.title_from, Span):
            return self.region(0, len(self.paras)).find(value) or self.title_from
        return Elsewhere("title")


def _evidence(record: NoticeRecord, read: _Read, meta: PageMeta, page: PageMeta) -> Located:
    """Every value of the record with where it was read (pipelines/common/evidence.py)."""
    found = Located()
    opening = read.opening
    tail = read.region(len(read.paras) - _SIGNATURE_LINES, len(read.paras))
    closing = read.region(len(read.paras) // 2, len(read.paras))
    signed_on = _signed_on(tail, record.signed_date)
    found.put("title", record.title, read.title_from)
    found.put("source", record.source, Elsewhere("page meta", "来源"))
    found.put("author", record.author, Elsewhere("page meta", "作者"))
    if meta.published or page.published:
        found.put("published_date", record.published_date, Elsewhere("page meta", "发布时间"))
    else:  # the signature's date
        found.put("published_date", record.published_date, signed_on)
    found.put("signed_by", record.signed_by, tail.find(record.signed_by, last=True))
    found.put("signed_date", record.signed_date, signed_on)
    publisher = record.publisher
    if publisher and publisher == record.signed_by:
        found.put("publisher", publisher, tail.find(publisher, last=True))
    elif publisher and publisher == read.header:
        found.put("publisher", publisher, read.region(0, 1).find(publisher))
    else:
        found.put("publisher", publisher, read.in_title(publisher))
    found.put("inspected_unit", record.inspected_unit, _unit_read(opening, record.inspected_unit))
    team = record.inspection_body
    team_from = opening.find(team) or read.in_title(team)
    found.put("inspection_body", team, team_from)
    level_from = team_from if team and units.committee_of(team) else None
    found.put("inspection_level", record.inspection_level, level_from or _committee(opening))
    found.each(
        "inspection_kinds",
        record.inspection_kinds,
        (opening.find(k) or read.in_title(k) for k in record.inspection_kinds),
    )
    topic = record.inspection_topic
    found.put("inspection_topic", topic, read.in_title(topic) or opening.find(topic))
    round_ = record.inspection_round
    found.put("inspection_round", round_, read.in_title(round_) or opening.find(round_))
    if read.period:
        first, second = read.period
        found.put("inspection_start", record.inspection_start, opening.span(first.start, first.end))
        found.put("inspection_end", record.inspection_end, opening.span(second.start, second.end))
    if read.feedback:
        hit = read.feedback[1]
        found.put("feedback_date", record.feedback_date, opening.span(hit.start, hit.end))
    _counts_evidence(found, record, read)
    problems = read.problems
    for i, (problem, (top, bottom)) in enumerate(
        zip(record.problems, problems.spans, strict=False)
    ):
        where = read.region(top, bottom)
        found.put(f"problems[{i}]", problem.title, where.span(0, len(where.text)))
        marker = _status_marker(where, problem.status)
        found.put(f"problems[{i}].status", problem.status, marker or where.span(0, len(where.text)))
    contact = record.contact
    found.each(
        "contact.phones", contact.phones, (closing.find(p, last=True) for p in contact.phones)
    )
    found.each(
        "contact.emails", contact.emails, (closing.find(e, last=True) for e in contact.emails)
    )
    found.put("contact.address", contact.address, closing.find(contact.address, last=True))
    found.put("contact.postcode", contact.postcode, closing.find(contact.postcode, last=True))
    found.each(
        "attachments",
        record.attachments,
        (Elsewhere("page meta", "attachments") for _ in record.attachments),
    )
    return found


def _counts_evidence(found: Located, record: NoticeRecord, read: _Read) -> None:
    """The phrase each figure was read from: before the problems, else anywhere outside them."""
    first = read.problems.first_index
    before = read.region(0, first) if first is not None else read.opening
    whole = read.region(0, len(read.paras))
    for name, (words, after) in _COUNTED.items():
        value = getattr(record.counts, name)
        found.put(
            f"counts.{name}",
            value,
            before.figure(value, words, after) or whole.figure(value, words, after),
        )
    tallies = record.status_counts
    if tallies is None:
        return
    spans = read.problems.spans
    problems = read.region(spans[0][0], spans[-1][1]) if spans else None
    for name, words in _TALLIED.items():
        value = getattr(tallies, name)
        tally = whole.figure(value, words, words, gap=6)  # 18个问题已整改完成
        grouped = problems.span(0, len(problems.text)) if problems else None
        found.put(f"status_counts.{name}", value, tally or grouped)


def _signed_on(tail: Region, signed: str | None) -> Span | None:
    """The signature's date line: the last date in the closing lines that reads as `signed`."""
    if not signed:
        return None
    found = None
    for match in dates.DATE_RE.finditer(tail.text):
        hit = dates.hit_from_match(match)
        if hit is not None and hit.iso() == signed:
            found = tail.span(*match.span())
    return found


def _unit_read(opening: Region, unit: str | None) -> Span | None:
    """The inspected unit as written, or the 我局党组 it was resolved from."""
    return opening.find(unit) or opening.search(units.DEICTIC_MENTION_RE) if unit else None


def _committee(opening: Region) -> Span | None:
    return opening.search(units.COMMITTEE_WORD_RE)


def _status_marker(where: Region, status: str | None) -> Span | None:
    """The problem's own status words (已完成, 正在推进), the last it states."""
    if status is None:
        return None
    found = None
    # Where the problem's text holds no space or tab, a word absent as written is absent (find
    # allows them inside a word): it is not looked for.
    spaced = " " in where.text or "\t" in where.text
    for word in STATUS_WORDS.get(status, ()):
        if not spaced and word not in where.text:
            continue
        span = where.find(word, last=True)
        if span is not None and (found is None or span.start > found.start):
            found = span
    return found


def _paragraphs_span(body: str, starts: list[int], first: int, last: int) -> Span | None:
    lines = Region(body, starts, first, last, None)
    return lines.span(0, len(lines.text))


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
        if classify_marker(para) is not None:
            break  # 一、巡察基本情况: the text's first section, its title dropped
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
        if len(paras[end]) > 40 or _PHRASE_PUNCT.search(paras[end]):
            break
        title += paras[end]
        if _TITLE_END.search(title):
            return end + 1
    return start + 1


def _cut_word(line: str, following: str) -> bool:
    """Whether a title word (巡察, 整改, 通报 …) runs across the break between the lines."""
    if len(line) > _COLUMN_MAX * 4 or _PHRASE_PUNCT.search(line):
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


def _opening(
    body: str, starts: list[int], paras: list[str], root: Node, title_index: int | None
) -> Region:
    """The paragraphs before the first numbered heading, after the title and header lines
    (when they say nothing of the inspection, the first paragraphs whatever their numbers),
    with the spaces a PDF put around CJK text squeezed out (text[:_OPENING_MAX] is read)."""
    start = title_index + 1 if title_index is not None else 0
    preamble = len(root.body)  # root.body: the paragraphs before the first numbered one
    last = preamble
    if not any("巡" in p for p in paras[start:preamble]):
        last = start + 6
    return Region(body, starts, start, min(last, len(paras)), CJK_SPACE_RE)


def _feedback_date(
    opening: str, hits: list[dates.DateHit], span: tuple[dates.DateHit, dates.DateHit] | None
) -> tuple[str, dates.DateHit] | None:
    """The first date (outside the inspection period) whose clause goes on to say 反馈, with
    the mention it was read from. A date without a year takes the nearest full date before it
    (the period's end as resolved), not a date before the period (a page date under the title)."""
    resolved: dict[int, dates.DateHit] = {}
    if span:
        year = dates.year_after(span[1], span[0])
        resolved = {span[0].start: span[0], span[1].start: dataclasses.replace(span[1], year=year)}
    previous: dates.DateHit | None = None
    for i, hit in enumerate(hits):
        if hit.start in resolved:
            previous = resolved[hit.start]
            continue
        nxt = hits[i + 1].start if i + 1 < len(hits) else len(opening)
        clause = _CLAUSE_END.split(opening[hit.end : nxt], maxsplit=1)[0]
        if _FEEDBACK.search(clause) or _FEEDBACK_BEFORE.search(opening[: hit.start]):
            iso = hit.iso(dates.year_after(hit, previous))
            return (iso, hit) if iso else None
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
