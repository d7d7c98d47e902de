"""The words of the record v2 figures (accountability, money, rules, statuses, tallies) as data.

Tables only, keyed by the record's vocabularies (pipelines/common/record.py: STATUSES,
ACCOUNTABILITY_KINDS, MONEY_KINDS; tests/parsing/test_figures_vocab.py holds them equal). The
extractors keep the structure of their patterns and splice these in with vocab.alternation.
"""

from __future__ import annotations

from pipelines.parsing.vocab import ONGOING_ADVERBS

# -- statuses: how far a problem's rectification has got -------------------------------------------

# The words of each status class, as problems, ledger cells, group headings and tallies write
# them (adverbs between them are read by STATUS_ADVERBS). v1's done covered the first group;
# its in_progress covered the next four.
_ONGOING = tuple(
    f"正在{adverb}{verb}" for adverb in ("", *ONGOING_ADVERBS) for verb in ("推进", "整改")
)
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "done": (
        "已完成", "已整改完成", "已整改到位", "已完成整改", "已整改", "已办结", "已销号",
        "整改完成", "完成整改", "整改到位", "立行立改", "完成",
    ),
    "basically_done": ("基本完成", "基本整改完成", "基本完成整改", "基本整改到位", "基本到位"),
    "in_progress": (
        *_ONGOING, "整改中", "推进中", "持续推进", "阶段性", "仍在推进", "仍在整改", "取得阶段性成效",
        "取得阶段性进展", "取得阶段性成果", "阶段性完成", "达到阶段性目标", "正按计划推进",
        "正按序时推进",
    ),
    "long_term": (
        "需长期坚持", "需要长期坚持", "长期坚持", "需长期推进", "长期推进", "长期整改", "持续整改",
        "持续坚持",
    ),
    "not_done": ("尚未完成", "未完成", "未整改到位", "未完成整改", "未整改完成", "尚未整改"),
    "not_started": ("尚未启动", "未启动", "尚未开始", "未开始"),
}  # fmt: skip
# Adverbs a status phrase may hold before its words: 均已整改完成, 已全部整改到位.
STATUS_ADVERBS = ("均", "都", "全部", "已经", "已")
# Prefixes of a status group heading before its words: 关于已整改完成的问题.
GROUP_PREFIXES = ("关于", "对")
# Words of a tally that refuse a status right after them: 未完成 is not 完成, 基本完成 not 完成.
NOT_BEFORE_STATUS = ("未", "没", "不", "基本")
# A done phrase after a negation is not done, with adverbs (STATUS_ADVERBS) or words of manner
# between them: 尚未整改完成, 尚未全部整改完成, 还未彻底整改到位, 未能按期完成 (the not_done class).
DONE_NEGATIONS = ("尚未", "还未", "暂未", "仍未", "未能", "未", "没有", "没")
NEGATED_MANNER = ("彻底", "完全", "全面", "按期", "按时", "如期")
NEGATED_CLASS = "not_done"

# -- tallies: completion rate and the date of the tally ---------------------------------------------

# The rate of the rectification, with the words before it: 整改完成率, 总体完成率.
COMPLETION_RATE_WORDS = ("整改完成率", "整改率", "问题整改率", "总体完成率", "整体完成率")
# A bare 完成率 counts when nothing names another thing before it (任务完成率, 处置完成率).
BARE_RATE = "完成率"
# Verbs between the rate and its figure: 完成率达到96.5%.
RATE_VERBS = ("达到", "达", "为", "是", "已达")
# A tally's date: 截至2023年9月21日.
AS_OF_WORDS = ("截至", "截止", "截止到", "截至到")

# -- accountability: who was held to account --------------------------------------------------------

