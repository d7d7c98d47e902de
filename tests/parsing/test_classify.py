"""Notices and the documents that open with the same sentence but are not notices."""

from __future__ import annotations

import pytest

from pipelines.parsing import parse_notice
from pipelines.parsing.classify import NO_EVIDENCE, POINTS_TO_NOTICE, RULES, pointed_document
from pipelines.parsing.notice import parse_with_decision
from tests.parsing.titleless import EXCERPT, variants

OPENING = "根据县委统一部署，2023年4月10日至6月10日，县委第一巡察组对县人民医院党委开展了常规巡察。"

CASES = {
    "notice": (
        "中共某县人民医院委员会关于巡察整改情况的通报\n" + OPENING + "现将巡察整改情况予以公布。\n"
        "一、整改落实情况\n1.理论学习不够深入。已整改。\n2.财务管理不规范。已整改。\n"
        "欢迎广大干部群众对巡察整改落实情况进行监督。",
        True,
    ),
    "untitled-notice": (
        OPENING + "按照党务公开原则，现将巡察整改进展情况予以公布。\n一、问题整改情况\n"
        "(一)针对理论学习不到位问题。已修订制度，整改到位。\n(二)针对采购不规范问题。已整改。",
        True,
    ),
    "te-jiang-notice": (
        OPENING + "特将巡察整改进展情况公告如下：\n一、问题整改情况\n1.理论学习不够深入。已整改。\n"
        "2.采购管理不规范。已整改。\n欢迎监督。",
        True,
    ),
    "mobilisation-news": (
        "县委第一巡察组进驻县人民医院开展巡察工作\n" + OPENING + "4月10日，巡察工作动员会召开。"
        "巡察组组长作了动员讲话，县人民医院党委书记作了表态发言，表示将全力配合，抓好整改。",
        False,
    ),
    "feedback-news": (
        "县委第一巡察组向县人民医院党委反馈巡察情况\n近日，县委第一巡察组向县人民医院党委反馈巡察情况。"
        + OPENING
        + "巡察组指出了存在的问题：一是落实医改政策不到位；二是医疗收费不规范。"
        "巡察组要求认真整改，整改情况按规定报告并向社会公开。",
        False,
    ),
    "central-feedback-news": (
        (
            "中央第三巡视组向某某集团党组反馈巡视情况\n根据中央统一部署，中央第三巡视组于2023年4月至6月对某某集团"
            "党组进行了常规巡视。巡视组指出，集团党组落实主体责任不够到位，存在廉政风险。巡视组要求，要认真抓好整改，"
            "整改落实情况要按规定及时报送并向社会公开。一是要提高站位；二是要压实责任；三是要建章立制。"
        ),
        False,
    ),
    "audit-announcement": (
        (
            "关于2022年度预算执行审计查出问题整改情况的公告\n现将审计查出问题的整改情况公告如下：\n"
            "一、整改总体情况\n审计查出问题46个，已完成整改41个。\n二、具体整改情况\n(一)预算编制不细的问题。已整改。"
        ),
        False,
    ),
    "article-about-notices": (
        (
            "我市集中公布巡察整改进展情况\n日前，市纪委监委网站集中公布了市委第三轮巡察的8家单位巡察整改进展情况。"
            "据了解，各单位对巡察反馈问题逐条整改，共整改问题236个，整改情况接受群众监督。"
        ),
        False,
    ),
    "findings-disclosure": (
        "七届市委第五轮巡察反馈情况\n"
        + OPENING
        + "近日，市委各巡察组反馈了巡察意见。巡察指出存在以下问题："
        "落实主体责任不够到位，工程项目监管存在廉政风险。巡察组要求被巡察单位抓好整改，整改情况报送巡察办。",
        False,
    ),
    "meeting-report": (
        "县人民医院党委召开巡察整改专题民主生活会\n"
        + OPENING
        + "会上，班子成员对照巡察反馈问题逐一检视，"
        "明确了整改措施。会议强调，要抓好巡察整改，整改情况向社会公开。",
        False,
    ),
    "news-title-about-a-notice": (
        "县水利局公布巡察整改进展情况\n据了解，该局对照巡察反馈的12个问题逐项整改，"
        "目前已完成整改10个，整改情况接受社会监督。" + OPENING,
        False,
    ),
    "rectification-plan": (
        (
            "关于印发《县人民医院党委落实县委巡察反馈意见整改方案》的通知\n各支部：\n现将《县人民医院党委落实县委"
            "巡察反馈意见整改方案》印发给你们，请结合实际认真抓好整改落实，进行整改。\n一、整改任务\n"
            "1.理论学习不深入的问题。整改措施：修订制度。\n2.采购不规范的问题。整改措施：开展检查。"
        ),
        False,
    ),
    "inspection-office-summary": (
        (
            "中共某县委巡察工作领导小组办公室关于县委第三轮巡察整改情况的通报\n"
            "根据县委统一部署，县委第三轮巡察对县水利局等5个单位开展了常规巡察。现将整改情况通报如下：\n"
            "县水利局党组对反馈的9个问题已完成整改8个；县审计局党组已全部完成整改。\n"
            "欢迎干部群众监督。\n中共某县委巡察工作领导小组办公室\n2023年5月6日"
        ),
        False,
    ),
    "summary-of-many-units-without-a-publisher": (
        (
            "县委第三轮巡察整改工作情况\n十四届县委第三轮巡察对县水利局等8个单位开展了常规巡察。"
            "各被巡察单位党组织对照问题清单抓好整改，整改情况已在各单位网站公开，整改工作取得阶段性成效。"
        ),
        False,
    ),
    "case-report": (
        (
            "市纪委监委通报3起巡察整改不力典型问题\n"
            "近日，经市委同意，市纪委监委对3起巡察整改不力典型问题进行通报。具体如下：\n"
            "1.某县水利局原局长张某某巡察整改敷衍应付问题。张某某受到党内严重警告处分。\n"
            "2.某镇党委书记李某某巡察整改不到位问题。李某某受到诫勉谈话。\n"
            "各级党组织要引以为戒，切实抓好巡察整改。"
        ),
        False,
    ),
    "case-report-in-a-notice-form-title": (
        (
            "关于5起巡视整改不力典型问题的通报\n现将5起巡视整改不力典型问题通报如下：\n"
            "一、某县住建局巡视整改走过场问题。给予局长张某党内警告处分。\n"
            "二、某区教育局整改不到位问题。给予相关责任人诫勉。\n各地各部门要以案为鉴，抓好巡视整改。"
        ),
        False,
    ),
    "untitled-case-report": (
        (
            "为压实巡察整改责任，县纪委监委对四起落实巡察整改责任不力典型案例进行公开通报。\n"
            "1.县农业农村局整改不力问题。相关人员受到批评教育。\n"
            "2.某镇整改虚假问题。党委书记受到诫勉谈话处理。\n要求各级党组织抓好巡察整改落实。"
        ),
        False,
    ),
    "notice-that-reports-cases-among-its-measures": (
        "中共某县人民医院委员会关于巡察整改情况的通报\n" + OPENING + "现将巡察整改情况予以公布。\n"
        "一、整改落实情况\n1.理论学习不够深入。已整改。\n2.作风建设不扎实。召开警示教育会，"
        "通报3起违反中央八项规定精神典型问题，已整改。\n欢迎广大干部群众对巡察整改落实情况进行监督。",
        True,
    ),
    "article-title": (
        (
            "某县巡察整改情况综述\n" + OPENING + "县人民医院党委对照问题清单抓好整改，"
            "整改情况在医院网站公开。整改工作取得阶段性成效。"
        ),
        False,
    ),
    "unit-signing-for-itself-names-many-units": (
        "中共某县水利局党组关于巡察整改情况的通报\n"
        + OPENING.replace("县人民医院党委", "县水利局等5个单位")
        + "现将巡察整改情况予以公布。\n一、整改落实情况\n1.理论学习不够深入。已整改。\n"
        "2.财务管理不规范。已整改。\n中共某县水利局党组\n2023年5月6日",
        True,
    ),
    "short-notice-with-a-notice-title": (
        (
            "中共某县档案馆党组关于县委巡察反馈问题整改情况的通报\n"
            "2022年9月5日至10月28日，县委第二巡察组对县档案馆党组开展了常规巡察。"
            "现将整改情况通报如下：\n一、理论学习不够深入。已修订学习制度。\n"
            "二、档案库房安全隐患较多。已更换消防设施。\n欢迎广大干部群众监督。"
        ),
        True,
    ),
    "pointer-to-an-attachment": (
        (
            "现将《某县林业局党组关于县委巡察整改情况的通报》予以公布，详见附件。\n"
            "某县林业局党组关于县委巡察整改情况的通报.ofd"
        ),
        True,
    ),
    "pointer-without-any-attachment": (
        "现将《某县林业局党组关于县委巡察整改情况的通报》予以公布，详见附件。",
        False,
    ),
    "call-for-comments-on-a-plan": (
        (
            "关于公开征求《县人民医院党委巡察整改方案（征求意见稿）》意见的公告\n"
            "为做好县委第一巡察组反馈问题整改工作，现将整改方案全文公布，征求社会各界意见。\n"
            "一、征求意见时间：2023年7月1日至7月10日。\n二、意见请发送至电子邮箱：yyzg@163.com。"
        ),
        False,
    ),
    "list-page-of-notices": (
        (
            "县人民医院党委关于县委巡察整改进展情况的通报　2023-09-20\n"
            "县中医院党委关于县委巡察整改情况的通报 2023-09-12\n"
            "县疾控中心党支部关于巡察整改进展情况的通报　2023年8月30日\n"
            "县妇幼保健院党支部关于巡察整改情况的报告　2023-08-21"
        ),
        False,
    ),
    "notice-with-one-dated-title-line": (
        "县人民医院党委关于县委巡察整改进展情况的通报　2023-09-20\n"
        + OPENING
        + "现将巡察整改情况予以公布。\n一、整改落实情况\n1.理论学习不够深入。已整改。\n"
        "2.财务管理不规范。已整改。",
        True,
    ),
    "no-inspection": (
        "关于开展安全生产大检查的通知\n各单位要认真整改发现的问题，整改情况于月底报送。",
        False,
    ),
}

