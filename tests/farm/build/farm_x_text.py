"""Texts of the held-out sites (farm-x-*): rectification notices and news written for them alone,
so that a crawler or parser tuned on the other farm sites meets words it has not seen."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from tests.farm.build.content import Doc, cn_date

_CN = "一二三四五六七八九十"

# (publisher as signed, inspected unit as named in the text)
_UNITS = [
    ("中共桐溪镇委员会", "桐溪镇党委"),
    ("中共凤岭乡委员会", "凤岭乡党委"),
    ("中共南湾街道工作委员会", "南湾街道党工委"),
    ("中共县农业农村局党组", "县农业农村局党组"),
    ("中共县人力资源和社会保障局党组", "县人社局党组"),
    ("中共县医疗保障局党组", "县医保局党组"),
    ("中共县退役军人事务局党组", "县退役军人事务局党组"),
    ("中共县融媒体中心总支部委员会", "县融媒体中心党总支"),
    ("中共县城市管理局党组", "县城管局党组"),
    ("中共县商务局党组", "县商务局党组"),
    ("中共县统计局党组", "县统计局党组"),
    ("中共县档案馆支部委员会", "县档案馆党支部"),
    ("中共石门村委员会", "石门村党委"),
    ("中共县应急管理局党组", "县应急管理局党组"),
    ("中共县民政局党组", "县民政局党组"),
    ("中共县司法局党组", "县司法局党组"),
    ("中共县图书馆支部委员会", "县图书馆党支部"),
    ("中共县机关事务服务中心党组", "县机关事务服务中心党组"),
]

# (problem as the team fed it back, what was done)
_FINDINGS = [
    (
        "对习近平总书记重要指示批示精神学思践悟不够",
        "修订党组理论学习中心组学习规则，每月专题研学一次",
    ),
    ("研究部署乡村振兴重点任务不及时", "建立重点任务月调度机制，由主要负责同志牵头督办"),
    ("防范化解重大风险意识不强", "排查风险隐患23项，逐项明确包保领导和化解时限"),
    ("“一把手”和领导班子监督制约不够", "出台“三重一大”事项决策清单，实行末位表态"),
    ("违规使用公务用车", "收回违规配备车辆2辆，建立用车审批登记制度"),
    ("食堂账目管理混乱", "聘请第三方对食堂账目进行清理，实行一月一公示"),
    ("项目资金拨付进度滞后", "建立资金拨付“周报告”制度，已拨付结余资金86万元"),
    ("低保对象动态管理不精准", "开展低保对象全面复核，清退不符合条件对象17户"),
    ("党支部标准化建设推进缓慢", "对照标准化清单逐项补短板，完成3个支部阵地改造"),
    ("发展党员程序把关不严", "对近五年发展党员档案逐一复查，补正材料12份"),
    ("年轻干部培养储备不足", "建立优秀年轻干部名单库，选派6名干部到基层一线锻炼"),
    ("执行请休假制度不严格", "修订考勤管理办法，实行请销假线上审批"),
    ("合同管理不规范，部分合同未经合法性审查", "梳理在履行合同41份，全部补充合法性审查意见"),
    ("政务服务事项“一网通办”比例不高", "新增网上可办事项35项，推行帮办代办服务"),
    ("群众反映问题办理回复不及时", "建立信访件“接诉即办”台账，办结率提升至98%"),
    ("对上级巡察反馈问题整改“回头看”不深入", "逐项复核上轮未销号问题，形成销号报告"),
    ("内部审计监督作用发挥不够", "配备专职审计人员，年度内完成内部审计项目4个"),
    ("安全生产隐患排查流于形式", "开展拉网式排查，整改安全隐患58处并建档销号"),
]

_SECTIONS = ["党的领导弱化方面", "全面从严治党方面", "党的建设方面", "落实整改责任方面"]


@dataclass(frozen=True, slots=True)
class Inspection:
    """Whose teams inspect the units a site reports on: 县委, 市委 or 区委."""

    committee: str


def notice(seed: int, i: int, published: date, who: Inspection) -> Doc:
    """The i-th notice of a site series; the same arguments always give the same text."""
    rng = random.Random(seed * 7919 + i)
    publisher, inspected = _UNITS[(seed * 5 + i) % len(_UNITS)]
    level = who.committee[0]  # a 市委 team inspects the 市 bureaus, a 区委 team the 区 ones
    publisher, inspected = publisher.replace("县", level), inspected.replace("县", level)
    word = "巡察"
    team = f"{who.committee}第{_CN[rng.randrange(6)]}{word}组"
    rnd = f"{who.committee}第{_CN[rng.randrange(9)]}轮{word}"
    start = published - timedelta(days=160 + rng.randrange(40))
    end = start + timedelta(days=30 + rng.randrange(15))
    feedback = end + timedelta(days=20 + rng.randrange(15))
    signed = published - timedelta(days=2 + rng.randrange(4))
    findings = rng.sample(_FINDINGS, 3 + rng.randrange(4))
    phone = f"0{rng.randrange(700, 900)}-{rng.randrange(2000000, 8999999)}"
    email = f"zgb{seed}x{i}@126.com"
    titles = [
        f"{publisher}关于{rnd}整改进展情况的通报",
        f"{publisher}关于{team}{word}反馈意见整改落实情况的通报",
        f"关于{rnd}{inspected}集中整改进展情况的公示",
        f"{inspected}关于{word}整改工作情况的报告",
    ]
    title = titles[(seed + i) % len(titles)]
    paras = [
        (
            f"按照{who.committee}{word}工作统一安排，{cn_date(start)}至{cn_date(end)}，{team}对{inspected}"
            f"进行了{word}。{cn_date(feedback)}，{team}向{inspected}反馈了{word}意见。根据{word}工作"
            f"有关规定，现将集中整改进展情况予以公开。"
        ),
        "一、坚持高站位部署，压紧压实整改责任",
        (
            f"{inspected}将{word}反馈意见整改作为当前首要政治任务，第一时间召开专题会议，成立由主要负责同志"
            "任组长的整改工作领导小组，逐条制定整改措施，建立问题、任务、责任“三张清单”。"
        ),
        f"二、对照反馈问题，逐项抓好整改落实（共{len(findings)}个问题）",
    ]
    for n, (problem, done) in enumerate(findings, 1):
        if n % 2 == 1:
            paras.append(f"（{_CN[n // 2]}）{_SECTIONS[(n // 2) % len(_SECTIONS)]}")
        paras.append(f"{n}.关于“{problem}”的问题。整改落实：{done}。目前已整改到位。")
    paras += [
        "三、巩固整改成果，推动建章立制",
        (
            "下一步，我们将把整改工作与日常工作结合起来，做到问题不解决不放过、整改不到位不销号，"
            "持续巩固整改成果。"
        ),
        (
            f"欢迎广大干部群众对{word}整改落实情况进行监督，如有意见建议，请及时反映。"
            f"联系电话：{phone}；电子邮箱：{email}。"
        ),
        publisher,
        cn_date(signed),
    ]
    return Doc(
        title=title,
        published=published,
        paragraphs=paras,
        is_notice=True,
        source=inspected,
        publisher=publisher,
        inspected_unit=inspected,
        inspection_body=team,
        problems=len(findings),
        body_contains=[f"联系电话：{phone}", email],
    )


# (reason, title, paragraphs); {team} {unit} {d} {y} are filled in
_NEWS = [
    (
        "news",
        "{team}进驻{unit}开展巡察工作动员会召开",
        [
            "{d}，{team}进驻{unit}开展巡察工作动员会召开，{team}组长作动员讲话。",
            "会议要求，要以高度的政治自觉支持配合巡察工作，如实反映情况。",
        ],
    ),
    (
        "news",
        "{y}年巡察整改工作推进会召开",
        [
            "{d}，{committee}巡察整改工作推进会召开，通报前阶段整改工作情况。",
            "会议强调，各被巡察党组织要履行整改主体责任，确保整改取得实效。",
        ],
    ),
    (
        "news",
        "{y}年国庆中秋期间廉洁过节提醒",
        [
            "“两节”将至，为持续巩固拓展作风建设成果，现就有关纪律要求提醒如下。",
            "严禁违规收送礼品礼金，严禁违规吃喝，严禁公车私用。",
        ],
    ),
    (
        "distractor",
        "关于{y}年度经济责任审计发现问题整改情况的公告",
        [
            "根据审计机关经济责任审计意见，现将审计发现问题整改情况公告如下。",
            "审计发现问题4个，已全部完成整改。",
        ],
    ),
]


def news(seed: int, i: int, published: date, unit: str, who: Inspection) -> Doc:
    rng = random.Random(seed * 104729 + i)
    reason, title, paras = _NEWS[(seed + i) % len(_NEWS)]
    values = {
        "team": f"{who.committee}第{_CN[1 + rng.randrange(5)]}巡察组",
        "unit": unit,
        "d": cn_date(published),
        "y": str(published.year),
        "committee": who.committee,
    }
    return Doc(
        title=title.format(**values),
        published=published,
        paragraphs=[p.format(**values) for p in paras],
        is_notice=False,
        reason=reason,
    )


def series(
    seed: int, notices: int, others: int, last: date, who: Inspection, unit: str
) -> list[Doc]:
    """A column's documents, newest first, the last published on `last`; every fourth row (from
    the third) is a non-notice until `others` are placed."""
    rng = random.Random(seed)
    docs: list[Doc] = []
    day = last
    made_n = made_o = 0
    while made_n < notices or made_o < others:
        if made_o < others and (len(docs) % 4 == 2 or made_n == notices):
            docs.append(news(seed, made_o, day, unit, who))
            made_o += 1
        else:
            docs.append(notice(seed, made_n, day, who))
            made_n += 1
        day -= timedelta(days=6 + rng.randrange(30))
    return docs
