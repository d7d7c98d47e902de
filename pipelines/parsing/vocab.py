"""The parser's words as data: the terms notices use, grouped by what they mean.

Tables only; the extractors keep the structure of their patterns (numbering, digits,
punctuation, word order) and splice these words in with `alternation`. Append words here; their
order does not matter (the alternation tries longer words first). Each tuple is exactly the set
one rule accepts today: where two rules accept different sets of similar words, both are kept,
named for their rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str], *, bare: bool = False) -> str:
    """A non-capturing group matching any of the words as written, longer words first (so a
    word is never cut short by a shorter one it begins with: 已整改完成 before 已整改).

    `bare`: without the group, for the top level of a pattern (`words|other`), where a group
    would cost the regex engine its scan for the alternatives' first characters."""
    unique = sorted(dict.fromkeys(words), key=len, reverse=True)
    if not unique or not all(unique):
        raise ValueError("an alternation needs at least one word, and no empty one")
    listed = "|".join(map(re.escape, unique))
    return listed if bare else f"(?:{listed})"


def opens_with(words: Iterable[str], classes: str = "") -> str:
    """A look-ahead for the characters a match can open with: the words' first characters and
    the class items `classes` (\\d, 一-十). Put before a pattern that opens with an optional
    group, which the regex engine would otherwise try in full at every position."""
    firsts = "".join(sorted({word[0] for word in words}))
    return f"(?=[{re.escape(firsts)}{classes}])"


# -- the document: what a notice is published as ---------------------------------------------------

# The genres a rectification notice is published as: …整改情况的通报, …公开稿.
NOTICE_FORMS = ("通报", "报告", "公开稿", "公告", "公示")
# What a notice title says it reports on: 整改情况, 整改进展.
PROGRESS_WORDS = ("情况", "进展")
# Words a title line ends with; a line ending so is not wrapped onto the next one.
TITLE_END_WORDS = (*NOTICE_FORMS, "情况", "说明", "通知")
# Words that make a line a title candidate (关于…的通报) beside 整改…情况 and 情况说明.
TITLE_WORDS = ("关于", *NOTICE_FORMS)
# Words of a title that a wrap may cut across two lines (巡 / 察整改…).
TITLE_CUT_WORDS = ("巡视", "巡察", "整改", "通报", "报告", "情况", "进展", "反馈", "公开稿")

# -- what is not a notice: news, meetings, articles, plans -----------------------------------------

# A reporter's byline or a news opening: 本报讯, 记者, 据悉.
NEWS_MARKERS = ("记者", "通讯员", "本报讯", "本网讯", "据悉", "据了解")
# Verbs of a news item about a published notice: 公布了…整改情况.
PUBLISHED_VERBS = ("公布", "公开", "发布")
# A unit a news item refers back to as 该局, 该单位 (党组/党委).
REFERRED_UNITS = (
    "局", "单位", "委", "院", "部", "办", "校", "公司", "中心", "县", "区", "市", "镇", "乡", "集团",
)  # fmt: skip
# Meetings and visits a news title reports: 动员会, 进驻, 召开…民主生活会.
MEETING_WORDS = (
    "动员会", "反馈会", "进驻", "见面会", "部署会", "推进会", "工作会议", "召开", "民主生活会",
    "专题会", "座谈会",
)  # fmt: skip
# A news title about a notice: 某局公布巡察整改情况.
NEWS_OF_NOTICE = ("公布", "晒出", "公开了")
# What a discipline commission's report of cases calls them (通报3起巡察整改不力典型问题): each
# case a person and a sanction, not a unit's own rectification.
CASE_REPORT_WORDS = ("典型问题", "典型案例")
# Feature-article genres: 综述, 纪实.
ARTICLE_GENRES = ("综述", "纪实", "侧记", "巡礼", "走笔", "扫描", "观察")
# A plan, or the circular issuing it (印发…整改方案): no rectification reported yet.
PLAN_WORDS = ("印发", "方案")
# What a meeting's news says of it (a notice's opening names a meeting, never what it said).
MEETING_TALK = (
    "会议强调", "会议指出", "会议要求", "会议传达", "会议听取", "会议认为", "会上", "主持会议",
    "出席会议", "动员讲话", "表态发言", "作讲话", "讲话中",
)  # fmt: skip
# A findings disclosure's voice: the team tells what it found (巡视组指出，…; 反馈会上).
FINDINGS_TALK = ("指出", "强调", "要求", "提出", "建议")
FEEDBACK_NEWS_WORDS = ("反馈会上", "反馈会议上", "通报了巡视情况", "通报了巡察情况")
# What a notice's first lines say of its inspection: the feedback (反馈了巡察意见).
FEEDBACK_OBJECTS = ("意见", "问题", "情况")
# Words a rectification report states how far the problems are (已完成, 立行立改).
RECTIFIED_WORDS = (
    "已完成", "已整改", "整改到位", "整改完成", "完成整改", "立行立改", "正在推进", "正在整改",
    "持续推进", "基本完成", "整改措施", "整改情况", "整改进展",
)  # fmt: skip

