"""The closing 欢迎…监督 paragraph: phones, e-mails, postal address, postcode."""

from __future__ import annotations

import re

from pipelines.parsing.record import Contact
from pipelines.parsing.vocab import (
    ADDRESS_LABELS,
    CONTACT_WORDS,
    INVITATION_WORDS,
    POSTCODE_LABELS,
    alternation,
)

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE_RE = re.compile(
    r"(?<![\d-])(?:\(0\d{2,3}\)\s*\d{7,8}|0\d{2,3}\s*[-—－–]?\s*\d{7,8}|1[3-9]\d{9}|\d{7,8}|12388)"
    r"(?![\d-])"
)
POSTCODE_RE = re.compile(rf"{alternation(POSTCODE_LABELS)}\s*[:：]?\s*(\d{{6}})(?!\d)")
ADDRESS_RE = re.compile(
    rf"(?:{alternation(ADDRESS_LABELS, bare=True)}|(?:来信|信函)请?寄(?:至|往|到)?)\s*[:：为]?\s*"
    r"([^；;，,。:(（]{4,60})"
)
_CONTACT_WORDS = re.compile(rf"{alternation(CONTACT_WORDS, bare=True)}|E-?mail", re.IGNORECASE)
_INVITATION = re.compile(alternation(INVITATION_WORDS))
# The closing invitation itself: 欢迎/请…监督, 接受…监督, 如有意见建议…反映, 欢迎…提出意见.
# (Each alternative opens with its word, not a group: the pattern is scanned for by them.)
_CLOSING_INVITATION = re.compile(
    r"欢迎[^。；;]{0,40}?监督|请[^。；;]{0,40}?监督|接受[^。；;]{0,20}?监督"
    r"|如有[^。；;]{0,12}?(?:意见|建议|问题|线索)[^。；;]{0,30}?反映"
    r"|欢迎[^。；;]{0,30}?(?:意见|建议|反映)"
)
# A line that is nothing but contact details: 联系电话：…, 电子邮箱：…, 来信请寄：…
_CONTACT_LINE = re.compile(
    r"^(?:联系|监督|举报|咨询|值班)?(?:电话|方式|热线)|^(?:电子)?(?:邮箱|信箱)|^E-?mail"
    r"|^(?:通讯|通信|邮寄|邮政|联系|来信)?地址|^邮政信箱|^(?:来信|信函)请?寄|^(?:邮编|邮政编码)",
    re.IGNORECASE,
)
# Problem text: a paragraph under a 问题表现/整改情况 label, or a sentence in a 一是/二是 run of
# measures; its telephone numbers (设立举报电话…) are the problem's, not the notice's.
_PROBLEM_LABEL = re.compile(
    r"^[（(]?[一二三四五六七八九十\d]*[)）、.．]?\s*"
    r"(?:[\u4e00-\u9fa5]{0,4}问题[\u4e00-\u9fa5\d]{0,4}|整改[\u4e00-\u9fa5]{0,6}"
    r"|完成情况|工作成效|原因分析)\s*[:：]"
)
_MEASURE_START = re.compile(r"^[一二三四五六七八九十]是|^其[一二三四五六七八九十]")


def _is_problem_text(para: str) -> bool:
    return bool(_PROBLEM_LABEL.search(para) or _MEASURE_START.match(_from_contact(para)))


def _has_values(text: str) -> bool:
    """Actual contact details, not just a label: a phone number, an e-mail, a postcode."""
    return bool(
        EMAIL_RE.search(text)
        or POSTCODE_RE.search(text)
        or PHONE_RE.search(POSTCODE_RE.sub(" ", text))
    )


def _from_contact(para: str) -> str:
    """The paragraph from the sentence that invites feedback or names a contact on (the
    figures of a 下一步 sentence before it are no phone numbers)."""
    found = [
        m.start()
        for m in (_CLOSING_INVITATION.search(para), _CONTACT_WORDS.search(para))
        if m is not None
    ]
    if not found:
        return para
    return para[max(para.rfind(end, 0, min(found)) for end in "。；;！!") + 1 :]


def _block(paras: list[str], i: int) -> list[str]:
    """Paragraph i from its contact sentence on, and the contact lines right after it (a
    wrapped page may put the e-mail, or a value after its label, on a line of its own)."""
    para = _from_contact(paras[i])
    kept = [para]
    for line in paras[i + 1 : i + 6]:
        if _CONTACT_WORDS.search(line) or EMAIL_RE.search(line) or _open_label(kept[-1]):
            kept.append(line)
    return kept


def _open_label(para: str) -> bool:
    """'…邮编：' at the end of a line: a wrap put the value on the next line."""
    return para.rstrip().endswith((":", "："))


def _joined(paras: list[str]) -> str:
    """The lines as one text, a value wrapped after its label joined back to it."""
    text = ""
    for para in paras:
        text += para if not text or _open_label(text) else "；" + para
    return text


def contact_paragraphs(paras: list[str]) -> list[str]:
    """The closing paragraph that invites feedback, with the contact lines after it.

    Scanning the second half from the end: the last invitation (欢迎…监督, 如有意见建议…反映)
    whose block gives actual phone numbers, e-mails or a postcode, else the last invitation
    that names a contact (来信请寄：…); with no invitation, the last lines of contact details
    (联系电话：…) that give values. Problem text is passed over (整改措施：…设立监督电话): only
    when the notice has none of these is the first paragraph of the last third that invites
    feedback and names a contact word taken."""
    half = len(paras) // 2
    closings = [
        i
        for i in range(len(paras) - 1, half - 1, -1)
        if _CLOSING_INVITATION.search(paras[i]) and not _is_problem_text(paras[i])
    ]
    if closings:
        blocks = [_block(paras, i) for i in closings]
        for block in blocks:
            if _has_values(_joined(block)):
                return block
        for block in blocks:
            if _CONTACT_WORDS.search(_joined(block)):
                return block
        return []
    for i in range(len(paras) - 1, half - 1, -1):
        if not _CONTACT_LINE.match(paras[i]) or _is_problem_text(paras[i]):
            continue
        block = _block(paras, i)
        if _has_values(_joined(block)):
            first = i
            while first > half and _CONTACT_LINE.match(paras[first - 1]):
                first -= 1
            return [*paras[first:i], *block]
    for i in range(len(paras) * 2 // 3, len(paras)):
        if _INVITATION.search(paras[i]) and _CONTACT_WORDS.search(
            paras[i] + "".join(paras[i + 1 : i + 2])
        ):
            return _block(paras, i)
    return []


_SPACE = re.compile(r"\s")


def _phone(raw: str) -> str:
    """As written, without the spaces inside: '0715 - 8111755' -> '0715-8111755'."""
    return _SPACE.sub("", raw)


def extract_contact(paras: list[str]) -> Contact:
    text = _joined(contact_paragraphs(paras))
    if not text:
        return Contact()
    emails = tuple(dict.fromkeys(EMAIL_RE.findall(text)))
    rest = EMAIL_RE.sub(" ", text)
    postcode = POSTCODE_RE.search(rest)
    rest_no_post = POSTCODE_RE.sub(" ", rest)
    phones = tuple(dict.fromkeys(_phone(p) for p in PHONE_RE.findall(rest_no_post)))
    address = ADDRESS_RE.search(rest)
    return Contact(
        phones=phones,
        emails=emails,
        address=address.group(1).strip() if address else None,
        postcode=postcode.group(1) if postcode else None,
    )