# A notice's own text without its title line (an attachment's text, an excerpt, a repost that
# drops the heading), and the near-misses that open the same way.
FEEDBACK = "2023年7月5日，县委第一巡察组向县人民医院党委反馈了巡察意见。"
SECTIONS = (
    "一、整改工作开展情况\n医院党委召开专题会议，制定整改方案，明确整改措施36条。\n"
    "二、反馈问题整改落实情况\n（一）理论学习不够深入。已修订学习制度，已完成整改。\n"
    "（二）药品采购管理不规范。已开展专项检查，正在推进。\n"
)
LONG_NOTICE = (
    OPENING + FEEDBACK + "按照党务公开原则和巡察工作有关要求，现将巡察整改进展情况予以公布。\n"
    "一、提高政治站位，扛牢整改政治责任\n"
    + "医院党委把巡察整改作为重大政治任务，召开党委会议专题研究，成立整改工作领导小组。" * 8
    + "\n"
    + SECTIONS
)
UNTITLED = {
    "untitled-without-a-publishing-sentence": (
        OPENING + FEEDBACK + "医院党委高度重视。\n" + SECTIONS,
        True,
    ),
    "untitled-xianjiu": (OPENING + FEEDBACK + "现就巡察整改情况通报如下：\n" + SECTIONS, True),
    "untitled-youguan-qingkuang": (
        (
            "根据中央统一部署，2021年5月至7月，十九届中央第七巡视组对某某部党组进行了常规巡视。"
            "8月30日，中央第七巡视组向某某部党组反馈了巡视意见。现将有关情况报告如下：\n"
            "一、提高站位抓整改\n党组召开会议12次。\n二、逐项推进问题整改\n"
            "1.落实主体责任不够到位。已修订责任清单，整改到位。\n2.选人用人不规范。已完成整改。"
        ),
        True,
    ),
    "untitled-under-a-section-heading": (
        "一、巡察基本情况\n" + OPENING + FEEDBACK + "\n二、整改落实情况\n"
        "①理论学习不够深入。已完成整改。\n②采购管理不规范。正在推进。",
        True,
    ),
    "excerpt-of-800-characters": (LONG_NOTICE[:EXCERPT], True),
    "excerpt-with-one-problem": (
        OPENING + FEEDBACK + "现将巡察整改进展情况予以公布。\n一、整改工作开展情况\n"
        "医院党委制定整改方案。\n二、反馈问题整改落实情况\n（一）理论学习不够深入。已完成整改。",
        True,
    ),
    "untitled-traditional-repost": (
        (
            "根據縣委統一部署，2022年9月5日至10月28日，縣委第二巡察組對縣教育局黨組開展了常規巡察，"
            "並於2022年12月16日反饋了巡察意見。\n一、整改工作總體情況\n局黨組制定整改措施36條。\n"
            "二、反饋問題整改落實情況\n（一）落實教育方針不夠到位。已完成整改。\n"
            "（二）校園安全管理存在薄弱環節。正在推進整改。"
        ),
        True,
    ),
    "untitled-meeting-news": (
        "5月12日，县人民医院党委召开巡察整改工作推进会，传达学习县委第一巡察组反馈意见。"
        + OPENING
        + FEEDBACK
        + "\n会议指出，要把巡察整改作为重大政治任务。会议要求，一要提高站位；"
        "二要压实责任，确保整改到位。\n一、整改任务\n1.理论学习问题。整改措施：修订制度。\n"
        "2.采购问题。整改措施：开展检查。",
        False,
    ),
    "untitled-mobilisation-news": (
        "4月10日，县委第一巡察组巡察县人民医院党委工作动员会召开，巡察组组长作动员讲话。"
        + OPENING
        + "巡察期间设立举报电话，巡察结束后将反馈巡察意见，督促抓好整改，整改情况向社会公开。",
        False,
    ),
    "untitled-findings-disclosure": (
        (
            "根据中央统一部署，2023年4月至6月，中央第三巡视组对某某集团党组进行了常规巡视。"
            "2023年7月12日，中央第三巡视组向某某集团党组反馈巡视情况。\n"
            "巡视组指出，集团党组落实主体责任不够到位，存在廉政风险。\n巡视组提出意见建议：\n"
            "一、压实整改责任，已完成的要巩固。\n二、建立长效机制，整改措施要具体。\n"
            "巡视组强调，整改落实情况要按规定报送并向社会公开。"
        ),
        False,
    ),
    "untitled-feedback-meeting-news": (
        "近日，县委第二巡察组向县教育局党组反馈巡察情况。"
        + OPENING
        + "\n反馈会上，巡察组组长通报了巡察情况，指出了存在的问题，要求抓好整改。整改情况向社会公开。",
        False,
    ),
    "untitled-audit-report": (
        (
            "根据《中华人民共和国审计法》规定，现将2022年度县级预算执行审计查出问题的整改情况报告如下：\n"
            "一、整改总体情况\n审计查出的46个问题中，已完成整改41个。\n二、具体整改情况\n"
            "（一）预算编制不够细化的问题。已修订办法。"
        ),
        False,
    ),
    "untitled-article-about-notices": (
        (
            "日前，市纪委监委网站集中公布了市委第三轮巡察的8家被巡察单位巡察整改进展情况。\n"
            "据了解，各被巡察单位对巡察反馈的问题逐条整改，已完成整改问题236个。"
        ),
        False,
    ),
    "untitled-plan-circular": (
        "各支部：\n现将《县人民医院党委落实县委巡察反馈意见整改方案》印发给你们，请认真抓好整改落实。\n"
        + OPENING
        + FEEDBACK
        + "\n一、整改任务\n1.理论学习不深入的问题。整改措施：修订制度。\n"
        "2.采购不规范的问题。整改措施：开展检查。",
        False,
    ),
    "untitled-traditional-findings-news": (
        (
            "根據市委統一部署，市委第三巡察組對市住建局黨組開展了常規巡察，並於近日反饋了巡察情況。\n"
            "巡察組指出，市住建局黨組落實主體責任不夠到位。巡察組要求抓好整改，整改情況向社會公開。"
        ),
        False,
    ),
}
CASES |= UNTITLED


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_is_notice(text: str, expected: bool) -> None:
    assert parse_notice(text).is_notice is expected


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        pytest.param(
            None,
            "现将《中共某县林业局党组关于县委巡察整改情况的通报》予以公布，详见附件。",
            "中共某县林业局党组关于县委巡察整改情况的通报",
            id="quoted-name",
        ),
        pytest.param(
            "某县林业局巡察整改进展情况公示",
            "具体内容请下载附件。",
            "某县林业局巡察整改进展情况公示",
            id="page-title",
        ),
        pytest.param("工作动态", "详见附件。", None, id="no-notice-title"),
        pytest.param("县林业局召开巡察整改情况通报会", "详见附件。", None, id="meeting"),
        pytest.param("关于征求巡察整改意见建议的公告", "详见附件。", None, id="call-for-comments"),
        pytest.param(
            "县林业局巡察整改工作情况报告",
            "详见附件。",
            "县林业局巡察整改工作情况报告",
            id="report",
        ),
        pytest.param(None, "现将《县林业局落实巡察整改方案》予以公布，详见附件。", None, id="plan"),
        pytest.param(
            "关于巡察整改情况的通报",
            "根据县委统一部署，县委巡察组开展了巡察。" * 10 + "详见附件。",
            None,
            id="long-body-is-not-a-pointer",
        ),
        pytest.param(
            "关于巡察整改情况的通报",
            "根据县委统一部署，县委巡察组开展了巡察。" * 7 + "详见附件。",
            "关于巡察整改情况的通报",
            id="a-pointer-under-the-shared-length",  # 130 CJK: over the classifier's old 120
        ),
        pytest.param("关于巡察整改情况的通报", "现予公布。", None, id="no-pointer"),
    ],
)
def test_pointed_document(title: str | None, body: str, expected: str | None) -> None:
    assert pointed_document(title, [body]) == expected