# -- who speaks: the unit in its own voice ---------------------------------------------------------

# What follows 我 when a unit speaks of itself in a notice: 我局, 我们, 我单位 (also 本单位).
FIRST_PERSON_UNITS = (
    "们", "单位", "局", "院", "会", "部", "委", "办", "校", "公司", "中心", "所", "厅", "镇", "乡",
    "县", "区", "市",
)  # fmt: skip
# What follows 我/本 in a deictic name of the unit (我局党组, 本单位): the name is the publisher's.
DEICTIC_UNITS = (
    "单位", "局", "院", "会", "部", "委", "办", "校", "公司", "中心", "所", "厅", "镇", "乡", "街道",
    "县", "区", "市", "集团", "行", "站", "馆", "社",
)  # fmt: skip
# A unit's party body or leadership named after it: 某局党组, 某镇党委, 领导班子.
PARTY_ORGANS = ("党组", "党委", "党总支", "党支部", "领导班子")
# …and 委员会, the full name of a party committee (中共某县委员会).
PARTY_BODIES = (*PARTY_ORGANS, "委员会")
# The last word of an organisation's name: a party body or a kind of unit.
ORG_SUFFIXES = (
    *PARTY_BODIES, "党工委", "局", "院", "会", "部", "厅", "办", "办公室", "委", "中心", "公司",
    "集团", "学校", "大学", "学院", "医院", "政府", "镇", "乡", "街道", "村", "社区", "所", "站",
    "队", "馆", "社", "处", "署", "行", "联", "团", "校", "室", "台", "场", "园",
)  # fmt: skip

# -- the inspection: committees, their levels, kinds -----------------------------------------------

# Party committees that send inspection teams, and the rank each gives the inspection (the
# contract's inspection_level); 市委 is city level unless the city is county-level or a
# municipality (units.committee_level).
COMMITTEE_LEVELS = {
    "中央": "central",
    "省委": "provincial",
    "自治区党委": "provincial",
    "市委": "city",
    "州委": "city",
    "盟委": "city",
    "地委": "city",
    "县委": "county",
    "区委": "county",
    "旗委": "county",
}
# Verbs of carrying out an inspection (of a unit): 对X开展了巡察, 进行了延伸巡察.
INSPECTING_VERBS = ("开展", "进行", "实施")
# Kinds of inspection named next to 巡视/巡察, in the contract's order (inspection_kinds).
INSPECTION_KINDS = ("常规", "专项", "回头看", "机动", "提级", "联动", "交叉", "延伸")
# Kinds written after 巡察整改, of the rectification's inspection: 巡察整改“回头看”.
KINDS_AFTER_RECTIFICATION = ("回头看",)
# Quotes a kind is written in: “回头看”, 「回头看」, "回头看".
OPENING_QUOTES = "“\"‘'「『"
CLOSING_QUOTES = "”\"’'」』"

# -- the findings: what a problem's heading says is wrong ------------------------------------------