# The words that name each kind, right before its figure (给予党纪处分37人) or after it
# (3人受到党纪处分).
ACCOUNTABILITY_WORDS: dict[str, tuple[str, ...]] = {
    "party_discipline": ("党纪处分", "党内处分", "纪律处分", "党纪轻处分", "党纪重处分"),
    "government_sanction": ("政务处分", "政纪处分"),
    "party_government_sanction": ("党纪政务处分", "党纪政纪处分"),
    "organisational_handling": ("组织处理", "组织调整"),
    "admonishment": ("诫勉谈话", "诫勉"),
    "criticism": (
        "批评教育", "提醒谈话", "谈话提醒", "责令检查", "责令作出书面检查", "通报批评", "批评帮助",
        "约谈提醒", "提醒约谈",
    ),
    "accountability_persons": ("问责",),
    "case_filed": ("立案审查调查", "立案审查", "立案调查", "立案"),
    "case_closed": ("结案", "审结"),
    "transferred_judicial": (
        "移送司法机关", "移交司法机关", "移送司法", "移送检察机关", "移送检察机关审查起诉",
        "移送检察院审查起诉", "移送检察院", "移送审查起诉",
    ),
    "transferred_discipline": (
        "移交纪检监察机关", "移送纪检监察机关", "移交纪委监委", "移送纪委监委", "移交纪委",
        "移送纪委", "交由纪委调查",
    ),
    "leads_received": ("问题线索",),
    "four_forms": ("四种形态",),
    "form_1": ("第一种形态",),
    "form_2": ("第二种形态",),
    "form_3": ("第三种形态",),
    "form_4": ("第四种形态",),
}  # fmt: skip
# Words after a kind's figure that go on with the same subject: 立案40件，了结39件 (closed);
# 移交问题线索147件，办结128件 (disposed). By the kind they follow.
FOLLOW_UP_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "case_filed": {"case_closed": ("了结", "结案", "审结", "办结")},
    "leads_received": {"leads_disposed": ("办结", "处置", "了结", "办理")},
}
# Before 问题线索: 处置问题线索12件 is disposed, not received.
LEADS_DISPOSED_BEFORE = ("处置", "办结", "办理")
# After a figure-first 问题线索, with adverbs (STATUS_ADVERBS) between: 移交的6件问题线索已全部办结
# says 6 were disposed (their receipt is stated elsewhere, or not at all), not a second receipt.
LEADS_DISPOSED_AFTER = ("办结", "处置完毕", "处置到位", "了结", "办理完毕")
# Words allowed between a kind's words and its figure: 给予党纪处分 | 了 | 37人.
FIGURE_FILLERS = (
    "了", "共", "共计", "合计", "累计", "总计", "人数", "处理", "审查调查", "党员干部", "干部",
    "党员", "人员", "公职人员", "相关责任人", "责任人", "党组织", "单位", "达", "帮助和处理",
    "批评教育帮助和处理", "帮助处理",
)  # fmt: skip
# Units a figure of persons, cases or organisations is written with.
PERSON_UNITS = ("人次", "人", "名")
CASE_UNITS = ("件", "起", "条")
ORGANISATION_UNITS = ("个党组织", "个党支部", "个党委", "个党总支", "个单位", "家单位", "个部门")
# 问责 of organisations: the unit or the filler names them.
ORGANISATION_WORDS = ("党组织", "单位", "部门", "党支部", "党委", "党总支")
# Breakdown labels of a sanction figure: 给予党纪处分37人（党内警告18人、严重警告11人…）.
DETAIL_LABELS = (
    "党内警告", "严重警告", "撤销党内职务", "留党察看", "开除党籍", "警告", "记过", "记大过",
    "降级", "撤职", "开除", "免职", "调整职务", "降职", "停职检查", "责令辞职",
)  # fmt: skip
# Breakdowns by a group of persons, by the words their label ends with: ，其中村(社区)干部52人、
# 乡镇干部10人. A sub-count of the figure's kind, as a sanction-type breakdown is.
DETAIL_GROUP_ENDS = ("干部", "党员", "公职人员", "人员", "职工", "班子成员", "负责人")
# Verbs of a figure written before its kind: 对3人进行诫勉谈话, 12人被问责.
FIGURE_FIRST_VERBS = ("进行", "给予", "予以", "作出", "受到", "被")
# The word before a figure of persons whose kind follows a noun phrase: 对12名党员干部给予党纪政务处分.
PERSONS_OBJECT = "对"

# -- money ------------------------------------------------------------------------------------------

# The verbs that say what was done with an amount, by kind (清退违规资金66.57万元).
MONEY_WORDS: dict[str, tuple[str, ...]] = {
    "refunded": ("清退",),
    "surrendered": ("退缴", "退赔"),
    "confiscated": ("追缴", "收缴"),
    "recovered": ("追回",),
    "losses_retrieved": ("挽回经济损失", "挽回损失", "避免经济损失"),
    "reclaimed": ("收回",),
    "back_paid": ("补缴", "补交"),
    "rectification_funds": ("整改资金", "投入资金", "投入整改资金", "整改投入"),
    "other": ("退还", "返还", "退回"),
}
# Words that make a verb's amount no fact: 未追回, 尚未清退.
MONEY_NEGATIONS = ("未", "尚未", "没有", "拟", "计划", "应")
# Money units and their factor in yuan.
YUAN_FACTORS = {"亿元": 10**8, "万元": 10**4, "千元": 10**3, "元": 1}
# Words that make an amount a lower bound, before it (超15亿元) or inside it (84万余元).
LOWER_BOUND_BEFORE = ("超过", "超", "逾", "多达")
LOWER_BOUND_INSIDE = ("余", "多")

# -- rules made or revised --------------------------------------------------------------------------

# Verbs of making or revising rules: 建立, 修订 (joined: 制定及修改完善).
RULE_VERBS = (
    "建立", "制定", "修订", "完善", "健全", "新建", "出台", "修改", "新增", "修订完善", "建立健全",
    "建立完善", "印发",
)  # fmt: skip
# Joiners between verbs: 制定及修改完善, 完善和新建.
RULE_VERB_JOINERS = ("及", "和", "、", "并", "与")
# The rules themselves: 制度, 规定, 办法 (and the words they come in).
RULE_NOUNS = ("规章制度", "制度机制", "制度", "规定", "办法", "规则", "细则", "章程", "建章立制")
# Counters of rules: 12项, 5个, 3件.
RULE_COUNTERS = ("项", "个", "件", "条", "部", "套")