# The rule that decides each case above, and cases for the rules none of them reaches.
RULE_OF_CASE = {
    "notice": "title_names_rectification",
    "untitled-notice": "lists_problems",
    "mobilisation-news": "meeting_title",
    "feedback-news": "feedback_title",
    "audit-announcement": "no_inspection_word",
    "article-about-notices": "news_report",
    "meeting-report": "no_notice_evidence",
    "rectification-plan": "plan_title",
    "inspection-office-summary": "inspection_office_summary",
    "summary-of-many-units-without-a-publisher": "many_units_summary",
    "article-title": "article_title",
    "pointer-to-an-attachment": "points_to_notice",
    "pointer-without-any-attachment": "few_rectification_mentions",
    "call-for-comments-on-a-plan": "consultation_draft",
    "list-page-of-notices": "list_page",
    "excerpt-with-one-problem": "opening_reports_rectification",
    "untitled-meeting-news": "meeting_news",
    "untitled-findings-disclosure": "findings_news",
    "untitled-plan-circular": "plan_circular",
    "case-report": "case_report",
}
RULE_CASES = {
    **{rule: CASES[name][0] for name, rule in RULE_OF_CASE.items()},
    "audit_rectification": (
        "关于审计查出问题整改情况的公告\n现将审计查出问题的整改情况公告如下：\n一、整改总体情况\n"
        "审计查出问题4个，已完成整改4个。\n二、下一步\n结合巡察反馈问题一并整改。"
    ),
    "no_own_report": "县人民医院开展巡察整改工作\n医院对照巡察反馈问题抓好整改，整改工作有序推进。",
    "invites_supervision": (
        "现将巡察整改情况予以公布。整改工作持续推进，整改成效明显。欢迎社会各界监督。"
    ),
    "first_person": "我局现将巡察整改情况予以公布。整改工作持续推进，整改成效明显。",
}


@pytest.mark.parametrize(("rule", "text"), RULE_CASES.items(), ids=RULE_CASES.keys())
def test_the_decision_names_its_rule(rule: str, text: str) -> None:
    parsed = parse_with_decision(text)
    assert parsed.decision.rule == rule
    assert parsed.decision.is_notice is parsed.record.is_notice


def test_every_rule_decides_a_case() -> None:
    rules = {rule for rule, _, _ in RULES} | {NO_EVIDENCE.rule, POINTS_TO_NOTICE.rule}
    assert rules - RULE_CASES.keys() == set()


@pytest.mark.parametrize(
    ("text", "expected"), [v[1:] for v in variants()], ids=[v[0] for v in variants()]
)
def test_fixtures_without_their_title(text: str, expected: bool) -> None:
    """Every fixture notice (and non-notice) keeps its verdict without its title line, and
    cut at 800 characters after that."""
    assert parse_notice(text).is_notice is expected