# Words of a deficiency: a heading saying one names a problem (学习不够深入, 制度缺失).
DEFICIENCY_WORDS = (
    "不够", "不到位", "不力", "不足", "不规范", "不严", "不深", "不实", "不高", "不强", "不细",
    "不全", "不准", "不及时", "不完善", "不健全", "不明确", "不充分", "不达标", "不落实", "不重视",
    "不科学", "不合理", "不精准", "不平衡", "不扎实", "不彻底", "不清", "不善", "不明显",
    "缺失", "缺乏", "欠缺", "缺位", "滞后", "偏弱", "偏少", "偏低", "薄弱", "差距", "弱化", "虚化",
    "淡化", "疏忽", "单一", "守旧", "违规", "违反", "违纪", "未能", "未按", "未及时", "未建立",
    "未落实", "未严格", "未有效", "未开展", "形式主义", "官僚主义", "风险", "隐患", "短板", "超标",
    "一言堂", "较弱", "较大", "较多", "较低", "较差", "失职", "失责", "松懈", "松散", "混乱",
    "随意", "宽松软", "走过场", "流于形式", "打折扣", "搞变通",
)  # fmt: skip
# Stems of a deficiency in a sentence (不经常, 未建立, 偏少): the sentence describes one.
DEFICIENCY_STEMS = (
    "不",
    "未",
    "没有",
    "缺",
    "欠",
    "滞后",
    "流于",
    "偏少",
    "偏低",
    "偏弱",
    "较少",
    "薄弱",
)
# Verbs of a work heading that sets about the problems: 推动…问题整改.
WORK_VERBS = ("推动", "推进", "抓好", "抓实", "狠抓", "做好", "加快", "深化", "聚焦", "落实")
# An aspect heading over problems: 聚焦…, …方面, …领域.
ASPECT_WORDS = ("聚焦", "方面", "领域")
# Headings of the section that holds the problems: 问题整改情况, 反馈意见.
PROBLEM_SECTION_WORDS = (
    "整改落实情况", "整改情况", "反馈问题", "反馈的问题", "问题整改", "整改进展", "存在问题",
    "反馈意见", "具体整改", "逐条", "逐项", "落实情况", "问题清单", "主要问题", "整改完成情况",
    "问题的整改",
)  # fmt: skip
# …of those, the words that say the items under the heading are the problems themselves.
PROBLEMS_LISTED_WORDS = (
    "反馈问题", "反馈的问题", "问题整改", "问题的整改", "存在问题", "主要问题", "反馈意见整改",
)  # fmt: skip
# Headings of the other sections: how the work was organised, what comes next.
OTHER_SECTION_WORDS = (
    "基本情况", "组织", "领导", "部署", "高度重视", "下一步", "巩固", "长效", "今后", "打算", "计划",
    "努力方向", "主要做法", "体会", "认识", "思想", "责任意识", "压实", "态度", "总体",
)  # fmt: skip

# -- a problem's parts: labels and ledger fields ---------------------------------------------------

# Labels of a problem's description: 问题表现：, 【存在问题】.
DESCRIPTION_LABELS = (
    "问题表现",
    "主要问题",
    "存在问题",
    "反馈问题",
    "问题描述",
    "具体问题",
    "问题",
)
# Labels that lead a problem that carries no number: 问题：…, 【存在问题】….
PROBLEM_LEAD_LABELS = ("存在问题", "反馈问题", "主要问题", "问题")
# Labels of its rectification: 整改情况：, 整改措施：.
MEASURES_LABELS = (
    "整改情况", "整改措施", "整改举措", "整改进展", "整改结果", "整改成效", "落实情况", "完成情况",
    "进展情况", "整改落实情况",
)  # fmt: skip
# Fields of a rectification ledger beside the measures: 整改时限：, 责任人：.
LEDGER_FIELD_LABELS = (
    "整改时限", "完成时限", "整改期限", "整改时间", "时限要求", "责任人", "责任领导", "责任单位",
    "责任部门", "牵头领导", "牵头单位", "配合单位",
)  # fmt: skip
# Labels that start a paragraph of their own when a wrap joined it to the line before.
LINE_START_LABELS = (
    "问题表现", "主要问题", "存在问题", "问题描述", "具体问题", "整改情况", "整改措施", "整改举措",
    "整改进展", "整改结果", "整改成效", "落实情况", "完成情况", "进展情况", "责任单位", "责任领导",
    "责任人", "整改时限", "完成时限", "整改时间",
)  # fmt: skip
# Labels of a problem's stated status on a line of its own: 整改进展：已完成.
STATUS_LINE_LABELS = (
    "整改状态", "整改进展", "整改进度", "完成情况", "进展情况", "完成状态", "整改结果", "状态",
)  # fmt: skip
# …and inside a line of measures: …。整改进展：已完成。
STATUS_INLINE_LABELS = ("整改状态", "整改进展", "整改进度", "进展情况", "完成状态")
# Verbs that open a problem's measures: 制定…, 已建立….
MEASURE_VERBS = ("制定", "建立", "修订", "完善", "开展", "召开", "印发", "出台", "组织")
# …and the other openings of measures: 一是…, 针对…, 对此….
MEASURE_OPENINGS = ("一是", "针对", "对此", "为此", "对照", "严格落实")
# Openings of the closing paragraph after the problems: 欢迎…监督, 特此通报.
CLOSING_OPENINGS = ("欢迎", "特此", "联系电话", "联系方式")
# Words before a problem's heading that are no part of its title: 关于对…, 针对….
TITLE_PREFIXES = ("关于对", "关于", "针对", "对于")

