"""Is this a rectification notice? It speaks in the publishing unit's own voice and reports its
rectification; news of a 动员会/反馈会, an audit 整改 公示, a findings disclosure and an article
about a notice open with the same sentences but are not notices."""

from __future__ import annotations

import re

from pipelines.common.pointer import short_enough_to_point

_INSPECTION = re.compile(r"巡[视察]")
_TITLE_NOTICE = re.compile(
    r"巡[视察].{0,20}整改.{0,16}(?:情况|进展|报告|通报|公开稿|公告|公示)|"
    r"整改.{0,10}(?:情况|进展).{0,6}(?:的)?(?:通报|报告|公开稿|公告|公示)"
)
_OWN_REPORT = re.compile(
    r"(?:现|特|兹)(?:将|就|把|对).{0,30}整改.{0,30}(?:予以|进行|向社会|如下|公布|公开|通报|报告)|"
    r"(?:整改|落实).{0,12}情况(?:予以|向社会)?(?:公布|公开|通报|报告)如下|"
    r"整改.{0,15}情况(?:予以|向社会)(?:公布|公开|通报)"
)
_INVITES_SUPERVISION = re.compile(r"欢迎.{0,30}(?:监督|提出意见|反映)")
_NEWS = re.compile(
    r"记者|通讯员|本报讯|本网讯|讯[(（]|据悉|据了解|日前[，,].{0,40}(?:公布|公开|发布)了|"
    r"该(?:局|单位|委|院|部|办|校|公司|中心|县|区|市|镇|乡|集团)(?:党组|党委)?|"
    r"(?:公布|公开|发布)了.{0,30}整改(?:进展)?情况"
)
_MEETING_TITLE = re.compile(
    r"动员会|反馈会|进驻|见面会|部署会|推进会|工作会议|召开|民主生活会|专题会|座谈会|"
    r"(?:公布|晒出|公开了)"  # a news title about a notice: 某局公布巡察整改情况
)
_AUDIT = re.compile(r"审计")
_PLAN_TITLE = re.compile(r"印发|方案")
# A call for comments (公开征求《…整改方案（征求意见稿）》意见) publishes a draft, not a report.
_CONSULTATION = re.compile(r"征求.{0,60}意见|征求意见稿")
# A column's list page: line after line of a notice's title and its date.
_LISTED_TITLE = re.compile(
    r".{6,100}(?:通报|报告|公开稿|公告|公示|情况)\s+\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?"
)
_LIST_MIN = 3
_FEEDBACK_TITLE = re.compile(r"反馈.{0,4}巡[视察](?:情况|意见)|巡[视察](?:情况|意见)?反馈")
_FINDINGS = re.compile(r"反馈(?:巡[视察])?(?:情况|意见)|巡[视察]组.{0,10}反馈")
_RECTIFICATION = re.compile(r"整改")
# A page whose whole body points to its attachment: 现将《…整改情况的通报》予以公布，详见附件。
_POINTER = re.compile(r"(?:详见|见|请(?:查阅|查看|下载))(?:下方)?附件|附件(?:如下|为准)")
_QUOTED_NAME = re.compile(r"《([^《》]{6,100})》")
_INSPECTION_NOTICE_TITLE = re.compile(
    r"巡[视察].{0,20}整改(?:落实|工作)?(?:进展)?(?:情况|进展)|巡[视察].{0,20}整改.{0,6}(?:通报|报告|公开稿)"
)
_ARTICLE_TITLE = re.compile(r"综述|纪实|侧记|巡礼|走笔|扫描|观察")
# A notice is the inspected unit's own report; the inspection office reporting on several
# units' rectification (各被巡察党组织…, 对县教育局等6个单位) is not one.
_INSPECTION_OFFICE = re.compile(r"巡[视察](?:工作)?(?:领导小组)?(?:办公室|办)$")
_MANY_UNITS = re.compile(
    r"各被巡[视察](?:党组织|单位)|等\s*[\d一二三四五六七八九十]+\s*(?:个|家)(?:单位|部门|党组织|乡镇)"
)
_FIRST_PERSON = re.compile(
    r"我(?:们|单位|局|院|会|部|委|办|校|公司|中心|所|厅|镇|乡|县|区|市)|本单位"
)


def is_notice(
    title: str | None, paras: list[str], problems_found: int, publisher: str | None = None
) -> bool:
    """A decision from the title, the opening and the closing; never raises."""
    text = "\n".join(paras)
    if not _INSPECTION.search(text + (title or "")):
        return False
    if publisher and _INSPECTION_OFFICE.search(publisher) and _MANY_UNITS.search(text[:3000]):
        return False  # the inspection office summing up the units it inspected
    head = (title or "") + "\n" + "\n".join(paras[:3])
    rectification_mentions = len(_RECTIFICATION.findall(text))
    if _NEWS.search(head[:400]) and not _OWN_REPORT.search(head):
        return False
    if title and _MEETING_TITLE.search(title) and not _OWN_REPORT.search(head):
        return False
    if title and _FEEDBACK_TITLE.search(title) and "整改" not in title:
        return False  # news of the feedback: 巡视组向某单位反馈巡视情况
    if _AUDIT.search(head) and not _INSPECTION.search(head):
        return False
    if title and _CONSULTATION.search(title):
        return False
    if _is_list_page(paras):
        return False
    if title and _PLAN_TITLE.search(title) and not _TITLE_NOTICE.search(title):
        return False  # a plan or the circular issuing it reports no rectification yet
    own_report = _OWN_REPORT.search(text[:3000]) is not None
    titled = bool(title and _TITLE_NOTICE.search(title))
    if not (own_report or titled):
        return False
    if title and _ARTICLE_TITLE.search(title) and not own_report:
        return False  # 综述, 纪实: an article about rectification
    own_voice = own_report or _FIRST_PERSON.search(text) is not None
    if _MANY_UNITS.search(text[:3000]) and not own_voice:
        return False  # a summary of several units' rectification, by no unit of them
    if rectification_mentions + (1 if titled else 0) < 3:
        return False  # a clear notice title counts as one mention
    # A disclosure of findings lists problems but reports no rectification of them.
    if _FINDINGS.search(head) and not own_report and not titled:
        return False
    return bool(
        titled
        or problems_found >= 2
        or _INVITES_SUPERVISION.search(text)
        or _FIRST_PERSON.search(text)
    )


def _is_list_page(paras: list[str]) -> bool:
    listed = sum(1 for p in paras if _LISTED_TITLE.fullmatch(p.strip()))
    return listed >= _LIST_MIN and listed >= len(paras) / 2


def pointed_document(title: str | None, paras: list[str]) -> str | None:
    """For a page whose body only points to its attachment, the name of the rectification
    notice it points to (the quoted 《…》 name, else the page's title); None otherwise."""
    text = "\n".join(paras)
    if not short_enough_to_point(text) or not _POINTER.search(text):
        return None
    quoted = _QUOTED_NAME.search(text)
    for name in (quoted.group(1) if quoted else None, title):
        if name and _INSPECTION_NOTICE_TITLE.search(name) and not _bad_title(name):
            return name
    return None


def _bad_title(title: str) -> bool:
    return bool(
        _MEETING_TITLE.search(title)
        or _PLAN_TITLE.search(title)
        or (_FEEDBACK_TITLE.search(title) and "整改" not in title)
    )
