"""What the fixture pages say: the five real dev notices, generated notices, and ordinary news."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape
from pathlib import Path

TEXTS_DIR = Path(__file__).resolve().parents[1] / "texts"


@dataclass(slots=True)
class Doc:
    """One detail page's content, and what the truth says about it."""

    title: str
    published: date
    paragraphs: list[str]
    is_notice: bool
    time: str = "09:30"
    source: str | None = None
    author: str | None = None
    publisher: str | None = None
    inspected_unit: str | None = None
    inspection_body: str | None = None
    problems: int | None = None
    reason: str = "news"  # for non-notices: why not
    body_contains: list[str] = field(default_factory=list)
    # A 整改台账 table (header row first), shown after paragraph `table_after`.
    table: list[list[str]] = field(default_factory=list)
    table_after: int = 0


def body_html(doc: Doc, paragraph: Callable[[str], str]) -> str:
    """The body markup: each paragraph through `paragraph`, the ledger table in its place."""
    parts = [paragraph(p) for p in doc.paragraphs]
    if doc.table:
        head, *rows = doc.table
        cells = "".join(f"<th>{escape(c)}</th>" for c in head)
        lines = [f"<tr>{cells}</tr>"]
        lines += ["<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows]
        table = '<table border="1" cellspacing="0" cellpadding="4">' + "\n".join(lines) + "</table>"
        parts.insert(doc.table_after, table)
    return "\n".join(parts)


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# -- the five real notices -------------------------------------------------------------------------

_CHROME_LINE = re.compile(r"^(时间:|打印$|技术支持|通知公示$|.*\.docx$)")


def dev_paragraphs(name: str, skip_until: str) -> list[str]:
    """Body paragraphs of a dev notice: lines after the one starting with `skip_until`, page chrome
    the original capture carried (meta line, 打印, footer, trailing attachment name) removed."""
    lines = (TEXTS_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(skip_until))
    out = [line.strip() for line in lines[start + 1 :]]
    return [line for line in out if line and not _CHROME_LINE.match(line)]


def dev_notices() -> dict[str, Doc]:
    """The five dev notices with the fields their gold records give (titles added where missing)."""
    return {
        "000": Doc(
            title="市红十字会党组关于市委脱贫攻坚专项巡察整改进展情况的通报",
            published=date(2019, 4, 17),
            paragraphs=dev_paragraphs("dev_000", "市红十字会党组关于"),
            is_notice=True,
            time="10:12",
            author="淮安市红十字会",
            publisher="中共淮安市红十字会党组",
            inspected_unit="淮安市红十字会",
            inspection_body="市委专项巡察组",
            problems=5,
            body_contains=["联系电话83656180、83655908", "中共淮安市红十字会党组"],
        ),
        "001": Doc(
            title="中共揭阳市揭东区红十字会党组关于区委第四巡察组“回头看”专项巡察整改进展情况的通报",
            published=date(2022, 1, 25),
            paragraphs=_all_lines("dev_001"),
            is_notice=True,
            source="揭东区红十字会",
            publisher="中共揭阳市揭东区红十字会党组",
            inspected_unit="揭东区红十字会",
            inspection_body="区委第四巡察组",
            problems=8,
            body_contains=["电话0663-3250123", "jdhszh2021@163.com"],
        ),
        "002": Doc(
            title="中共咸宁市红十字会党组关于巡察整改情况的社会公开稿",
            published=date(2023, 9, 20),
            paragraphs=dev_paragraphs("dev_002", "中共咸宁市红十字会党组关于"),
            is_notice=True,
            source="咸宁市红十字会",
            publisher="中共咸宁市红十字会党组",
            inspected_unit="咸宁市红十字会",
            inspection_body="市委第一巡察组",
            problems=21,
            body_contains=["联系电话：0715-8111755", "1024209303@qq.com"],
        ),
        "003": Doc(
            title="XX旗红十字会巡察整改工作情况报告",
            published=date(2022, 11, 3),
            paragraphs=dev_paragraphs("dev_003", "XX旗红十字会巡察整改工作情况报告"),
            is_notice=True,
            publisher="XX旗红十字会",
            inspected_unit="旗红十字会",
            inspection_body="旗委第一巡察组",
            problems=9,
            body_contains=["旗委第一巡察组对旗红十字会开展了常规巡察"],
        ),
        "004": Doc(
            title="中共淮南市委统一战线工作部关于脱贫攻坚专项巡察整改进展情况的通报",
            published=date(2020, 12, 17),
            paragraphs=dev_paragraphs("dev_004", "中共淮南市委统一战线工作部关于"),
            is_notice=True,
            time="09:37",
            source="淮南市纪检监察网",
            author="市纪委监委网站",
            publisher="中共淮南市委统一战线工作部",
            inspected_unit="市委统战部",
            inspection_body="市委巡察办第一巡察组",
            problems=10,
            body_contains=["电话0554-5363431", "htb6678721@163.com"],
        ),
    }


def _all_lines(name: str) -> list[str]:
    text = (TEXTS_DIR / f"{name}.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


# -- generated notices -----------------------------------------------------------------------------

_PROBLEMS = [
    (
        "学习贯彻党的创新理论不深入",
        "制定年度理论学习计划，落实“第一议题”制度，全年开展集中学习12次",
    ),
    ("落实意识形态工作责任制不到位", "修订意识形态工作责任清单，每半年专题研究一次意识形态工作"),
    ("基层党组织“三会一课”制度落实不严格", "建立“三会一课”台账，由党委办公室每季度检查通报"),
    ("落实全面从严治党主体责任有差距", "制定主体责任清单，班子成员签订党风廉政建设责任书"),
    ("公务接待管理不规范", "修订公务接待管理办法，严格执行“一函一单一票”制度"),
    ("财务报销审核把关不严", "开展财务专项检查，对不合规票据全部追回或补正手续"),
    ("固定资产管理混乱，账实不符", "全面清查固定资产，建立资产台账，做到账卡物相符"),
    ("选人用人程序不规范", "严格执行干部选拔任用工作条例，规范动议、民主推荐等程序"),
    ("干部档案管理不规范", "对干部人事档案进行专项审核，补齐缺失材料36份"),
    ("惠民资金发放监管不到位", "对近三年惠民资金发放情况逐户核查，追回违规资金2.3万元"),
    ("村级财务“三资”管理不规范", "开展村级“三资”清理，规范合同管理，收回逾期承包费"),
    ("形式主义、官僚主义问题仍然存在", "精简会议文件，全年会议数量同比减少30%"),
    ("上轮巡察反馈问题整改不彻底", "对上轮巡察未完成事项建立销号清单，逐项整改到位"),
    ("政府采购程序不规范", "严格执行政府采购目录和限额标准，建立采购内控制度"),
    ("工程项目管理不规范", "对在建项目开展专项检查，规范招投标和验收程序"),
    ("为民办事服务意识不强", "推行首问负责制和限时办结制，开通服务热线"),
]

_ASPECTS = [
    "贯彻落实党的路线方针政策和党中央决策部署方面",
    "落实全面从严治党战略部署方面",
    "落实新时代党的组织路线方面",
    "落实巡察、审计等监督发现问题整改方面",
]

_STATUS = ["（已完成）", "（已完成）", "（正在推进，长期坚持）"]


@dataclass(frozen=True, slots=True)
class NoticeSpec:
    """Parameters of one generated notice."""

    publisher: str  # signature and title unit: 中共白石镇委员会
    inspected: str  # as named in the opening sentence: 白石镇党委
    committee: str  # 县委 / 市委 / 省委
    team: str  # 县委第二巡察组
    round_name: str  # 第二轮
    start: date
    n_problems: int
    style: int  # numbering style 0..2
    phone: str
    email: str
    xunshi: bool = False  # 巡视 (provincial) rather than 巡察
    title_form: int = 0  # which title template


def notice_title(spec: NoticeSpec) -> str:
    word = "巡视" if spec.xunshi else "巡察"
    forms = [
        f"{spec.publisher}关于{spec.committee}{spec.round_name}{word}整改进展情况的通报",
        f"{spec.publisher}关于{spec.team}{word}反馈意见整改情况的通报",
        f"{spec.publisher}关于{word}整改情况的通报",
        f"关于{spec.committee}{spec.round_name}{word}整改情况的公示",
    ]
    return forms[spec.title_form % len(forms)]


def generate_notice(spec: NoticeSpec, published: date, rng: random.Random) -> Doc:
    word = "巡视" if spec.xunshi else "巡察"
    end = spec.start + timedelta(days=40 + rng.randrange(20))
    feedback = end + timedelta(days=15 + rng.randrange(20))
    signed = published - timedelta(days=1 + rng.randrange(5))
    problems = rng.sample(_PROBLEMS, spec.n_problems)
    deployer = spec.committee.removeprefix("十二届")  # 根据省委统一部署, not 十二届省委
    deadline = feedback + timedelta(days=90)
    deadline_text = f"{deadline.year}年{deadline.month}月底前"
    table: list[list[str]] = []
    table_after = 0
    paras = [
        (
            f"根据{deployer}统一部署，{cn_date(spec.start)}至{cn_date(end)}，{spec.team}对"
            f"{spec.inspected}开展了常规{word}。{cn_date(feedback)}，{spec.team}向{spec.inspected}"
            f"反馈了{word}意见。按照党务公开原则和{word}工作有关要求，现将{word}整改进展情况予以公布。"
        ),
    ]
    intro = f"{spec.inspected}把{word}整改作为重大政治任务，成立整改工作领导小组，"
    intro += (
        "主要负责同志任组长，召开专题会议研究部署，制定整改方案，明确责任领导、责任部门和完成时限。"
    )
    groups = [problems[i : i + 2] for i in range(0, len(problems), 2)]
    if spec.style == 0:
        paras += [f"一、提高政治站位，扎实推进{word}整改工作", "（一）加强组织领导。" + intro]
        paras.append(f"二、{word}反馈问题整改落实情况")
        n = 0
        for gi, group in enumerate(groups):
            paras.append(f"（{_CN[gi]}）关于“{_ASPECTS[gi % len(_ASPECTS)]}”问题的整改情况")
            for title, measure in group:
                n += 1
                paras.append(f"{n}．针对“{title}”问题。整改情况：{measure}。{_STATUS[n % 3]}")
        paras += ["三、下一步工作打算", _NEXT]
    elif spec.style == 1:
        paras += ["一、整改工作总体情况", intro, "二、反馈问题整改情况"]
        n = 0
        for gi, group in enumerate(groups):
            paras.append(f"（{_CN[gi]}）{_ASPECTS[gi % len(_ASPECTS)]}")
            for title, measure in group:
                n += 1
                paras.append(f"{n}.{title}。")
                paras.append(f"整改措施：{measure}。整改进展：{_STATUS[n % 3].strip('（）')}。")
        paras.append("整改台账如下：")
        table_after = len(paras)
        table = [["序号", "问题", "整改措施", "责任单位", "完成时限", "进展"]]
        for n, (title, measure) in enumerate(problems, 1):
            row = [
                str(n),
                title,
                measure,
                "党政办公室",
                deadline_text,
                _STATUS[n % 3].strip("（）"),
            ]
            table.append(row)
        paras += ["三、持续深化整改", _NEXT]
    else:
        paras += ["【整改工作部署】", intro, "【问题整改情况】"]
        for n, (title, measure) in enumerate(problems, 1):
            paras.append(f"问题{_CN[n - 1]}：{title}。整改情况：{measure}。")
        paras += ["【整改成效】", "通过集中整改，建立完善制度12项，形成一批长效机制。", _NEXT]
    paras.append(
        f"欢迎广大干部群众对{word}整改落实情况进行监督。如有意见建议，请及时向我们反映。"
        f"联系电话：{spec.phone}；邮政信箱：{spec.inspected}办公室；电子邮箱：{spec.email}。"
    )
    paras += [spec.publisher, cn_date(signed)]
    return Doc(
        title=notice_title(spec),
        published=published,
        paragraphs=paras,
        is_notice=True,
        source=spec.inspected,
        publisher=spec.publisher,
        inspected_unit=spec.inspected,
        inspection_body=spec.team,
        problems=spec.n_problems,
        body_contains=[
            f"联系电话：{spec.phone}",
            spec.email,
            *([deadline_text] if table else []),
            *(["【整改成效】"] if spec.style == 2 else []),
        ],
        table=table,
        table_after=table_after,
    )


_CN = "一二三四五六七八九十"
_NEXT = (
    "下一步，我们将坚持目标不变、标准不降、力度不减，对已完成的整改任务适时组织“回头看”，"
    "对需要长期坚持的整改任务紧盯不放，建立健全长效机制，巩固拓展整改成果。"
)

_UNITS = [
    ("中共白石镇委员会", "白石镇党委", "县委"),
    ("中共城关镇委员会", "城关镇党委", "县委"),
    ("中共河口乡委员会", "河口乡党委", "县委"),
    ("中共东湖街道工作委员会", "东湖街道党工委", "区委"),
    ("中共县交通运输局党组", "县交通运输局党组", "县委"),
    ("中共县卫生健康局党组", "县卫生健康局党组", "县委"),
    ("中共县教育局委员会", "县教育局党委", "县委"),
    ("中共县自然资源局党组", "县自然资源局党组", "县委"),
    ("中共县林业局党组", "县林业局党组", "县委"),
    ("中共县水利局党组", "县水利局党组", "县委"),
    ("中共县市场监督管理局党组", "县市场监管局党组", "县委"),
    ("中共县供销合作社联合社党组", "县供销社党组", "县委"),
    ("中共市红十字会党组", "市红十字会党组", "市委"),
    ("中共市住房和城乡建设局党组", "市住建局党组", "市委"),
    ("中共市文化广电旅游局党组", "市文广旅局党组", "市委"),
]


def make_notice(seed: int, i: int, published: date) -> Doc:
    """The i-th generated notice of a series; the same arguments always give the same notice."""
    rng = random.Random(seed * 10007 + i)
    publisher, inspected, committee = _UNITS[(seed + i) % len(_UNITS)]
    xunshi = i % 7 == 6
    if xunshi:
        county = ["临河县", "白沙县", "沙洲县"][i % 3]
        publisher, inspected, committee = f"中共{county}委", f"{county}委", "省委"
    team = f"{committee}第{_CN[1 + rng.randrange(6)]}{'巡视' if xunshi else '巡察'}组"
    spec = NoticeSpec(
        publisher=publisher,
        inspected=inspected,
        committee=("十二届" if xunshi else "") + committee,
        team=team,
        round_name=f"第{_CN[rng.randrange(8)]}轮",
        start=published - timedelta(days=150 + rng.randrange(30)),
        n_problems=4 + rng.randrange(4),
        style=i % 3,
        phone=f"0739-{7000000 + rng.randrange(999999)}",
        email=f"xczg{seed}{i}@163.com",
        xunshi=xunshi,
        title_form=i % 4,
    )
    return generate_notice(spec, published, rng)


def generated_notices(seed: int, count: int, first: date) -> list[Doc]:
    """`count` deterministic notices, oldest first, published from `first` on."""
    rng = random.Random(seed)
    docs = []
    day = first
    for i in range(count):
        docs.append(make_notice(seed, i, day))
        day += timedelta(days=9 + rng.randrange(25))
    return docs


# -- ordinary news (non-notices) -------------------------------------------------------------------

_NEWS = [
    (
        "news",
        "{team}巡察{unit}工作动员会召开",
        [
            (
                "{d}，{team}巡察{unit}工作动员会召开。会上，{team}组长就做好巡察工作作了讲话，"
                "对巡察工作作出具体安排。"
            ),
            (
                "会议强调，要提高政治站位，主动接受监督，积极支持配合巡察组工作，"
                "确保巡察工作顺利开展。巡察期间设立意见箱，接受来信来访。"
            ),
        ],
    ),
    (
        "news",
        "{team}向{unit}反馈巡察情况",
        [
            (
                "{d}，{team}向{unit}反馈巡察情况。反馈会上，巡察组指出了巡察发现的主要问题，"
                "并提出了整改意见建议。"
            ),
            "会议要求，要坚持问题导向，逐条逐项认真整改，整改情况按规定向社会公开。",
        ],
    ),
    (
        "distractor",
        "{team}进驻{unit}开展巡察的公告",
        [
            (
                "根据县委巡察工作统一部署，{team}将于近期对{unit}开展常规巡察。"
                "巡察期间设立专门值班电话和邮政信箱，受理反映{unit}领导班子及其成员问题的来信来电。"
            ),
            "巡察组主要受理反映巡察对象党组织领导班子及其成员问题的来信来电来访。",
        ],
    ),
    (
        "distractor",
        "关于中央生态环境保护督察反馈问题整改情况的通报",
        [
            "按照中央生态环境保护督察反馈意见整改工作要求，现将我县整改落实情况通报如下。",
            "截至目前，应完成整改的18项任务已全部完成，持续推进的5项任务按序时推进。",
        ],
    ),
    (
        "distractor",
        "县纪委监委通报3起违反中央八项规定精神问题",
        [
            "近日，县纪委监委对3起违反中央八项规定精神问题进行通报。",
            "1．县农业农村局原副局长王某某违规收受礼品礼金问题。王某某受到党内警告处分。",
        ],
    ),
    (
        "news",
        "{y}年端午节廉洁提醒",
        [
            "端午节将至，为进一步巩固作风建设成果，现就有关事项提醒如下。",
            "严禁违规收送节礼，严禁公款吃喝，严禁违规发放津贴补贴。欢迎社会各界监督举报。",
        ],
    ),
    (
        "distractor",
        "县纪委监委{y}年公开招聘工作人员公告",
        [
            "根据工作需要，经研究决定，面向社会公开招聘工作人员5名。",
            "报名时间：{d}起5个工作日内。联系电话：0739-5201234。",
        ],
    ),
    (
        "news",
        "{unit}召开巡察整改专题民主生活会",
        [
            "{d}，{unit}召开巡察整改专题民主生活会，县纪委监委、县委组织部派员到会指导。",
            (
                "会前，班子成员广泛征求意见，开展谈心谈话；会上，逐一进行对照检查，"
                "开展批评和自我批评。"
            ),
        ],
    ),
    (
        "distractor",
        "关于{y}年度预算执行审计整改情况的公示",
        [
            "根据县审计局审计意见，现将{y}年度预算执行审计发现问题的整改情况公示如下。",
            "审计发现问题6个，已全部整改完成，规范资金管理12.6万元。",
        ],
    ),
    (
        "news",
        "市纪委监委开展清廉机关建设专题培训",
        [
            "{d}，市纪委监委举办清廉机关建设专题培训班，各单位分管负责同志参加培训。",
            "培训围绕清廉机关建设的目标任务、方法路径作了系统讲解。",
        ],
    ),
]


def make_news(seed: int, i: int, published: date, unit: str = "白石镇党委") -> Doc:
    """The i-th non-notice of a series (news, announcements, other 整改 reports)."""
    rng = random.Random(seed * 10007 + i)
    reason, title, paras = _NEWS[(seed + i) % len(_NEWS)]
    team = f"县委第{_CN[1 + rng.randrange(5)]}巡察组"
    values = {"team": team, "unit": unit, "d": cn_date(published), "y": str(published.year)}
    return Doc(
        title=title.format(**values),
        published=published,
        paragraphs=[p.format(**values) for p in paras],
        is_notice=False,
        reason=reason,
    )


def news_items(seed: int, count: int, first: date, unit: str = "白石镇党委") -> list[Doc]:
    """`count` deterministic non-notices, oldest first, published from `first` on."""
    rng = random.Random(seed)
    docs = []
    day = first
    for i in range(count):
        docs.append(make_news(seed, i, day, unit))
        day += timedelta(days=7 + rng.randrange(20))
    return docs