# -- status: how far a problem's rectification has got --------------------------------------------

# The words of a problem's own status, by class: figures_vocab.STATUS_WORDS (record v2).
# How an ongoing tally says 正在…推进: 正在有序推进, 正在按计划整改.
ONGOING_ADVERBS = ("持续", "有序", "稳步", "扎实", "加快", "按计划", "按序时", "按时序")

# -- counts: the figures a notice states -----------------------------------------------------------

# Classifiers of counted problems and measures: 21个问题, 29项措施, 15条.
COUNTERS = ("个", "项", "条")
# Words that make a sentence one about the feedback's findings (its figures count them).
FINDING_WORDS = (
    "反馈", "指出", "发现", "巡察", "巡视", "存在", "梳理", "排查", "查摆", "提出", "涉及",
)  # fmt: skip
# Words right before a figure that make it a tally of what was done: 已完成18个问题.
DONE_BEFORE = ("已", "完成", "已经", "共完成", "整改完成", "销号", "完成整改", "办结")
# Words right after a figure that make it one: 18个问题已整改, 正在推进.
DONE_AFTER = ("已", "正在", "尚未", "基本", "全部", "均已")
# Tallies of something other than problems: 措施, 制度, 线索.
OTHER_TALLIES = ("措施", "举措", "任务", "制度", "意见", "建议", "线索", "信访", "台账")

# -- the closing: contact and signature ------------------------------------------------------------

# Labels of a postal address: 通讯地址：, 来信请寄至….
ADDRESS_LABELS = (
    "通讯地址", "通信地址", "邮寄地址", "邮政地址", "来信地址", "联系地址", "信函地址", "邮政信箱",
    "地址",
)  # fmt: skip
# Words that name a contact detail (besides E-mail): 电话, 邮箱, 邮编.
CONTACT_WORDS = (
    "电话", "邮箱", "信箱", "地址", "请寄", "寄至", "寄往", "联系方式", "邮编", "邮政编码", "热线",
)  # fmt: skip
# Words of an invitation to give feedback: 欢迎…监督, 意见建议.
INVITATION_WORDS = ("欢迎", "监督", "反映", "意见建议", "联系方式", "联系电话")
# Labels of a postcode: 邮编：.
POSTCODE_LABELS = ("邮编", "邮政编码")
# A seal mark after the signing unit: （盖章）.
SEAL_WORDS = ("盖章", "印章", "公章", "章")
# Labels of a distribution line under the signature: 抄送：.
DISTRIBUTION_LABELS = ("抄送", "抄报", "主送", "印发", "分送")

# -- tables: the header cells of a rectification ledger --------------------------------------------

# Words of the header cell of a column of measures: 整改措施, 整改落实情况, 具体措施.
MEASURES_HEADERS = (
    "整改措施", "整改举措", "整改情况", "整改落实情况", "整改进展", "整改成效", "落实情况", "具体措施",
)  # fmt: skip
# Header cells of a column of aspects (used when rows are not grouped under headings).
ASPECT_HEADERS = ("方面", "类别", "类型", "领域")
