"""Six unseen home sites (farm-y-*, 127.0.0.30-35) for `notices sites discover HOME_URL`: whole
small sites (home page, top menu, second-level menus, 更多>> links, landing pages, decoy columns)
in six CMS families that county and city sites run. Each site's `discover_truth.json` says which
column pages carry rectification notices, which columns must not be listed, and which paths
robots.txt forbids; `bench/discover_score.py` scores the command against it.

The texts are written here (not the generators of the other farm sites): notices of 巡察 and 巡视
rectification as towns, bureaus, a college and a county government publish them, and the ordinary
rows (动员会, 反馈会, 进驻公告, 招聘, 停水, 预决算, 典型问题通报 …) that fill the decoy columns."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape

from tests.farm.build.content import Doc, body_html, cn_date
from tests.farm.build.writer import HTML_UTF8, SiteWriter

_CN = "一二三四五六七八九十"

# -- texts ------------------------------------------------------------------------------------------

_FINDINGS = [
    (
        "学习贯彻党的二十大精神不够深入，理论学习流于形式",
        "修订理论学习中心组学习制度，全年开展专题研讨6次",
    ),
    ("落实意识形态工作责任制不到位", "制定意识形态工作责任清单，每半年专题研判一次"),
    (
        "落实中央八项规定精神不严格，存在超标准接待问题",
        "对2022年以来公务接待逐笔清查，退缴超标费用1.2万元",
    ),
    ("“三重一大”事项集体决策执行不到位", "修订“三重一大”决策制度实施办法，明确事项清单28项"),
    ("基层党组织“三会一课”制度落实不严", "建立支部组织生活纪实台账，每季度督查通报"),
    ("财务管理不规范，存在白条入账现象", "开展财务专项清理，规范报销凭证，健全内控制度"),
    ("专项资金使用监管不力", "对专项资金开展全面审计，追回违规资金8.6万元"),
    ("干部选拔任用程序执行不严格", "对近三年干部任用档案逐一核查，补齐缺失材料"),
    ("村级集体“三资”管理混乱", "开展村级“三资”清理，收回被占集体资产3处"),
    ("形式主义官僚主义问题依然存在，文山会海仍未根治", "精简会议文件，压减发文数量30%"),
    ("上轮巡察反馈问题整改不彻底", "对上轮未完成问题逐项销号，建立长效机制"),
    ("惠民惠农政策落实有偏差", "开展惠民资金专项排查，纠正错发漏发问题21人次"),
    ("安全生产监管存在薄弱环节", "开展隐患排查整治，整改安全隐患46处"),
    ("工程项目管理不规范，存在未批先建问题", "补办项目审批手续，对相关责任人进行约谈"),
]


@dataclass(frozen=True, slots=True)
class Unit:
    """An inspected organisation: how it signs, how the text names it."""

    signs: str  # 中共白沙镇委员会
    named: str  # 白沙镇党委


def notice_doc(seed: int, i: int, day: date, unit: Unit, who: str, word: str = "巡察") -> Doc:
    """A short rectification notice: title, opening, a few numbered measures, contact, signature.
    `who` is the inspecting committee (县委, 市委, 省委, 校党委), `word` 巡察 or 巡视."""
    rng = random.Random(seed * 1009 + i)
    rnd = _CN[rng.randrange(8)]
    team = f"{who}第{_CN[rng.randrange(5)]}{word}组"
    start = day - timedelta(days=170 + rng.randrange(40))
    end = start + timedelta(days=28 + rng.randrange(14))
    fb = end + timedelta(days=18 + rng.randrange(12))
    signed = day - timedelta(days=1 + rng.randrange(5))
    findings = rng.sample(_FINDINGS, 3 + rng.randrange(3))
    titles = [
        f"{unit.signs}关于{who}第{rnd}轮{word}整改进展情况的通报",
        f"{unit.signs}关于{who}第{rnd}轮{word}集中整改进展情况的通报",
        f"{unit.signs}关于{team}{word}反馈意见整改落实情况的公示",
        f"关于{who}第{rnd}轮{word}反馈问题整改情况的通报",
    ]
    title = titles[(seed + i) % len(titles)]
    phone = f"0{rng.randrange(710, 899)}-{rng.randrange(2100000, 8899999)}"
    mail = f"xczg{seed}{i:02d}@163.com"
    paras = [
        (
            f"根据{who}统一部署，{cn_date(start)}至{cn_date(end)}，{team}对{unit.named}开展了{word}。"
            f"{cn_date(fb)}，{team}向{unit.named}反馈了{word}意见。按照党务公开原则和{word}工作有关要求，"
            f"现将{word}整改进展情况予以公布。"
        ),
        "一、提高政治站位，切实扛牢整改主体责任",
        (
            f"{unit.named}召开专题会议研究部署整改工作，成立由主要负责同志任组长的整改工作领导小组，"
            "对反馈问题逐条制定整改措施，明确责任领导、责任部门和整改时限。"
        ),
        f"二、{word}反馈问题整改落实情况",
    ]
    for n, (problem, done) in enumerate(findings, 1):
        paras.append(f"{n}.关于“{problem}”的问题。整改情况：{done}。已完成整改。")
    paras += [
        "三、下一步工作打算",
        (
            "坚持目标不变、标准不降、力度不减，对已完成的整改事项适时开展“回头看”，"
            "对需要长期坚持的整改事项持续推进，以整改实效推动各项工作高质量发展。"
        ),
        (
            f"欢迎广大干部群众对{word}整改落实情况进行监督。如有意见建议，请及时向我们反映。"
            f"联系电话：{phone}；电子邮箱：{mail}。"
        ),
        unit.signs,
        cn_date(signed),
    ]
    return Doc(
        title=title,
        published=day,
        paragraphs=paras,
        is_notice=True,
        source=unit.named,
        publisher=unit.signs,
        inspected_unit=unit.named,
        inspection_body=team,
        problems=len(findings),
        body_contains=[f"联系电话：{phone}", mail],
    )


def plain_doc(title: str, day: date, paras: list[str], reason: str = "news") -> Doc:
    return Doc(title=title, published=day, paragraphs=paras, is_notice=False, reason=reason)


def news_docs(titles: list[str], last: date, step: int = 9) -> list[Doc]:
    """Ordinary rows of a decoy column, newest first."""
    out = []
    for k, t in enumerate(titles):
        day = last - timedelta(days=k * step + (k * 5) % 7)
        out.append(
            plain_doc(
                t,
                day,
                [
                    f"{cn_date(day)}，{t.split('关于')[-1].rstrip('。')}相关工作有序开展。",
                    "会议（通知）要求，各单位要提高思想认识，压实工作责任，确保各项任务落到实处。",
                ],
            )
        )
    return out


# -- the site being built ---------------------------------------------------------------------------


@dataclass(slots=True)
class Site:
    """A site under construction: its writer, encoding and the discover truth."""

    w: SiteWriter
    charset: str = "utf-8"
    content_type: str = HTML_UTF8
    notice_columns: list[str] = field(default_factory=list)
    decoys: list[str] = field(default_factory=list)
    disallowed: list[str] = field(default_factory=list)
    rows: dict[str, list[str]] = field(default_factory=dict)  # notice column -> row paths
    pages: dict[str, list[str]] = field(default_factory=dict)  # notice column -> its list pages
    aliases: dict[str, str] = field(
        default_factory=dict
    )  # another URL of a column's first page -> it
    names: dict[str, str] = field(default_factory=dict)  # notice column -> its name
    modified: date = date(2024, 9, 30)

    def page(self, path: str, html: str, modified: date | None = None) -> None:
        self.w.add(
            path,
            html.encode(self.charset),
            content_type=self.content_type,
            modified=modified or self.modified,
        )

    def detail(self, path: str, doc: Doc, html: str, in_notice_column: bool) -> None:
        self.page(path, html, doc.published)
        if not in_notice_column:
            return
        if doc.is_notice:
            self.w.notice(path, doc)
        else:
            self.w.non_notice(path, doc.title, doc.reason)

    def column(
        self,
        path: str,
        name: str,
        row_paths: list[str],
        notices: bool,
        pages: list[str] | None = None,
    ) -> None:
        if notices:
            self.notice_columns.append(path)
            self.rows[path] = row_paths
            self.names[path] = name
            self.pages[path] = pages or [path]
            self.w.list_paths += pages or [path]
            self.w.start_paths.append(path)
        else:
            self.decoys.append(path)

    def finish(self, readme: str) -> SiteWriter:
        truth = {
            "home": "/",
            "notice_columns": self.notice_columns,
            "decoys": self.decoys,
            "disallowed": self.disallowed,
            "names": self.names,
            "rows": self.rows,
            "pages": self.pages,
            "aliases": self.aliases,
        }
        self.w.extra_files["discover_truth.json"] = (
            json.dumps(truth, ensure_ascii=False, indent=1) + "\n"
        ).encode("utf-8")
        self.w.extra_files["README.md"] = readme.encode("utf-8")
        return self.w


def robots(s: Site, *paths: str) -> None:
    s.w.robots("".join(f"Disallow: {p}\n" for p in paths))
    s.disallowed += ["/search", *paths]


def footer(name: str, code: str, icp: str, extra: str = "") -> str:
    return (
        f'<div class="footer">{extra}<p>主办：{escape(name)}　承办：{escape(name)}办公室　'
        f"技术支持：蓝海网络科技有限公司</p><p>版权所有 &copy; {escape(name)}　网站标识码：{code}　"
        f'<a href="https://beian.miit.gov.cn/" target="_blank">{icp}</a>　'
        f'<img src="/images/ga.png">公网安备 43010502000123号</p></div>'
    )


TOOLS = (
    '<div class="tools">【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> '
    '<a href="javascript:doZoom(14)">小</a>】 <a href="javascript:window.print()">【打印本页】</a> '
    '<a href="javascript:window.close()">【关闭窗口】</a> <span>分享到：<a class="wx">微信</a> '
    '<a class="wb">微博</a></span></div>'
)


def paras(doc: Doc, indent: str = "") -> str:
    return body_html(doc, lambda p: f"<p>{indent}{escape(p)}</p>")


def days(last: date, n: int, seed: int) -> list[date]:
    rng = random.Random(seed)
    out, d = [], last
    for _ in range(n):
        out.append(d)
        d -= timedelta(days=7 + rng.randrange(40))
    return out


# == 1. TRS WCM city portal =========================================================================

TRS_NAME = "云岭市人民政府"


def build_trs() -> SiteWriter:
    """TRS WCM city government portal; notices at 政务公开 → 重点领域信息公开 → 巡察整改."""
    s = Site(SiteWriter("farm-y-trs", TRS_NAME, "trs", "127.0.0.30"))
    robots(s)
    units = [
        Unit("中共云岭市教育体育局党组", "市教育体育局党组"),
        Unit("中共云岭市自然资源和规划局党组", "市自然资源和规划局党组"),
        Unit("中共云岭市住房和城乡建设局委员会", "市住建局党委"),
        Unit("中共云岭市水务局党组", "市水务局党组"),
        Unit("中共云岭市市场监督管理局党组", "市市场监管局党组"),
        Unit("中共云岭市文化和旅游局党组", "市文旅局党组"),
        Unit("中共云岭市林业和草原局党组", "市林草局党组"),
        Unit("中共云岭市交通运输局党组", "市交通运输局党组"),
    ]
    ds = days(date(2024, 9, 12), 9, 30)
    xczg_docs = [notice_doc(30, k, ds[k], units[k], "市委") for k in range(8)]
    xczg_docs.insert(
        3,
        plain_doc(
            "市委巡察办召开巡察整改监督工作推进会",
            ds[8] + timedelta(days=200),
            ["会议通报了市委第四轮巡察整改监督情况，对下一步整改工作作出部署。"],
        ),
    )
    xczg_docs.sort(key=lambda d: d.published, reverse=True)

    def trs_rows(col: str, docs: list[Doc], seed: int) -> list[tuple[str, str, Doc]]:
        out = []
        for k, d in enumerate(docs):
            tid = f"t{d.published:%Y%m%d}_{4100000 + seed * 1000 + k * 37}"
            out.append(
                (f"./{d.published:%Y%m}/{tid}.html", f"{col}{d.published:%Y%m}/{tid}.html", d)
            )
        return out

    cols: dict[str, tuple[str, list[str], list[Doc], bool]] = {
        "/zwgk/zdly/xczg/": (
            "巡察整改",
            ["政务公开", "重点领域信息公开", "巡察整改"],
            xczg_docs,
            True,
        ),
        "/zwgk/tzgg/": (
            "通知公告",
            ["政务公开", "通知公告"],
            news_docs(
                [
                    "云岭市2024年公开招聘事业单位工作人员公告",
                    "关于城区部分路段停水的通知",
                    "关于《云岭市城市绿化管理办法（征求意见稿）》公开征求意见的公告",
                    "关于开展2025年度城乡居民基本医疗保险集中参保缴费工作的通告",
                    "关于2024年国庆节放假安排的通知",
                ],
                date(2024, 9, 26),
            ),
            False,
        ),
        "/zwgk/zdly/czyjs/": (
            "财政预决算",
            ["政务公开", "重点领域信息公开", "财政预决算"],
            news_docs(
                [
                    "云岭市2024年市级部门预算公开",
                    "云岭市2023年市级财政决算公开",
                    "云岭市2024年政府债务情况",
                ],
                date(2024, 8, 30),
                40,
            ),
            False,
        ),
        "/xwzx/zwyw/": (
            "政务要闻",
            ["新闻中心", "政务要闻"],
            news_docs(
                [
                    "市政府召开第42次常务会议",
                    "市委巡察整改工作调度会召开",
                    "我市召开安全生产工作会议",
                    "市委第三巡察组巡察市教育体育局党组工作动员会召开",
                ],
                date(2024, 9, 28),
                6,
            ),
            False,
        ),
        "/ztzl/xxgcesd/": (
            "学习贯彻党的二十大精神",
            ["专题专栏", "学习贯彻党的二十大精神"],
            news_docs(
                [
                    "市委理论学习中心组专题学习党的二十大精神",
                    "二十大精神进基层宣讲活动走进社区",
                    "党的二十大精神学习辅导报告会举行",
                ],
                date(2024, 6, 3),
                20,
            ),
            False,
        ),
    }
    all_rows: dict[str, list[tuple[str, str, Doc]]] = {}
    for n, (col, (_, _, docs, _)) in enumerate(cols.items()):
        all_rows[col] = trs_rows(col, docs, n)
    hot = [(p, d) for col in ("/xwzx/zwyw/", "/zwgk/tzgg/") for _, p, d in all_rows[col][:3]]
    for col, (name, crumbs, _docs, is_notice) in cols.items():
        rows = all_rows[col]
        per = 6
        chunks = [rows[i : i + per] for i in range(0, len(rows), per)]
        pages = [f"{col}index.html"] + [f"{col}index_{k}.html" for k in range(1, len(chunks))]
        crumb = " &gt; ".join(f"<span>{escape(c)}</span>" for c in crumbs)
        for k, chunk in enumerate(chunks):
            lis = "\n".join(
                f'<li><a href="{href}" target="_blank" title="{escape(d.title)}">'
                f"{escape(d.title if len(d.title) <= 24 else d.title[:24] + '…')}</a><span>{d.published:%Y-%m-%d}</span></li>"
                for href, _, d in chunk
            )
            main = (
                f'<div class="position">当前位置：<a href="/">首页</a> &gt; {crumb}</div>'
                f'<div class="list-box"><h2>{escape(name)}</h2><ul class="list">\n{lis}\n</ul>'
                f'<div class="page"><script>var currentPage = {k};//所在页从0开始\nvar countPage = {len(chunks)}//共多少页\n'
                f'createPageHTML(countPage, currentPage, "index", "html");</script></div></div>'
            )
            s.page(pages[k], _trs_shell(name, main, hot, left=_trs_left(col)))
        s.w.alias(col, col + "index.html")
        for i, (_, path, d) in enumerate(rows):
            main = (
                f'<div class="position">当前位置：<a href="/">首页</a> &gt; {crumb} &gt; 正文</div>'
                f'<div class="article"><h1>{escape(d.title)}</h1><div class="info">'
                f'<span alt="时间：2018-03-05 10:00"><i>发布时间：</i>{d.published:%Y-%m-%d} 15:{20 + i:02d}</span>'
                f"<span><i>来源：</i>{escape(d.source or '云岭市人民政府办公室')}</span>"
                f"<span>浏览次数：<script>document.write(hits)</script></span></div>"
                f'<div class="TRS_Editor">{paras(d)}</div>{TOOLS}</div>'
            )
            meta = (
                f'<meta name="ArticleTitle" content="{escape(d.title)}"><meta name="PubDate" '
                f'content="{d.published:%Y-%m-%d} 15:{20 + i:02d}"><meta name="ColumnName" content="{escape(name)}">'
            )
            s.detail(path, d, _trs_shell(d.title, main, hot, meta=meta), is_notice)
        s.column(col, name, [p for _, p, _ in rows], is_notice, pages)
    # landing pages
    zdly = (
        '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 重点领域信息公开</div>'
        '<div class="zdly-menu"><h2>重点领域信息公开</h2><ul class="icons">'
        '<li><a href="./czyjs/"><img src="/images/zdly/cz.png"><p>财政预决算</p></a></li>'
        '<li><a href="./xczg/"><img src="/images/zdly/xc.png"><p>巡察整改</p></a></li>'
        '<li><a href="./sthj/"><img src="/images/zdly/hj.png"><p>生态环境</p></a></li>'
        '<li><a href="./shgysy/"><img src="/images/zdly/gy.png"><p>社会公益事业</p></a></li>'
        "</ul></div>"
    )
    s.page(
        "/zwgk/zdly/index.html",
        _trs_shell("重点领域信息公开", zdly, hot, left=_trs_left("/zwgk/zdly/")),
    )
    s.w.alias("/zwgk/zdly/", "/zwgk/zdly/index.html")
    for sub, label in (("sthj", "生态环境"), ("shgysy", "社会公益事业")):
        empty = (
            f'<div class="position">当前位置：<a href="/">首页</a> &gt; 重点领域信息公开 &gt; {label}</div>'
            f'<div class="list-box"><h2>{label}</h2><ul class="list"></ul><p class="no-data">暂无信息</p></div>'
        )
        s.page(
            f"/zwgk/zdly/{sub}/index.html",
            _trs_shell(label, empty, hot, left=_trs_left("/zwgk/zdly/")),
        )
        s.w.alias(f"/zwgk/zdly/{sub}/", f"/zwgk/zdly/{sub}/index.html")
        s.decoys.append(f"/zwgk/zdly/{sub}/")
    zwgk = (
        '<div class="position">当前位置：<a href="/">首页</a> &gt; 政务公开</div><div class="gk-grid">'
        '<div class="gk-item"><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a></div>'
        '<div class="gk-item"><a href="/zwgk/tzgg/">通知公告</a></div>'
        '<div class="gk-item"><a href="/zwgk/zdly/">重点领域信息公开</a></div>'
        '<div class="gk-item"><a href="http://www.ynl.gov.cn/zwgk/zfxxgkml/" target="_blank">省政府信息公开目录</a></div>'
        "</div>"
    )
    s.page("/zwgk/index.html", _trs_shell("政务公开", zwgk, hot, left=_trs_left("/zwgk/")))
    s.w.alias("/zwgk/", "/zwgk/index.html")
    s.decoys.append("/zwgk/")
    guide = (
        '<div class="position">当前位置：<a href="/">首页</a> &gt; 政务公开 &gt; 政府信息公开指南</div>'
        '<div class="article"><h1>云岭市人民政府信息公开指南</h1><p>为了更好地提供政府信息公开服务，'
        "根据《中华人民共和国政府信息公开条例》，编制本指南。</p><p>一、主动公开　二、依申请公开　三、监督和救济</p></div>"
    )
    s.page(
        "/zwgk/zfxxgkzn/index.html",
        _trs_shell("政府信息公开指南", guide, hot, left=_trs_left("/zwgk/")),
    )
    s.w.alias("/zwgk/zfxxgkzn/", "/zwgk/zfxxgkzn/index.html")
    s.decoys.append("/zwgk/zfxxgkzn/")
    zt = (
        '<div class="position">当前位置：<a href="/">首页</a> &gt; 专题专栏</div><div class="zt-list">'
        '<a href="/ztzl/xxgcesd/"><img src="/images/zt/esd.jpg" alt="学习贯彻党的二十大精神"></a>'
        '<a href="http://www.ynl.gov.cn/ztzl/yhyshj/" target="_blank"><img src="/images/zt/yshj.jpg" alt="优化营商环境"></a></div>'
    )
    s.page("/ztzl/index.html", _trs_shell("专题专栏", zt, hot))
    s.w.alias("/ztzl/", "/ztzl/index.html")
    s.decoys.append("/ztzl/")
    login = '<div class="login"><h2>用户登录</h2><form action="/ucenter/dologin" method="post">用户名：<input name="u"> 密码：<input type="password" name="p"></form></div>'
    s.page("/ucenter/login.html", _trs_shell("用户登录", login, []))
    s.decoys.append("/ucenter/login.html")
    sitemap = (
        '<div class="position">当前位置：<a href="/">首页</a> &gt; 网站地图</div><div class="sitemap">'
        '<dl><dt><a href="/zwgk/">政务公开</a></dt><dd><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a> '
        '<a href="/zwgk/tzgg/">通知公告</a> <a href="/zwgk/zdly/">重点领域信息公开</a> '
        '<a href="/zwgk/zdly/czyjs/">财政预决算</a> <a href="/zwgk/zdly/xczg/">巡察整改</a></dd></dl>'
        '<dl><dt>新闻中心</dt><dd><a href="/xwzx/zwyw/">政务要闻</a></dd></dl>'
        '<dl><dt><a href="/ztzl/">专题专栏</a></dt><dd><a href="/ztzl/xxgcesd/">学习贯彻党的二十大精神</a></dd></dl></div>'
    )
    s.page("/wzdt/index.html", _trs_shell("网站地图", sitemap, hot))
    s.w.alias("/wzdt/", "/wzdt/index.html")
    s.decoys.append("/wzdt/")
    # home
    blocks = ""
    for col, label in (("/xwzx/zwyw/", "政务要闻"), ("/zwgk/tzgg/", "通知公告")):
        lis = "".join(
            f'<li><a href="{p}" target="_blank" title="{escape(d.title)}">{escape(d.title)}</a><span>{d.published:%m-%d}</span></li>'
            for _, p, d in all_rows[col][:4]
        )
        blocks += f'<div class="block"><div class="hd"><h3>{label}</h3><a class="more" href="{col}">更多&gt;&gt;</a></div><ul>{lis}</ul></div>'
    home = (
        '<div class="banner"><a href="/ztzl/xxgcesd/"><img src="/images/banner_esd.jpg" alt="学习贯彻党的二十大精神"></a></div>'
        f'<div class="home-blocks">{blocks}</div>'
        '<div class="service"><a href="https://zwfw.ynl.gov.cn/" target="_blank">政务服务网上办事大厅</a> '
        '<a href="http://www.ynl.gov.cn/" target="_blank">省人民政府门户网站</a></div>'
    )
    s.page("/index.html", _trs_shell(TRS_NAME, home, hot, home=True))
    s.w.alias("/", "/index.html")
    s.w.external += ["https://zwfw.ynl.gov.cn/", "http://www.ynl.gov.cn/"]
    return s.finish(
        "# farm-y-trs: TRS WCM city portal (云岭市人民政府)\n\n"
        "Notices at 政务公开 → 重点领域信息公开 (`/zwgk/zdly/`, a menu of icon tiles, relative `./xczg/`) →\n"
        "巡察整改 `/zwgk/zdly/xczg/` (9 rows over `index.html`/`index_1.html`, `createPageHTML` pager; one row\n"
        "is a 推进会 news). The home page links neither: the 政务公开 dropdown reaches `/zwgk/zdly/`, the\n"
        "网站地图 lists the column. Decoys: 通知公告 and 政务要闻 (home blocks with 更多>>; 政务要闻 has\n"
        "`巡察整改工作调度会` and a 动员会), 财政预决算, two empty 暂无信息 columns, 专题专栏 banners, a 点击排行\n"
        "sidebar, the 登录 page, links to the province's portal. robots.txt: `Disallow: /search` (the home\n"
        "has a 高级检索 link under it).\n"
    )


def _trs_left(col: str) -> str:
    if not col.startswith("/zwgk/"):
        return ""
    return (
        '<div class="left-menu"><h3>政务公开</h3><ul><li><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a></li>'
        '<li><a href="/zwgk/tzgg/">通知公告</a></li><li><a href="/zwgk/zdly/">重点领域信息公开</a>'
        '<ul><li><a href="/zwgk/zdly/czyjs/">财政预决算</a></li><li><a href="/zwgk/zdly/xczg/">巡察整改</a></li>'
        '<li><a href="/zwgk/zdly/sthj/">生态环境</a></li></ul></li></ul></div>'
    )


def _trs_shell(
    title: str,
    main: str,
    hot: list[tuple[str, Doc]],
    meta: str = "",
    left: str = "",
    home: bool = False,
) -> str:
    hot_html = "".join(
        f'<li><em>{k + 1}</em><a href="{p}" title="{escape(d.title)}">{escape(d.title[:16])}</a></li>'
        for k, (p, d) in enumerate(hot)
    )
    side = (
        f'<div class="side"><div class="rank"><h3>点击排行</h3><ol>{hot_html}</ol></div></div>'
        if hot
        else ""
    )
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="SiteName" content="{TRS_NAME}"><meta name="SiteIDCode" content="5301000012">{meta}
<title>{escape(title)}{"" if home else "_" + TRS_NAME}</title><link rel="stylesheet" href="/images/style.css">
<script src="/images/jquery.min.js"></script><script src="/images/page.js"></script></head><body>
<div class="topbar"><span>今天是：<script>showDate()</script></span><a href="/ucenter/login.html">登录</a> | <a href="/ucenter/register.html">注册</a> | <a href="javascript:;" id="wza">无障碍</a> | <a href="/wzdt/">网站地图</a></div>
<div class="header"><img src="/images/logo.png" alt="{TRS_NAME}"><form action="/search/" method="get"><input name="searchword"><button>搜索</button></form><a href="/search/advanced.html">高级检索</a></div>
<div class="nav"><ul>
<li><a href="/">首页</a></li>
<li class="has-sub"><a href="/zwgk/">政务公开</a><div class="subnav" style="display:none"><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a><a href="/zwgk/tzgg/">通知公告</a><a href="/zwgk/zdly/">重点领域信息公开</a></div></li>
<li class="has-sub"><a href="/xwzx/zwyw/">新闻中心</a><div class="subnav" style="display:none"><a href="/xwzx/zwyw/">政务要闻</a></div></li>
<li><a href="https://zwfw.ynl.gov.cn/" target="_blank">政务服务</a></li>
<li><a href="/ztzl/">专题专栏</a></li>
</ul></div>
<script>$('.has-sub').hover(function(){{$(this).find('.subnav').show()}},function(){{$(this).find('.subnav').hide()}});</script>
<div class="main">{left}<div class="content">{main}</div>{side}</div>
{footer(TRS_NAME, "5301000012", "滇ICP备05001234号")}
</body></html>
"""


