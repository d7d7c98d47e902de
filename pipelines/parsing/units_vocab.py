"""The words of record v2's units block as data: rounds and teams, report phases, date labels,
unit types and sectors. The extractors (rounds, phase, date_roles, regions, unit_keys) keep only
the structure of their patterns. The labels each table maps to are declared in
pipelines/common/record.py (REPORT_PHASES, SECTORS); tests/parsing/test_units_vocab.py checks
that every label here is one of them."""

from __future__ import annotations

from pipelines.parsing.vocab import CLOSING_QUOTES

# -- numerals and counters ---------------------------------------------------------------------

# Characters of a numeral as notices write 届, 轮 and 组 numbers (cn2an reads them).
NUMERAL_CHARS = "〇○零一二三四五六七八九十百两0-9０-９"
# Characters of a year written digit by digit: 2023, 二〇二三.
YEAR_CHARS = "〇○零一二三四五六七八九0-9０-９"

# -- committees --------------------------------------------------------------------------------

# The committee words that send inspection teams, with the division suffix a place before them
# takes (湖南 + 省 + 委): the place is looked up in the division table as 湖南省.
COMMITTEE_WORDS: dict[str, str] = {
    "中央": "",
    "省委": "省",
    "自治区党委": "自治区",
    "市委": "市",
    "州委": "州",
    "盟委": "盟",
    "地委": "地区",
    "县委": "县",
    "区委": "区",
    "旗委": "旗",
}
# The long form of a committee word: 中共湖南省委员会 is 湖南省委.
COMMITTEE_LONG = "员会"
# Kinds that may stand between a team's number and 巡视组 (第二专项巡察组).
TEAM_KINDS = ("专项", "机动", "提级", "交叉", "联动", "常规")
# The inspection office a team may be named under (市委巡察办第一巡察组).
INSPECTION_OFFICES = (
    "巡察办",
    "巡视办",
    "巡察工作办公室",
    "巡视工作办公室",
    "巡察工作领导小组办公室",
)
# How far before 巡视/巡察 a round (第三轮) may be named to count as the inspection's round.
ROUND_TO_INSPECTION = 20

# -- report phases -----------------------------------------------------------------------------

# What a notice reports, most specific first: the first whose words appear in the title (else
# in the opening's 现将…公布 sentence, else the opening) is the notice's report_phase.
REPORT_PHASE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("look_back", ("回头看整改", *(f"回头看{quote}整改" for quote in CLOSING_QUOTES))),
    ("concentrated_progress", ("集中整改进展", "集中整改情况", "集中整改阶段")),
    ("interim_progress", ("阶段性进展", "阶段性整改", "阶段整改进展", "阶段性成效")),
    ("completed", ("整改完成情况", "整改工作完成情况", "整改完成", "整改落实完成")),
    ("progress", ("整改进展", "整改工作进展", "整改落实进展", "整改推进情况")),
    (
        "rectification_status",
        ("整改情况", "整改工作情况", "整改落实情况", "反馈意见整改", "整改公开", "整改报告"),
    ),
)
# The sentence of the opening that says what is published: 现将…予以公布 / 公开如下 / 报告如下.
DISCLOSURE_VERBS = (
    "予以公布",
    "予以公开",
    "公布如下",
    "公开如下",
    "报告如下",
    "通报如下",
    "公示如下",
)

# -- dates -------------------------------------------------------------------------------------

# The page-metadata keys each date role is read from, as the evidence names them.
WRITTEN_KEY = "成文日期"
PUBLISHED_KEY = "发布时间"
UPDATED_KEY = "更新时间"

# -- units -------------------------------------------------------------------------------------

# Party organs a unit's name ends with, longest first when matched: its unit_type.
UNIT_TYPES = (
    "党委（党组）",
    "党委(党组)",
    "党工委",
    "党总支",
    "党支部",
    "党组",
    "党委",
    "领导班子",
    "委员会",
    "总支部委员会",
    "支部委员会",
)
# The long forms of unit types, as the record's unit_type gives them.
UNIT_TYPE_NAMES = {
    "党委（党组）": "党委",
    "党委(党组)": "党委",
    "委员会": "党委",
    "总支部委员会": "党总支",
    "支部委员会": "党支部",
}
# Division-level characters a unit's name may open with instead of its place (市卫健委).
LEVEL_CHARS = "省市区县州旗盟"
# Words that open with a level character, which a key keeps (市场监督管理局 is not a 市's 场…).
LEVEL_CHAR_WORDS = ("市场", "市政", "市容", "市民", "区域", "县域", "省级", "州府")
# Words a unit key drops: they name the party side of a unit, not the unit.
KEY_DROP_PREFIXES = ("中国共产党", "中共")
KEY_DROP_SUFFIXES = (*UNIT_TYPES, "党组织", "机关", "党组成员")
# Short and long names of one unit, so keys agree (市委统战部 and 市委统一战线工作部).
KEY_ALIASES = {
    "统一战线工作部": "统战部",
    "卫生健康委员会": "卫健委",
    "卫生健康局": "卫健局",
    "发展和改革委员会": "发改委",
    "发展和改革局": "发改局",
    "人力资源和社会保障局": "人社局",
    "住房和城乡建设局": "住建局",
    "纪律检查委员会": "纪委",
    "政法委员会": "政法委",
}
# Sectors by the words of the unit's name, first match wins (so 人民法院 is a court before it
# is anything else, a 医科大学 a university). Labels: record.SECTORS; docs/record.md lists them.
SECTOR_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("court", ("法院",)),
    ("procuratorate", ("检察院",)),
    ("public_security", ("公安",)),
    ("discipline", ("纪委", "监委", "纪检")),
    ("university", ("大学", "学院", "高校", "高等专科学校")),
    ("health", ("卫健", "卫生", "医院", "疾控", "医保", "医疗保障", "妇幼保健", "中医")),
    ("education", ("教育", "教体局", "学校", "中学", "小学", "幼儿园")),
    ("finance", ("财政", "税务", "金融", "银行", "保险", "证券", "信用社")),
    ("soe", ("集团", "公司", "国资", "投资", "控股")),
    (
        "mass_organisation",
        ("红十字会", "工会", "共青团", "团委", "妇联", "科协", "残联", "侨联", "文联"),
    ),
    (
        "party_department",
        ("组织部", "宣传部", "统战部", "政法委", "编办", "党校", "政研室", "统一战线工作部"),
    ),
    ("street", ("街道",)),
    ("community", ("社区",)),
    ("village", ("村",)),
    ("township", ("镇", "乡")),
    ("department", ("局", "委", "办", "厅", "中心", "所", "站", "馆", "院", "部")),
)
# Sectors that name a place's own level only at the end of the name (白石镇, 城关镇党委), not
# a word inside it (城镇化办公室): read from the name's last characters.
SECTORS_AT_END = ("community", "village", "township", "street")
