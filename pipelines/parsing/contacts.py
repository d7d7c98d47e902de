"""The closing 欢迎…监督 paragraph: phones, e-mails, postal address, postcode."""

from __future__ import annotations

import re

from pipelines.parsing.record import Contact

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE_RE = re.compile(
    r"(?<![\d-])(?:\(0\d{2,3}\)\s*\d{7,8}|0\d{2,3}\s*[-—－–]?\s*\d{7,8}|1[3-9]\d{9}|\d{7,8}|12388)"
    r"(?![\d-])"
)
POSTCODE_RE = re.compile(r"(?:邮编|邮政编码)\s*[:：]?\s*(\d{6})(?!\d)")
ADDRESS_RE = re.compile(
    r"(?:通讯地址|通信地址|邮寄地址|邮政地址|来信地址|联系地址|信函地址|邮政信箱|地址|"
    r"(?:来信|信函)请?寄(?:至|往|到)?)\s*[:：为]?\s*"
    r"([^；;，,。:(（]{4,60})"
)
_CONTACT_WORDS = re.compile(
    r"电话|邮箱|信箱|地址|请寄|联系方式|邮编|邮政编码|E-?mail|热线", re.IGNORECASE
)
_INVITATION = re.compile(r"欢迎|监督|反映|意见建议|联系方式|联系电话")


def contact_paragraphs(paras: list[str]) -> list[str]:
    """The paragraph in the last part of the notice that invites feedback, and the contact
    lines after it (a wrapped page may put the e-mail on a line of its own)."""
    start = len(paras) * 2 // 3
    for i in range(start, len(paras)):
        if _INVITATION.search(paras[i]) and _CONTACT_WORDS.search(
            paras[i] + "".join(paras[i + 1 : i + 2])
        ):
            kept = [paras[i]]
            for para in paras[i + 1 : i + 6]:
                if _CONTACT_WORDS.search(para) or EMAIL_RE.search(para) or _open_label(kept[-1]):
                    kept.append(para)
            return kept
    return []


def _open_label(para: str) -> bool:
    """'…邮编：' at the end of a line: a wrap put the value on the next line."""
    return para.rstrip().endswith((":", "："))


def _phone(raw: str) -> str:
    """As written, without the spaces inside: '0715 - 8111755' -> '0715-8111755'."""
    return re.sub(r"\s", "", raw)


def extract_contact(paras: list[str]) -> Contact:
    text = ""
    for para in contact_paragraphs(paras):
        text += para if not text or _open_label(text) else "；" + para
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