# == 2. 大汉 Hanweb jcms county 纪委 site ===========================================================

HW_NAME = "中共临溪县纪律检查委员会 临溪县监察委员会"


def build_hanweb() -> SiteWriter:
    """Hanweb jcms 纪委 site; 巡视巡察 is a landing menu, 整改通报 the column; a robots-disallowed
    archive column; rows in `<datastore>` records."""
    s = Site(SiteWriter("farm-y-hanweb", "临溪县纪委监委", "hanweb", "127.0.0.31"))
    robots(s, "/jsearchfront/", "/col/col1290/")
    towns = [
        Unit("中共青龙镇委员会", "青龙镇党委"),
        Unit("中共临溪县财政局党组", "县财政局党组"),
        Unit("中共石桥乡委员会", "石桥乡党委"),
        Unit("中共临溪县卫生健康局党组", "县卫生健康局党组"),
        Unit("中共城关街道工作委员会", "城关街道党工委"),
        Unit("中共临溪县供销合作社联合社党组", "县供销社党组"),
        Unit("中共临溪县公安局委员会", "县公安局党委"),
        Unit("中共梅岭乡委员会", "梅岭乡党委"),
        Unit("中共临溪县农业农村局党组", "县农业农村局党组"),
    ]
    ds = days(date(2024, 10, 8), 9, 31)
    zgtb = [notice_doc(31, k, ds[k], towns[k], "县委") for k in range(7)]
    old = [
        notice_doc(131, k, date(2021, 6, 3) - timedelta(days=50 * k), towns[7 + k], "县委")
        for k in range(2)
    ]
    cols: dict[int, tuple[str, list[Doc], bool, str]] = {
        1213: ("整改通报", zgtb, True, "巡视巡察"),
        1211: (
            "巡察动态",
            news_docs(
                [
                    "县委第二轮巡察进驻动员会召开",
                    "县委第一巡察组向县财政局党组反馈巡察情况",
                    "全县巡察整改工作推进会召开",
                    "县委巡察办举办巡察干部业务培训班",
                    "县委巡察工作领导小组召开会议听取第三轮巡察情况汇报",
                ],
                date(2024, 9, 24),
                11,
            ),
            False,
            "巡视巡察",
        ),
        1212: (
            "巡察公告",
            news_docs(
                [
                    "县委第一巡察组关于进驻县交通运输局开展常规巡察的公告",
                    "县委第二巡察组关于进驻石桥乡开展常规巡察的公告",
                    "县委第三巡察组关于进驻县教育局开展专项巡察的公告",
                ],
                date(2024, 4, 10),
                3,
            ),
            False,
            "巡视巡察",
        ),
        1290: ("往年整改通报", old, False, "巡视巡察"),
        1201: (
            "工作动态",
            news_docs(
                [
                    "县纪委监委召开全体干部大会",
                    "县纪委监委开展“清风护航”专项监督",
                    "县纪委监委赴青龙镇开展调研",
                ],
                date(2024, 10, 9),
                5,
            ),
            False,
            "",
        ),
        1220: (
            "审查调查",
            news_docs(
                [
                    "县农业农村局原副局长王某某接受纪律审查和监察调查",
                    "县水利局工作人员李某某严重违纪违法被开除党籍和公职",
                ],
                date(2024, 9, 18),
                25,
            ),
            False,
            "",
        ),
        1250: (
            "通知公告",
            news_docs(
                [
                    "关于公开遴选县纪委监委机关工作人员的公告",
                    "关于2024年中秋国庆期间廉洁过节的通知",
                    "县纪委监委关于公布信访举报方式的公告",
                ],
                date(2024, 9, 13),
                30,
            ),
            False,
            "",
        ),
    }
    paths: dict[int, list[tuple[str, Doc]]] = {}
    for col, (_, docs, _, _) in cols.items():
        paths[col] = [
            (
                f"/art/{d.published.year}/{d.published.month}/{d.published.day}/art_{col}_{58300 + col * 3 + k}.html",
                d,
            )
            for k, d in enumerate(docs)
        ]
    hot = [(p, d) for col in (1201, 1211) for p, d in paths[col][:2]]
    for col, (name, _docs, is_notice, parent) in cols.items():
        rows = paths[col]
        base = f"/col/col{col}/index.html"
        crumbs = '<a href="/">首页</a> &gt; ' + (
            f'<a href="/col/col1210/index.html">{parent}</a> &gt; ' if parent else ""
        )
        records = "\n".join(
            f"<record><![CDATA[\n<li><a href='{p}' target='_blank' title='{escape(d.title)}'>"
            f"{escape(d.title if len(d.title) <= 22 else d.title[:22] + '...')}</a><span>{d.published:%Y-%m-%d}</span></li>]]></record>"
            for p, d in rows
        )
        unit = 387500 + col
        main = (
            f'<div class="bt-position">当前位置：{crumbs}{escape(name)}</div><div class="list-tit">{escape(name)}</div>'
            f'<div class="list-con"><div id="{unit}"><script type="text/xml"><datastore>\n'
            f'<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=12&path=/&columnid={col}'
            f'&unitid={unit}&webname=%E4%B8%B4%E6%BA%AA%E5%8E%BF%E7%BA%AA%E5%A7%94&permissiontype=0"></a>]]></nextgroup>\n'
            f"<recordset>\n{records}\n</recordset></datastore></script></div>"
            f'<script language="javascript" src="/module/jslib/jquery/jpage/jquery.jpage.js"></script>'
            f"<script>$(document).ready(function(){{$('#{unit}').jpage({{dataStore:dataStore,totalRecord:{len(rows)},"
            f"perPage:15,groupSize:3,barPosition:'bottom',proxyUrl:'/module/web/jpage/dataproxy.jsp'}});}});</script></div>"
        )
        side = _hw_side(parent)
        s.page(base, _hw_shell(name, main, side, hot))
        for i, (p, d) in enumerate(rows):
            det = (
                f'<div class="bt-position">当前位置：{crumbs}<a href="{base}">{escape(name)}</a></div>'
                f'<div class="article"><div class="title">{escape(d.title)}</div><div class="sub">发布日期：'
                f"{d.published:%Y-%m-%d}　信息来源：<!--<$[信息来源]>begin-->{escape(d.source or '县纪委监委')}"
                f"<!--<$[信息来源]>end-->　浏览次数：<script>_ajaxHits({i})</script></div>"
                f'<meta name="ContentStart"><div id="zoom">{paras(d, "　　")}</div><meta name="ContentEnd">{TOOLS}</div>'
            )
            meta = (
                f'<meta name="ArticleTitle" content="{escape(d.title)}"><meta name="PubDate" content="{d.published:%Y-%m-%d} 10:05">'
                f'<meta name="ColumnName" content="{escape(name)}">'
            )
            s.detail(p, d, _hw_shell(d.title, det, "", hot, meta), is_notice)
        if col != 1290:
            s.column(base, name, [p for p, _ in rows], is_notice)
    # 党纪法规 and 廉政教育: rows linking the national sites only
    for col, name, links in (
        (
            1230,
            "党纪法规",
            [
                ("中国共产党纪律处分条例", "https://www.ccdi.gov.cn/fgk/law_display/6789"),
                ("中国共产党巡视工作条例", "https://www.ccdi.gov.cn/fgk/law_display/6412"),
            ],
        ),
        (
            1240,
            "廉政教育",
            [
                ("警示教育片《持续发力 纵深推进》", "https://www.ccdi.gov.cn/special/jsjy/"),
                ("清风家训", "https://www.ccdi.gov.cn/special/jfjx/"),
            ],
        ),
    ):
        lis = "".join(
            f'<li><a href="{u}" target="_blank">{t}</a><span>2024-01-10</span></li>'
            for t, u in links
        )
        s.page(
            f"/col/col{col}/index.html",
            _hw_shell(
                name,
                f'<div class="bt-position">当前位置：<a href="/">首页</a> &gt; {name}</div><ul class="list-con">{lis}</ul>',
                "",
                hot,
            ),
        )
        s.decoys.append(f"/col/col{col}/index.html")
        s.w.external += [u for _, u in links]
    landing = (
        '<div class="bt-position">当前位置：<a href="/">首页</a> &gt; 巡视巡察</div><div class="sub-menu"><h2>巡视巡察</h2><ul>'
        '<li><a href="/col/col1211/index.html"><img src="/images/xc1.png">巡察动态</a></li>'
        '<li><a href="/col/col1212/index.html"><img src="/images/xc2.png">巡察公告</a></li>'
        '<li><a href="/col/col1213/index.html"><img src="/images/xc3.png">整改通报</a></li>'
        '<li><a href="/col/col1290/index.html"><img src="/images/xc4.png">往年整改通报</a></li></ul></div>'
    )
    s.page("/col/col1210/index.html", _hw_shell("巡视巡察", landing, _hw_side("巡视巡察"), hot))
    s.decoys.append("/col/col1210/index.html")

    def block(label: str, col: int, more: str, n: int = 4) -> str:
        lis = "".join(
            f'<li><a href="{p}" target="_blank" title="{escape(d.title)}">{escape(d.title[:20])}</a><span>{d.published:%m-%d}</span></li>'
            for p, d in paths[col][:n]
        )
        return f'<div class="block"><div class="block-hd"><span>{label}</span><a href="{more}" class="more">更多&gt;&gt;</a></div><ul>{lis}</ul></div>'

    home = (
        '<div class="banner12388"><a href="https://www.12388.gov.cn/" target="_blank"><img src="/images/12388.jpg" alt="中央纪委国家监委举报网站"></a></div>'
        + block("工作动态", 1201, "/col/col1201/index.html")
        + block("巡视巡察", 1213, "/col/col1210/index.html", 3)
        + block("审查调查", 1220, "/col/col1220/index.html")
        + block("通知公告", 1250, "/col/col1250/index.html")
        + '<div class="links">友情链接：<a href="http://www.zjsjw.gov.cn/" target="_blank">省纪委省监委</a> '
        '<a href="https://www.ccdi.gov.cn/" target="_blank">中央纪委国家监委</a></div>'
    )
    s.page("/index.html", _hw_shell(HW_NAME, home, "", hot, home=True))
    s.w.alias("/", "/index.html")
    s.w.external += [
        "https://www.12388.gov.cn/",
        "http://www.zjsjw.gov.cn/",
        "https://www.ccdi.gov.cn/",
    ]
    return s.finish(
        "# farm-y-hanweb: 大汉 jcms county 纪委 site (临溪县纪委监委)\n\n"
        "Top menu 首页 / 工作动态 / 巡视巡察 / 审查调查 / 党纪法规 / 廉政教育 / 信访举报 (12388, external).\n"
        "巡视巡察 `/col/col1210/index.html` is a landing page: a menu of four sub-columns and no rows. The\n"
        "home block 巡视巡察 shows three notices and its 更多>> goes to the landing page. Notices: 整改通报\n"
        '`/col/col1213/index.html` (7 rows, all in `<script type="text/xml"><datastore>` CDATA records).\n'
        "Decoys: 巡察动态 (news only, one `巡察整改工作推进会`), 巡察公告 (进驻公告), 工作动态, 审查调查,\n"
        "通知公告, 党纪法规/廉政教育 (rows link ccdi.gov.cn), the landing page. robots.txt disallows\n"
        "`/jsearchfront/` and `/col/col1290/` (往年整改通报: real notices, linked from the landing page and\n"
        "the left menu; a polite discoverer never fetches it, so it is not an expected column).\n"
    )


def _hw_side(parent: str) -> str:
    if parent != "巡视巡察":
        return ""
    return (
        '<div class="left-nav"><h3>巡视巡察</h3><ul><li><a href="/col/col1211/index.html">巡察动态</a></li>'
        '<li><a href="/col/col1212/index.html">巡察公告</a></li><li><a href="/col/col1213/index.html">整改通报</a></li>'
        '<li><a href="/col/col1290/index.html">往年整改通报</a></li></ul></div>'
    )


def _hw_shell(
    title: str, main: str, side: str, hot: list[tuple[str, Doc]], meta: str = "", home: bool = False
) -> str:
    hot_html = "".join(
        f'<li><a href="{p}" title="{escape(d.title)}">{escape(d.title[:15])}</a></li>'
        for p, d in hot
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="SiteName" content="临溪县纪委监委"><meta name="SiteIDCode" content="3310230002">{meta}
<title>{escape(title)}{"" if home else " - 临溪县纪委监委"}</title><link rel="stylesheet" href="/images/1/hanweb.css">
<script src="/module/jslib/jquery/jquery.js"></script></head><body><div id="barrierfree_container">
<div class="top"><a href="javascript:void(0)" id="cniil_wza">无障碍</a> <a href="/jsearchfront/search.do?websiteid=331023000000000&tpl=12">站内搜索</a></div>
<div class="head"><img src="/images/1/logo.png" alt="{HW_NAME}"></div>
<div class="nav"><ul><li><a href="/index.html">首页</a></li><li><a href="/col/col1201/index.html">工作动态</a></li>
<li><a href="/col/col1210/index.html">巡视巡察</a></li><li><a href="/col/col1220/index.html">审查调查</a></li>
<li><a href="/col/col1230/index.html">党纪法规</a></li><li><a href="/col/col1240/index.html">廉政教育</a></li>
<li><a href="https://www.12388.gov.cn/" target="_blank">信访举报</a></li></ul></div>
<div class="main">{side}<div class="right">{main}</div><div class="hot"><h3>热点推荐</h3><ul>{hot_html}</ul></div></div>
{footer(HW_NAME, "3310230002", "浙ICP备12034567号", "<p>安全隐私 丨 联系我们 丨 违纪违法举报电话：12388</p>")}
<a href="http://www.hanweb.com" style="display:none">Produced By 大汉网络 大汉版通发布系统</a>
</div></body></html>
"""


# == 3. 博达 VSB college 纪委 site ==================================================================

VS_NAME = "中共江城师范学院纪律检查委员会"


def build_vsb() -> SiteWriter:
    """博达 VSB college 纪委 site: relative `info/<tree>/<id>.htm` rows whose @title is the site name;
    two notice columns under 巡视巡察 (巡视整改 one page, 校内巡察 two reverse-numbered pages)."""
    s = Site(
        SiteWriter("farm-y-vsb", "江城师范学院纪委", "vsb", "127.0.0.32"), content_type="text/html"
    )
    robots(s)
    college = Unit("中共江城师范学院委员会", "学院党委")
    xs_days = days(date(2024, 7, 19), 3, 32)
    xszg = [notice_doc(32, k, xs_days[k], college, "省委", "巡视") for k in range(3)]
    schools = [
        Unit("中共江城师范学院文学院委员会", "文学院党委"),
        Unit("中共江城师范学院数学与统计学院委员会", "数学与统计学院党委"),
        Unit("中共江城师范学院图书馆直属支部委员会", "图书馆直属党支部"),
        Unit("中共江城师范学院后勤管理处直属支部委员会", "后勤管理处直属党支部"),
        Unit("中共江城师范学院外国语学院委员会", "外国语学院党委"),
        Unit("中共江城师范学院体育学院委员会", "体育学院党委"),
    ]
    xn_days = days(date(2024, 11, 5), 7, 33)
    xnxc = [notice_doc(33, k, xn_days[k], schools[k % 6], "校党委") for k in range(6)]
    xnxc.insert(
        4,
        plain_doc(
            "学校召开2024年校内巡察工作动员部署会",
            xn_days[6] + timedelta(days=90),
            ["会议部署了本轮校内巡察工作。"],
        ),
    )
    xnxc.sort(key=lambda d: d.published, reverse=True)
    cols: dict[str, tuple[int, str, list[Doc], bool, str]] = {
        "xsxc/xszg": (1031, "巡视整改", xszg, True, "巡视巡察"),
        "xsxc/xnxc": (1032, "校内巡察", xnxc, True, "巡视巡察"),
        "xsxc": (
            1030,
            "巡视巡察",
            news_docs(
                [
                    "省委第三巡视组巡视江城师范学院党委工作动员会召开",
                    "学校召开巡视整改专题民主生活会",
                    "学校召开省委巡视反馈意见整改工作部署会",
                ],
                date(2024, 5, 20),
                30,
            ),
            False,
            "",
        ),
        "gzdt": (
            1011,
            "工作动态",
            news_docs(
                [
                    "学校召开2024年党风廉政建设工作会议",
                    "纪委开展新任中层干部廉政谈话",
                    "学校举办廉洁文化进校园系列活动",
                ],
                date(2024, 10, 30),
                12,
            ),
            False,
            "",
        ),
        "tzgg": (
            1012,
            "通知公告",
            news_docs(
                [
                    "关于开展2024年度党风廉政建设责任制考核工作的通知",
                    "关于做好2024年中秋国庆期间纪律作风建设工作的通知",
                    "关于公布学校纪委信访举报渠道的公告",
                    "关于报送2024年度领导干部个人有关事项的通知",
                ],
                date(2024, 9, 20),
                17,
            ),
            False,
            "",
        ),
        "zdjs": (
            1013,
            "制度建设",
            news_docs(
                ["中共江城师范学院委员会巡察工作实施办法", "江城师范学院纪委信访举报工作办法"],
                date(2023, 12, 1),
                60,
            ),
            False,
            "",
        ),
    }
    ids: dict[str, list[tuple[str, Doc]]] = {}
    for col, (tree, _, docs, _, _) in cols.items():
        ids[col] = [
            (f"info/{tree}/{5400 + tree % 100 * 20 + k}.htm", d) for k, d in enumerate(docs)
        ]
    for col, (_tree, name, _docs, is_notice, parent) in cols.items():
        rows = ids[col]
        per = 5
        chunks = [rows[i : i + per] for i in range(0, len(rows), per)]
        last = len(chunks)
        # page 1 is <col>.htm; page k of T is <col>/<T-k+1>.htm
        pages = [f"/{col}.htm"] + [f"/{col}/{last - k + 1}.htm" for k in range(2, last + 1)]
        for k, chunk in enumerate(chunks, 1):
            depth = pages[k - 1].count("/") - 1
            up = "../" * depth
            lis = "\n".join(
                f'<li id="line_u5_{j}"><a href="{up}{p}" target="_blank" title="江城师范学院纪委"><p>{escape(d.title)}</p>'
                f"<span>{d.published:%Y-%m-%d}</span></a></li>"
                for j, (p, d) in enumerate(chunk)
            )
            pager = ""
            if last > 1:

                def href(n: int, here: int = k, pages: list[str] = pages) -> str:
                    target = pages[n - 1]
                    here_dir = pages[here - 1].rsplit("/", 1)[0]
                    if target.rsplit("/", 1)[0] == here_dir:
                        return target.rsplit("/", 1)[1]
                    if here == 1:
                        return target.removeprefix(here_dir + "/")
                    return "../" + target.rsplit("/", 1)[1]

                nxt = (
                    f'<span class="p_next p_fun"><a href="{href(k + 1)}">下页</a></span>'
                    if k < last
                    else '<span class="p_next_d p_fun_d">下页</span>'
                )
                prv = (
                    f'<span class="p_prev p_fun"><a href="{href(k - 1)}">上页</a></span>'
                    if k > 1
                    else '<span class="p_prev_d p_fun_d">上页</span>'
                )
                pager = f'<div class="pb_sys_common pb_sys_normal"><span class="p_t">共{len(rows)}条</span> <span class="p_t">{k}/{last}</span><span class="p_pages">{prv}{nxt}</span></div>'
            sub = _vs_sub(up) if (parent or col == "xsxc") else ""
            crumb = f'<a href="{up}index.htm">首页</a>' + (
                f' &gt;&gt; <a href="{up}xsxc.htm">巡视巡察</a>' if parent else ""
            )
            main = f'<div class="dqwz">当前位置: {crumb} &gt;&gt; {escape(name)}</div><div class="list"><ul>\n{lis}\n</ul></div>{pager}'
            s.page(pages[k - 1], _vs_shell(name, main, up, sub))
        for p, d in rows:
            up = "../../"
            det = (
                f'<div class="dqwz">当前位置: <a href="{up}index.htm">首页</a> &gt;&gt; <a href="{up}{col}.htm">{escape(name)}</a> &gt;&gt; 正文</div>'
                f'<form name="_newscontent_fromname"><div class="content-title"><h1>{escape(d.title)}</h1>'
                f"<p>发布时间：{d.published:%Y-%m-%d}&nbsp;&nbsp;来源：{escape(d.source or '纪委办公室')}&nbsp;&nbsp;浏览次数："
                f'<script>_showDynClicks("wbnews", 1822334455, {p.rsplit("/", 1)[1][:-4]})</script></p></div>'
                f'<div id="vsb_content"><div class="v_news_content">{paras(d)}</div></div></form>{TOOLS}'
            )
            s.detail("/" + p, d, _vs_shell(d.title, det, up, ""), is_notice)
        s.column(f"/{col}.htm", name, ["/" + p for p, _ in rows], is_notice, pages)
    jgsz = '<div class="dqwz">当前位置: <a href="index.htm">首页</a> &gt;&gt; 机构设置</div><div class="article"><p>学院纪委（监察专员办）内设综合室、监督检查室、审查调查室，校党委巡察工作领导小组办公室设在纪委。</p></div>'
    s.page("/jgsz.htm", _vs_shell("机构设置", jgsz, "", ""))
    s.decoys.append("/jgsz.htm")
    login = '<div class="login"><form action="/system/login.jsp" method="post"><p>用户名：<input name="username"></p><p>密码：<input type="password" name="password"></p><button>登录</button></form></div>'
    s.page("/system/login.jsp", _vs_shell("管理登录", login, "", ""))
    s.decoys.append("/system/login.jsp")

    def block(label: str, col: str, n: int = 4) -> str:
        lis = "".join(
            f'<li><a href="{p}" title="江城师范学院纪委">{escape(d.title)}</a><span>{d.published:%m-%d}</span></li>'
            for p, d in ids[col][:n]
        )
        return f'<div class="block"><h3>{label}<a href="{col}.htm" class="more">更多&gt;&gt;</a></h3><ul>{lis}</ul></div>'

    home = (
        '<div class="focus"><a href="xsxc.htm"><img src="images/banner_xs.jpg" alt="坚决抓好省委巡视反馈意见整改落实"></a></div>'
        + block("工作动态", "gzdt")
        + block("通知公告", "tzgg")
        + block("巡视巡察", "xsxc", 3)
        + '<div class="link"><a href="https://www.12388.gov.cn/" target="_blank"><img src="images/12388.png"></a>'
        '<a href="http://www.hbjwjc.gov.cn/" target="_blank">省纪委监委网站</a></div>'
    )
    s.page("/index.htm", _vs_shell(VS_NAME, home, "", "", home=True))
    s.w.alias("/", "/index.htm")
    s.w.external += [
        "https://www.jcnu.edu.cn/",
        "https://ids.jcnu.edu.cn/authserver/login",
        "https://www.12388.gov.cn/",
        "http://www.hbjwjc.gov.cn/",
    ]
    return s.finish(
        "# farm-y-vsb: 博达 VSB college 纪委 site (江城师范学院纪委)\n\n"
        "Relative links everywhere (`xsxc/xszg.htm`, `../info/1032/5444.htm`); row `@title` is the site\n"
        "name, the title is `a > p`. 巡视巡察 `xsxc.htm` is itself a list, of news only (动员会, 专题民主生活会,\n"
        "整改工作部署会), with a left menu of its two sub-columns; the home block 巡视巡察 shows those news\n"
        "rows. Notice columns: 巡视整改 `/xsxc/xszg.htm` (3 rows, 省委巡视) and 校内巡察 `/xsxc/xnxc.htm`\n"
        "(7 rows over `xnxc.htm` and the reverse-numbered `xnxc/1.htm`; one 动员部署会 news), reached only\n"
        "through the menu of `xsxc.htm` and the list pages' left menu. Decoys: 工作动态, 通知公告 (纪律通知),\n"
        "制度建设 (巡察工作实施办法), 机构设置, the 管理登录 page, external 学校主页/信息门户/省纪委.\n"
    )


def _vs_sub(up: str) -> str:
    return (
        f'<div class="sub-nav"><h3>巡视巡察</h3><ul><li><a href="{up}xsxc/xszg.htm">巡视整改</a></li>'
        f'<li><a href="{up}xsxc/xnxc.htm">校内巡察</a></li></ul></div>'
    )


def _vs_shell(title: str, main: str, up: str, sub: str, home: bool = False) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>{escape(title)}{"" if home else "-江城师范学院纪委"}</title>
<meta name="description" content="Visual SiteBuilder 9"><link rel="stylesheet" href="{up}dfiles/13077/style.css">
<script language="javascript" src="/system/resource/js/dynclicks.js"></script></head><body>
<!--Announced by Visual SiteBuilder 9-->
<div class="top"><a href="https://www.jcnu.edu.cn/" target="_blank">学校主页</a> | <a href="https://ids.jcnu.edu.cn/authserver/login" target="_blank">信息门户</a> | <a href="{up}system/login.jsp">登录</a></div>
<div class="head"><img src="{up}images/logo.png" alt="{VS_NAME}"></div>
<div class="nav"><ul><li><a href="{up}index.htm">首页</a></li><li><a href="{up}jgsz.htm">机构设置</a></li><li><a href="{up}gzdt.htm">工作动态</a></li>
<li><a href="{up}xsxc.htm">巡视巡察</a></li><li><a href="{up}zdjs.htm">制度建设</a></li><li><a href="{up}tzgg.htm">通知公告</a></li></ul></div>
<div class="main">{sub}<div class="right">{main}</div></div>
{footer("江城师范学院纪委（监察专员办）", "—", "鄂ICP备05003456号")}
</body></html>
"""


# == 4. DedeCMS GBK town site =======================================================================

DD_NAME = "白沙镇人民政府"


def build_dede() -> SiteWriter:
    """DedeCMS-era GBK town site; 巡察专栏 is linked only inside a script string; 通知公告 mixes two
    rectification notices among ordinary notices (a notice column by its rows)."""
    s = Site(
        SiteWriter("farm-y-dede", DD_NAME, "generic", "127.0.0.33", encoding="gbk"),
        charset="gbk",
        content_type="text/html",
    )
    robots(s)
    town = Unit("中共白沙镇委员会", "白沙镇党委")
    villages = [
        Unit("中共白沙镇石门村总支部委员会", "石门村党总支"),
        Unit("中共白沙镇新塘村支部委员会", "新塘村党支部"),
        Unit("中共白沙镇中心学校支部委员会", "镇中心学校党支部"),
    ]
    xc_days = days(date(2024, 8, 22), 5, 34)
    xczl = [
        notice_doc(34, 0, xc_days[0], town, "县委"),
        notice_doc(34, 1, xc_days[1], villages[0], "县委"),
        notice_doc(34, 2, xc_days[3], villages[1], "镇党委"),
        notice_doc(34, 3, xc_days[4], villages[2], "镇党委"),
    ]
    xczl.insert(
        2,
        plain_doc(
            "白沙镇召开巡察反馈问题整改落实推进会",
            xc_days[2],
            ["会议通报了县委巡察反馈问题整改落实进展。"],
        ),
    )
    tz = news_docs(
        [
            "白沙镇2024年秋季征兵公告",
            "关于做好2024年秋冬季森林防火工作的通知",
            "白沙镇2024年城乡居民医保缴费通知",
            "关于白沙镇集镇区域临时停电的通知",
        ],
        date(2024, 10, 15),
        13,
    )
    tz.insert(1, notice_doc(35, 0, date(2024, 10, 8), town, "县委"))
    tz.insert(
        4,
        notice_doc(
            35, 1, date(2024, 8, 27), Unit("中共白沙镇卫生院支部委员会", "镇卫生院党支部"), "县委"
        ),
    )
    cols: dict[tuple[str, int], tuple[str, list[Doc], bool]] = {
        ("xczl", 6): ("巡察专栏", xczl, True),
        ("tzgg", 3): ("通知公告", tz, True),
        ("xwdt", 2): (
            "新闻动态",
            news_docs(
                [
                    "县委第四巡察组巡察白沙镇党委工作动员会召开",
                    "白沙镇开展人居环境整治集中行动",
                    "白沙镇召开2024年三级干部大会",
                    "镇党委召开巡察整改专题民主生活会",
                ],
                date(2024, 10, 18),
                10,
            ),
            False,
        ),
        ("cwgk", 4): (
            "财务公开",
            news_docs(
                [
                    "白沙镇2024年第三季度村级财务公开",
                    "白沙镇2024年第二季度村级财务公开",
                    "白沙镇2024年部门预算公开",
                ],
                date(2024, 10, 10),
                45,
            ),
            False,
        ),
    }
    rowmap: dict[str, list[tuple[str, Doc]]] = {}
    for (col, tid), (_, docs, _) in cols.items():
        rowmap[col] = [
            (f"/a/{col}/{d.published:%Y%m%d}/{600 + tid * 40 + k}.html", d)
            for k, d in enumerate(docs)
        ]
    hot = [rowmap["tzgg"][1], rowmap["xwdt"][0], rowmap["xwdt"][1], rowmap["cwgk"][0]]
    for (col, tid), (name, _docs, is_notice) in cols.items():
        rows = rowmap[col]
        trs = "\n".join(
            f'<tr><td class="title"><img src="/templets/default/images/dot.gif"> <a href="{p}" target="_blank">{escape(d.title)}</a></td>'
            f'<td class="date" width="90">{d.published:%Y-%m-%d}</td></tr>'
            for p, d in rows
        )
        main = (
            f'<table width="100%" class="position"><tr><td>当前位置：<a href="/">主页</a> &gt; <a href="/a/{col}/">{name}</a> &gt; </td></tr></table>'
            f'<table width="100%" class="list">\n{trs}\n</table>'
            f'<div class="pages">共1页/{len(rows)}条记录 <a href="list_{tid}_1.html">首页</a> <b>1</b> <a href="list_{tid}_1.html">末页</a></div>'
        )
        html = _dd_shell(name, main, hot)
        s.page(f"/a/{col}/index.html", html)
        s.w.alias(f"/a/{col}/", f"/a/{col}/index.html")
        s.w.alias(f"/a/{col}/list_{tid}_1.html", f"/a/{col}/index.html")
        for p, d in rows:
            det = (
                f'<table width="100%" class="position"><tr><td>当前位置：<a href="/">主页</a> &gt; <a href="/a/{col}/">{name}</a> &gt; </td></tr></table>'
                f'<div class="viewbox"><div class="title"><h2>{escape(d.title)}</h2></div>'
                f'<div class="info">时间:{d.published:%Y-%m-%d} 来源:{escape(d.source or "党政办")} 作者:党政办 点击:<script src="/plus/count.php?view=yes&aid={p.rsplit("/", 1)[1][:-5]}&mid=1"></script>次</div>'
                f'<div class="content"><font id="zoom">{paras(d, "　　")}</font></div>'
                '<div class="boxoff">【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】'
                '【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>'
                f'<ul class="context"><li>上一篇：<a href="/a/{col}/">返回列表</a></li><li>下一篇：没有了</li></ul></div>'
            )
            s.detail(p, d, _dd_shell(d.title, det, hot), is_notice)
        s.column(f"/a/{col}/", name, [p for p, _ in rows], is_notice)
        s.aliases[f"/a/{col}/list_{tid}_1.html"] = f"/a/{col}/"
    lis = "".join
    home_blocks = ""
    for col, label in (("xwdt", "新闻动态"), ("tzgg", "通知公告"), ("cwgk", "财务公开")):
        items = lis(
            f'<tr><td><a href="{p}">{escape(d.title)}</a></td><td>{d.published:%m-%d}</td></tr>'
            for p, d in rowmap[col][:5]
        )
        home_blocks += f'<table class="homebox"><tr><th>{label}</th><th align="right"><a href="/a/{col}/">更多&gt;&gt;</a></th></tr>{items}</table>'
    home = (
        '<div class="flash"><a href="/a/xwdt/"><img src="/uploads/allimg/banner1.jpg"></a></div>'
        + home_blocks
        + '<div class="yqlj">友情链接：<select onchange="if(this.value!=\'\')window.open(this.value)"><option value="">--政府网站--</option>'
        '<option value="http://www.shimen.gov.cn/">石门县人民政府</option><option value="http://www.hunan.gov.cn/">湖南省人民政府</option></select></div>'
    )
    s.page("/index.html", _dd_shell(DD_NAME, home, hot, home=True))
    s.w.alias("/", "/index.html")
    s.w.external += ["http://www.shimen.gov.cn/", "http://www.hunan.gov.cn/"]
    return s.finish(
        "# farm-y-dede: DedeCMS-era GBK town site (白沙镇人民政府)\n\n"
        "GBK bytes, `Content-Type: text/html` without charset, `<meta … charset=gb2312>`; table layout.\n"
        "Top menu: 网站首页 / 新闻动态 / 通知公告 / 财务公开 / 党建工作 (a dropdown drawn by script: its\n"
        "links — 党务公开 `/a/dwgk/` (404) and 巡察专栏 `/a/xczl/` — exist only inside the JavaScript string\n"
        "`var dj_menu = '<a href=…>…'`; no `<a>` in the HTML and no other page links the column).\n"
        "Notice columns: 巡察专栏 `/a/xczl/` (5 rows, one 推进会 news) and 通知公告 `/a/tzgg/` (6 rows, two of\n"
        "them rectification notices: a column judged by its rows). Decoys: 新闻动态 (动员会, 专题民主生活会),\n"
        "财务公开. A 热门文章 sidebar; province and county portals in a `<select>`'s option values.\n"
    )


def _dd_shell(title: str, main: str, hot: list[tuple[str, Doc]], home: bool = False) -> str:
    hot_html = "".join(f'<li><a href="{p}">{escape(d.title[:14])}</a></li>' for p, d in hot)
    return f"""<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>{escape(title)}{"" if home else "_" + DD_NAME}</title>
<meta name="generator" content="DedeCMS V5.7"><link href="/templets/default/style/dedecms.css" rel="stylesheet" type="text/css"></head>
<body><table width="960" align="center"><tr><td><img src="/templets/default/images/logo.gif" alt="{DD_NAME}"></td></tr></table>
<table width="960" align="center" class="menu"><tr>
<td><a href="/">网站首页</a></td><td><a href="/a/xwdt/">新闻动态</a></td><td><a href="/a/tzgg/">通知公告</a></td><td><a href="/a/cwgk/">财务公开</a></td>
<td id="dj" onmouseover="showMenu('dj')">党建工作</td></tr></table>
<script type="text/javascript">
var dj_menu = '<div class="dropmenu"><a href="/a/dwgk/">党务公开</a><a href="/a/xczl/">巡察专栏</a></div>';
function showMenu(id){{ document.getElementById(id).innerHTML = '党建工作' + dj_menu; }}
</script>
<table width="960" align="center"><tr><td valign="top">{main}</td>
<td width="240" valign="top"><div class="hot"><h3>热门文章</h3><ul>{hot_html}</ul></div></td></tr></table>
<table width="960" align="center" class="footer"><tr><td>主办：{DD_NAME}　地址：石门县白沙镇人民路8号　联系电话：0736-5321001<br>
版权所有 &copy; {DD_NAME}　湘ICP备10002345号　网站标识码：4307260012　技术支持：石门县信息中心　Powered by DedeCMS</td></tr></table></body></html>
"""


# == 5. 政府信息公开 directory tree ==================================================================

GK_NAME = "青石县人民政府信息公开"


def build_gkml() -> SiteWriter:
    """A county 政府信息公开 platform: a zTree directory (nodes in a script array, the top levels also
    as HTML links) of 法定主动公开内容, 重点领域 and 部门 nodes; table lists with 索引号."""
    s = Site(SiteWriter("farm-y-gkml", GK_NAME, "generic", "127.0.0.34"))
    robots(s)
    county = [
        Unit("中共青石县水利局党组", "县水利局党组"),
        Unit("中共青石县民政局党组", "县民政局党组"),
        Unit("中共青石县城市管理局党组", "县城管局党组"),
        Unit("中共青石县乡村振兴局党组", "县乡村振兴局党组"),
        Unit("中共青石县司法局党组", "县司法局党组"),
        Unit("中共青石县委", "青石县委"),
        Unit("中共青石县医疗保障局党组", "县医保局党组"),
        Unit("中共青石县统计局党组", "县统计局党组"),
    ]
    zd_days = days(date(2024, 9, 30), 8, 35)
    zd = [notice_doc(36, k, zd_days[k], county[k], "县委") for k in range(8)]
    zd[5] = notice_doc(36, 5, zd_days[5], county[5], "省委", "巡视")
    jy = [
        notice_doc(37, k, d, u, "县委")
        for k, (d, u) in enumerate(
            [
                (date(2024, 7, 2), Unit("中共青石县教育局党组", "县教育局党组")),
                (date(2024, 3, 15), Unit("中共青石县第一中学委员会", "县一中党委")),
                (date(2023, 11, 20), Unit("中共青石县实验小学支部委员会", "县实验小学党支部")),
            ]
        )
    ]
    wj = [
        notice_doc(38, k, d, u, "县委")
        for k, (d, u) in enumerate(
            [
                (date(2024, 8, 16), Unit("中共青石县卫生健康局党组", "县卫生健康局党组")),
                (date(2024, 1, 9), Unit("中共青石县人民医院委员会", "县人民医院党委")),
                (
                    date(2023, 9, 4),
                    Unit("中共青石县疾病预防控制中心支部委员会", "县疾控中心党支部"),
                ),
            ]
        )
    ]
    cols: dict[str, tuple[str, str, list[Doc], bool]] = {
        "/zdly/xczg/": ("巡察整改", "青石县人民政府", zd, True),
        "/bmxxgk/jyj/xczg/": ("巡察整改", "青石县教育局", jy, True),
        "/bmxxgk/wjj/xczg/": ("巡察整改", "青石县卫生健康局", wj, True),
        "/zdly/czzj/": (
            "财政资金",
            "青石县财政局",
            news_docs(
                [
                    "青石县2024年县级预算执行情况",
                    "青石县2024年第二批衔接推进乡村振兴补助资金分配表",
                    "青石县2023年县级决算",
                ],
                date(2024, 9, 12),
                50,
            ),
            False,
        ),
        "/tzgg/": (
            "通知公告",
            "青石县人民政府办公室",
            news_docs(
                [
                    "青石县2024年下半年事业单位公开招聘公告",
                    "关于调整县城区公交线路的通告",
                    "青石县人民政府关于划定禁止燃放烟花爆竹区域的通告",
                    "关于征集2025年县政府民生实事项目的公告",
                ],
                date(2024, 10, 11),
                15,
            ),
            False,
        ),
        "/gknb/": (
            "政府信息公开年报",
            "青石县人民政府办公室",
            news_docs(
                [
                    "青石县人民政府2023年政府信息公开工作年度报告",
                    "青石县人民政府2022年政府信息公开工作年度报告",
                ],
                date(2024, 1, 28),
                365,
            ),
            False,
        ),
    }
    for col, (name, org, docs, is_notice) in cols.items():
        rows = [
            (f"{col}{d.published:%Y%m}/t{d.published:%Y%m%d}_{770000 + len(col) * 100 + k}.html", d)
            for k, d in enumerate(docs)
        ]
        trs = "\n".join(
            f'<tr><td>{k + 1}</td><td class="xxgk-idx">011203456/{d.published:%Y}-{k + 1:05d}</td>'
            f'<td class="xxgk-name"><a href="{p}" target="_blank" title="{escape(d.title)}">{escape(d.title)}</a></td>'
            f"<td>{escape(org)}</td><td>{d.published:%Y-%m-%d}</td></tr>"
            for k, (p, d) in enumerate(rows)
        )
        crumbs = _gk_crumbs(col, name)
        main = (
            f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; {crumbs}</div>'
            f'<table class="xxgk-list"><tr><th>序号</th><th>索引号</th><th>名称</th><th>发布机构</th><th>生成日期</th></tr>\n{trs}\n</table>'
            f'<div class="page">共{len(rows)}条 1/1页</div>'
        )
        s.page(f"{col}index.html", _gk_shell(name, main))
        s.w.alias(col, f"{col}index.html")
        for k, (p, d) in enumerate(rows):
            det = (
                f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; {crumbs}</div>'
                f'<table class="xxgk-meta"><tr><th>索引号</th><td>011203456/{d.published:%Y}-{k + 1:05d}</td><th>主题分类</th><td>{escape(name)}</td></tr>'
                f"<tr><th>发布机构</th><td>{escape(org)}</td><th>生成日期</th><td>{d.published:%Y-%m-%d}</td></tr>"
                f'<tr><th>名称</th><td colspan="3">{escape(d.title)}</td></tr></table>'
                f'<div class="article"><h1>{escape(d.title)}</h1><div id="zoom">{paras(d)}</div>{TOOLS}</div>'
            )
            s.detail(p, d, _gk_shell(d.title, det), is_notice)
        s.column(col, name, [p for p, _ in rows], is_notice)
    for dep, label in (("jyj", "青石县教育局"), ("wjj", "青石县卫生健康局")):
        menu = (
            f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; 部门信息公开 &gt; {label}</div><div class="dep-menu"><h2>{label}</h2><ul>'
            f'<li><a href="/bmxxgk/{dep}/jgzn/">机构职能</a></li><li><a href="/bmxxgk/{dep}/xczg/">巡察整改</a></li>'
            f'<li><a href="/bmxxgk/{dep}/gzdt/">工作动态</a></li></ul></div>'
        )
        s.page(f"/bmxxgk/{dep}/index.html", _gk_shell(label, menu))
        s.w.alias(f"/bmxxgk/{dep}/", f"/bmxxgk/{dep}/index.html")
        s.decoys.append(f"/bmxxgk/{dep}/")
        jg = f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; {label} &gt; 机构职能</div><div class="article"><h1>{label}机构职能</h1><p>贯彻执行党和国家有关方针政策和法律法规，负责本行业的统筹规划和监督管理。</p><p>办公地址：青石县行政中心；办公时间：工作日9:00-12:00，14:00-17:30。</p></div>'
        s.page(f"/bmxxgk/{dep}/jgzn/index.html", _gk_shell("机构职能", jg))
        s.w.alias(f"/bmxxgk/{dep}/jgzn/", f"/bmxxgk/{dep}/jgzn/index.html")
        s.decoys.append(f"/bmxxgk/{dep}/jgzn/")
    guide = '<div class="crumb">当前位置：<a href="/">首页</a> &gt; 政府信息公开指南</div><div class="article"><h1>青石县人民政府信息公开指南</h1><p>一、主动公开。二、依申请公开：申请人可通过<a href="/ysqgk/">在线申请</a>、信函、当面提交申请。三、监督和救济。</p></div>'
    s.page("/gkzn/index.html", _gk_shell("政府信息公开指南", guide))
    s.w.alias("/gkzn/", "/gkzn/index.html")
    s.decoys.append("/gkzn/")
    apply_ = '<div class="crumb">当前位置：<a href="/">首页</a> &gt; 依申请公开</div><form action="/ysqgk/submit" method="post"><p>申请人姓名：<input name="name"></p><p>所需信息内容描述：<textarea name="desc"></textarea></p></form>'
    s.page("/ysqgk/index.html", _gk_shell("依申请公开", apply_))
    s.w.alias("/ysqgk/", "/ysqgk/index.html")
    s.decoys.append("/ysqgk/")
    login = '<div class="login"><h2>用户登录</h2><form action="/member/login.do" method="post">账号：<input name="u"> 密码：<input type="password" name="p"></form></div>'
    s.page("/member/login.html", _gk_shell("用户登录", login))
    s.decoys.append("/member/login.html")
    sitemap = (
        '<div class="crumb">当前位置：<a href="/">首页</a> &gt; 网站地图</div><ul class="sitemap">'
        '<li><a href="/gkzn/">政府信息公开指南</a></li><li><a href="/tzgg/">通知公告</a></li>'
        '<li>重点领域信息公开：<a href="/zdly/czzj/">财政资金</a> <a href="/zdly/xczg/">巡察整改</a></li>'
        '<li>部门信息公开：<a href="/bmxxgk/jyj/">青石县教育局</a> <a href="/bmxxgk/wjj/">青石县卫生健康局</a></li>'
        '<li><a href="/gknb/">政府信息公开年报</a></li><li><a href="/ysqgk/">依申请公开</a></li></ul>'
    )
    s.page("/sitemap.html", _gk_shell("网站地图", sitemap))
    s.decoys.append("/sitemap.html")
    home = (
        '<div class="gk-home"><div class="gk-entry"><a href="/gkzn/">公开指南</a><a href="/ysqgk/">依申请公开</a><a href="/gknb/">公开年报</a></div>'
        '<div class="notice"><h3>最新公开</h3><p>请在左侧目录中选择栏目查看。</p></div>'
        '<div class="outer"><a href="https://www.gov.cn/zhengce/xxgk/" target="_blank">中国政府网政府信息公开专栏</a> '
        '<a href="http://www.hbzwgk.gov.cn/" target="_blank">省政府信息公开平台</a></div></div>'
    )
    s.page("/index.html", _gk_shell(GK_NAME, home, home=True))
    s.w.alias("/", "/index.html")
    s.w.external += ["https://www.gov.cn/zhengce/xxgk/", "http://www.hbzwgk.gov.cn/"]
    return s.finish(
        "# farm-y-gkml: county 政府信息公开 directory tree (青石县人民政府信息公开)\n\n"
        "The whole site is the directory: a zTree drawn from `var zNodes = [{id, pId, name, url}]` in an\n"
        "inline script; the same top two levels (and the department nodes) also sit in a static\n"
        '`<ul class="tree-fallback">`, so the links appear in the HTML. The home page has no rows.\n'
        "Notice columns: 重点领域信息公开 → 巡察整改 `/zdly/xczg/` (8 rows, one a 巡视 notice), and under\n"
        "部门信息公开 each of 县教育局 `/bmxxgk/jyj/` and 县卫生健康局 `/bmxxgk/wjj/` (department landing\n"
        "menus) a 巡察整改 `/bmxxgk/<dep>/xczg/` (3 rows each; these two nodes are only in zNodes and on\n"
        'the department menus). Lists are `<table class="xxgk-list">` rows 序号 | 索引号 | 名称 | 发布机构 |\n'
        "生成日期. Decoys: 财政资金, 通知公告, 公开年报, 指南, 机构职能, 依申请公开 form, 登录, 网站地图, the\n"
        "department menus; 工作动态 nodes of the departments are 404 (dead links, as on real sites).\n"
    )


def _gk_crumbs(col: str, name: str) -> str:
    if col.startswith("/bmxxgk/jyj/"):
        return f'部门信息公开 &gt; <a href="/bmxxgk/jyj/">青石县教育局</a> &gt; {name}'
    if col.startswith("/bmxxgk/wjj/"):
        return f'部门信息公开 &gt; <a href="/bmxxgk/wjj/">青石县卫生健康局</a> &gt; {name}'
    if col.startswith("/zdly/"):
        return f"重点领域信息公开 &gt; {name}"
    return name


_GK_NODES = [
    (1, 0, "政府信息公开指南", "/gkzn/"),
    (2, 0, "法定主动公开内容", ""),
    (3, 0, "重点领域信息公开", ""),
    (31, 3, "财政资金", "/zdly/czzj/"),
    (32, 3, "巡察整改", "/zdly/xczg/"),
    (4, 0, "通知公告", "/tzgg/"),
    (5, 0, "部门信息公开", ""),
    (51, 5, "青石县教育局", "/bmxxgk/jyj/"),
    (511, 51, "机构职能", "/bmxxgk/jyj/jgzn/"),
    (512, 51, "巡察整改", "/bmxxgk/jyj/xczg/"),
    (52, 5, "青石县卫生健康局", "/bmxxgk/wjj/"),
    (521, 52, "机构职能", "/bmxxgk/wjj/jgzn/"),
    (522, 52, "巡察整改", "/bmxxgk/wjj/xczg/"),
    (6, 0, "政府信息公开年报", "/gknb/"),
    (7, 0, "依申请公开", "/ysqgk/"),
]


def _gk_shell(title: str, main: str, home: bool = False) -> str:
    nodes = ",\n".join(
        f'{{id:{i}, pId:{p}, name:"{n}"'
        + (f', url:"{u}", target:"_self"' if u else ", open:true")
        + "}"
        for i, p, n, u in _GK_NODES
    )
    fallback = "".join(
        f'<li><a href="{u}">{n}</a></li>' if u else f"<li><span>{n}</span></li>"
        for i, p, n, u in _GK_NODES
        if p == 0 or p in (3, 5)
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="UTF-8"><title>{escape(title)}{"" if home else " - " + GK_NAME}</title>
<link rel="stylesheet" href="/static/ztree/zTreeStyle.css"><script src="/static/js/jquery-1.12.4.min.js"></script>
<script src="/static/ztree/jquery.ztree.core.min.js"></script></head><body>
<div class="top"><span>青石县人民政府主办</span> <a href="/member/login.html">登录</a> <a href="/sitemap.html">网站地图</a> <a href="javascript:;" class="wza">无障碍</a></div>
<div class="header"><h1>{GK_NAME}</h1><form action="/search/index.jsp"><input name="q"><button>搜索</button></form></div>
<div class="wrap"><div class="tree-box"><h3>信息公开目录</h3><ul id="gkTree" class="ztree"></ul>
<ul class="tree-fallback">{fallback}</ul>
<script>
var setting = {{data: {{simpleData: {{enable: true}}}}}};
var zNodes = [
{nodes}
];
$(function(){{ $('.tree-fallback').hide(); $.fn.zTree.init($("#gkTree"), setting, zNodes); }});
</script></div>
<div class="gk-main">{main}</div></div>
{footer("青石县人民政府办公室", "4205250001", "鄂ICP备06001234号")}
</body></html>
"""


# == 6. mobile-first single-column 纪委 site =========================================================

MB_NAME = "清风江口"
ON = ' class="on"'


def build_mobile() -> SiteWriter:
    """A mobile-first single-column skin (a 区纪委监委 H5 site): drawer menu, channel tabs, swiper
    banners, card rows `a.news-item` with the date inside the link, a 加载更多 button."""
    s = Site(SiteWriter("farm-y-mobile", "江口区纪委监委", "generic", "127.0.0.35"))
    robots(s)
    units = [
        Unit("中共江口区住房和城乡建设局党组", "区住建局党组"),
        Unit("中共江口区滨江街道工作委员会", "滨江街道党工委"),
        Unit("中共江口区商务局党组", "区商务局党组"),
        Unit("中共江口区人民医院委员会", "区人民医院党委"),
        Unit("中共江口区应急管理局党组", "区应急管理局党组"),
        Unit("中共江口区东山镇委员会", "东山镇党委"),
    ]
    zg_days = days(date(2024, 10, 21), 6, 39)
    zg = [notice_doc(39, k, zg_days[k], units[k], "区委") for k in range(6)]
    cols: dict[int, tuple[str, list[Doc], bool]] = {
        15: ("整改落实", zg, True),
        11: (
            "要闻",
            news_docs(
                [
                    "区纪委全会召开",
                    "区纪委监委开展“四风”问题专项整治",
                    "区纪委监委召开警示教育大会",
                ],
                date(2024, 10, 25),
                8,
            ),
            False,
        ),
        12: (
            "巡视动态",
            news_docs(
                [
                    "市委第二巡察组巡察江口区动员会召开",
                    "市委巡视整改督导组来我区督导",
                    "区委第三轮巡察反馈会召开",
                    "区委巡察整改落实情况汇报会召开",
                ],
                date(2024, 10, 18),
                14,
            ),
            False,
        ),
        16: (
            "通知公告",
            news_docs(
                [
                    "江口区纪委监委2024年公开选调工作人员公告",
                    "关于公布区纪委监委信访举报电话的公告",
                    "关于元旦春节期间严明纪律要求的通知",
                ],
                date(2024, 9, 30),
                40,
            ),
            False,
        ),
        17: (
            "曝光台",
            news_docs(
                [
                    "区纪委监委公开通报4起违反中央八项规定精神典型问题",
                    "关于3起群众身边不正之风和腐败问题典型案例的通报",
                ],
                date(2024, 9, 9),
                35,
            ),
            False,
        ),
    }
    rowmap: dict[int, list[tuple[str, Doc]]] = {}
    for cid, (_, docs, _) in cols.items():
        rowmap[cid] = [
            (f"/art/{d.published:%Y}/{d.published:%m%d}/{15000 + cid * 30 + k}.html", d)
            for k, d in enumerate(docs)
        ]
    for cid, (name, _docs, is_notice) in cols.items():
        rows = rowmap[cid]
        items = "\n".join(
            f'<a class="news-item" href="{p}"><div class="t">{escape(d.title)}</div>'
            f'<div class="d"><span class="tag">{name}</span><span class="time">{d.published:%Y-%m-%d}</span></div></a>'
            for p, d in rows
        )
        main = (
            f'<div class="page-hd"><a href="javascript:history.back()" class="back">&lt;</a><h2>{name}</h2></div>'
            f'<div class="news-list" id="list">\n{items}\n</div>'
            f'<div class="load-more" data-url="/api/channel/list?cid={cid}&page=2" data-total="{len(rows)}">没有更多了</div>'
        )
        s.page(f"/list/{cid}.html", _mb_shell(name, main, active=cid))
        for p, d in rows:
            det = (
                f'<div class="page-hd"><a href="/list/{cid}.html" class="back">&lt;</a><h2>{name}</h2></div>'
                f'<div class="article"><h1>{escape(d.title)}</h1><div class="meta"><span>{d.published:%Y-%m-%d}</span>'
                f'<span>{escape(d.source or "区纪委监委")}</span><span>阅读 <em id="pv"></em></span></div>'
                f'<div class="article-body">{paras(d)}</div><div class="share-bar">分享到：<a>微信</a><a>朋友圈</a></div>'
                f'<div class="pn"><p>上一篇：<a href="/list/{cid}.html">返回列表</a></p><p>下一篇：没有了</p></div></div>'
            )
            s.detail(p, d, _mb_shell(d.title, det, active=cid), is_notice)
        s.column(f"/list/{cid}.html", name, [p for p, _ in rows], is_notice)
    zt_docs = news_docs(
        ["【纪法课堂】违规收送礼品礼金的认定", "【纪法课堂】什么是“一案双查”"],
        date(2024, 5, 10),
        21,
    )
    zt_rows = [(f"/zt/jfkt/{d.published:%Y%m%d}{k}.html", d) for k, d in enumerate(zt_docs)]
    items = "".join(
        f'<a class="news-item" href="{p}"><div class="t">{escape(d.title)}</div><div class="d"><span class="time">{d.published:%Y-%m-%d}</span></div></a>'
        for p, d in zt_rows
    )
    s.page(
        "/zt/jfkt/index.html",
        _mb_shell(
            "纪法课堂",
            f'<div class="zt-banner"><img src="/static/img/zt_jfkt.jpg"></div><div class="news-list">{items}</div>',
        ),
    )
    s.w.alias("/zt/jfkt/", "/zt/jfkt/index.html")
    s.decoys.append("/zt/jfkt/")
    for p, d in zt_rows:
        s.page(
            p,
            _mb_shell(
                d.title,
                f'<div class="article"><h1>{escape(d.title)}</h1><div class="article-body">{paras(d)}</div></div>',
            ),
        )
    login = '<div class="login"><h2>登录</h2><form action="/user/doLogin" method="post"><input name="mobile" placeholder="手机号"><input name="code" placeholder="验证码"></form></div>'
    s.page("/user/login.html", _mb_shell("登录", login))
    s.decoys.append("/user/login.html")
    hot = rowmap[11][:2] + rowmap[12][:1] + rowmap[17][:1]
    feed = sorted(
        [r for cid in (11, 12, 16) for r in rowmap[cid][:2]],
        key=lambda r: r[1].published,
        reverse=True,
    )
    feed_html = "".join(
        f'<a class="news-item" href="{p}"><div class="t">{escape(d.title)}</div><div class="d"><span class="time">{d.published:%m-%d}</span></div></a>'
        for p, d in feed
    )
    hot_html = "".join(f'<li><a href="{p}">{escape(d.title)}</a></li>' for p, d in hot)
    home = (
        '<div class="swiper-container"><div class="swiper-wrapper">'
        '<div class="swiper-slide"><a href="/zt/jfkt/"><img src="/static/img/banner_jfkt.jpg" alt="纪法课堂"></a></div>'
        '<div class="swiper-slide"><a href="https://www.12388.gov.cn/" target="_blank"><img src="/static/img/banner_12388.jpg" alt="12388"></a></div>'
        '<div class="swiper-slide"><a href="http://www.qfjz.gov.cn/zt/2024jsjy/" target="_blank"><img src="/static/img/banner_sjw.jpg" alt="市纪委专题"></a></div></div></div>'
        '<div class="grid-entry"><a href="/list/11.html"><i class="ic1"></i>要闻</a><a href="/list/12.html"><i class="ic2"></i>巡视动态</a>'
        '<a href="/list/17.html"><i class="ic3"></i>曝光台</a><a href="https://www.12388.gov.cn/" target="_blank"><i class="ic4"></i>我要举报</a></div>'
        f'<div class="sec"><div class="sec-hd"><h3>最新发布</h3><a href="/list/11.html" class="more">更多&gt;&gt;</a></div><div class="news-list">{feed_html}</div></div>'
        f'<div class="sec"><div class="sec-hd"><h3>热点</h3></div><ol class="hot">{hot_html}</ol></div>'
    )
    s.page("/index.html", _mb_shell(MB_NAME, home, home=True))
    s.w.alias("/", "/index.html")
    s.w.external += ["https://www.12388.gov.cn/", "http://www.qfjz.gov.cn/zt/2024jsjy/"]
    return s.finish(
        "# farm-y-mobile: mobile-first single-column 纪委 site (清风江口, 江口区纪委监委)\n\n"
        "`<meta name=viewport>`, one column; a drawer menu (☰) of channel links `/list/<cid>.html`; a swipe\n"
        "tab bar of the same channels; swiper banners (纪法课堂 专题, 12388, the city 纪委's 专题 — external);\n"
        "a 4-icon grid; a 最新发布 feed (要闻, 巡视动态, 通知公告 rows; 更多>> to 要闻) and a 热点 list. Rows are\n"
        "cards `a.news-item > div.t + div.d > span.time`, the whole card one link; a `load-more` button.\n"
        "Notice column: 整改落实 `/list/15.html` (6 rows), linked only from the drawer and tab bar. Decoys:\n"
        "要闻, 巡视动态 (news only: 动员会, 督导, 反馈会, 汇报会), 通知公告, 曝光台 (典型问题通报: 通报, not\n"
        "rectification), the 纪法课堂 专题, the 登录 page.\n"
    )


def _mb_shell(title: str, main: str, active: int = 0, home: bool = False) -> str:
    chans = [(11, "要闻"), (12, "巡视动态"), (15, "整改落实"), (16, "通知公告"), (17, "曝光台")]
    tabs = "".join(f'<a href="/list/{c}.html"{ON if c == active else ""}>{n}</a>' for c, n in chans)
    drawer = "".join(f'<li><a href="/list/{c}.html">{n}</a></li>' for c, n in chans)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=no">
<meta name="format-detection" content="telephone=no"><title>{escape(title)}{"" if home else " - " + MB_NAME}</title>
<link rel="stylesheet" href="/static/css/m.css"><link rel="stylesheet" href="/static/css/swiper.min.css"><script src="/static/js/zepto.min.js"></script></head><body>
<header class="m-header"><a href="/" class="logo"><img src="/static/img/logo_m.png" alt="{MB_NAME}"></a><span class="menu-btn" onclick="toggleDrawer()">☰</span><a href="/user/login.html" class="user">登录</a></header>
<nav class="drawer" id="drawer"><ul><li><a href="/">首页</a></li>{drawer}<li><a href="https://www.12388.gov.cn/" target="_blank">我要举报</a></li></ul></nav>
<div class="tab-bar swiper-tabs">{tabs}</div>
<main>{main}</main>
<footer class="m-footer"><p>主办：中共江口区纪律检查委员会 江口区监察委员会</p><p>版权所有：中共江口区纪委　技术支持：江口区融媒体中心</p><p>举报电话：12388　浙ICP备15012345号</p><p><a href="/?pc=1">电脑版</a></p></footer>
<script>function toggleDrawer(){{document.getElementById('drawer').classList.toggle('open');}}</script>
</body></html>
"""


BUILDERS = [build_trs, build_hanweb, build_vsb, build_dede, build_gkml, build_mobile]
